package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on a {@link ManualClock}: tasks run only from {@link #runFor}, in time order, on the
 * test's thread, so coordinator tests are deterministic and take no real time.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparing(t -> t.seq));
    private long sequence;
    int ran;

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Runs every task due within the given time, moving the clock to each task's time. */
    void runFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.due.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.due));
            }
            if (!next.cancelled) {
                ran++;
                next.command.run();
            }
        }
        if (end.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), end));
        }
    }

    synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, clock.instant().plusNanos(unit.toNanos(delay)), sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final Instant due;
        final long seq;
        volatile boolean cancelled;

        Task(Runnable command, Instant due, long seq) {
            this.command = command;
            this.due = due;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
