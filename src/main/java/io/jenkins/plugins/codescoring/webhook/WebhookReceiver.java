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
 * decides a verdict. Thread-safe; everything it remembers is bounded, and nothing about a delivery with a
 * wrong token is remembered under the name it gave.
 */
public final class WebhookReceiver {
    /** The longest body read; the adapter reads at most one byte more to tell that a body is longer. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Deliveries with the right token that one platform may make in {@link #FLOOD_WINDOW}. */
    public static final int DELIVERIES_PER_WINDOW = 30;
    public static final Duration FLOOD_WINDOW = Duration.ofSeconds(60);
    static final int RECENT_EVENTS_PER_PLATFORM = 1024;
    static final int MAX_PLATFORMS = 256;
    static final String REFUSED = "Refused: this webhook URL needs its platform's webhook token in the X-CodeScoring-Authentication header.";
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

    /** Judges one delivery; see {@link WebhookAnswer} for what to send back and log. */
    public WebhookAnswer receive(WebhookDelivery delivery) {
        Instant now = clock.instant();
        if (!WebhookTokens.matches(delivery.expectedToken(), delivery.givenToken())) {
            return refuse(403, REFUSED, 0, OUTSIDER, now);
        }
        String name = delivery.platformName();
        String source = "platform " + name;
        long wait;
        synchronized (inboxes) {
            wait = inbox(name).flood.admit(now);
        }
        if (wait > 0) {
            return refuse(429, "Too many deliveries for this platform: at most " + DELIVERIES_PER_WINDOW + " in "
                    + FLOOD_WINDOW.toSeconds() + " s. Retry after " + wait + " s.", wait, source, now);
        }
        if (delivery.bodyTooLong()) {
            return refuse(413, "The body is longer than " + MAX_BODY_BYTES + " bytes.", 0, source, now);
        }
        List<WebhookEvent> events;
        try {
            events = WebhookBatchReader.read(delivery.body());
        } catch (MalformedBatch e) {
            return refuse(400, hideTokens(e.getMessage(), delivery), 0, source, now);
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
        return inboxes.computeIfAbsent(name, n -> new PlatformInbox(DELIVERIES_PER_WINDOW, FLOOD_WINDOW, RECENT_EVENTS_PER_PLATFORM));
    }

    private WebhookAnswer refuse(int status, String message, long retryAfterSeconds, String source, Instant now) {
        return WebhookAnswer.refused(status, message, retryAfterSeconds, warnings.worthAWarning(source, status, now));
    }

    private static String hideTokens(String text, WebhookDelivery delivery) {
        String hidden = text;
        for (String token : new String[] {delivery.expectedToken(), delivery.givenToken()}) {
            if (token != null && !token.isBlank()) {
                hidden = hidden.replace(token.trim(), "[hidden]");
            }
        }
        return hidden;
    }
}
