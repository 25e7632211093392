package io.jenkins.plugins.codescoring.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.Test;

public class WebhookReceiverTest {
    private static final String TOKEN = "wh-7f3a9c2e51b84d06a1e2";

    private final ManualClock clock = new ManualClock();
    private final WebhookReceiver receiver = new WebhookReceiver(clock);

    static String event(String trigger, String createdAt, String payload) {
        return "{\"created_at\":\"" + createdAt + "\",\"trigger\":\"" + trigger + "\",\"payload\":" + payload + "}";
    }

    static String event(String trigger) {
        return event(trigger, "2026-11-27T10:00:00Z", "{\"project_id\":7,\"project_name\":\"shop\"}");
    }

    static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private WebhookAnswer deliver(String platform, String expected, String given, String body) {
        return receiver.receive(
                new WebhookDelivery(platform, expected, given, body.getBytes(StandardCharsets.UTF_8), false));
    }

    private WebhookAnswer deliver(String body) {
        return deliver("prod", TOKEN, TOKEN, body);
    }

    private WebhookAnswer deliverBatch(String... events) {
        return deliver(batch(events));
    }

    // --- the token ---

    @Test
    public void noTokenConfiguredUnknownPlatformWrongTokenAndNoHeaderGetOneAndTheSameAnswer() {
        List<WebhookAnswer> answers = List.of(
                deliver("prod", null, TOKEN, batch(event("project_sca_analysis_finished"))),
                deliver("no-such-platform", null, TOKEN, batch(event("project_sca_analysis_finished"))),
                deliver("prod", TOKEN, TOKEN + "x", batch(event("project_sca_analysis_finished"))),
                deliver("prod", TOKEN, null, batch(event("project_sca_analysis_finished"))),
                deliver("prod", TOKEN, "", batch(event("project_sca_analysis_finished"))));
        for (WebhookAnswer answer : answers) {
            assertEquals(403, answer.status());
            assertEquals(WebhookReceiver.REFUSED, answer.message());
            assertFalse(answer.pollNow());
            assertFalse(answer.retryAfterSeconds().isPresent());
        }
        assertFalse(receiver.lastAccepted("prod").isPresent());
        assertFalse(receiver.lastAccepted("no-such-platform").isPresent());
    }

    @Test
    public void tokensOfAnyLengthAreComparedWithoutFailing() {
        for (String given : new String[] {
            "x", TOKEN.substring(0, TOKEN.length() - 1), TOKEN + TOKEN, "é€😀", "a".repeat(100_000), " "
        }) {
            assertEquals(
                    given.length() + " chars",
                    403,
                    deliver("prod", TOKEN, given, batch()).status());
        }
        assertEquals(
                "surrounding spaces of a header value do not count",
                200,
                deliver("prod", TOKEN, " " + TOKEN + " ", batch()).status());
    }

