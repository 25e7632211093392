package io.jenkins.plugins.codescoring.scan;

import java.time.Duration;

/** Short human wording of durations for console lines: "45 s", "2 min 5 s", "1 h 3 min". */
public final class Durations {
    private Durations() {}

    public static String describe(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
        }
        long restMinutes = minutes % 60;
        return restMinutes == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + restMinutes + " min";
    }
}
