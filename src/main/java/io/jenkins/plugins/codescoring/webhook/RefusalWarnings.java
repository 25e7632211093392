package io.jenkins.plugins.codescoring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lets the first refusal of each kind per source and minute be logged as a warning, and the rest quietly,
 * so that a flood of bad deliveries cannot fill the log. Remembers a bounded number of sources.
 */
final class RefusalWarnings {
    static final Duration QUIET_FOR = Duration.ofMinutes(1);

    private final Map<String, Instant> lastWarned;

    RefusalWarnings(int capacity) {
        this.lastWarned = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param source a platform name whose token was right, or a fixed bucket for everyone else
     * @param status the refusal's HTTP status
     */
    synchronized boolean worthAWarning(String source, int status, Instant now) {
        String key = status + " " + source;
        Instant last = lastWarned.get(key);
        if (last != null && now.isBefore(last.plus(QUIET_FOR))) {
            return false;
        }
        lastWarned.put(key, now);
        return true;
    }
}
