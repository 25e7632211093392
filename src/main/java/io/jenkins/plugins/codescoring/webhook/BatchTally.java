package io.jenkins.plugins.codescoring.webhook;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Counts what became of each event of an accepted delivery and says it in one plain line. */
final class BatchTally {
    static final int MAX_NAMED_UNKNOWN = 3;
    static final int MAX_NAME_LENGTH = 40;

    private final UnaryOperator<String> hideSecrets;
    private final Set<String> unknownNames = new LinkedHashSet<>();
    int events;
    int statusChecks;
    int duplicates;
    int ignored;
    private boolean moreUnknown;

    /** @param hideSecrets applied to every name taken from the body before it is shortened */
    BatchTally(UnaryOperator<String> hideSecrets) {
        this.hideSecrets = hideSecrets;
    }

    void statusCheck() {
        events++;
        statusChecks++;
    }

    void duplicate() {
        events++;
        duplicates++;
    }

    void ignored() {
        events++;
        ignored++;
    }

    void unknown(String trigger) {
        ignored();
        String name = shown(trigger);
        if (!unknownNames.contains(name)) {
            if (unknownNames.size() < MAX_NAMED_UNKNOWN) {
                unknownNames.add(name);
            } else {
                moreUnknown = true;
            }
        }
    }

    /** For example {@code Accepted 3 events: 1 triggers a status check, 1 duplicate, 1 ignored (unknown trigger "x")}. */
    String message() {
        StringBuilder line = new StringBuilder("Accepted ").append(events).append(events == 1 ? " event" : " events");
        if (events == 0) {
            return line.append('.').toString();
        }
        String separator = ": ";
        if (statusChecks > 0) {
            line.append(separator)
                    .append(statusChecks)
                    .append(statusChecks == 1 ? " triggers" : " trigger")
                    .append(" a status check");
            separator = ", ";
        }
        if (duplicates > 0) {
            line.append(separator).append(duplicates).append(duplicates == 1 ? " duplicate" : " duplicates");
            separator = ", ";
        }
        if (ignored > 0) {
            line.append(separator).append(ignored).append(" ignored");
            if (!unknownNames.isEmpty()) {
                line.append(" (unknown trigger")
                        .append(unknownNames.size() > 1 || moreUnknown ? "s " : " ")
                        .append('"')
                        .append(String.join("\", \"", unknownNames))
                        .append('"')
                        .append(moreUnknown ? ", ..." : "")
                        .append(')');
            }
        }
        return line.toString();
    }

    /**
     * The name as it may be shown and logged: secrets hidden first (a token with '+' or '/' would otherwise survive
     * sanitising as a near-copy), then safe characters only, short.
     */
    private String shown(String trigger) {
        String hidden = hideSecrets.apply(trigger);
        StringBuilder safe = new StringBuilder();
        hidden.codePoints()
                .limit(MAX_NAME_LENGTH * 4L)
                .forEach(c -> safe.append(isPlain(c) || c == '[' || c == ']' ? (char) c : '?'));
        String name = safe.toString();
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) + "..." : name;
    }

    private static boolean isPlain(int c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '_'
                || c == '-'
                || c == '.'
                || c == ':';
    }
}
