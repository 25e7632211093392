package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import org.junit.Test;

public class BundledSimulatorTest {
    static String[] received;

    /** Stands in for the simulator's main class. */
    public static final class FakeSimulatorMain {
        public static void main(String[] args) throws IOException {
            received = args;
            if (args.length > 0 && args[0].equals("--fail")) {
                throw new IOException("port in use");
            }
        }
    }

    @Test
    public void theRealSimulatorIsTheDefault() throws Exception {
        assertEquals(
                BundledSimulator.MAIN_CLASS, io.jenkins.plugins.codescoring.simulator.SimulatorMain.class.getName());
    }

    @Test
    public void theArgumentsArePassedOn() throws Exception {
        new BundledSimulator(FakeSimulatorMain.class.getName()).run(new String[] {"--port", "0"});
        assertArrayEquals(new String[] {"--port", "0"}, received);
    }

    @Test
    public void theSimulatorsOwnExceptionComesOutUnwrapped() {
        IOException e = assertThrows(IOException.class, () -> new BundledSimulator(FakeSimulatorMain.class.getName())
                .run(new String[] {"--fail"}));
        assertEquals("port in use", e.getMessage());
    }

    @Test
    public void aBuildWithoutTheSimulatorSaysSo() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> new BundledSimulator("no.such.SimulatorMain").run(new String[0]));
        assertTrue(e.getMessage().startsWith("this build does not include the simulator"));
    }
}
