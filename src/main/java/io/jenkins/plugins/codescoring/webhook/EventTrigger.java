package io.jenkins.plugins.codescoring.webhook;

import java.util.Locale;
import java.util.Set;

/** What an event's trigger means to the plugin. Only its name counts: no payload decides anything. */
enum EventTrigger {
    /** An analysis ended (finished, failed or cancelled): worth reading the status now. */
    ANALYSIS_ENDED,
    /** A trigger the platform is known to send that needs nothing from the plugin. */
    IGNORED,
    /** A trigger this plugin does not know. */
    UNKNOWN;

    private static final Set<String> ENDED = Set.of(
            "project_sca_analysis_finished",
            "project_sca_analysis_failed",
            "project_sca_analysis_cancelled",
            "project_sca_analysis_canceled");
    private static final Set<String> KNOWN = Set.of("project_sca_analysis_started", "sca_policy_has_been_triggered");

    static EventTrigger of(String trigger) {
        String name = trigger.trim().toLowerCase(Locale.ROOT);
        if (ENDED.contains(name)) {
            return ANALYSIS_ENDED;
        }
        return KNOWN.contains(name) ? IGNORED : UNKNOWN;
    }
}
