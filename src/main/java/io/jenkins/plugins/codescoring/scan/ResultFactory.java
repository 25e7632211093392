package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.time.Instant;
import java.util.List;

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
        return common(ScanResult.builder(Verdict.ERROR), state, now)
                .error(kind, message)
                .build();
    }

    /**
     * The verdict of the gate's decision under the request's {@link BlockOn} rule: the blocking alerts are
     * marked new or already blocking against the request's reference build, and with {@code NEW} only a new
     * one blocks. The one place in the plugin where PASSED or BLOCKED is decided. A request that compares nothing
     * (the terminal runner) blocks on any blocking alert and marks none.
     */
    public ScanResult decided(ScanState state, PolicyGate.Decision decision, Instant now) {
        if (!request.compares()) {
            Verdict verdict = decision.blocks() ? Verdict.BLOCKED : Verdict.PASSED;
            return decision.applyTo(common(ScanResult.builder(verdict), state, now))
                    .build();
        }
        AlertBaseline baseline = request.baseline();
        List<BlockingPolicy> marked = NewAlerts.mark(decision.blockingPolicies(), baseline);
        BlockOn rule = request.blockOn();
        Verdict verdict = NewAlerts.blocks(marked, rule) ? Verdict.BLOCKED : Verdict.PASSED;
        return decision.applyTo(common(ScanResult.builder(verdict), state, now))
                .blockingPolicies(marked)
                .comparison(rule, baseline == null ? null : baseline.build())
                .build();
    }

    private ScanResult.Builder common(ScanResult.Builder builder, ScanState state, Instant now) {
        String project = state.projectLabel() != null ? state.projectLabel() : request.project();
        return builder.platformUrl(platformUrl)
                .platformName(request.platformName())
                .analysisRunId(state.ourRunId())
                .project(project)
                .stage(request.stage())
                .requestedAt(state.requestedAt())
                .finishedAt(now);
    }
}
