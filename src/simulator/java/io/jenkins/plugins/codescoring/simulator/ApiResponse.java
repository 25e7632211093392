package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer: status, content type (null without body), body and extra headers.
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, ApiJson.bytes(body), Map.of());
    }

    static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ApiResponse noContent(int status) {
        return new ApiResponse(status, null, new byte[0], Map.of());
    }

    static ApiResponse redirect(int status, String location) {
        return new ApiResponse(status, null, new byte[0], Map.of("Location", location));
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, Map.copyOf(more));
    }
}