    @Test
    public void theComparisonNeedsAnExpectedToken() {
        assertTrue(WebhookTokens.matches(TOKEN, TOKEN));
        assertFalse("nothing configured, nothing given", WebhookTokens.matches((String) null, null));
        assertFalse("a blank token is no token", WebhookTokens.matches("  ", "  "));
        assertFalse(WebhookTokens.matches("", ""));
        assertFalse(WebhookTokens.matches(TOKEN, TOKEN.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    public void refusalsForUnknownNamesShareOneWarningAndLeaveNoTrace() {
        assertTrue(deliver("name-0", null, "guess", batch()).worthAWarning());
        for (int i = 1; i < 5_000; i++) {
            WebhookAnswer answer = deliver("name-" + i, null, "guess", batch());
            assertEquals(403, answer.status());
            assertFalse("one warning a minute for all outsiders, whatever names they use", answer.worthAWarning());
        }
        assertFalse(deliver("prod", TOKEN, "guess", batch()).worthAWarning());
        assertFalse(receiver.lastAccepted("name-1").isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(
                "warned again a minute later",
                deliver("name-1", null, "guess", batch()).worthAWarning());
    }

    // --- the flood guard ---

    @Test
    public void aFloodIsAnsweredWithRetryAfterAndLetInAgainAfterTheWindow() {
        for (int i = 0; i < WebhookReceiver.DELIVERIES_PER_WINDOW; i++) {
            assertEquals(
                    200,
                    deliverBatch(event("project_sca_analysis_started", "t" + i, "{}"))
                            .status());
            clock.advance(Duration.ofMillis(100));
        }
        WebhookAnswer refused = deliverBatch(event("project_sca_analysis_finished", "late", "{}"));
        assertEquals(429, refused.status());
        assertFalse(refused.pollNow());
        assertEquals(OptionalLong.of(57), refused.retryAfterSeconds());
        assertThat(refused.message(), containsString("57 s"));
        assertTrue(refused.worthAWarning());
        assertFalse("the rest of the flood is logged quietly", deliverBatch().worthAWarning());
        assertEquals(
                "another platform is not held back",
                200,
                deliver("stage", "other-token-1", "other-token-1", batch()).status());

        clock.advance(Duration.ofSeconds(57));
        assertEquals(
                "in again once the oldest delivery left the window",
                200,
                deliverBatch(event("project_sca_analysis_finished", "late", "{}"))
                        .status());
        assertEquals(429, deliverBatch().status());
        clock.advance(WebhookReceiver.FLOOD_WINDOW);
        assertEquals(200, deliverBatch().status());
    }

    @Test
    public void theTokenIsCheckedBeforeTheFloodGuard() {
        for (int i = 0; i < 100; i++) {
            assertEquals(403, deliver("prod", TOKEN, "wrong", batch()).status());
        }
        assertEquals(
                "outsiders do not use up the platform's deliveries",
                200,
                deliverBatch().status());
    }

    // --- the body ---

    @Test
    public void aBodyLongerThanTheLimitIsAcceptedUnreadAndAsksForAStatusCheck() {
        WebhookAnswer flagged = receiver.receive(new WebhookDelivery("prod", TOKEN, TOKEN, new byte[10], true));
        assertEquals(
                "the platform would retry a refusal for 48 h and its batch holds the end of the analysis",
                200,
                flagged.status());
        assertTrue(flagged.pollNow());
        assertThat(flagged.message(), containsString(String.valueOf(WebhookReceiver.MAX_BODY_BYTES)));
        assertThat(flagged.message(), containsString("check the status"));
        byte[] longBody = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];
        assertTrue(receiver.receive(new WebhookDelivery("prod", TOKEN, TOKEN, longBody, false))
                .pollNow());
        assertEquals(
                "the token comes first",
                403,
                receiver.receive(new WebhookDelivery("prod", TOKEN, null, longBody, true))
                        .status());
        assertEquals(clock.instant(), receiver.lastAccepted("prod").orElseThrow());
    }

    @Test
    public void refusedDeliveriesDoNotUseUpTheFloodGuard() {
        for (int i = 0; i < 3 * WebhookReceiver.DELIVERIES_PER_WINDOW; i++) {
            assertEquals(400, deliver("{not json").status());
        }
        assertEquals(
                "malformed deliveries do not use up the platform's deliveries",
                200,
                deliverBatch().status());
    }

    @Test
    public void theTokenIsCheckedWithTheSameWorkForEveryName() {
        byte[] digest = WebhookTokens.digest(TOKEN);
        long before = WebhookTokens.comparisons();
        assertEquals(403, receiver.checkToken(digest, "guess").orElseThrow().status());
        long known = WebhookTokens.comparisons() - before;
        before = WebhookTokens.comparisons();
        assertEquals(403, receiver.checkToken(null, "guess").orElseThrow().status());
        long unknown = WebhookTokens.comparisons() - before;
        assertEquals("one digest and one constant-time comparison for a known name", 1, known);
        assertEquals("and just the same for an unknown one (against a dummy digest)", known, unknown);
        assertEquals(
                receiver.checkToken(digest, "guess").orElseThrow().message(),
                receiver.checkToken(null, "guess").orElseThrow().message());
        assertFalse("the right token passes", receiver.checkToken(digest, TOKEN).isPresent());
        assertEquals(403, receiver.refuseWithoutToken().status());
        assertEquals(WebhookReceiver.REFUSED, receiver.refuseWithoutToken().message());
    }

    @Test
    public void malformedBodiesAreRefusedSayingWhatIsWrong() {
        assertBadRequest("", "empty");
        assertBadRequest("{\"events\": [", "not valid JSON");
        assertBadRequest("{\"events\": []} trailing", "not valid JSON");
        assertBadRequest("{\"events\": [], \"events\": []}", "not valid JSON");
        assertBadRequest("[]", "not a JSON object");
        assertBadRequest("{}", "no \"events\" array");
        assertBadRequest("{\"events\": {}}", "no \"events\" array");
        assertBadRequest(batch(event("project_sca_analysis_finished"), "42"), "Event 2 is not a JSON object");
        assertBadRequest(batch("{\"created_at\":\"t\",\"payload\":{}}"), "Event 1 has no \"trigger\" text");
        assertBadRequest(batch("{\"trigger\":7}"), "Event 1 has no \"trigger\" text");
        assertBadRequest(batch("{\"trigger\":[\"project_sca_analysis_finished\"]}"), "Event 1 has no \"trigger\" text");
        assertBadRequest(batch("{\"trigger\":\"  \"}"), "Event 1 has no \"trigger\" text");
        assertBadRequest(
                "{\"events\":[{\"trigger\":\"x\",\"payload\":" + "[".repeat(100) + "]".repeat(100) + "}]}", "limits");
    }

    @Test
    public void aThousandEventsAreReadAndALargerBatchIsAcceptedUnreadAskingForAStatusCheck() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < WebhookBatchReader.MAX_EVENTS; i++) {
            events.add(event("project_sca_analysis_started", "t" + i, "{}"));
        }
        assertEquals(
                WebhookBatchReader.MAX_EVENTS,
                deliverBatch(events.toArray(new String[0])).events());
        for (int i = 0; i < 4 * WebhookBatchReader.MAX_EVENTS; i++) {
            events.add(event("sca_policy_has_been_triggered", "p" + i, "{}"));
        }
        clock.advance(Duration.ofSeconds(3));
        WebhookAnswer large = deliverBatch(events.toArray(new String[0]));
        assertEquals(200, large.status());
        assertTrue("one overall analysis raises thousands of events: its end must not be lost", large.pollNow());
        assertEquals(
                "one sentence: the reader's reason, lower-cased and without its full stop, then what happens",
                "Accepted unread: the body has 5000 events; at most 1000 are read one by one;"
                        + " the platform's waiting scans check the status.",
                large.message());
    }

    private void assertBadRequest(String body, String saying) {
        clock.advance(Duration.ofSeconds(3)); // stays under the flood guard
        WebhookAnswer answer = deliver(body);
        assertEquals(body.length() > 80 ? body.substring(0, 80) + "..." : body, 400, answer.status());
        assertThat(answer.message(), containsString(saying));
        assertFalse(answer.message().contains("\n"));
        assertFalse(answer.pollNow());
    }

    // --- the events ---

    @Test
    public void onlyAnAnalysisThatEndedAsksForAStatusCheck() {
        for (String trigger : new String[] {
            "project_sca_analysis_finished", "project_sca_analysis_failed", "project_sca_analysis_cancelled"
        }) {
            WebhookAnswer answer = deliverBatch(event(trigger));
            assertEquals(trigger, 200, answer.status());
            assertTrue(trigger, answer.pollNow());
            assertEquals("Accepted 1 event: 1 triggers a status check", answer.message());
        }
        WebhookAnswer others =
                deliverBatch(event("project_sca_analysis_started"), event("sca_policy_has_been_triggered"));
        assertFalse(others.pollNow());
        assertEquals(2, others.ignored());
        assertEquals("Accepted 2 events: 2 ignored", others.message());
        assertEquals("Accepted 0 events.", deliverBatch().message());
    }

    @Test
    public void theAnswerCountsEachKindOfEvent() {
        deliverBatch(event("project_sca_analysis_finished", "t0", "{}"));
        WebhookAnswer answer = deliverBatch(
                event("project_sca_analysis_failed"), event("project_sca_analysis_finished", "t0", "{}"), event("x"));
        assertEquals(
                "Accepted 3 events: 1 triggers a status check, 1 duplicate, 1 ignored (unknown trigger \"x\")",
                answer.message());
        assertEquals(3, answer.events());
        assertEquals(1, answer.statusChecks());
        assertEquals(1, answer.duplicates());
        assertEquals(1, answer.ignored());
        assertTrue(answer.pollNow());
        assertFalse(answer.worthAWarning());
    }

    @Test
    public void unknownTriggersAreShownSanitisedAndShort() {
        WebhookAnswer answer = deliverBatch(
                event("evil\\nline\\r<script>\\u0000"),
                event("z".repeat(500)),
                event("a"),
                event("b"),
                event("a", "other", "{}"));
        assertEquals(200, answer.status());
        assertFalse(answer.pollNow());
        assertEquals(5, answer.ignored());
        assertThat(answer.message(), containsString("\"evil?line??script??\""));
        assertThat(answer.message(), containsString("\"" + "z".repeat(BatchTally.MAX_NAME_LENGTH) + "...\""));
        assertThat(answer.message(), containsString("unknown triggers "));
        assertThat(answer.message(), containsString(", ...)"));
        assertThat(answer.message(), not(containsString("\"b\"")));
        assertFalse(answer.message().contains("\n")
                || answer.message().contains("\r")
                || answer.message().contains("<"));
    }

    @Test
    public void aReplayedEventIsADuplicateAndTriggersNothing() {
        String finished = event("project_sca_analysis_finished");
        assertTrue(deliverBatch(finished).pollNow());
        clock.advance(Duration.ofHours(47));
        WebhookAnswer replay = deliverBatch(finished);
        assertEquals(200, replay.status());
        assertFalse(replay.pollNow());
        assertEquals(1, replay.duplicates());
        assertEquals("Accepted 1 event: 1 duplicate", replay.message());
        assertEquals(
                "a replay within one delivery counts once",
                1,
                deliverBatch(event("project_sca_analysis_failed"), event("project_sca_analysis_failed"))
                        .duplicates());
        assertTrue(
                "another time is another event",
                deliverBatch(event(
                                "project_sca_analysis_finished",
                                "2026-11-27T10:05:00Z",
                                "{\"project_id\":7,\"project_name\":\"shop\"}"))
                        .pollNow());
        assertTrue(
                "another payload is another event",
                deliverBatch(event(
                                "project_sca_analysis_finished",
                                "2026-11-27T10:00:00Z",
                                "{\"project_id\":8,\"project_name\":\"shop\"}"))
                        .pollNow());
        assertTrue(
                "each platform has its own memory",
                deliver("stage", "other-token-1", "other-token-1", batch(finished))
                        .pollNow());
    }

    @Test
    public void theReplayMemoryIsBounded() {
        String first = event("project_sca_analysis_finished", "first", "{}");
        deliverBatch(first);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < WebhookReceiver.RECENT_EVENTS_PER_PLATFORM; i++) {
            others.add(event("project_sca_analysis_started", "t" + i, "{}"));
        }
        deliverBatch(others.subList(0, 1000).toArray(new String[0]));
        deliverBatch(others.subList(1000, others.size()).toArray(new String[0]));
        assertTrue(
                "forgotten after " + WebhookReceiver.RECENT_EVENTS_PER_PLATFORM + " newer events",
                deliverBatch(first).pollNow());
    }

