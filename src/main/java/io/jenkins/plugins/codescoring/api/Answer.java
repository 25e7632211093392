package io.jenkins.plugins.codescoring.api;

import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** The platform's HTTP answer to a call, with its body read up to the size limit. Not thread-safe. */
final class Answer {
    private final ApiCall call;
    private final int status;
    private final HttpHeaders headers;
    private final CappedBody body;
    private final int attempts;
    private Duration retryAfter;
    private String text;

    Answer(ApiCall call, int status, HttpHeaders headers, CappedBody body, int attempts) {
        this.call = call;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.attempts = attempts;
    }

    ApiCall call() {
        return call;
    }

    int status() {
        return status;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** How many attempts were made for this answer (more than 1 after retries). */
    int attempts() {
        return attempts;
    }

    /** Sets the wait the platform asked for before the next try (its Retry-After, read), or null; returns this. */
    Answer withRetryAfter(Duration value) {
        this.retryAfter = value;
        return this;
    }

    /** The wait the platform asked for before the next try (Retry-After), or null when it asked for none. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The Content-Type header, or an empty string. */
    String contentType() {
        return header("Content-Type");
    }

    /** The first value of a header, or an empty string. */
    String header(String name) {
        return headers.firstValue(name).orElse("").trim();
    }

    boolean isBodyComplete() {
        return body.isComplete();
    }

    byte[] bytes() {
        return body.bytes();
    }

    boolean isBodyBlank() {
        return text().isBlank();
    }

    /** The body decoded with the charset the Content-Type names, UTF-8 by default. */
    String text() {
        if (text == null) {
            text = new String(body.bytes(), charset());
        }
        return text;
    }

    /** Whether the body is an HTML page: a login page, a proxy's or a web server's page, not the API. */
    boolean isHtml() {
        if (contentType().toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String text = text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                return c == '<';
            }
        }
        return false;
    }

    private Charset charset() {
        for (String parameter : contentType().split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
