package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.scan.Verdict;

/** The terminal runner's exit codes, the same as CodeScoring's own CLI uses. */
public final class ExitCode {
    /** The scan passed, or help was asked for. */
    public static final int OK = 0;
    /** A blocking policy has an active alert: the build must stop. */
    public static final int BLOCKED = 1;
    /** No verdict (the scan failed), or the command line was wrong. */
    public static final int FAILURE = 2;

    private ExitCode() {}

    public static int of(Verdict verdict) {
        switch (verdict) {
            case PASSED:
                return OK;
            case BLOCKED:
                return BLOCKED;
            default:
                return FAILURE;
        }
    }
}
