package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the JSON objects of the contract (docs: the platform description, section 3) into the model.
 * Every field name the client reads is here. A field that decides the verdict and is missing is an
 * error naming it, never skipped: an alert without a policy, a policy without {@code is_blocks_build}.
 */
final class ModelReader {
    private final Redactor redactor;

    ModelReader(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code {"id","status","started_at","finished_at"}} plus an optional "error" or "detail" text. */
    AnalysisStatus status(JsonNode node) throws UnexpectedShape {
        String subject = "the analysis status";
        requireObject(node, subject);
        String word = JsonValues.text(node, "status", subject);
        if (word == null) {
            throw JsonValues.missing("status", subject);
        }
        String error = optionalText(node.get("error"));
        if (error == null) {
            error = optionalText(node.get("detail"));
        }
        return new AnalysisStatus(
                JsonValues.id(node, "id", subject),
                word,
                JsonValues.instant(node, "started_at", subject),
                JsonValues.instant(node, "finished_at", subject),
                error == null ? null : redactor.redact(error));
    }

    /** The run id a start answer may name, or null. */
    String startedRunId(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        try {
            return JsonValues.id(node, "id", "the start answer");
        } catch (UnexpectedShape e) {
            return null;
        }
    }

    Alert alert(JsonNode node) throws UnexpectedShape {
        requireObject(node, "an alert");
        String id = JsonValues.requiredId(node, "id", "an alert");
        String subject = "alert " + id;
        Alert.Builder alert = Alert.builder(id);
        JsonNode policy = node.get("policy");
        if (policy != null && policy.isObject()) {
            alert.policy(policy(policy, subject));
        } else {
            alert.policyId(JsonValues.requiredId(node, "policy", subject));
        }
        JsonNode project = node.get("project");
        if (project != null && project.isObject()) {
            alert.project(project(project, subject));
        } else {
            String projectId = JsonValues.id(node, "project", subject);
            alert.project(projectId == null ? null : new Project(projectId, null));
        }
        return alert.stage(JsonValues.text(node, "stage", subject))
                .level(JsonValues.text(node, "level", subject))
                .dependencyPurl(JsonValues.text(node, "dependency_purl", subject))
                .vulnerability(vulnerability(node, subject))
                .matchedCriteria(JsonValues.texts(node, "matched_criteria", subject))
                .ignored(JsonValues.bool(node, "is_ignored", subject, false))
                .blockDelayedUntil(JsonValues.instant(node, "block_delayed_until", subject))
                .build();
    }

    Policy policy(JsonNode node) throws UnexpectedShape {
        return policy(node, null);
    }

    Project project(JsonNode node) throws UnexpectedShape {
        return project(node, null);
    }

    /** A listed policy, or (when {@code alert} names one) the policy embedded in that alert. */
    private static Policy policy(JsonNode node, String alert) throws UnexpectedShape {
        requireObject(node, alert == null ? "a policy" : "the policy of " + alert);
        String id = JsonValues.requiredId(node, "id", alert == null ? "a policy" : "the policy of " + alert);
        String subject = alert == null ? "policy " + id : "policy " + id + " of " + alert;
        return new Policy(
                id,
                JsonValues.text(node, "name", subject),
                JsonValues.text(node, "level", subject),
                JsonValues.bool(node, "is_active", subject, true),
                JsonValues.requiredBool(node, "is_blocks_build", subject));
    }

    private static Project project(JsonNode node, String alert) throws UnexpectedShape {
        requireObject(node, alert == null ? "a project" : "the project of " + alert);
        String id = JsonValues.requiredId(node, "id", alert == null ? "a project" : "the project of " + alert);
        return new Project(
                id, JsonValues.text(node, "name", alert == null ? "project " + id : "the project of " + alert));
    }

    /**
     * A text, or an object naming the vulnerability. Its textual "id" (e.g. a CVE) is preferred; a
     * numeric id is usually a database key, so a "name" is preferred over it.
     */
    private static String vulnerability(JsonNode alert, String subject) throws UnexpectedShape {
        JsonNode value = alert.get("vulnerability");
        if (value == null || !value.isObject()) {
            return JsonValues.text(alert, "vulnerability", subject);
        }
        String vulnerabilitySubject = "the vulnerability of " + subject;
        JsonNode id = value.get("id");
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
            return id.asText().trim();
        }
        String name = JsonValues.text(value, "name", vulnerabilitySubject);
        return name != null && !name.isBlank() ? name : JsonValues.id(value, "id", vulnerabilitySubject);
    }

    private static String optionalText(JsonNode value) {
        if (JsonValues.isAbsent(value)) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static void requireObject(JsonNode node, String subject) throws UnexpectedShape {
        if (!node.isObject()) {
            throw new UnexpectedShape(subject + " is not a JSON object but "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
