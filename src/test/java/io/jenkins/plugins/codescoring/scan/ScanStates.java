package io.jenkins.plugins.codescoring.scan;

import java.time.Instant;

/** Scan states for adapter tests that need one the engine would only reach by talking to a platform. */
public final class ScanStates {
    private ScanStates() {}

    /** A state that ended with this result (as when the scan finished just before a controller stopped). */
    public static ScanState finished(ScanRequest request, Instant requestedAt, ScanResult result) {
        ScanState state = ScanState.begin(request, requestedAt);
        state.finish(result);
        return state;
    }
}
