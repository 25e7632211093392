package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * What one {@link AnalysisCoordinator} holds at one moment, read from memory for the operations page: its poll
 * stream ({@link Stream}) and its waiting scans ({@link Scan}), longest waiting first. Taking one makes no request
 * to the platform; it copies a few fields per scan, so it stays cheap with hundreds of scans. Holds no token.
 */
public final class CoordinatorSnapshot {
    private final String platformUrl;
    private final Instant takenAt;
    private final Instant nextReadAt;
    private final Stream stream;
    private final List<Scan> scans;

    CoordinatorSnapshot(String platformUrl, Instant takenAt, Instant nextReadAt, Stream stream, List<Scan> scans) {
        this.platformUrl = platformUrl;
        this.takenAt = takenAt;
        this.nextReadAt = nextReadAt;
        this.stream = stream;
        List<Scan> sorted = new ArrayList<>(scans);
        sorted.sort(Comparator.comparing(Scan::requestedAt));
        this.scans = Collections.unmodifiableList(sorted);
    }

    /** The platform's URL as the client normalised it; null before the first scan. */
    public String platformUrl() {
        return platformUrl;
    }

    public Instant takenAt() {
        return takenAt;
    }

    /** When the next status read is planned, or null when none is (nobody waits, or a tick runs now). */
    public Instant nextReadAt() {
        return nextReadAt;
    }

    public Stream stream() {
        return stream;
    }

    /** The scans waiting now, the one requested first (waiting longest) first. */
    public List<Scan> scans() {
        return scans;
    }

    /** The poll stream of one coordinator, since it was made. */
    public static final class Stream {
        private final AnalysisStatus lastStatus;
        private final Instant lastStatusSince;
        private final Instant lastStatusReadAt;
        private final int failedReadsInRow;
        private final Instant failingSince;
        private final String lastError;
        private final Instant lastErrorAt;
        private final long statusReads;
        private final long analysesStarted;

        Stream(
                AnalysisStatus lastStatus,
                Instant lastStatusSince,
                Instant lastStatusReadAt,
                int failedReadsInRow,
                Instant failingSince,
                String lastError,
                Instant lastErrorAt,
                long statusReads,
                long analysesStarted) {
            this.lastStatus = lastStatus;
            this.lastStatusSince = lastStatusSince;
            this.lastStatusReadAt = lastStatusReadAt;
            this.failedReadsInRow = failedReadsInRow;
            this.failingSince = failingSince;
            this.lastError = lastError;
            this.lastErrorAt = lastErrorAt;
            this.statusReads = statusReads;
            this.analysesStarted = analysesStarted;
        }

        /** The platform's last analysis as last read (run, status word, start), or null before the first read. */
        public AnalysisStatus lastStatus() {
            return lastStatus;
        }

        /** Since when the reads have shown this run with this status word. */
        public Instant lastStatusSince() {
            return lastStatusSince;
        }

        public Instant lastStatusReadAt() {
            return lastStatusReadAt;
        }

        /** Status reads that failed since the last one that succeeded. */
        public int failedReadsInRow() {
            return failedReadsInRow;
        }

        /** When the current streak of failed status reads began, or null while the last read succeeded. */
        public Instant failingSince() {
            return failingSince;
        }

        /** The last failed call's kind and message, sanitized (no credential), or null. */
        public String lastError() {
            return lastError;
        }

        public Instant lastErrorAt() {
            return lastErrorAt;
        }

        /** Status reads made, succeeded or failed. */
        public long statusReads() {
            return statusReads;
        }

        /** Start requests the platform accepted (an "already running" answer starts nothing). */
        public long analysesStarted() {
            return analysesStarted;
        }
    }

    /** One waiting scan: whose it is, where it stands, its scope and times. */
    public static final class Scan {
        private final Object owner;
        private final Phase phase;
        private final Instant requestedAt;
        private final Instant deadline;
        private final String project;
        private final String stage;
        private final String platformName;
        private final String runId;
        private final boolean runAdopted;

        Scan(
                Object owner,
                Phase phase,
                Instant requestedAt,
                Instant deadline,
                String project,
                String stage,
                String platformName,
                String runId,
                boolean runAdopted) {
            this.owner = owner;
            this.phase = phase;
            this.requestedAt = requestedAt;
            this.deadline = deadline;
            this.project = project;
            this.stage = stage;
            this.platformName = platformName;
            this.runId = runId;
            this.runAdopted = runAdopted;
        }

        /** What the adapter gave at submit to tell its scans apart (a build), or null. */
        public Object owner() {
            return owner;
        }

        public Phase phase() {
            return phase;
        }

        public Instant requestedAt() {
            return requestedAt;
        }

        public Instant deadline() {
            return deadline;
        }

        /** The project as resolved (its name), else as requested, or null for all projects. */
        public String project() {
            return project;
        }

        /** The stage, or null for all stages. */
        public String stage() {
            return stage;
        }

        /** The platform's name in the configuration, or null. */
        public String platformName() {
            return platformName;
        }

        /** The analysis run the scan waits for, once known, else null. */
        public String runId() {
            return runId;
        }

        /**
         * Whether the run the scan follows was started by another client (another controller, a person) after
         * the scan's request, by the many-controllers rule, instead of by this scan.
         */
        public boolean runAdopted() {
            return runAdopted;
        }
    }
}
