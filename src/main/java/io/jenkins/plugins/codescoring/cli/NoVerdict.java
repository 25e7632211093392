package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;

/** The ERROR result of a scan the engine did not get to finish: it could not begin, or was interrupted. */
final class NoVerdict {
    private NoVerdict() {
    }

    static ScanResult of(ErrorKind kind, String message, String platformUrl, ScanRequest request, Instant requestedAt,
            Instant now) {
        return ScanResult.builder(Verdict.ERROR).error(kind, message).platformUrl(platformUrl).project(request.project())
                .stage(request.stage()).requestedAt(requestedAt).finishedAt(now).build();
    }
}
