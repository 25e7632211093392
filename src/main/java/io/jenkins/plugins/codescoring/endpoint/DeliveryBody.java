package io.jenkins.plugins.codescoring.endpoint;

import io.jenkins.plugins.codescoring.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a delivery whose token matched, read with bounds: at most {@link WebhookReceiver#MAX_BODY_BYTES} + 1
 * bytes are kept, and the rest of a longer body is read and dropped up to {@link #MAX_DRAINED_BYTES}, so that the
 * sender, still writing, sees the answer rather than a closed connection. A body announced as longer than that is
 * not read at all.
 */
final class DeliveryBody {
    /** The most of a too long body read only to answer it cleanly. */
    static final long MAX_DRAINED_BYTES = 8L * WebhookReceiver.MAX_BODY_BYTES;

    final byte[] bytes;
    final boolean tooLong;

    private DeliveryBody(byte[] bytes, boolean tooLong) {
        this.bytes = bytes;
        this.tooLong = tooLong;
    }

    /** @param contentLength the announced length, or -1 when not announced */
    static DeliveryBody read(InputStream in, long contentLength) throws IOException {
        if (contentLength > WebhookReceiver.MAX_BODY_BYTES) {
            if (contentLength <= MAX_DRAINED_BYTES) {
                drain(in);
            }
            return new DeliveryBody(new byte[0], true);
        }
        byte[] body = in.readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
        if (body.length > WebhookReceiver.MAX_BODY_BYTES) {
            drain(in);
            return new DeliveryBody(new byte[0], true);
        }
        return new DeliveryBody(body, false);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }
}
