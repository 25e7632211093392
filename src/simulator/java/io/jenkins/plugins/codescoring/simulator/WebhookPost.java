package io.jenkins.plugins.codescoring.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * POSTs one webhook body and returns the status. {@link HttpURLConnection} rather than the JDK's
 * {@code HttpClient}, whose selector thread outlives a closed simulator on Java 17; it runs on the
 * caller's thread with bounded timeouts, and in streaming mode it never repeats a POST behind our back.
 */
final class WebhookPost {

    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final URI target;
    private volatile HttpURLConnection current;
    private volatile boolean aborted;

    WebhookPost(URI target) {
        this.target = target;
    }

    /** @param token the value of the token header; null sends none */
    int send(byte[] body, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
        current = connection;
        try {
            if (aborted) {
                throw new IOException("the webhook sender is stopped");
            }
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            if (token != null) {
                connection.setRequestProperty(WebhookSettings.TOKEN_HEADER, token);
            }
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            skipAnswer(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            return status;
        } catch (HttpRetryException e) {
            // a 401 with WWW-Authenticate in streaming mode: the status is all we need
            return e.responseCode();
        } finally {
            current = null;
            connection.disconnect();
        }
    }

    /** Cuts the POST in progress, if any, and makes later ones fail at once. */
    void abort() {
        aborted = true;
        HttpURLConnection connection = current;
        if (connection != null) {
            connection.disconnect();
        }
    }

    private static void skipAnswer(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.readNBytes(MAX_ANSWER_BYTES);
            }
        }
    }
}
