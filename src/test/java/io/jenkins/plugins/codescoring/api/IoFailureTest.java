package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.IoFailure.Category;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.Test;

/** Classifying what the HTTP client throws, including failures hard to provoke on a test machine. */
public class IoFailureTest {
    private static final ApiCall READ = ApiCall.get("/api/alerts/");
    private static final ApiCall START = ApiCall.post("/api/analyses/overall_sca/start/");

    @Test
    public void failuresToConnectAreRetriedEvenForAStart() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        for (Throwable error : new Throwable[] {
            new ConnectException("Connection refused"),
            unresolved,
            new UnknownHostException("cs.example.com"),
            new NoRouteToHostException(),
            new HttpConnectTimeoutException("x")
        }) {
            IoFailure failure = IoFailure.classify(error);
            assertEquals(error.toString(), Category.NOT_CONNECTED, failure.category());
            assertTrue(failure.isRetriable(READ));
            assertTrue(failure.isRetriable(START));
        }
    }

    @Test
    public void tlsFailuresAreNeverRetriedWhereverTheyAreWrapped() {
        IoFailure direct = IoFailure.classify(new SSLHandshakeException("PKIX path building failed"));
        IoFailure wrapped = IoFailure.classify(new IOException("wrapper", new SSLHandshakeException("PKIX")));

        assertEquals(Category.TLS, direct.category());
        assertEquals("SSLHandshakeException", direct.cause());
        assertEquals(Category.TLS, wrapped.category());
        assertFalse(direct.isRetriable(READ));
    }

    @Test
    public void timeoutsAndDropsAreRetriedOnlyForReads() {
        IoFailure timeout = IoFailure.classify(new HttpTimeoutException("request timed out"));
        IoFailure dropped = IoFailure.classify(new EOFException("EOF reached while reading"));

        assertEquals(Category.TIMED_OUT, timeout.category());
        assertEquals(Category.DROPPED, dropped.category());
        assertTrue(timeout.isRetriable(READ));
        assertFalse(timeout.isRetriable(START));
        assertTrue(dropped.isRetriable(READ));
        assertFalse(dropped.isRetriable(START));
    }

    @Test
    public void messagesOfRawExceptionsAreNeverShown() {
        String secret = "Token 3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5";
        IoFailure failure = IoFailure.classify(new IOException("proxy said: " + secret));
        Failures failures = new Failures(
                "https://cs.example.com",
                Redactor.of("3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5"),
                Duration.ofSeconds(30),
                1 << 22);

        CodescoringException e = failures.forIoFailure(READ, failure, 4);

        assertEquals(ErrorKind.UNREACHABLE, e.kind());
        assertEquals(
                "The connection to the platform at https://cs.example.com broke during GET /api/alerts/ (4 attempts)"
                        + " (IOException).",
                e.getMessage());
    }

    @Test
    public void unreachableHostsNameTheCauseClass() {
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        Failures failures = new Failures(
                "https://cs.example.com",
                Redactor.of("3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5"),
                Duration.ofSeconds(30),
                1 << 22);

        CodescoringException e = failures.forIoFailure(READ, IoFailure.classify(unresolved), 1);

        assertEquals(
                "Could not connect to the platform at https://cs.example.com for GET /api/alerts/: the host name could not be"
                        + " resolved (UnresolvedAddressException).",
                e.getMessage());
    }
}
