package io.jenkins.plugins.codescoring.report;

import static io.jenkins.plugins.codescoring.report.JsonFields.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a result as the JSON report: every field always present (null when unknown), in a fixed
 * order, indented with two spaces and '\n' line ends on every operating system.
 */
final class JsonReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    void write(ScanResult result, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeNumberField(SCHEMA_VERSION_FIELD, SCHEMA_VERSION);
            json.writeStringField(VERDICT, result.verdict().name());
            writeError(result, json);
            json.writeStringField(PLATFORM_URL, result.platformUrl());
            if (result.platformName() != null) {
                json.writeStringField(PLATFORM_NAME, result.platformName());
            }
            json.writeStringField(ANALYSIS_RUN_ID, result.analysisRunId());
            json.writeObjectFieldStart(SCOPE);
            json.writeStringField(PROJECT, result.project());
            json.writeStringField(STAGE, result.stage());
            json.writeEndObject();
            writeInstant(REQUESTED_AT, result.requestedAt(), json);
            writeInstant(FINISHED_AT, result.finishedAt(), json);
            writeCounts(result, json);
            json.writeStringField(
                    BLOCK_ON, result.blockOn() == null ? null : result.blockOn().name());
            if (result.referenceBuild() == null) {
                json.writeNullField(REFERENCE_BUILD);
            } else {
                json.writeNumberField(REFERENCE_BUILD, result.referenceBuild());
            }
            json.writeArrayFieldStart(BLOCKING_POLICIES);
            for (BlockingPolicy policy : result.blockingPolicies()) {
                writePolicy(policy, json);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators =
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(INDENTER);
        printer.indentArraysWith(INDENTER);
        return printer;
    }

    private static void writeError(ScanResult result, JsonGenerator json) throws IOException {
        if (result.errorKind() == null) {
            json.writeNullField(ERROR);
            return;
        }
        json.writeObjectFieldStart(ERROR);
        json.writeStringField(ERROR_KIND, result.errorKind().name());
        json.writeStringField(ERROR_MESSAGE, result.errorMessage());
        json.writeStringField(ERROR_ADVICE, result.errorKind().advice());
        json.writeEndObject();
    }

    private static void writeInstant(String field, Instant value, JsonGenerator json) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }

    private static void writeCounts(ScanResult result, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(COUNTS);
        json.writeNumberField(ACTIVE_ALERTS, result.activeAlerts());
        json.writeNumberField(IGNORED_ALERTS, result.ignoredAlerts());
        json.writeNumberField(DELAYED_BLOCKING_ALERTS, result.delayedBlockingAlerts());
        json.writeNumberField(BLOCKING_ALERTS, result.blockingAlertCount());
        json.writeNumberField(BLOCKING_POLICIES, result.blockingPolicies().size());
        json.writeNumberField(NEW_BLOCKING_ALERTS, result.newBlockingAlertCount());
        json.writeObjectFieldStart(BY_LEVEL);
        for (Map.Entry<String, Integer> level : result.alertsByLevel().entrySet()) {
            json.writeNumberField(level.getKey(), level.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writePolicy(BlockingPolicy policy, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField(ID, policy.id());
        json.writeStringField(NAME, policy.name());
        json.writeStringField(LEVEL, policy.level());
        json.writeArrayFieldStart(ALERTS);
        for (BlockingAlert alert : policy.alerts()) {
            writeAlert(alert, json);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAlert(BlockingAlert alert, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField(ID, alert.id());
        json.writeStringField(PROJECT, alert.project());
        json.writeStringField(STAGE, alert.stage());
        json.writeStringField(LEVEL, alert.level());
        json.writeStringField(DEPENDENCY_PURL, alert.dependencyPurl());
        json.writeStringField(VULNERABILITY, alert.vulnerability());
        json.writeArrayFieldStart(MATCHED_CRITERIA);
        for (String criterion : alert.matchedCriteria()) {
            json.writeString(criterion);
        }
        json.writeEndArray();
        json.writeBooleanField(NEW, alert.isNew());
        json.writeEndObject();
    }
}
