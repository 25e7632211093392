package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on 127.0.0.1, as the plugin's endpoint would be: records every POST and answers with
 * the statuses it was told to (then 200, or {@link #answerAlways(int)}).
 */
final class WebhookReceiver implements AutoCloseable {

    static final String PATH = "/codescoring-webhook/simulated";

    /** One POST as received; {@code nanos} is {@link System#nanoTime()} at its arrival. */
    record Received(long nanos, String method, String token, String contentType, String body) {
        JsonNode json() throws IOException {
            return SimulatorClient.parse(body);
        }

        /** The trigger of each event, in order. */
        List<String> triggers() throws IOException {
            List<String> triggers = new ArrayList<>();
            json().get("events")
                    .forEach(event -> triggers.add(event.get("trigger").asText()));
            return triggers;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Deque<Integer> nextStatuses = new ArrayDeque<>();
    private int otherwise = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next POSTs are answered with these statuses, in order. */
    synchronized WebhookReceiver answer(Integer... statuses) {
        nextStatuses.addAll(List.of(statuses));
        return this;
    }

    synchronized WebhookReceiver answerAlways(int status) {
        otherwise = status;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} POSTs have arrived and returns them all; fails on timeout. */
    synchronized List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "expected " + count + " webhook POSTs within " + timeout + ", got " + received.size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status;
        synchronized (this) {
            received.add(new Received(
                    nanos,
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst(WebhookSettings.TOKEN_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Integer next = nextStatuses.pollFirst();
            status = next == null ? otherwise : next;
            notifyAll();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
