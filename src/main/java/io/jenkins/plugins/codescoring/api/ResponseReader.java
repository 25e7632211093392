package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Accepts an answer as JSON only when it is a complete, successful JSON answer; otherwise says why not. */
final class ResponseReader {
    private final Failures failures;

    ResponseReader(Failures failures) {
        this.failures = failures;
    }

    JsonNode json(Answer answer) throws CodescoringException {
        if (!answer.isSuccess()) {
            throw failures.forStatus(answer);
        }
        if (!answer.isBodyComplete()) {
            throw failures.tooLarge(answer);
        }
        if (answer.isHtml()) {
            throw failures.html(answer);
        }
        if (answer.isBodyBlank()) {
            throw failures.unreadable(answer, "the answer is empty");
        }
        try {
            return Json.parse(answer.bytes());
        } catch (StreamConstraintsException e) {
            throw failures.unreadable(answer, "the JSON is nested too deeply or holds an overlong text");
        } catch (IOException e) {
            // The parser's message may quote the body, so only say that it is not JSON.
            throw failures.unreadable(answer, "the answer is not valid JSON");
        }
    }
}
