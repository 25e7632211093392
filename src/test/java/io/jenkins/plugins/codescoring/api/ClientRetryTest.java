package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.TestServer.Reply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.Test;

/** Which answers are retried, how long the client waits in between, and the deadline. */
public class ClientRetryTest extends ClientFixture {

    @Test
    public void unavailableIsRetriedWithGrowingBackoff() throws Exception {
        server.enqueue(Reply.status(503), Reply.status(502), Reply.status(504), Reply.json("[]"));

        client().checkConnection();

        assertEquals(4, server.requests().size());
        assertEquals(
                "quick retries: about 1.75 s in all",
                List.of(Duration.ofMillis(250), Duration.ofMillis(500), seconds(1)),
                clock.sleeps());
    }

    @Test
    public void unavailableEveryTimeIsAServerErrorAfterMaxAttempts() throws Exception {
        server.otherwise(request -> Reply.json(503, "{\"detail\": \"maintenance\"}"));

        CodescoringException e = failure(ErrorKind.SERVER_ERROR, () -> client().policies());

        assertTrue(e.getMessage(), e.getMessage().contains("(HTTP 503, 4 attempts)"));
        assertTrue(e.getMessage(), e.getMessage().contains("maintenance"));
        assertEquals(4, server.requests().size());
        assertEquals(3, clock.sleeps().size());
    }

    @Test
    public void backoffStopsGrowingAtItsMaximum() throws Exception {
        server.otherwise(request -> Reply.status(503));

        failure(ErrorKind.SERVER_ERROR, () -> builder()
                .retryPolicy(RetryPolicy.defaults().withJitter(0).withMaxAttempts(8))
                .build()
                .checkConnection());

        assertEquals(
                List.of(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        seconds(1),
                        seconds(2),
                        seconds(4),
                        seconds(8),
                        seconds(16)),
                clock.sleeps());
    }

    @Test
    public void tooManyRequestsHonoursRetryAfterSeconds() throws Exception {
        server.enqueue(Reply.status(429).header("Retry-After", "2"), Reply.json("[]"));

        client().checkConnection();

        assertEquals(List.of(seconds(2)), clock.sleeps());
    }

    @Test
    public void aLongerRetryAfterEndsTheCallAndIsHandedToTheCaller() throws Exception {
        server.enqueue(Reply.status(429).header("Retry-After", "7"), Reply.json("[]"));

        CodescoringException e = failure(ErrorKind.RATE_LIMITED, () -> client().checkConnection());

        assertTrue("no thread sleeps for it", clock.sleeps().isEmpty());
        assertEquals(1, server.requests().size());
        assertEquals(seconds(7), e.retryAfter());
        assertTrue(e.isTransient());
    }

    @Test
    public void tooManyRequestsHonoursRetryAfterAsAnHttpDate() throws Exception {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(2).atOffset(ZoneOffset.UTC));
        server.enqueue(Reply.status(429).header("Retry-After", inTwoSeconds), Reply.json("[]"));

        client().checkConnection();

