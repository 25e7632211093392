package io.jenkins.plugins.codescoring;

import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import org.junit.rules.ExternalResource;

/**
 * A CodeScoring simulator on loopback for one test, accepting {@link TestCredentials#TOKEN}. A configured
 * one is also the global configuration's platform, with the Global-scope token credential as default; it
 * needs Jenkins, so chain it inside the {@code JenkinsRule}:
 *
 * <pre>{@code
 * public JenkinsRule r = new JenkinsRule();
 * private final SimulatedPlatform platform = SimulatedPlatform.configured();
 * @Rule public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);
 * }</pre>
 */
public final class SimulatedPlatform extends ExternalResource {
    private final boolean configured;
    private CodescoringSimulator simulator;

    private SimulatedPlatform(boolean configured) {
        this.configured = configured;
    }

    /** The platform of the global configuration. */
    public static SimulatedPlatform configured() {
        return new SimulatedPlatform(true);
    }

    /** A server the global configuration does not name, for tests of where the token may (not) go. */
    static SimulatedPlatform elsewhere() {
        return new SimulatedPlatform(false);
    }

    @Override
    protected void before() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        if (configured) {
            ScanTestSupport.configure(simulator);
        }
    }

    @Override
    protected void after() {
        if (simulator != null) {
            simulator.close();
        }
    }

    public CodescoringSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts with the test; chain this rule inside JenkinsRule");
        }
        return simulator;
    }
}
