package io.jenkins.plugins.codescoring.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads the answer to a start request. Any success means started, whatever the body; a refusal that
 * says another analysis is running means "already running" (only one overall analysis may run).
 */
final class StartAnswers {
    /** Words of the platform's "There is already running analysis" / "Parallel execution forbidden", in English and Russian. */
    private static final List<String> ALREADY_RUNNING =
            List.of("already running", "in progress", "parallel", "already started", "уже запущен", "выполняется");

    private final Failures failures;
    private final ResponseReader responses;
    private final ModelReader models;

    StartAnswers(Failures failures, ResponseReader responses, ModelReader models) {
        this.failures = failures;
        this.responses = responses;
        this.models = models;
    }

    StartOutcome outcome(Answer answer) throws CodescoringException {
        if (answer.isSuccess()) {
            // A login page answering the POST means nothing was started.
            if (answer.isHtml()) {
                throw failures.html(answer);
            }
            return StartOutcome.started(runId(answer));
        }
        int status = answer.status();
        if ((status == 400 || status == 409 || status == 423)
                && saysAlreadyRunning(ErrorDetail.of(answer) + " " + answer.text())) {
            return StartOutcome.alreadyRunning();
        }
        throw failures.forStatus(answer);
    }

    static boolean saysAlreadyRunning(String text) {
        String normalized = text.toLowerCase(Locale.ROOT).replace('_', ' ');
        return ALREADY_RUNNING.stream().anyMatch(normalized::contains);
    }

    private String runId(Answer answer) {
        if (!answer.isBodyComplete() || answer.isBodyBlank()) {
            return null;
        }
        try {
            return models.startedRunId(responses.parse(answer));
        } catch (IOException e) {
            return null;
        }
    }
}
