package io.jenkins.plugins.codescoring.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every request and keeps the most recent {@value #CAPACITY} of them (so a long benchmark
 * cannot exhaust memory). Thread-safe.
 */
final class RequestLog {

    static final int CAPACITY = 100_000;

    private final AtomicInteger count = new AtomicInteger();
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    void add(RecordedRequest request) {
        count.incrementAndGet();
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    int count() {
        return count.get();
    }

    List<RecordedRequest> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }
}
