package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.time.Duration;
import org.junit.After;
import org.junit.Before;

/** A test server, a hand-moved clock and a client talking to the server, for the client tests. */
abstract class ClientFixture {
    /** Shaped like a real platform token: 40 hex digits. */
    static final String TOKEN = "3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5";

    TestServer server;
    ManualClock clock;

    @Before
    public void startServer() throws IOException {
        server = new TestServer();
        clock = new ManualClock();
    }

    @After
    public void stopServer() {
        server.close();
    }

    /** Default paths, no jitter, recorded sleeps, a short request timeout. */
    CodescoringClient.Builder builder() {
        return CodescoringClient.builder(server.url(), TOKEN)
                .paths(ApiPaths.defaults())
                .retryPolicy(RetryPolicy.defaults().withJitter(0))
                .sleeper(clock.sleeper())
                .clock(clock)
                .requestTimeout(Duration.ofSeconds(5));
    }

    CodescoringClient client() {
        try {
            return builder().build();
        } catch (CodescoringException e) {
            throw new AssertionError(e);
        }
    }

    interface Call {
        void run() throws Exception;
    }

    /** Runs the call, expects a CodescoringException of this kind, and checks it holds no token. */
    static CodescoringException failure(ErrorKind kind, Call call) throws Exception {
        try {
            call.run();
        } catch (CodescoringException e) {
            assertEquals("kind of: " + e.getMessage(), kind, e.kind());
            assertNoToken(e.getMessage());
            assertNoToken(e.describe());
            assertNoToken(e.toString());
            assertEquals("no raw cause is attached", null, e.getCause());
            return e;
        }
        fail("expected a " + kind + " failure");
        return null;
    }

    static void assertNoToken(String text) {
        assertFalse("the token leaked into: " + text, text.contains(TOKEN));
        assertFalse("part of the token leaked into: " + text, text.contains(TOKEN.substring(0, 12)));
    }
}
