package io.jenkins.plugins.codescoring.scan;

/** The outcome of a scan. */
public enum Verdict {
    /** The analysis finished and no active alert blocks the build. */
    PASSED,
    /** The analysis finished and at least one active alert comes from a blocking policy. */
    BLOCKED,
    /** No verdict could be reached; {@link ScanResult#errorKind()} says why. */
    ERROR
}
