package io.jenkins.plugins.codescoring.simulator;

/** What an accepted {@code POST /api/analyses/overall_sca/start/} answers. */
public enum StartResponse {
    /** {@code 201 {"id": <run id>, "status": "pending"}}. */
    ID_AND_STATUS,
    /** {@code 204} without a body. */
    EMPTY
}
