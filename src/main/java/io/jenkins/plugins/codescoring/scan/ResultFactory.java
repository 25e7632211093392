package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.time.Instant;

/** Builds a scan's result with the facts every result carries: platform, run, scope, times. */
public final class ResultFactory {
    private final ScanRequest request;
    private final String platformUrl;

    public ResultFactory(ScanRequest request, String platformUrl) {
        this.request = request;
        this.platformUrl = platformUrl;
    }

    public ScanRequest request() {
        return request;
    }

    public ScanResult error(ScanState state, ErrorKind kind, String message, Instant now) {
        return common(ScanResult.builder(Verdict.ERROR), state, now).error(kind, message).build();
    }

    public ScanResult decided(ScanState state, PolicyGate.Decision decision, Instant now) {
        Verdict verdict = decision.blocks() ? Verdict.BLOCKED : Verdict.PASSED;
        return decision.applyTo(common(ScanResult.builder(verdict), state, now)).build();
    }

    private ScanResult.Builder common(ScanResult.Builder builder, ScanState state, Instant now) {
        String project = state.projectLabel() != null ? state.projectLabel() : request.project();
        return builder.platformUrl(platformUrl).platformName(request.platformName()).analysisRunId(state.ourRunId()).project(project).stage(request.stage())
                .requestedAt(state.requestedAt()).finishedAt(now);
    }
}
