package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** JSON to model, tolerant of what platform versions write and strict about what decides the verdict. */
public class ModelReaderTest {
    private final ModelReader reader = new ModelReader(Redactor.of("3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5"));

    @Test
    public void idsMayBeNumbersOrText() throws Exception {
        assertEquals("42", reader.project(json("{\"id\": 42}")).id());
        assertEquals("42", reader.project(json("{\"id\": \" 42 \"}")).id());
        assertEquals(
                "8f14e45f-ceea-467f",
                reader.project(json("{\"id\": \"8f14e45f-ceea-467f\"}")).id());
        assertEquals(
                "123456789012345678901234567890",
                reader.project(json("{\"id\": 123456789012345678901234567890}")).id());
        assertShapeError("has no \"id\"", () -> reader.project(json("{\"id\": \"\"}")));
        assertShapeError("\"id\" of a project is not an id", () -> reader.project(json("{\"id\": 4.5}")));
        assertShapeError("is not an id", () -> reader.project(json("{\"id\": true}")));
    }

    @Test
    public void booleansMayBeLegacyTextOrNumbers() throws Exception {
        for (String yes : new String[] {"true", "\"True\"", "\"true\"", "\"TRUE\"", "1", "\"1\""}) {
            assertTrue(
                    yes,
                    reader.policy(json("{\"id\": 1, \"is_blocks_build\": " + yes + "}"))
                            .isBlocksBuild());
        }
        for (String no : new String[] {"false", "\"False\"", "\"false\"", "0", "\"0\""}) {
            assertFalse(
                    no,
                    reader.policy(json("{\"id\": 1, \"is_blocks_build\": " + no + "}"))
                            .isBlocksBuild());
        }
        assertShapeError(
                "\"is_blocks_build\" of policy 1 is not a boolean: \"yes\"",
                () -> reader.policy(json("{\"id\": 1, \"is_blocks_build\": \"yes\"}")));
        assertShapeError("is not a boolean: 2", () -> reader.policy(json("{\"id\": 1, \"is_blocks_build\": 2}")));
    }

    @Test
    public void aPolicyNeedsItsBlockerFlagAndIsActiveUnlessSaidOtherwise() throws Exception {
        assertShapeError(
                "policy 7 has no \"is_blocks_build\"", () -> reader.policy(json("{\"id\": 7, \"name\": \"x\"}")));
        assertShapeError(
                "policy 7 has no \"is_blocks_build\"",
                () -> reader.policy(json("{\"id\": 7, \"is_blocks_build\": null}")));
        assertTrue(reader.policy(json("{\"id\": 7, \"is_blocks_build\": true}")).isActive());
        assertFalse(reader.policy(json("{\"id\": 7, \"is_blocks_build\": true, \"is_active\": \"False\"}"))
                .isActive());
        assertEquals(
                new Policy("7", "Crit", "critical", true, false),
                reader.policy(
                        json(
                                "{\"id\": 7, \"name\": \"Crit\", \"level\": \"critical\", \"is_blocks_build\": false, \"extra\": {}}")));
        assertShapeError("a policy has no \"id\"", () -> reader.policy(json("{\"is_blocks_build\": true}")));
        assertShapeError("a policy is not a JSON object", () -> reader.policy(json("5")));
    }

    /** A status, an alert or a project that is a list or a bare value is named as such, not as a missing field. */
    @Test
    public void aStatusOrAnAlertThatIsNotAnObjectIsSaidToBeSo() throws Exception {
        assertShapeError(
                "the analysis status is not a JSON object but array",
                () -> reader.status(json("[{\"status\": \"success\"}]")));
        assertShapeError("an alert is not a JSON object but string", () -> reader.alert(json("\"12\"")));
        assertShapeError("an alert is not a JSON object but number", () -> reader.alert(json("12")));
    }

    @Test
    public void anEmbeddedPolicyWithoutBlockerFlagNamesTheAlert() throws Exception {
        assertShapeError(
                "policy 3 of alert 12 has no \"is_blocks_build\"",
                () -> reader.alert(json("{\"id\": 12, \"policy\": {\"id\": 3, \"name\": \"p\"}}")));
        assertShapeError(
                "the policy of alert 12 has no \"id\"",
                () -> reader.alert(json("{\"id\": 12, \"policy\": {\"name\": \"p\", \"is_blocks_build\": true}}")));
    }

    @Test
    public void anAlertNeedsAnIdAndAPolicy() throws Exception {
        assertShapeError("an alert has no \"id\"", () -> reader.alert(json("{\"policy\": 1}")));
        assertShapeError("alert 5 has no \"policy\"", () -> reader.alert(json("{\"id\": 5}")));
        assertShapeError("alert 5 has no \"policy\"", () -> reader.alert(json("{\"id\": 5, \"policy\": null}")));
        assertShapeError(
                "\"policy\" of alert 5 is not an id", () -> reader.alert(json("{\"id\": 5, \"policy\": [1]}")));
    }

    @Test
    public void aMinimalAlertHasDefaults() throws Exception {
        Alert alert = reader.alert(json("{\"id\": 5, \"policy\": \"p-1\"}"));

        assertEquals("p-1", alert.policyId());
        assertNull(alert.policy());
        assertNull(alert.project());
        assertNull(alert.stage());
        assertNull(alert.vulnerability());
        assertEquals(List.of(), alert.matchedCriteria());
        assertFalse(alert.isIgnored());
        assertNull(alert.blockDelayedUntil());
    }

