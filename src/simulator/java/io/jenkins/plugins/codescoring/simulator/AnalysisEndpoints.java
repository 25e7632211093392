package io.jenkins.plugins.codescoring.simulator;

import io.jenkins.plugins.codescoring.simulator.Fault.Kind;

/** {@code POST .../overall_sca/start/} and {@code GET .../overall_sca/status/}. */
final class AnalysisEndpoints {

    static final String ALREADY_RUNNING = "Another analysis in progress. Parallel execution forbidden.";

    private final SimulatorSettings settings;
    private final AnalysisLifecycle lifecycle;
    private final FaultQueue faults;

    AnalysisEndpoints(SimulatorSettings settings, AnalysisLifecycle lifecycle, FaultQueue faults) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.faults = faults;
    }

    ApiResponse start() {
        StartResult result = lifecycle.start(settings.dataset());
        if (!result.accepted()) {
            return ApiResponse.json(400, ApiJson.detail(ALREADY_RUNNING));
        }
        if (settings.startResponse() == StartResponse.EMPTY) {
            return ApiResponse.noContent(204);
        }
        return ApiResponse.json(
                201,
                ApiJson.object()
                        .put("id", result.runId())
                        .put("status", settings.statusWords().wordFor(RunProgress.PENDING)));
    }

    ApiResponse status(String path) {
        StatusView view = lifecycle.status();
        if (view.phase().isFinished()) {
            boolean flipped = faults.take(path, kind -> kind == Kind.STATUS_FLIP)
                    .map(shot -> shot.use() % 2 == 0)
                    .orElse(false);
            if (flipped) {
                view = view.asStillRunning();
            }
        }
        return ApiResponse.json(200, settings.json().status(view, settings.statusWords()));
    }
}
