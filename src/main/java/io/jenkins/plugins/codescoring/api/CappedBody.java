package io.jenkins.plugins.codescoring.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a limit. A larger body is not read further: the connection is dropped
 * once the limit is passed, or at once when its Content-Length already says it is too large, so a
 * runaway server can never make the plugin hold more than the limit in memory.
 */
final class CappedBody {
    private final byte[] bytes;
    private final boolean complete;

    private CappedBody(byte[] bytes, boolean complete) {
        this.bytes = bytes;
        this.complete = complete;
    }

    /** A body read in full. */
    static CappedBody complete(byte[] bytes) {
        return new CappedBody(bytes, true);
    }

    /** The bytes read; the whole body only when {@link #isComplete()}. */
    byte[] bytes() {
        return bytes;
    }

    /** False when the body was larger than the limit and only its beginning (or nothing) was read. */
    boolean isComplete() {
        return complete;
    }

    /**
     * Reads successful answers up to {@code limit} bytes, refusing at once those whose Content-Length
     * is larger; reads the beginning of other answers, up to {@code errorLimit} (only an excerpt of them
     * is ever shown), and nothing of redirects.
     */
    static HttpResponse.BodyHandler<CappedBody> handler(int limit, int errorLimit) {
        return info -> {
            int status = info.statusCode();
            if (status >= 200 && status < 300) {
                return new CappingSubscriber(limit, declaresMoreThan(info, limit));
            }
            return new CappingSubscriber(status >= 300 && status < 400 ? 0 : Math.min(limit, errorLimit), false);
        };
    }

    private static boolean declaresMoreThan(ResponseInfo info, int cap) {
        try {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return length.isPresent() && length.getAsLong() > cap;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final class CappingSubscriber implements BodySubscriber<CappedBody> {
        private final int cap;
        private final boolean refuse;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappingSubscriber(int cap, boolean refuse) {
            this.cap = cap;
            this.refuse = refuse;
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (refuse) {
                newSubscription.cancel();
                result.complete(new CappedBody(new byte[0], false));
            } else {
                newSubscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = cap - received.size();
                int length = buffer.remaining();
                byte[] chunk = new byte[Math.min(length, room)];
                buffer.get(chunk);
                received.write(chunk, 0, chunk.length);
                if (length > room) {
                    subscription.cancel();
                    result.complete(new CappedBody(received.toByteArray(), false));
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(complete(received.toByteArray()));
        }
    }
}
