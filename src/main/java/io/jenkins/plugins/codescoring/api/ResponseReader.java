package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Accepts an answer as JSON only when it is a complete, successful JSON answer; otherwise says why not.
 * The token is masked in the answer before it is read, so whatever the platform echoes back (in an
 * error text, a policy name, an id) can never reach a result, a report or a log.
 */
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
            return parse(answer);
        } catch (StreamConstraintsException e) {
            throw failures.unreadable(answer, "the JSON is nested too deeply or holds an overlong text");
        } catch (IOException e) {
            // The parser's message may quote the body, so only say that it is not JSON.
            throw failures.unreadable(answer, "the answer is not valid JSON");
        }
    }

    /** The answer's JSON read as one model object, e.g. with {@code ModelReader::status}. */
    <T> T read(Answer answer, Pager.ItemReader<T> reader) throws CodescoringException {
        JsonNode json = json(answer);
        try {
            return reader.read(json);
        } catch (UnexpectedShape e) {
            throw failures.unreadable(answer, e.getMessage());
        }
    }

    /** The body as JSON with the token masked, whatever the status; no checks. */
    JsonNode parse(Answer answer) throws IOException {
        String text = answer.text();
        String masked = failures.redactKnown(text);
        return Json.parse(masked.equals(text) ? answer.bytes() : masked.getBytes(StandardCharsets.UTF_8));
    }
}
