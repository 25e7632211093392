package io.jenkins.plugins.codescoring.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The injected faults still to apply, first come first served. Thread-safe. */
final class FaultQueue {

    /**
     * One application of a fault.
     *
     * @param use how many times this fault was applied before (0 for the first time)
     */
    record Shot(Fault fault, int use) {}

    private static final class Armed {
        final Fault fault;
        int used;

        Armed(Fault fault) {
            this.fault = fault;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    synchronized void add(Fault fault) {
        armed.add(new Armed(fault));
    }

    synchronized void clear() {
        armed.clear();
    }

    synchronized boolean isEmpty() {
        return armed.isEmpty();
    }

    /** Takes one use of the first queued fault of an eligible kind that applies to that path. */
    synchronized Optional<Shot> take(String path, Predicate<Fault.Kind> eligible) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed candidate = it.next();
            if (eligible.test(candidate.fault.kind()) && candidate.fault.appliesTo(path)) {
                Shot shot = new Shot(candidate.fault, candidate.used++);
                if (candidate.used >= candidate.fault.times()) {
                    it.remove();
                }
                return Optional.of(shot);
            }
        }
        return Optional.empty();
    }
}
