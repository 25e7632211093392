package io.jenkins.plugins.codescoring.api;

import java.util.Locale;
import java.util.Set;

/** Where an analysis run stands, read from the platform's status word. */
public enum RunPhase {
    /** No analysis has run yet. */
    NONE,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    private static final Set<String> RUNNING_WORDS = Set.of("pending", "queued", "started", "in_progress", "running");
    private static final Set<String> SUCCESS_WORDS = Set.of("success", "finished", "done", "completed");
    private static final Set<String> FAILED_WORDS = Set.of("failed", "error");
    private static final Set<String> CANCELLED_WORDS = Set.of("canceled", "cancelled");
    private static final Set<String> NONE_WORDS = Set.of("not_started", "idle");

    /** The phase of a status word; unknown words count as running (see {@link #isKnownWord}). */
    public static RunPhase ofWord(String word) {
        String normalized = normalize(word);
        if (SUCCESS_WORDS.contains(normalized)) {
            return SUCCEEDED;
        }
        if (FAILED_WORDS.contains(normalized)) {
            return FAILED;
        }
        if (CANCELLED_WORDS.contains(normalized)) {
            return CANCELLED;
        }
        if (NONE_WORDS.contains(normalized)) {
            return NONE;
        }
        return RUNNING;
    }

    public static boolean isKnownWord(String word) {
        String normalized = normalize(word);
        return RUNNING_WORDS.contains(normalized)
                || SUCCESS_WORDS.contains(normalized)
                || FAILED_WORDS.contains(normalized)
                || CANCELLED_WORDS.contains(normalized)
                || NONE_WORDS.contains(normalized);
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    private static String normalize(String word) {
        return word == null
                ? ""
                : word.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
