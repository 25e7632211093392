package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/** One element of a webhook's {@code events} array. */
record WebhookEvent(Instant createdAt, String trigger, ObjectNode payload) {

    static final String ANALYSIS_STARTED = "project_sca_analysis_started";
    static final String ANALYSIS_FINISHED = "project_sca_analysis_finished";
    static final String ANALYSIS_FAILED = "project_sca_analysis_failed";
    static final String ANALYSIS_CANCELLED = "project_sca_analysis_cancelled";
    static final String POLICY_TRIGGERED = "sca_policy_has_been_triggered";

    WebhookEvent {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(payload, "payload");
    }

    ObjectNode json() {
        ObjectNode json =
                ApiJson.object().put("created_at", ApiJson.timestamp(createdAt)).put("trigger", trigger);
        json.set("payload", payload);
        return json;
    }
}
