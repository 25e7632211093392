package io.jenkins.plugins.codescoring.simulator;

import java.io.IOException;
import java.time.Duration;
import org.junit.rules.ExternalResource;

/** A simulator started before each test and closed after it, with a client that sends its token. */
public final class SimulatorRule extends ExternalResource {
    private final String token;
    private final Duration analysisDuration;
    private Duration staleStatusWindow;
    private CodescoringSimulator simulator;
    private SimulatorClient client;

    public SimulatorRule(String token, Duration analysisDuration) {
        this.token = token;
        this.analysisDuration = analysisDuration;
    }

    /** Overrides the simulator's default lag of {@code /status} after a start. */
    SimulatorRule staleStatusWindow(Duration window) {
        this.staleStatusWindow = window;
        return this;
    }

    @Override
    protected void before() throws IOException {
        simulator = CodescoringSimulator.start(token);
        simulator.setAnalysisDuration(analysisDuration);
        if (staleStatusWindow != null) {
            simulator.setStaleStatusWindow(staleStatusWindow);
        }
        client = new SimulatorClient(simulator);
    }

    @Override
    protected void after() {
        simulator.close();
    }

    public CodescoringSimulator simulator() {
        return simulator;
    }

    SimulatorClient client() {
        return client;
    }
}
