package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** Ends the handling of a request with an error answer (status code and JSON body). */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    ApiException(int status, JsonNode body) {
        super(status + " " + body);
        this.response = ApiResponse.json(status, body);
    }

    /** An error with the usual {@code {"detail": ...}} body. */
    static ApiException detail(int status, String message) {
        return new ApiException(status, ApiJson.detail(message));
    }

    ApiResponse response() {
        return response;
    }
}