        assertEquals(List.of(seconds(2)), clock.sleeps());
    }

    @Test
    public void anUnreadableRetryAfterFallsBackToBackoff() throws Exception {
        server.enqueue(Reply.status(429).header("Retry-After", "soon"), Reply.json("[]"));

        client().checkConnection();

        assertEquals(List.of(Duration.ofMillis(250)), clock.sleeps());
    }

    @Test
    public void anInternalServerErrorIsNotTransientButUnavailableIs() throws Exception {
        server.otherwise(request -> Reply.status(500));
        assertTrue(!failure(ErrorKind.SERVER_ERROR, () -> client().policies()).isTransient());
        assertEquals("a 500 is not retried", 1, server.requests().size());
        server.otherwise(request -> Reply.status(503).header("Retry-After", "86400"));
        CodescoringException unavailable = failure(ErrorKind.SERVER_ERROR, () -> client().policies());
        assertTrue(unavailable.isTransient());
        assertEquals(Duration.ofDays(1), unavailable.retryAfter());
    }

    @Test
    public void tooManyRequestsEveryTimeIsRateLimited() throws Exception {
        server.otherwise(request -> Reply.status(429).header("Retry-After", "1"));

        CodescoringException e = failure(ErrorKind.RATE_LIMITED, () -> client().activeAlerts(AlertScope.all()));

        assertTrue(e.getMessage(), e.getMessage().contains("HTTP 429"));
        assertTrue(e.getMessage(), e.getMessage().contains("4 attempts"));
        assertEquals(4, server.requests().size());
    }

    @Test
    public void aStartIsRetriedOnlyOnAnswersThatSayItWasNotTaken() throws Exception {
        server.enqueue(Reply.status(429), Reply.status(503), Reply.status(502), Reply.json(201, "{\"id\": 9}"));

        assertEquals("9", client().startOverallAnalysis().runId());

        assertEquals(4, server.requests().size());
    }

    @Test
    public void noRetryWaitsPastTheDeadline() throws Exception {
        server.otherwise(request -> Reply.status(503));
        CodescoringApi client = client().withDeadline(clock.instant().plusMillis(1000));

        failure(ErrorKind.SERVER_ERROR, client::checkConnection);

        assertEquals(
                "the third wait (1 s) would end after the deadline",
                List.of(Duration.ofMillis(250), Duration.ofMillis(500)),
                clock.sleeps());
        assertEquals(3, server.requests().size());
    }

    @Test
    public void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        server.otherwise(request -> Reply.status(429).header("Retry-After", "60"));

        failure(
                ErrorKind.RATE_LIMITED,
                () -> client().withDeadline(clock.instant().plusSeconds(30)).policies());

        assertTrue(clock.sleeps().isEmpty());
        assertEquals(1, server.requests().size());
    }

    @Test
    public void aDeadlineViewSharesTheClientButNotItsDeadline() throws Exception {
        server.otherwise(request -> Reply.status(503));
        CodescoringClient client = client();
        java.time.Instant deadline = clock.instant();
        CodescoringClient view = client.withDeadline(deadline);

        failure(ErrorKind.SERVER_ERROR, view::checkConnection);
        assertEquals(1, server.requests().size());
        failure(ErrorKind.SERVER_ERROR, client::checkConnection);
        assertEquals(5, server.requests().size());
        assertEquals(client.platformUrl(), view.platformUrl());
        assertEquals(deadline, view.deadline());
        assertEquals(null, client.deadline());
    }

    @Test
    public void noRetryPolicyMakesOneAttempt() throws Exception {
        server.otherwise(request -> Reply.status(503));

        failure(
                ErrorKind.SERVER_ERROR,
                () -> builder().retryPolicy(RetryPolicy.none()).build().checkConnection());

        assertEquals(1, server.requests().size());
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    public void otherClientErrorsAreNotRetried() throws Exception {
        server.otherwise(request -> Reply.status(400));

        failure(ErrorKind.REQUEST_REJECTED, () -> client().checkConnection());

        assertEquals(1, server.requests().size());
    }

    @Test
    public void anInterruptDuringTheWaitPropagates() throws Exception {
        server.otherwise(request -> Reply.status(503));
        CodescoringClient client = builder()
                .sleeper(duration -> {
                    throw new InterruptedException("stop");
                })
                .build();

        try {
            client.checkConnection();
            fail("expected the interrupt to propagate");
        } catch (InterruptedException expected) {
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    public void anInterruptDuringARequestPropagatesPromptly() throws Exception {
        server.otherwise(request -> Reply.json("[]").delay(10_000));
        CodescoringClient client =
                builder().requestTimeout(Duration.ofSeconds(10)).build();
        Throwable[] outcome = new Throwable[1];
        Thread caller = new Thread(() -> {
            try {
                client.checkConnection();
            } catch (Exception e) {
                outcome[0] = e;
            }
        });
        caller.start();
        while (server.requests().isEmpty()) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(2000);

        assertTrue("the caller returned", !caller.isAlive());
        assertTrue(String.valueOf(outcome[0]), outcome[0] instanceof InterruptedException);
    }

    private static Duration seconds(long count) {
        return Duration.ofSeconds(count);
    }
}
