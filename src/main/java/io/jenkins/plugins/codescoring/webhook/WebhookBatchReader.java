package io.jenkins.plugins.codescoring.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {"events":[{"created_at", "trigger", "payload"}, ...]}} from a body that anyone who knows
 * the token may have written: nesting, string length and the number of events are limited, and errors
 * say what is wrong without quoting the body.
 */
final class WebhookBatchReader {
    static final int MAX_EVENTS = 1_000;
    static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(WebhookReceiver.MAX_BODY_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private WebhookBatchReader() {}

    static List<WebhookEvent> read(byte[] body) throws MalformedBatch {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new MalformedBatch("The body is not a JSON object.");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new MalformedBatch("The body has no \"events\" array.");
        }
        if (events.size() > MAX_EVENTS) {
            throw new MalformedBatch.TooManyEvents(
                    "The body has " + events.size() + " events; at most " + MAX_EVENTS + " are read one by one.");
        }
        List<WebhookEvent> read = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.isObject()) {
                throw new MalformedBatch("Event " + (i + 1) + " is not a JSON object.");
            }
            JsonNode trigger = event.get("trigger");
            if (trigger == null || !trigger.isTextual() || trigger.asText().isBlank()) {
                throw new MalformedBatch("Event " + (i + 1) + " has no \"trigger\" text.");
            }
            read.add(WebhookEvent.of(event));
        }
        return read;
    }

    private static JsonNode parse(byte[] body) throws MalformedBatch {
        if (body.length == 0) {
            throw new MalformedBatch("The body is empty.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new MalformedBatch("The body's JSON goes past the reader's limits (nesting deeper than "
                    + MAX_NESTING_DEPTH + " levels, or a value too long).");
        } catch (JsonProcessingException e) {
            throw new MalformedBatch("The body is not valid JSON" + where(e.getLocation()) + ".");
        } catch (IOException e) {
            throw new MalformedBatch("The body is not valid JSON.");
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedBatch("The body is empty.");
        }
        return root;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
