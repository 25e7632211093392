package io.jenkins.plugins.codescoring.simulator;

import java.util.ArrayDeque;
import java.util.Deque;

/** The webhook faults still to apply, one per batch, first come first served. Thread-safe. */
final class WebhookFaults {

    private static final class Armed {
        final WebhookFault fault;
        int left;

        Armed(WebhookFault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }

    private final Deque<Armed> pending = new ArrayDeque<>();

    synchronized void add(WebhookFault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        pending.addLast(new Armed(fault, times));
    }

    /** The fault for the next batch, or null. */
    synchronized WebhookFault take() {
        Armed first = pending.peekFirst();
        if (first == null) {
            return null;
        }
        if (--first.left == 0) {
            pending.removeFirst();
        }
        return first.fault;
    }

    synchronized void clear() {
        pending.clear();
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }
}
