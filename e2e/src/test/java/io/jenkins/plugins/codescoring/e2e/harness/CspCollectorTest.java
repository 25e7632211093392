package io.jenkins.plugins.codescoring.e2e.harness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

/**
 * The positive control of the browser tests' CSP check (BrowserE2ETest's z_ test): a report as Chromium sends it,
 * for inline script of one of our views, reaches the collector and is counted as ours; Jenkins' own inline script is
 * not. Without this, a collector that received nothing, or a classifier that counted nothing, would pass that check.
 */
public class CspCollectorTest {
    /** A view of ours with inline script, the kind of bug the check is there to catch. */
    private static final PluginTexts TEXTS = PluginTexts.of(Map.of(
            "io/jenkins/plugins/codescoring/results/CodescoringResultAction/index.jelly",
            ("<j:jelly xmlns:j=\"jelly:core\"><l:layout><script>\n"
                            + "  document.querySelector('.codescoring-summary').hidden = false;\n"
                            + "</script></l:layout></j:jelly>")
                    .getBytes(StandardCharsets.UTF_8)));

    /** A report as Chromium posts it to the report-uri (its sample is the first 40 characters of the inline code). */
    private static String report(String sourceFile, String blockedUri, String sample) {
        return "{\"csp-report\":{\"document-uri\":\"http://127.0.0.1:8080/jenkins/job/p/1/codescoring/\","
                + "\"referrer\":\"\",\"violated-directive\":\"script-src-elem\",\"effective-directive\":\"script-src-elem\","
                + "\"original-policy\":\"default-src 'self'\",\"disposition\":\"report\",\"blocked-uri\":\""
                + blockedUri
                + "\",\"line-number\":12,\"source-file\":\"" + sourceFile + "\",\"status-code\":200,"
                + "\"script-sample\":\"" + sample + "\"}}";
    }

    private static void send(CspCollector collector, String body) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(collector.reportUri()))
                                .header("Content-Type", "application/csp-report")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(204, answer.statusCode());
    }

    @Test
    public void inlineScriptOfOurViewIsReceivedAndCountedAsOurs() throws Exception {
        try (CspCollector collector = new CspCollector()) {
            send(
                    collector,
                    report(
                            "http://127.0.0.1:8080/jenkins/job/p/1/codescoring/",
                            "inline",
                            "document.querySelector('.codescoring-sum"));
            send(
                    collector,
                    report(
                            "http://127.0.0.1:8080/jenkins/static/0a1b2c3d/scripts/hudson-behavior.js",
                            "inline",
                            "window.jenkinsOwnBehaviour = function() {"));
            send(collector, report("http://127.0.0.1:8080/jenkins/plugin/codescoring/scripts/trend.js", "eval", ""));
            assertThat(collector.reports(), hasSize(3));
            JsonNode ourInline = collector.reports().get(0);
            assertEquals("script-src-elem", ourInline.path("violated-directive").asText());
            assertTrue("inline script of our view", CspReports.ours(ourInline, TEXTS));
            assertFalse(
                    "Jenkins' own inline script",
                    CspReports.ours(collector.reports().get(1), TEXTS));
            assertTrue(
                    "anything from our resources",
                    CspReports.ours(collector.reports().get(2), TEXTS));
        }
    }

    @Test
    public void aReportWithoutSampleOrOurResourceIsNotOurs() {
        JsonNode empty = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        assertFalse(CspReports.ours(empty, TEXTS));
    }
}