    @Test
    public void theLastAcceptedDeliveryIsRememberedPerPlatform() {
        deliverBatch();
        java.time.Instant accepted = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        deliver("{");
        deliver("prod", TOKEN, "wrong", batch());
        assertEquals(accepted, receiver.lastAccepted("prod").orElseThrow());
        assertFalse(receiver.lastAccepted("stage").isPresent());
    }

    // --- secrets ---

    @Test
    public void noAnswerRepeatsTheTokenEvenWhenTheBodyCarriesIt() {
        String planted = "{\"token\":\"" + TOKEN + "\"}";
        List<WebhookAnswer> answers = new ArrayList<>();
        answers.add(deliverBatch(event(TOKEN), event("prefix-" + TOKEN + "-suffix", "t", planted)));
        answers.add(deliverBatch(event("project_sca_analysis_finished", TOKEN, planted)));
        answers.add(deliver("{\"" + TOKEN + "\": "));
        answers.add(deliver("{\"events\": [], \"" + TOKEN + "\": 1} " + TOKEN));
        answers.add(deliver(batch("{\"trigger\": \"" + TOKEN + "\", \"trigger\": \"x\"}")));
        answers.add(deliver("prod", TOKEN, "given-" + TOKEN, batch(event(TOKEN))));
        answers.add(deliver("prod", "expected-token-42", TOKEN, batch(event(TOKEN))));
        answers.add(deliver("prod", null, TOKEN, batch(event(TOKEN))));
        answers.add(receiver.receive(
                new WebhookDelivery("prod", TOKEN, TOKEN, TOKEN.getBytes(StandardCharsets.UTF_8), true)));
        for (WebhookAnswer answer : answers) {
            assertThat(answer.message(), not(containsString(TOKEN)));
            assertThat(answer.message(), not(containsString("expected-token-42")));
            assertThat(answer.toString(), not(containsString(TOKEN)));
        }
        assertThat(answers.get(0).message(), containsString("[hidden]"));
        assertThat(
                new WebhookDelivery("prod", TOKEN, TOKEN, new byte[0], false).toString(), not(containsString(TOKEN)));
    }

    @Test
    public void aTokenWithPlusOrSlashIsHiddenBeforeTheNameIsSanitised() {
        String token = "ab+cd/ef+gh/ij=kl";
        WebhookAnswer answer = deliver("prod", token, token, batch(event(token), event("x-" + token)));
        assertEquals(200, answer.status());
        assertThat(answer.message(), containsString("[hidden]"));
        for (String nearCopy : new String[] {"ab?cd?ef?gh?ij?kl", "cd?ef", "ab+cd"}) {
            assertThat(answer.message(), not(containsString(nearCopy)));
        }
    }
}
