package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sorts the CSP reports a {@link CspCollector} received: ours when the blocked or reporting resource is one of the
 * plugin's, or when the report's sample of the blocked inline code occurs in one of the plugin's views.
 */
public final class CspReports {
    private CspReports() {}

    /** Whether the report comes from the plugin: its resources or the inline code of its views. */
    public static boolean ours(JsonNode report, PluginTexts texts) {
        String sample = report.path("script-sample").asText("");
        String source = report.path("source-file").asText("") + " "
                + report.path("blocked-uri").asText("");
        return isOurResource(source) || texts.occursInViews(sample);
    }

    /** Whether the URL is one of the plugin's resources (its scripts, styles, images). */
    public static boolean isOurResource(String url) {
        return url.contains("/plugin/codescoring/") || url.contains("io/jenkins/plugins/codescoring");
    }
}
