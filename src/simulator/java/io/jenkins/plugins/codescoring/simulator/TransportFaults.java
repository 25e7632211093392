package io.jenkins.plugins.codescoring.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Answers a request with a fault that replaces the whole answer: error statuses, bodies that are not
 * the JSON a client expects, redirects, bodies too large to hold, and connections dropped mid-body.
 */
final class TransportFaults {

    /** Thrown from a handler to make the server close the connection without ending the response. */
    static final class ConnectionDropped extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionDropped() {
            super("connection dropped on purpose by a simulator fault");
        }
    }

    static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html>\n<head><title>Sign in - Corporate SSO</title></head>\n"
            + "<body>\n<h1>Please sign in</h1>\n<form method=\"post\" action=\"/sso/login\">\n"
            + "<label>login <input name=\"login\"></label>\n<label>password <input type=\"password\" name=\"password\"></label>\n"
            + "<button type=\"submit\">Sign in</button>\n</form>\n</body>\n</html>\n";
    static final String MALFORMED_JSON = "{\"count\": 3, \"next\": null, \"results\": [{\"id\": 1,, \"policy\": }]";
    static final String TRUNCATED_JSON =
            "{\"count\": 3, \"next\": null, \"previous\": null, \"results\": [{\"id\": 1, \"policy\": {\"id\": 1, \"na";
    static final String WRONG_TYPES = "{\"id\": {}, \"status\": 42, \"started_at\": false, \"finished_at\": [], "
            + "\"count\": \"many\", \"next\": 7, \"previous\": {}, \"results\": \"oops\", \"detail\": []}";
    static final String DROPPED_PREFIX =
            "{\"count\": 3, \"next\": null, \"previous\": null, \"results\": [{\"id\": 1, \"policy\"";
    static final int DROP_ANNOUNCED_LENGTH = 4096;

    private static final String HUGE_PREFIX =
            "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [{\"id\": 1, \"padding\": \"";
    private static final String HUGE_SUFFIX = "\"}]}";
    private static final int CHUNK = 64 * 1024;

    private TransportFaults() {}

    static void answer(Fault fault, HttpExchange exchange, RecordedRequest request) throws IOException {
        switch (fault.kind()) {
            case HUGE_BODY:
                streamHugeBody(exchange, fault.amount());
                return;
            case DEEPLY_NESTED_JSON:
                streamNestedArrays(exchange, fault.amount());
                return;
            case DROP:
                dropMidBody(exchange);
                return;
            default:
                Exchanges.send(exchange, response(fault, request));
        }
    }

    /** The complete answer of a fault that has one. */
    static ApiResponse response(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case STATUS:
                return statusResponse(fault.code(), fault.body());
            case TOO_MANY_REQUESTS:
                return ApiResponse.json(
                                429,
                                ApiJson.detail(
                                        "Request was throttled. Expected available in " + fault.amount() + " seconds."))
                        .withHeader("Retry-After", Long.toString(fault.amount()));
            case HTML_200:
                return ApiResponse.text(200, ApiResponse.HTML, LOGIN_PAGE);
            case MALFORMED_JSON:
                return ApiResponse.text(200, ApiResponse.JSON, MALFORMED_JSON);
            case TRUNCATED_JSON:
                return ApiResponse.text(200, ApiResponse.JSON, TRUNCATED_JSON);
            case EMPTY_BODY:
                return new ApiResponse(200, ApiResponse.JSON, new byte[0], Map.of());
            case WRONG_TYPES:
                return ApiResponse.text(200, ApiResponse.JSON, WRONG_TYPES);
            case REDIRECT:
                return ApiResponse.redirect(fault.code(), fault.location());
            case ECHO_AUTHORIZATION:
                return ApiResponse.json(
                        fault.code(),
                        ApiJson.detail("Authentication failed for header: " + request.header("Authorization")));
            default:
                throw new IllegalArgumentException("not a transport fault with a fixed answer: " + fault);
        }
    }

    private static ApiResponse statusResponse(int code, String body) {
        if (body != null) {
            String trimmed = body.trim();
            boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
            return ApiResponse.text(code, json ? ApiResponse.JSON : ApiResponse.HTML, body);
        }
        if (code == 502 || code == 503 || code == 504) {
            return ApiResponse.text(code, ApiResponse.HTML, nginxPage(code));
        }
        return ApiResponse.json(
                code,
                ApiJson.detail(code >= 500 ? "A server error occurred." : "Request failed with status " + code + "."));
    }

    private static String nginxPage(int code) {
        String title = code
                + (code == 502
                        ? " Bad Gateway"
                        : code == 503 ? " Service Temporarily Unavailable" : " Gateway Time-out");
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    /** Valid JSON of exactly {@code size} bytes (at least the envelope's), sent chunked. */
    private static void streamHugeBody(HttpExchange exchange, long size) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", ApiResponse.JSON);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(HUGE_PREFIX.getBytes(StandardCharsets.US_ASCII));
                repeat(out, (byte) 'x', size - HUGE_PREFIX.length() - HUGE_SUFFIX.length());
                out.write(HUGE_SUFFIX.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException clientGaveUp) {
            // the client stopped reading a body it did not want: that is the point
        }
    }

    private static void streamNestedArrays(HttpExchange exchange, long depth) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", ApiResponse.JSON);
            exchange.sendResponseHeaders(200, Math.max(2 * depth, 2));
            try (OutputStream out = exchange.getResponseBody()) {
                if (depth == 0) {
                    out.write(new byte[] {'[', ']'});
                }
                repeat(out, (byte) '[', depth);
                repeat(out, (byte) ']', depth);
            }
        } catch (IOException clientGaveUp) {
            // as above
        }
    }

    private static void dropMidBody(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", ApiResponse.JSON);
        exchange.sendResponseHeaders(200, DROP_ANNOUNCED_LENGTH);
        OutputStream out = exchange.getResponseBody();
        out.write(DROPPED_PREFIX.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        throw new ConnectionDropped();
    }

    private static void repeat(OutputStream out, byte value, long count) throws IOException {
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(count, 0))];
        Arrays.fill(chunk, value);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
