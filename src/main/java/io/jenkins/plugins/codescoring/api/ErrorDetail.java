package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's own words about a refused request: the "detail", "message" or "error" of a JSON body
 * (Django REST framework writes "detail"), else the JSON or raw text itself. Not redacted: callers that
 * show it pass it through a {@link Redactor}.
 */
final class ErrorDetail {
    private static final List<String> MESSAGE_FIELDS =
            List.of("detail", "message", "error", "errors", "non_field_errors");

    private ErrorDetail() {}

    static String of(Answer answer) {
        if (answer.isBodyBlank()) {
            return "";
        }
        if (answer.isHtml()) {
            return "(an HTML page)";
        }
        try {
            return fromJson(Json.parse(answer.bytes()));
        } catch (IOException e) {
            return answer.text().trim();
        }
    }

    private static String fromJson(JsonNode node) {
        if (node.isObject()) {
            for (String field : MESSAGE_FIELDS) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull()) {
                    return flatten(value);
                }
            }
        }
        return flatten(node);
    }

    private static String flatten(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(item -> parts.add(flatten(item)));
            return String.join("; ", parts);
        }
        return node.toString();
    }
}
