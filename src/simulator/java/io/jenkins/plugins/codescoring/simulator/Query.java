package io.jenkins.plugins.codescoring.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The parameters of a query string, in their order (first value of a repeated name wins). */
final class Query {

    private final Map<String, String> parameters;

    private Query(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** Parses a raw (still encoded) query string; null or empty gives no parameters. */
    static Query parse(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.putIfAbsent(name, value);
            }
        }
        return new Query(parameters);
    }

    /** The value, or null when absent. */
    String get(String name) {
        return parameters.get(name);
    }

    /** This query with one parameter set (appended if new), encoded. */
    String with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(name, value);
        return changed.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
