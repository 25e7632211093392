package io.jenkins.plugins.codescoring.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The webhook deliveries (the most recent {@value #CAPACITY}) and counters. Thread-safe. */
final class WebhookLog {

    static final int CAPACITY = 10_000;

    private final Deque<WebhookDelivery> deliveries = new ArrayDeque<>();
    private int events;
    private int batches;
    private int posts;
    private int delivered;
    private int failed;
    private int givenUp;
    private int faulted;

    synchronized void queued(int count) {
        events += count;
    }

    /** Counts a new batch and returns its number. */
    synchronized long batchFormed(boolean withFault) {
        if (withFault) {
            faulted++;
        }
        return ++batches;
    }

    synchronized void record(WebhookDelivery delivery) {
        if (delivery.sent()) {
            posts++;
            if (delivery.delivered()) {
                delivered++;
            } else {
                failed++;
                if (delivery.lastAttempt()) {
                    givenUp++;
                }
            }
        }
        if (deliveries.size() == CAPACITY) {
            deliveries.removeFirst();
        }
        deliveries.addLast(delivery);
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized WebhookCounts counts() {
        return new WebhookCounts(events, batches, posts, delivered, failed, givenUp, faulted);
    }
}
