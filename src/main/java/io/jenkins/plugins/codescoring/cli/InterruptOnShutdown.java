package io.jenkins.plugins.codescoring.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (or a SIGTERM from a CI system) end a run the way an interrupt does: the shutdown hook
 * interrupts the thread running the command, gives it a few seconds to print its ABORTED report and
 * write its JSON file, then ends the process with the command's exit code (2). A run that ends by
 * itself is not touched.
 */
final class InterruptOnShutdown {
    private static final long GRACE_SECONDS = 5;

    private final Thread worker;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode = ExitCode.FAILURE;

    private InterruptOnShutdown(Thread worker) {
        this.worker = worker;
    }

    /** Watches the calling thread from a shutdown hook. */
    static InterruptOnShutdown install() {
        InterruptOnShutdown watcher = new InterruptOnShutdown(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(new Thread(watcher::onShutdown, "codescoring-cli-interrupt"));
        return watcher;
    }

    /** Called by the watched thread when its command has ended. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        worker.interrupt();
        try {
            if (finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
