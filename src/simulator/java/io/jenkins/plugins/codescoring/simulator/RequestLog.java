package io.jenkins.plugins.codescoring.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts every request, in all and per method and path, and keeps the most recent {@value #CAPACITY} of
 * them (so a long benchmark cannot exhaust memory). At most {@value #MAX_LINES} distinct method-and-path
 * lines are counted one by one; the rest add up under {@value #OTHER_LINES}. Thread-safe.
 */
final class RequestLog {

    static final int CAPACITY = 100_000;
    static final int MAX_LINES = 200;
    static final String OTHER_LINES = "other";

    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentMap<String, AtomicInteger> byLine = new ConcurrentHashMap<>();
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    void add(RecordedRequest request) {
        count.incrementAndGet();
        String line = request.method().toUpperCase(Locale.ROOT) + " " + request.path();
        if (!byLine.containsKey(line) && byLine.size() >= MAX_LINES) {
            line = OTHER_LINES;
        }
        byLine.computeIfAbsent(line, key -> new AtomicInteger()).incrementAndGet();
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

    /** The count per {@code METHOD /path} (query left out), sorted by that line. */
    Map<String, Integer> countsByLine() {
        Map<String, Integer> counts = new TreeMap<>();
        byLine.forEach((line, n) -> counts.put(line, n.get()));
        return counts;
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
