package io.jenkins.plugins.codescoring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges CodeScoring's webhook deliveries for the Jenkins endpoint: the token, a flood guard per platform,
 * the body's size and shape, then each event. An event only decides whether the platform's waiting scans
 * read the status now ({@link WebhookAnswer#pollNow()}); polling stays the truth, and nothing in a payload
 * decides a verdict. The token is checked first ({@link #checkToken}, before the adapter reads the body), in
 * constant time and with the same work for every name. Thread-safe; everything it remembers is bounded, and nothing
 * about a delivery with a wrong token is remembered under the name it gave.
 */
public final class WebhookReceiver {
    /** The longest body read; the adapter reads at most one byte more to tell that a body is longer. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Deliveries with the right token that one platform may make in {@link #FLOOD_WINDOW}. */
    public static final int DELIVERIES_PER_WINDOW = 30;

    public static final Duration FLOOD_WINDOW = Duration.ofSeconds(60);
    static final int RECENT_EVENTS_PER_PLATFORM = 1024;
    static final int MAX_PLATFORMS = 256;
    static final String REFUSED =
            "Refused: this webhook URL needs its platform's webhook token in the X-CodeScoring-Authentication header.";
    /** The one source under which every delivery with a wrong or missing token is counted. */
    private static final String OUTSIDER = "outsider";

    private final Clock clock;
    private final Map<String, PlatformInbox> inboxes = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PlatformInbox> eldest) {
            return size() > MAX_PLATFORMS;
        }
    };
    private final RefusalWarnings warnings = new RefusalWarnings(4 * MAX_PLATFORMS + 1);

    public WebhookReceiver(Clock clock) {
        this.clock = clock;
    }

    /**
     * A request without the token header, or with a blank one: refused at once, before its platform is looked up or
     * its body read. The same answer as a wrong token.
     */
    public WebhookAnswer refuseWithoutToken() {
        return refuse(403, REFUSED, 0, OUTSIDER, clock.instant());
    }

    /**
     * The token check alone, made before the body is read: empty when the token matched, else the refusal to send.
     * The given token is compared in constant time with the platform's token digest, or with a dummy one when the name
     * is unknown or has no token, so a stranger's request costs the same whatever name it gives.
     *
     * @param expectedDigest the platform's token digest ({@link WebhookTokens#digest}); null for an unknown name or a
     *     platform without a token
     */
    public Optional<WebhookAnswer> checkToken(byte[] expectedDigest, String givenToken) {
        if (WebhookTokens.matches(expectedDigest, givenToken)) {
            return Optional.empty();
        }
        return Optional.of(refuse(403, REFUSED, 0, OUTSIDER, clock.instant()));
    }

    /**
     * Judges one delivery; see {@link WebhookAnswer} for what to send back and log. A delivery with the right token
     * that cannot be read whole (too long, too many events) is accepted unread and asks for a status check: the
     * platform's own batches can be that large, and it would retry a refusal for days. A malformed one is refused
     * (400) without using up the platform's deliveries.
     */
    public WebhookAnswer receive(WebhookDelivery delivery) {
        Instant now = clock.instant();
        if (!WebhookTokens.matches(delivery.expectedDigest(), delivery.givenToken())) {
            return refuse(403, REFUSED, 0, OUTSIDER, now);
        }
        String name = delivery.platformName();
        String source = "platform " + name;
        List<WebhookEvent> events = null;
        String unread = null;
        if (delivery.bodyTooLong()) {
            unread = "Accepted unread: the body is longer than " + MAX_BODY_BYTES + " bytes";
        } else {
            try {
                events = WebhookBatchReader.read(delivery.body());
            } catch (MalformedBatch.TooManyEvents e) {
                unread = "Accepted unread: " + lowerFirst(e.getMessage());
            } catch (MalformedBatch e) {
                return refuse(400, hideTokens(e.getMessage(), delivery), 0, source, now);
            }
        }
        long wait;
        synchronized (inboxes) {
            wait = inbox(name).flood.admit(now);
        }
        if (wait > 0) {
            return refuse(
                    429,
                    "Too many deliveries for this platform: at most " + DELIVERIES_PER_WINDOW + " in "
                            + FLOOD_WINDOW.toSeconds() + " s. Retry after " + wait + " s.",
                    wait,
                    source,
                    now);
        }
        if (unread != null) {
            synchronized (inboxes) {
                inbox(name).lastAccepted = now;
            }
            return WebhookAnswer.acceptedUnread(
                    hideTokens(unread + "; the platform's waiting scans check the status.", delivery));
        }
        BatchTally tally = new BatchTally(text -> hideTokens(text, delivery));
        synchronized (inboxes) {
            PlatformInbox inbox = inbox(name);
            for (WebhookEvent event : events) {
                tally(tally, inbox, event);
            }
            inbox.lastAccepted = now;
        }
        return WebhookAnswer.accepted(tally, hideTokens(tally.message(), delivery));
    }

    private static String lowerFirst(String text) {
        return text.isEmpty()
                ? text
                : Character.toLowerCase(text.charAt(0))
                        + text.substring(1, text.length() - (text.endsWith(".") ? 1 : 0));
    }

    /** When a delivery for this platform was last accepted, as far as the receiver still remembers. */
    public Optional<Instant> lastAccepted(String platformName) {
        synchronized (inboxes) {
            PlatformInbox inbox = inboxes.get(platformName);
            return Optional.ofNullable(inbox == null ? null : inbox.lastAccepted);
        }
    }

    private static void tally(BatchTally tally, PlatformInbox inbox, WebhookEvent event) {
        if (!inbox.recent.firstTime(event.fingerprint())) {
            tally.duplicate();
            return;
        }
        switch (EventTrigger.of(event.trigger())) {
            case ANALYSIS_ENDED:
                tally.statusCheck();
                break;
            case IGNORED:
                tally.ignored();
                break;
            default:
                tally.unknown(event.trigger());
        }
    }

    /** Only called for a platform whose token was right, so the names kept are configured ones. */
    private PlatformInbox inbox(String name) {
        return inboxes.computeIfAbsent(
                name, n -> new PlatformInbox(DELIVERIES_PER_WINDOW, FLOOD_WINDOW, RECENT_EVENTS_PER_PLATFORM));
    }

    private WebhookAnswer refuse(int status, String message, long retryAfterSeconds, String source, Instant now) {
        return WebhookAnswer.refused(status, message, retryAfterSeconds, warnings.worthAWarning(source, status, now));
    }

    /** Only called once the token matched: the given token is then the platform's. */
    private static String hideTokens(String text, WebhookDelivery delivery) {
        String token = delivery.givenToken();
        return token == null || token.isBlank() ? text : text.replace(token.trim(), "[hidden]");
    }
}
