package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.codescoring.simulator.Dataset.Alert;
import io.jenkins.plugins.codescoring.simulator.Dataset.Policy;
import io.jenkins.plugins.codescoring.simulator.Dataset.Project;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Renders the platform's objects as the contract's JSON. Timestamps are ISO-8601 with microseconds in
 * the platform's time zone (Moscow, +03:00, as Django renders them with {@code USE_TZ}); booleans are
 * real JSON booleans, or the strings {@code "True"}/{@code "False"} of older platforms.
 */
final class ApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ZoneOffset PLATFORM_ZONE = ZoneOffset.ofHours(3);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final boolean legacyBooleans;

    ApiJson(boolean legacyBooleans) {
        this.legacyBooleans = legacyBooleans;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"detail": message}}, the error body of Django REST framework. */
    static ObjectNode detail(String message) {
        return object().put("detail", message);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    static String timestamp(Instant instant) {
        return instant == null
                ? null
                : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(PLATFORM_ZONE));
    }

    ObjectNode policy(Policy policy) {
        ObjectNode json =
                object().put("id", policy.id()).put("name", policy.name()).put("level", policy.level());
        ArrayNode stages = json.putArray("stages");
        policy.stages().forEach(stages::add);
        putBoolean(json, "is_active", policy.active());
        putBoolean(json, "is_blocks_build", policy.blocksBuild());
        json.put("description", policy.description());
        json.putArray("proprietors");
        json.putArray("projects");
        json.put("conditions_connector", "and");
        return json;
    }

    /** The short policy object an alert embeds. */
    ObjectNode policySummary(Policy policy) {
        ObjectNode json =
                object().put("id", policy.id()).put("name", policy.name()).put("level", policy.level());
        putBoolean(json, "is_blocks_build", policy.blocksBuild());
        putBoolean(json, "is_active", policy.active());
        return json;
    }

    ObjectNode project(Project project) {
        return object().put("id", project.id()).put("name", project.name());
    }

    /** An alert of that dataset (the snapshot of the analysis that produced it). */
    ObjectNode alert(Alert alert, Dataset dataset) {
        ObjectNode json = object().put("id", alert.id());
        if (alert.embedsPolicy()) {
            json.set("policy", policySummary(dataset.policy(alert.policyId()).orElseThrow()));
        } else {
            json.put("policy", alert.policyId());
        }
        json.set("project", project(dataset.project(alert.projectId()).orElseThrow()));
        json.put("stage", alert.stage())
                .put("level", alert.level())
                .put("dependency_purl", alert.dependencyPurl())
                .put("vulnerability", alert.vulnerability());
        ArrayNode criteria = json.putArray("matched_criteria");
        alert.matchedCriteria().forEach(criteria::add);
        putBoolean(json, "is_ignored", alert.ignored());
        json.put("block_delayed_until", timestamp(alert.blockDelayedUntil()));
        return json;
    }

    ObjectNode status(StatusView view, StatusWords words) {
        ObjectNode json = object();
        if (view.runId() == null) {
            json.putNull("id");
        } else {
            json.put("id", view.runId());
        }
        json.put("status", words.wordFor(view.phase()))
                .put("started_at", timestamp(view.startedAt()))
                .put("finished_at", timestamp(view.finishedAt()));
        if (view.error() != null) {
            json.put("error", view.error());
        }
        return json;
    }

    private void putBoolean(ObjectNode json, String field, boolean value) {
        if (legacyBooleans) {
            json.put(field, value ? "True" : "False");
        } else {
            json.put(field, value);
        }
    }
}
