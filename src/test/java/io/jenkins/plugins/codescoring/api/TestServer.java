package io.jenkins.plugins.codescoring.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A tiny HTTP server on 127.0.0.1 for the client tests: it records every request and answers with
 * queued replies, or with a handler function once the queue is empty.
 */
final class TestServer implements AutoCloseable {
    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> queue = new ArrayDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Recorded, Reply> handler =
            request -> Reply.status(599).body("no reply queued");

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** e.g. http://127.0.0.1:43121 */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    TestServer enqueue(Reply... replies) {
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
        return this;
    }

    TestServer otherwise(Function<Recorded, Reply> newHandler) {
        this.handler = newHandler;
        return this;
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Recorded request = new Recorded(exchange);
        requests.add(request);
        Reply reply;
        synchronized (queue) {
            reply = queue.poll();
        }
        if (reply == null) {
            reply = handler.apply(request);
        }
        try {
            reply.send(exchange, released);
        } catch (IOException e) {
            // The client hung up, as a refusing client should.
        } finally {
            exchange.close();
        }
    }

    /** A request as the server saw it. */
    static final class Recorded {
        final String method;
        final String path;
        final String rawQuery;
        final Map<String, String> query = new LinkedHashMap<>();
        final Headers headers;
        final byte[] body;

        Recorded(HttpExchange exchange) throws IOException {
            method = exchange.getRequestMethod();
            path = exchange.getRequestURI().getRawPath();
            rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    String[] parts = pair.split("=", 2);
                    query.put(
                            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
                }
            }
            headers = exchange.getRequestHeaders();
            body = exchange.getRequestBody().readAllBytes();
        }

        String header(String name) {
            return headers.getFirst(name);
        }

        @Override
        public String toString() {
            return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    /** What the server answers. */
    static final class Reply {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private long repeatedBodyBytes = -1;
        private boolean declareLength = true;
        private long delayMillis;
        private boolean dropMidBody;

        private Reply(int status) {
            this.status = status;
        }

        static Reply status(int status) {
            return new Reply(status);
        }

        static Reply json(String json) {
            return json(200, json);
        }

        static Reply json(int status, String json) {
            return new Reply(status).header("Content-Type", "application/json").body(json);
        }

        Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Reply body(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** A body of this many bytes of JSON-ish filler, written in chunks. */
        Reply hugeBody(long bytes, boolean withContentLength) {
            repeatedBodyBytes = bytes;
            declareLength = withContentLength;
            return this;
        }

        /** Waits before answering, until the server closes at the latest. */
        Reply delay(long millis) {
            delayMillis = millis;
            return this;
        }

        /** Declares the full body length but closes the connection after a few bytes. */
        Reply dropMidBody() {
            dropMidBody = true;
            return this;
        }

        void send(HttpExchange exchange, CountDownLatch released) throws IOException {
            if (delayMillis > 0) {
                try {
                    released.await(delayMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            headers.forEach(exchange.getResponseHeaders()::add);
            if (repeatedBodyBytes >= 0) {
                sendHuge(exchange);
                return;
            }
            if (dropMidBody) {
                exchange.sendResponseHeaders(status, body.length + 1000L);
                exchange.getResponseBody().write(body);
                exchange.getResponseBody().flush();
                throw new IOException(
                        "dropped on purpose"); // closing short of the declared length drops the connection
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private void sendHuge(HttpExchange exchange) throws IOException {
            exchange.sendResponseHeaders(status, declareLength ? repeatedBodyBytes : 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            try (OutputStream out = exchange.getResponseBody()) {
                for (long written = 0; written < repeatedBodyBytes; written += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, repeatedBodyBytes - written));
                    chunk[0] = ' ';
                }
            }
        }
    }
}
