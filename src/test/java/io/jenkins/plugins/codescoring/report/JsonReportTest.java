package io.jenkins.plugins.codescoring.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.BlockingAlert;
import io.jenkins.plugins.codescoring.scan.BlockingPolicy;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void blockedResultHasEveryDocumentedField() throws Exception {
        JsonNode json = MAPPER.readTree(JsonReport.toJson(SampleResults.blocked()));
        assertEquals(
                List.of(
                        "schemaVersion",
                        "verdict",
                        "error",
                        "platformUrl",
                        "analysisRunId",
                        "scope",
                        "requestedAt",
                        "finishedAt",
                        "counts",
                        "blockOn",
                        "referenceBuild",
                        "blockingPolicies"),
                fieldNames(json));
        assertEquals(1, json.get("schemaVersion").intValue());
        assertEquals("BLOCKED", json.get("verdict").textValue());
        assertTrue(json.get("error").isNull());
        assertEquals(SampleResults.PLATFORM, json.get("platformUrl").textValue());
        assertEquals("42", json.get("analysisRunId").textValue());
        assertEquals("shop", json.at("/scope/project").textValue());
        assertEquals("build", json.at("/scope/stage").textValue());
        assertEquals("2025-03-01T10:00:00Z", json.get("requestedAt").textValue());
        assertEquals("2025-03-01T10:04:30Z", json.get("finishedAt").textValue());

        JsonNode counts = json.get("counts");
        assertEquals(
                List.of(
                        "activeAlerts",
                        "ignoredAlerts",
                        "delayedBlockingAlerts",
                        "blockingAlerts",
                        "blockingPolicies",
                        "newBlockingAlerts",
                        "byLevel"),
                fieldNames(counts));
        assertEquals(10, counts.get("activeAlerts").intValue());
        assertEquals(1, counts.get("ignoredAlerts").intValue());
        assertEquals(2, counts.get("delayedBlockingAlerts").intValue());
        assertEquals(3, counts.get("blockingAlerts").intValue());
        assertEquals(2, counts.get("blockingPolicies").intValue());
        assertEquals(List.of("critical", "warning", "info", "unknown"), fieldNames(counts.get("byLevel")));
        assertEquals(5, counts.at("/byLevel/warning").intValue());

        JsonNode policy = json.at("/blockingPolicies/1");
        assertEquals(List.of("id", "name", "level", "alerts"), fieldNames(policy));
        assertEquals("3", policy.get("id").textValue());
        assertEquals("Critical CVEs", policy.get("name").textValue());
        assertEquals("critical", policy.get("level").textValue());
        JsonNode alert = policy.at("/alerts/1");
        assertEquals(
                List.of("id", "project", "stage", "level", "dependencyPurl", "vulnerability", "matchedCriteria", "new"),
                fieldNames(alert));
        assertEquals("a-1", alert.get("id").textValue());
        assertEquals(
                "pkg:maven/com.google.guava/guava@31.0.1-jre",
                alert.get("dependencyPurl").textValue());
        assertEquals("CVE-2023-2976", alert.get("vulnerability").textValue());
        assertEquals(2, alert.get("matchedCriteria").size());
        assertTrue(json.at("/blockingPolicies/0/alerts/0/vulnerability").isNull());
        assertTrue(json.at("/blockingPolicies/0/alerts/0/level").isNull());
    }

    @Test
    public void errorResultCarriesKindMessageAndAdvice() throws Exception {
        JsonNode json = MAPPER.readTree(
                JsonReport.toJson(SampleResults.error(ErrorKind.TIMEOUT, "Not finished within 60 min.")));
        assertEquals("ERROR", json.get("verdict").textValue());
        assertEquals(List.of("kind", "message", "advice"), fieldNames(json.get("error")));
        assertEquals("TIMEOUT", json.at("/error/kind").textValue());
        assertEquals("Not finished within 60 min.", json.at("/error/message").textValue());
        assertEquals(ErrorKind.TIMEOUT.advice(), json.at("/error/advice").textValue());
        assertTrue(json.get("analysisRunId").isNull());
        assertTrue(json.at("/scope/stage").isNull());
        assertEquals(0, json.get("blockingPolicies").size());
        assertEquals(0, json.at("/counts/byLevel").size());
    }

    @Test
    public void outputIsIndentedWithUnixLineEndsAndEndsWithOne() {
        String json = JsonReport.toJson(SampleResults.passed());
        assertTrue(json.startsWith("{\n  \"schemaVersion\": 1,\n  \"verdict\": \"PASSED\",\n"));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("\r"));
    }

    @Test
    public void roundTripKeepsEverything() {
        for (ScanResult result : List.of(
                SampleResults.passed(),
                SampleResults.blocked(),
                SampleResults.blockedWith(30),
                SampleResults.error(ErrorKind.ANALYSIS_FAILED, "Run 5 failed: out of disk"),
                russian())) {
            String json = JsonReport.toJson(result);
            ScanResult read = JsonReport.fromJson(json);
            assertEquals(json, JsonReport.toJson(read));
            assertEquals(
                    ConsoleReport.standard().lines(result),
                    ConsoleReport.standard().lines(read));
        }
    }

    /** The examples in docs/json-report.md (and its Russian twin) are documents the runner writes, byte for byte. */
    @Test
    public void documentedExamplesAreExactlyWhatTheWriterProduces() throws Exception {
        for (Path page : List.of(Path.of("docs", "json-report.md"), Path.of("docs", "ru", "json-report.md"))) {
            List<String> examples =
                    jsonBlocks(Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            assertEquals(page + ": a blocked and an error example", 2, examples.size());
            for (String example : examples) {
                assertEquals(page.toString(), example, JsonReport.toJson(JsonReport.fromJson(example)));
            }
        }
    }

    private static List<String> jsonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = markdown.indexOf("```json\n", at)) >= 0) {
            int start = at + "```json\n".length();
            int end = markdown.indexOf("```", start);
            blocks.add(markdown.substring(start, end));
            at = end + 3;
        }
        return blocks;
    }

    @Test
    public void roundTripOfNullsStaysNull() {
        ScanResult read = JsonReport.fromJson(JsonReport.toJson(SampleResults.blockedBy(new BlockingPolicy(
                "1", null, null, List.of(new BlockingAlert(null, null, null, null, null, null, null))))));
        assertNull(read.requestedAt());
        assertNull(read.project());
        BlockingPolicy policy = read.blockingPolicies().get(0);
        assertNull(policy.name());
        assertNull(policy.alerts().get(0).dependencyPurl());
        assertEquals(List.of(), policy.alerts().get(0).matchedCriteria());
    }

    @Test
    public void unicodeIsWrittenAsUtf8Text() throws Exception {
        Path file = folder.getRoot().toPath().resolve("nested/dir/codescoring.json");
        JsonReport.write(russian(), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"name\": \"Запрещённые лицензии\""));
        assertEquals(JsonReport.toJson(russian()), text);
        assertEquals(
                "Запрещённые лицензии",
                JsonReport.fromJson(text).blockingPolicies().get(0).name());
    }

    @Test
    public void writeReplacesAnExistingFile() throws Exception {
        Path file = folder.newFile("report.json").toPath();
        Files.writeString(file, "x".repeat(10_000));
        JsonReport.write(SampleResults.passed(), file);
        assertEquals(JsonReport.toJson(SampleResults.passed()), Files.readString(file));
    }

    @Test
    public void readerRefusesWhatIsNotAReport() {
        for (String bad : List.of(
                "not json",
                "[]",
                "{}",
                "{\"schemaVersion\":2,\"verdict\":\"PASSED\"}",
                "{\"schemaVersion\":1}",
                "{\"schemaVersion\":1,\"verdict\":\"MAYBE\"}",
                "{\"schemaVersion\":1,\"verdict\":\"ERROR\"}",
                "{\"schemaVersion\":1,\"verdict\":\"ERROR\",\"error\":{\"kind\":\"OOPS\"}}",
                "{\"schemaVersion\":1,\"verdict\":\"PASSED\",\"requestedAt\":\"yesterday\"}")) {
            try {
                JsonReport.fromJson(bad);
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }

    @Test
    public void readerIgnoresFieldsItDoesNotKnow() {
        ScanResult read = JsonReport.fromJson("{\"schemaVersion\":1,\"verdict\":\"PASSED\",\"futureField\":{\"a\":1}}");
        assertEquals("PASSED", read.verdict().name());
    }

    /** Every field name docs/json-report.md documents; the keys under counts.byLevel are level words. */
    /** The field names docs/json-report.md describes in its tables (the first column of each row). */
    private static final java.util.Set<String> DOCUMENTED_FIELDS = documentedFields();

    private static java.util.Set<String> documentedFields() {
        try {
            java.util.Set<String> names = new java.util.HashSet<>();
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|")
                    .matcher(Files.readString(Path.of("docs", "json-report.md")));
            while (row.find()) {
                names.add(row.group(1));
            }
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    public void reportsHoldOnlyTheDocumentedFieldsAndNoHeader() throws Exception {
        List<ScanResult> results = List.of(
                SampleResults.passed(),
                SampleResults.blocked(),
                SampleResults.error(ErrorKind.TOKEN_REJECTED, "The platform rejected the API token (HTTP 401)."));
        org.hamcrest.MatcherAssert.assertThat(
                "the field tables were read", DOCUMENTED_FIELDS.size(), org.hamcrest.Matchers.greaterThan(20));
        for (ScanResult result : results) {
            String json = JsonReport.toJson(result);
            List<String> undocumented = new ArrayList<>();
            collectUndocumented(new ObjectMapper().readTree(json), "", undocumented);
            assertEquals(json, List.of(), undocumented);
            String console = ConsoleReport.standard().render(result);
            assertFalse(json.toLowerCase().contains("authorization")
                    || console.toLowerCase().contains("authorization"));
            Path file = folder.newFile().toPath();
            JsonReport.write(result, file);
            assertEquals("the file holds the same document", json, Files.readString(file));
        }
    }

    private static void collectUndocumented(JsonNode node, String path, List<String> undocumented) {
        if (node.isArray()) {
            node.forEach(item -> collectUndocumented(item, path + "[]", undocumented));
            return;
        }
        if (!node.isObject() || path.endsWith("/byLevel")) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!DOCUMENTED_FIELDS.contains(field.getKey())) {
                undocumented.add(path + "/" + field.getKey());
            }
            collectUndocumented(field.getValue(), path + "/" + field.getKey(), undocumented);
        }
    }

    private static ScanResult russian() {
        return SampleResults.blockedBy(new BlockingPolicy(
                "5",
                "Запрещённые лицензии",
                "warning",
                List.of(new BlockingAlert(
                        "1",
                        "магазин",
                        "build",
                        null,
                        "pkg:npm/a@1",
                        null,
                        List.of("Лицензия GPL-3.0 запрещена политикой")))));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            names.add(fields.next().getKey());
        }
        return names;
    }
}
