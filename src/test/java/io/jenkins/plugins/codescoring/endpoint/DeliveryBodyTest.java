package io.jenkins.plugins.codescoring.endpoint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import org.junit.Test;

/**
 * What the endpoint reads of a delivery whose token matched: never more than 1 MiB + 1 byte kept, the rest of a
 * longer body drained up to 8 MiB (so a 5 MB batch from the platform gets its answer), nothing of a body announced
 * as longer than that.
 */
public class DeliveryBodyTest {
    private static final int FIVE_MB = 5_000_000;

    /** A body of {@code length} bytes made on the fly: it holds no memory, and counts what is read of it. */
    private static final class Generated extends InputStream {
        private final long length;
        long read;

        Generated(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return read < length ? (int) (read++ & 0x3f) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - read);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((read + i) & 0x3f);
            }
            read += n;
            return n;
        }
    }

    @Test
    public void aFiveMegabyteBatchIsDrainedButNotKept() throws IOException {
        Generated unannounced = new Generated(FIVE_MB);
        DeliveryBody body = DeliveryBody.read(unannounced, -1);
        assertTrue(body.tooLong);
        assertEquals("nothing of it is kept", 0, body.bytes.length);
        assertEquals("read to its end, so the platform sees the answer", FIVE_MB, unannounced.read);

        Generated announced = new Generated(FIVE_MB);
        body = DeliveryBody.read(announced, FIVE_MB);
        assertTrue(body.tooLong);
        assertEquals(0, body.bytes.length);
        assertEquals(FIVE_MB, announced.read);
    }

    @Test
    public void noMoreThanTheDrainLimitIsEverRead() throws IOException {
        Generated endless = new Generated(Long.MAX_VALUE);
        assertTrue(DeliveryBody.read(endless, -1).tooLong);
        assertThat(
                endless.read, lessThanOrEqualTo(WebhookReceiver.MAX_BODY_BYTES + 1 + DeliveryBody.MAX_DRAINED_BYTES));
        Generated huge = new Generated(Long.MAX_VALUE);
        assertTrue(DeliveryBody.read(huge, 100L * WebhookReceiver.MAX_BODY_BYTES).tooLong);
        assertEquals("announced longer than the drain limit: not read at all", 0, huge.read);
    }

    @Test
    public void aBodyWithinTheLimitIsKeptWhole() throws IOException {
        Generated small = new Generated(WebhookReceiver.MAX_BODY_BYTES);
        DeliveryBody body = DeliveryBody.read(small, -1);
        assertFalse(body.tooLong);
        assertEquals(WebhookReceiver.MAX_BODY_BYTES, body.bytes.length);
        byte[] expected = new byte[3];
        new Generated(3).read(expected, 0, 3);
        assertArrayEquals(expected, java.util.Arrays.copyOf(body.bytes, 3));
    }
}
