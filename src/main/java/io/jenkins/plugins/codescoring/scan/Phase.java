package io.jenkins.plugins.codescoring.scan;

/** The states of a scan; see docs/architecture.md for the diagram. */
public enum Phase {
    /** Nothing sent yet: the scan reads the status first to know the last run before its own. */
    REQUESTED,
    /** Another analysis was running; ours starts when it ends. */
    WAITING_FOR_OTHER,
    /** The platform accepted our start; waiting for the status to show a run newer than the baseline. */
    STARTED,
    /** Our run is visible in the status; waiting for it to end. */
    RUNNING,
    /** Our run succeeded; reading the alerts. */
    COLLECTING,
    DONE
}
