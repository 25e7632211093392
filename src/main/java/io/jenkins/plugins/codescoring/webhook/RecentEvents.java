package io.jenkins.plugins.codescoring.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fingerprints of the last events of one platform, so that a replayed event counts once. */
final class RecentEvents {
    private final Map<String, Boolean> seen;

    RecentEvents(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers the fingerprint; whether it was new. */
    boolean firstTime(String fingerprint) {
        return seen.put(fingerprint, Boolean.TRUE) == null;
    }
}
