package io.jenkins.plugins.codescoring.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the simulator received it.
 *
 * @param path the decoded path, e.g. {@code /api/alerts/}
 * @param query the raw query string, or null without one
 * @param headers every header as received (Authorization included), names case-insensitive
 * @param body the body as UTF-8 text (at most the first 64 KiB), empty without one
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body, Instant receivedAt) {

    public RecordedRequest {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of that header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of that query parameter, or null. */
    public String queryParameter(String name) {
        return Query.parse(query).get(name);
    }

    /** {@code GET /api/alerts/?page=1&per_page=100}. */
    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + path + (query != null ? "?" + query : "");
    }
}
