package io.jenkins.plugins.codescoring.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request to make: method, API path and query parameters. Immutable. */
final class ApiCall {
    enum Method {
        GET,
        POST
    }

    private final Method method;
    private final String path;
    private final Map<String, String> query;

    private ApiCall(Method method, String path, Map<String, String> query) {
        this.method = method;
        this.path = path;
        this.query = query;
    }

    static ApiCall get(String path) {
        return new ApiCall(Method.GET, path, Collections.emptyMap());
    }

    static ApiCall post(String path) {
        return new ApiCall(Method.POST, path, Collections.emptyMap());
    }

    /** This call with one more query parameter (replacing one of the same name); a null value adds nothing. */
    ApiCall with(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return new ApiCall(method, path, Collections.unmodifiableMap(more));
    }

    Method method() {
        return method;
    }

    String path() {
        return path;
    }

    String queryParameter(String name) {
        return query.get(name);
    }

    /**
     * Whether the call may be repeated after the server may have received it. Reads may; the start of an
     * analysis may not, because the first request may have started one.
     */
    boolean isRepeatable() {
        return method == Method.GET;
    }

    /** The path and the encoded query, to append to the platform URL. */
    String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder result = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            result.append(separator)
                    .append(encode(parameter.getKey()))
                    .append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return result.toString();
    }

    /** e.g. {@code GET /api/alerts/}; the query is left out because it may hold a project name. */
    String describe() {
        return method + " " + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery();
    }
}
