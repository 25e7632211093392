package io.jenkins.plugins.codescoring.report;

import static io.jenkins.plugins.codescoring.report.JsonFields.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report back into a result. Derived fields (the blocking counts, the error advice) are
 * recomputed from the rest, so they are not read. Anything that is not a report of a known schema
 * version is refused with an {@link IllegalArgumentException}.
 */
final class JsonReportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    ScanResult read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a JSON report is a JSON object");
        }
        int version = root.path(SCHEMA_VERSION_FIELD).asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported " + SCHEMA_VERSION_FIELD + " "
                    + root.path(SCHEMA_VERSION_FIELD) + " (this reader knows " + SCHEMA_VERSION + ")");
        }
        ScanResult.Builder result = ScanResult.builder(enumValue(Verdict.class, text(root, VERDICT), VERDICT));
        JsonNode error = root.path(ERROR);
        if (error.isObject()) {
            result.error(
                    enumValue(ErrorKind.class, text(error, ERROR_KIND), ERROR + "." + ERROR_KIND),
                    text(error, ERROR_MESSAGE));
        }
        JsonNode counts = root.path(COUNTS);
        try {
            return result.platformUrl(text(root, PLATFORM_URL))
                    .platformName(text(root, PLATFORM_NAME))
                    .analysisRunId(text(root, ANALYSIS_RUN_ID))
                    .project(text(root.path(SCOPE), PROJECT))
                    .stage(text(root.path(SCOPE), STAGE))
                    .requestedAt(instant(root, REQUESTED_AT))
                    .finishedAt(instant(root, FINISHED_AT))
                    .activeAlerts(counts.path(ACTIVE_ALERTS).asInt())
                    .ignoredAlerts(counts.path(IGNORED_ALERTS).asInt())
                    .delayedBlockingAlerts(counts.path(DELAYED_BLOCKING_ALERTS).asInt())
                    .alertsByLevel(byLevel(counts.path(BY_LEVEL)))
                    .blockingPolicies(policies(root.path(BLOCKING_POLICIES)))
                    .comparison(optionalEnum(BlockOn.class, text(root, BLOCK_ON), BLOCK_ON), referenceBuild(root))
                    .build();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Map<String, Integer> byLevel(JsonNode node) {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> level = fields.next();
            byLevel.put(level.getKey(), level.getValue().asInt());
        }
        return byLevel;
    }

    private static List<BlockingPolicy> policies(JsonNode array) {
        List<BlockingPolicy> policies = new ArrayList<>();
        for (JsonNode policy : array) {
            List<BlockingAlert> alerts = new ArrayList<>();
            for (JsonNode alert : policy.path(ALERTS)) {
                alerts.add(new BlockingAlert(
                        text(alert, ID),
                        text(alert, PROJECT),
                        text(alert, STAGE),
                        text(alert, LEVEL),
                        text(alert, DEPENDENCY_PURL),
                        text(alert, VULNERABILITY),
                        strings(alert.path(MATCHED_CRITERIA)),
                        alert.path(NEW).asBoolean(false)));
            }
            policies.add(new BlockingPolicy(text(policy, ID), text(policy, NAME), text(policy, LEVEL), alerts));
        }
        return policies;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : array) {
            strings.add(item.asText());
        }
        return strings;
    }

    /** The field as text, or null when it is missing or null. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode parent, String field) {
        String value = text(parent, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + value, e);
        }
    }

    /** Absent in reports written before the comparison existed. */
    private static Integer referenceBuild(JsonNode root) {
        JsonNode node = root.get(REFERENCE_BUILD);
        return node == null || !node.canConvertToInt() ? null : node.intValue();
    }

    private static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String field) {
        return value == null ? null : enumValue(type, value, field);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " has an unknown value: " + value, e);
        }
    }
}
