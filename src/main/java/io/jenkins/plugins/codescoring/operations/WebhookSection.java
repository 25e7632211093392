package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.codescoring.config.WebhookActivity;
import java.time.Clock;
import java.time.Instant;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A platform's webhook on the operations page: whether a token is set, its deliveries since Jenkins started. Never the token. */
@ExportedBean(defaultVisibility = 2)
public final class WebhookSection {
    private final boolean tokenSet;
    private final WebhookActivity.Tally tally;
    private final Instant now = Clock.systemUTC().instant();

    WebhookSection(boolean tokenSet, WebhookActivity.Tally tally) {
        this.tokenSet = tokenSet;
        this.tally = tally;
    }

    /** Whether the platform has a webhook token credential; without one every delivery is refused. */
    @Exported
    public boolean isTokenSet() {
        return tokenSet;
    }

    @Exported
    public long getAccepted() {
        return tally.accepted();
    }

    /** Deliveries to this platform's address that were refused (wrong token, too many, too long, malformed). */
    @Exported
    public long getRefused() {
        return tally.refused();
    }

    @CheckForNull
    @Exported(skipNull = true)
    public Long getLastAcceptedAt() {
        return PlatformSection.millis(tally.lastAccepted());
    }

    @CheckForNull
    @Exported(skipNull = true)
    public Long getLastRefusedAt() {
        return PlatformSection.millis(tally.lastRefused());
    }

    /** e.g. {@code HTTP 403: Refused: this webhook URL needs ...}; the endpoint's answer, which never holds a token. */
    @CheckForNull
    @Exported(skipNull = true)
    public String getLastRefusedReason() {
        return tally.lastRefused() == null
                ? null
                : "HTTP " + tally.lastRefusedStatus() + ": " + tally.lastRefusedReason();
    }

    @CheckForNull
    public String getLastAcceptedText() {
        return TimeWords.ago(tally.lastAccepted(), now);
    }

    @CheckForNull
    public String getLastRefusedText() {
        return TimeWords.ago(tally.lastRefused(), now);
    }
}
