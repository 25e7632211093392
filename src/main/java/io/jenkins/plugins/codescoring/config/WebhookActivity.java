package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * When each platform's webhook was last accepted since Jenkins started, for the global configuration page.
 * Only the endpoint writes here, and only for a platform whose token matched, so the map holds at most one
 * entry per configured platform name.
 */
@Restricted(NoExternalUse.class)
public final class WebhookActivity {
    private static final Map<String, Instant> LAST_ACCEPTED = new ConcurrentHashMap<>();
    /** Deliveries counted per configured platform name, and the last refused one, for the operations page. */
    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

    private WebhookActivity() {}

    public static void accepted(String platformName, Instant at) {
        LAST_ACCEPTED.put(platformName, at);
        TALLIES.computeIfAbsent(platformName, n -> new Tally()).countAccepted();
    }

    /**
     * A delivery addressed to this configured platform was refused: its HTTP status and the receiver's answer,
     * which never holds a token or the body.
     */
    public static void refused(String platformName, Instant at, int status, String reason) {
        TALLIES.computeIfAbsent(platformName, n -> new Tally()).countRefused(at, status, reason);
    }

    /** What the platform's webhook has received since Jenkins started; all zero and null when nothing yet. */
    public static Tally tally(String platformName) {
        Tally tally = TALLIES.get(platformName);
        Tally copy = new Tally();
        if (tally != null) {
            tally.copyTo(copy);
        }
        copy.acceptedAt(LAST_ACCEPTED.get(platformName));
        return copy;
    }

    /** Deliveries to one platform's webhook since Jenkins started. */
    @Restricted(NoExternalUse.class)
    public static final class Tally {
        private long accepted;
        private long refused;
        private Instant lastAccepted;
        private Instant lastRefused;
        private int lastRefusedStatus;
        private String lastRefusedReason;

        private synchronized void countAccepted() {
            accepted++;
        }

        private synchronized void countRefused(Instant at, int status, String reason) {
            refused++;
            lastRefused = at;
            lastRefusedStatus = status;
            lastRefusedReason = reason;
        }

        private synchronized void acceptedAt(Instant at) {
            lastAccepted = at;
        }

        private void copyTo(Tally copy) {
            long a;
            long r;
            Instant at;
            int status;
            String reason;
            synchronized (this) {
                a = accepted;
                r = refused;
                at = lastRefused;
                status = lastRefusedStatus;
                reason = lastRefusedReason;
            }
            copy.fill(a, r, at, status, reason);
        }

        private synchronized void fill(long a, long r, Instant at, int status, String reason) {
            accepted = a;
            refused = r;
            lastRefused = at;
            lastRefusedStatus = status;
            lastRefusedReason = reason;
        }

        public synchronized long accepted() {
            return accepted;
        }

        public synchronized long refused() {
            return refused;
        }

        @CheckForNull
        public synchronized Instant lastAccepted() {
            return lastAccepted;
        }

        @CheckForNull
        public synchronized Instant lastRefused() {
            return lastRefused;
        }

        /** The HTTP status of the last refusal (403, 413, 429, 400), or 0. */
        public synchronized int lastRefusedStatus() {
            return lastRefusedStatus;
        }

        /** Why the last delivery was refused, as the endpoint answered it (never the token), or null. */
        @CheckForNull
        public synchronized String lastRefusedReason() {
            return lastRefusedReason;
        }
    }

    @CheckForNull
    static Instant lastAccepted(String platformName) {
        return LAST_ACCEPTED.get(platformName);
    }
}
