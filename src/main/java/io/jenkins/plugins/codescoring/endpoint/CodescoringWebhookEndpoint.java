package io.jenkins.plugins.codescoring.endpoint;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.config.WebhookActivity;
import io.jenkins.plugins.codescoring.config.WebhookTokenDigests;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.webhook.WebhookAnswer;
import io.jenkins.plugins.codescoring.webhook.WebhookDelivery;
import io.jenkins.plugins.codescoring.webhook.WebhookReceiver;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * {@code POST /codescoring-webhook/<platform>}: where CodeScoring's webhooks arrive. The platform cannot log in
 * to Jenkins or fetch a CSRF crumb, so the endpoint needs neither ({@link WebhookCrumbExclusion}); the platform's
 * webhook token is its only key, and without one configured every request is refused. An unknown platform, a
 * platform without a token and a wrong token get one and the same answer after the same work (a hash and a
 * constant-time comparison with a digest read ahead, {@link WebhookTokenDigests}), so the endpoint tells an outsider
 * nothing and a stranger's request never reaches a credentials provider or has its body read. An accepted event that an analysis ended only makes that platform's waiting scans check the status at
 * once ({@link WebhookReceiver} judges the delivery): polling stays the truth, nothing in a payload decides a verdict.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class CodescoringWebhookEndpoint implements UnprotectedRootAction {
    private static final Logger LOGGER = Logger.getLogger(CodescoringWebhookEndpoint.class.getName());
    /** The header the platform sends its static webhook token in. */
    public static final String TOKEN_HEADER = "X-CodeScoring-Authentication";

    private static final Clock CLOCK = Clock.systemUTC();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver(CLOCK);

    @Override
    public String getUrlName() {
        return Platform.WEBHOOK_PATH;
    }

    @CheckForNull
    @Override
    public String getIconFileName() {
        return null; // not a page: no link in the side panel
    }

    @CheckForNull
    @Override
    public String getDisplayName() {
        return null;
    }

    /**
     * Every request below the endpoint: {@code /codescoring-webhook/<platform name>}. A request without the token
     * header is refused at once; the token is then compared with the cached digest of the named platform's (or a
     * dummy one), still before the body is read; only a delivery whose token matched is read, within bounds.
     */
    public HttpResponse doDynamic(StaplerRequest2 req) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            return PlainAnswer.of(405, "Only POST: this is where CodeScoring sends its webhooks.")
                    .withHeader("Allow", "POST");
        }
        String given = req.getHeader(TOKEN_HEADER);
        if (given == null || given.isBlank()) {
            return answer(RECEIVER.refuseWithoutToken(), null, req);
        }
        Platform platform = CodescoringGlobalConfiguration.get().platformForWebhook(platformName(req.getRestOfPath()));
        byte[] expected = WebhookTokenDigests.expected(platform);
        Optional<WebhookAnswer> refused = RECEIVER.checkToken(expected, given);
        if (refused.isPresent() || platform == null) {
            return answer(refused.orElseGet(RECEIVER::refuseWithoutToken), platform, req);
        }
        DeliveryBody body = DeliveryBody.read(req.getInputStream(), req.getContentLengthLong());
        WebhookAnswer answer = RECEIVER.receive(
                WebhookDelivery.withDigest(platform.name(), expected, given, body.bytes, body.tooLong));
        if (answer.accepted()) {
            WebhookActivity.accepted(platform.name(), CLOCK.instant());
            if (answer.pollNow()) {
                CodescoringScans.pollNow(platform.getUrl());
            }
        } else {
            WebhookActivity.refused(platform.name(), CLOCK.instant(), answer.status(), answer.message());
        }
        return answer(answer, platform, req);
    }

    private static HttpResponse answer(WebhookAnswer answer, @CheckForNull Platform platform, StaplerRequest2 req) {
        log(answer, platform, req.getRemoteAddr());
        PlainAnswer response = PlainAnswer.of(answer.status(), answer.message());
        if (answer.retryAfterSeconds().isPresent()) {
            response = response.withHeader(
                    "Retry-After", Long.toString(answer.retryAfterSeconds().getAsLong()));
        }
        return response;
    }

    /** The platform name from the rest of the path, as typed; anything but one path segment names no platform. */
    private static String platformName(@CheckForNull String restOfPath) {
        String path = restOfPath == null ? "" : restOfPath;
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.contains("/") ? "" : path;
    }

    /**
     * One line in the system log: the platform only when it is configured (an outsider's path is not logged),
     * the sender's address, and the receiver's answer, which never holds a token or the body.
     */
    private static void log(WebhookAnswer answer, @CheckForNull Platform platform, String remoteAddress) {
        Level level = !answer.worthAWarning() ? Level.FINE : answer.accepted() ? Level.INFO : Level.WARNING;
        if (LOGGER.isLoggable(level)) {
            String who =
                    platform == null ? "an unconfigured or unknown platform" : "the platform '" + platform.name() + "'";
            LOGGER.log(level, "CodeScoring webhook for {0} from {1}: HTTP {2} {3}", new Object[] {
                who, remoteAddress, answer.status(), answer.message()
            });
        }
    }
}