    @Test
    public void vulnerabilityMayBeTextOrAnObject() throws Exception {
        assertEquals("CVE-2024-38875", vulnerability("\"CVE-2024-38875\""));
        assertEquals("CVE-2024-38875", vulnerability("{\"id\": \"CVE-2024-38875\", \"name\": \"Django DoS\"}"));
        assertEquals("BDU:2024-01234", vulnerability("{\"id\": 981, \"name\": \"BDU:2024-01234\"}"));
        assertEquals("981", vulnerability("{\"id\": 981}"));
        assertNull(vulnerability("null"));
        assertNull(vulnerability("{}"));
    }

    @Test
    public void matchedCriteriaMayBeAListOrOneText() throws Exception {
        assertEquals(List.of("a", "b"), criteria("[\"a\", null, \"b\"]"));
        assertEquals(List.of("django@4.2.2 has CVE-2024-38875"), criteria("\"django@4.2.2 has CVE-2024-38875\""));
        assertEquals(List.of("7.5", "{\"text\":\"x\"}"), criteria("[7.5, {\"text\": \"x\"}]"));
        assertEquals(List.of(), criteria("null"));
        assertShapeError(
                "\"matched_criteria\" of alert 1 is not a list of texts",
                () -> reader.alert(json("{\"id\": 1, \"policy\": 1, \"matched_criteria\": {\"a\": 1}}")));
    }

    @Test
    public void projectMayBeAnObjectOrAnId() throws Exception {
        assertEquals(
                new Project("9", "shop"),
                reader.alert(json("{\"id\": 1, \"policy\": 1, \"project\": {\"id\": 9, \"name\": \"shop\"}}"))
                        .project());
        assertEquals(
                new Project("9", null),
                reader.alert(json("{\"id\": 1, \"policy\": 1, \"project\": \"9\"}"))
                        .project());
        assertShapeError(
                "the project of alert 1 has no \"id\"",
                () -> reader.alert(json("{\"id\": 1, \"policy\": 1, \"project\": {\"name\": \"shop\"}}")));
    }

    @Test
    public void datesAreIsoWithOrWithoutOffsetAndFraction() throws Exception {
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), delayedUntil("\"2026-03-01T12:00:00+03:00\""));
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), delayedUntil("\"2026-03-01T12:00:00Z\""));
        assertEquals(Instant.parse("2026-03-01T12:00:00.123456Z"), delayedUntil("\"2026-03-01T12:00:00.123456Z\""));
        assertEquals(
                "no offset means UTC", Instant.parse("2026-03-01T12:00:00Z"), delayedUntil("\"2026-03-01T12:00:00\""));
        assertEquals(Instant.parse("2026-03-01T12:00:00.5Z"), delayedUntil("\"2026-03-01T12:00:00.5\""));
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), delayedUntil("\"2026-03-01 12:00:00+0300\""));
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), delayedUntil("\"2026-03-01T12:00:00+03\""));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), delayedUntil("\"2026-03-01\""));
        assertNull(delayedUntil("null"));
        assertNull(delayedUntil("\"\""));
        assertShapeError(
                "\"block_delayed_until\" of alert 1 is not an ISO-8601 date", () -> delayedUntil("\"next tuesday\""));
        assertShapeError("is not an ISO-8601 date", () -> delayedUntil("1767225600"));
    }

    @Test
    public void theStatusErrorIsRedacted() throws Exception {
        AnalysisStatus status = reader.status(
                json(
                        "{\"status\": \"failed\", \"error\": {\"trace\": \"Token 3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5\"}}"));

        assertEquals(RunPhase.FAILED, status.phase());
        assertFalse(status.error(), status.error().contains("3f9c2a7d"));
        assertTrue(status.error(), status.error().contains("trace"));
    }

    @Test
    public void theStatusMayNameNoRun() throws Exception {
        assertEquals(
                new AnalysisStatus(null, "not_started", null, null, null),
                reader.status(json("{\"status\": \"not_started\"}")));
        assertShapeError(
                "\"started_at\" of the analysis status is not an ISO-8601 date",
                () -> reader.status(json("{\"status\": \"running\", \"started_at\": \"soon\"}")));
        assertShapeError(
                "\"status\" of the analysis status is not a text", () -> reader.status(json("{\"status\": {}}")));
    }

    @Test
    public void startAnswersNameARunOnlyWhenTheyCan() throws Exception {
        assertEquals("17", reader.startedRunId(json("{\"id\": 17, \"status\": \"queued\"}")));
        assertNull(reader.startedRunId(json("{\"id\": {\"x\": 1}}")));
        assertNull(reader.startedRunId(json("[17]")));
    }

    private String vulnerability(String value) throws Exception {
        return reader.alert(json("{\"id\": 1, \"policy\": 1, \"vulnerability\": " + value + "}"))
                .vulnerability();
    }

    private List<String> criteria(String value) throws Exception {
        return reader.alert(json("{\"id\": 1, \"policy\": 1, \"matched_criteria\": " + value + "}"))
                .matchedCriteria();
    }

    private Instant delayedUntil(String value) throws Exception {
        return reader.alert(json("{\"id\": 1, \"policy\": 1, \"block_delayed_until\": " + value + "}"))
                .blockDelayedUntil();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    interface Read {
        Object run() throws Exception;
    }

    private static void assertShapeError(String messagePart, Read read) throws Exception {
        try {
            read.run();
        } catch (UnexpectedShape e) {
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
            return;
        }
        fail("expected an UnexpectedShape saying " + messagePart);
    }
}
