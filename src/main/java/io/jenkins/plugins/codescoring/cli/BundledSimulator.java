package io.jenkins.plugins.codescoring.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs the simulator's own main class when it is on the class path. The terminal runner's jar bundles
 * it; the plugin build compiles this package without it (there the simulator is a test source), which
 * is why it is looked up by name rather than linked.
 */
final class BundledSimulator implements SimulatorLauncher {
    static final String MAIN_CLASS = "io.jenkins.plugins.codescoring.simulator.SimulatorMain";

    private final String mainClass;

    BundledSimulator() {
        this(MAIN_CLASS);
    }

    BundledSimulator(String mainClass) {
        this.mainClass = mainClass;
    }

    @Override
    public void run(String[] args) throws Exception {
        Method main;
        try {
            main = Class.forName(mainClass).getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("this build does not include the simulator (" + mainClass + ")", e);
        }
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }
}
