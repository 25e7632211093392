package io.jenkins.plugins.codescoring.api;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * What went wrong when a call got no complete HTTP answer, classified from the exception the HTTP
 * client threw. Only the exception's class is kept: its message may repeat a URL or a header.
 */
final class IoFailure {

    enum Category {
        /** No connection was made, so the server cannot have seen the request. */
        NOT_CONNECTED,
        /** Connected and sent, but no answer came within the request timeout. */
        TIMED_OUT,
        /** The TLS handshake failed, almost always because the certificate is not trusted. */
        TLS,
        /** The connection broke while the request or its answer was under way. */
        DROPPED
    }

    private final Category category;
    private final String cause;
    private final Duration cutShortAfter;

    private IoFailure(Category category, String cause, Duration cutShortAfter) {
        this.category = category;
        this.cause = cause;
        this.cutShortAfter = cutShortAfter;
    }

    private IoFailure(Category category, String cause) {
        this(category, cause, null);
    }

    static IoFailure timedOut() {
        return new IoFailure(Category.TIMED_OUT, HttpTimeoutException.class.getSimpleName());
    }

    /** No answer before the deadline of the call, which came before the request timeout. */
    static IoFailure timedOutAt(Duration waited) {
        return new IoFailure(Category.TIMED_OUT, HttpTimeoutException.class.getSimpleName(), waited);
    }

    static IoFailure classify(Throwable error) {
        Throwable tls = find(error, SSLException.class);
        if (tls != null) {
            return new IoFailure(Category.TLS, tls.getClass().getSimpleName());
        }
        for (Class<? extends Throwable> notConnected : java.util.List.of(
                HttpConnectTimeoutException.class,
                UnresolvedAddressException.class,
                UnknownHostException.class,
                NoRouteToHostException.class,
                PortUnreachableException.class,
                ConnectException.class)) {
            Throwable found = find(error, notConnected);
            if (found != null) {
                return new IoFailure(Category.NOT_CONNECTED, found.getClass().getSimpleName());
            }
        }
        if (find(error, HttpTimeoutException.class) != null) {
            return timedOut();
        }
        return new IoFailure(Category.DROPPED, error.getClass().getSimpleName());
    }

    Category category() {
        return category;
    }

    /** For a timeout cut short by the deadline, how long the attempt waited; else null. */
    Duration cutShortAfter() {
        return cutShortAfter;
    }

    /** The simple class name of the exception behind the failure (safe to show). */
    String cause() {
        return cause;
    }

    /** What the cause means, e.g. {@code the host name could not be resolved (UnknownHostException)}. */
    String describeCause() {
        String meaning;
        switch (cause) {
            case "UnresolvedAddressException":
            case "UnknownHostException":
                meaning = "the host name could not be resolved";
                break;
            case "NoRouteToHostException":
            case "PortUnreachableException":
                meaning = "there is no route to the host";
                break;
            case "HttpConnectTimeoutException":
                meaning = "connecting timed out";
                break;
            case "ConnectException":
                meaning = "the connection was refused or could not be made";
                break;
            default:
                return cause;
        }
        return meaning + " (" + cause + ")";
    }

    /** Whether trying again may help and cannot do harm, e.g. start a second analysis. */
    boolean isRetriable(ApiCall call) {
        switch (category) {
            case NOT_CONNECTED:
                return true;
            case TIMED_OUT:
            case DROPPED:
                return call.isRepeatable();
            default:
                return false;
        }
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable current = error; current != null && depth < 16; current = current.getCause(), depth++) {
            if (type.isInstance(current)) {
                return current;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "IoFailure[" + category + " " + cause + "]";
    }
}
