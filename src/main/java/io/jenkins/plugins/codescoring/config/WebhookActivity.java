package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * When each platform's webhook was last accepted since Jenkins started, for the global configuration page.
 * Only the endpoint writes here, and only for a platform whose token matched, so the map holds at most one
 * entry per configured platform name.
 */
@Restricted(NoExternalUse.class)
public final class WebhookActivity {
    private static final Map<String, Instant> LAST_ACCEPTED = new ConcurrentHashMap<>();

    private WebhookActivity() {
    }

    public static void accepted(String platformName, Instant at) {
        LAST_ACCEPTED.put(platformName, at);
    }

    @CheckForNull
    static Instant lastAccepted(String platformName) {
        return LAST_ACCEPTED.get(platformName);
    }
}
