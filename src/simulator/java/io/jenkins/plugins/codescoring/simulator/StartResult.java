package io.jenkins.plugins.codescoring.simulator;

/**
 * The answer of the lifecycle to a start request.
 *
 * @param runId the id of the new run, or null when rejected because another run is in progress
 */
record StartResult(Long runId) {

    static final StartResult REJECTED = new StartResult(null);

    boolean accepted() {
        return runId != null;
    }
}
