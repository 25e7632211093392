package io.jenkins.plugins.codescoring;

import hudson.AbortException;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.scan.ScanEngine;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import io.jenkins.plugins.codescoring.scan.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The asynchronous execution of {@code codescoringScan}. Each tick advances the scan engine by one
 * step on a pooled thread and schedules the next on the shared timer, so a waiting build holds neither
 * an executor nor a thread. Its persisted fields are the options, the request and the engine's small
 * {@link ScanState} (no token, no client): after a controller restart {@link #onResume()} goes on from
 * the state saved with the Pipeline program.
 */
final class CodescoringScanExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CodescoringScanExecution.class.getName());
    private static final Clock CLOCK = Clock.systemUTC();

    private final ScanOptions options;
    private ScanRequest request;
    /** Replaced (never changed in place) by each tick, so it can be saved at any moment. */
    private volatile ScanState state;

    private transient volatile Future<?> next;
    /** Set once the step's context is completed (result, failure or stop): nothing happens after. */
    private transient boolean completed;
    private transient volatile boolean resumed;
    /** Whether an engine step is making its calls right now (a safe restart waits for it). */
    private transient volatile boolean ticking;

    CodescoringScanExecution(StepContext context, ScanOptions options) {
        super(context);
        this.options = options;
    }

    @Override
    public boolean start() throws Exception {
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.CodescoringScanExecution_InvalidOptions(e.getMessage()));
        }
        state = ScanState.begin(request, CLOCK.instant());
        console().println(Messages.CodescoringScanExecution_Started(ScanStatusText.describe(request),
                ScanStatusText.duration(request.timeout())));
        schedule(Duration.ZERO);
        return false;
    }

    @Override
    public void onResume() {
        if (request == null || state == null) {
            complete(() -> getContext().onFailure(new AbortException(Messages.CodescoringScanExecution_CannotResume())));
            return;
        }
        resumed = true;
        schedule(Duration.ZERO);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Future<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
        complete(() -> getContext().onFailure(cause));
    }

    @Override
    public boolean blocksRestart() {
        return ticking;
    }

    @Override
    public String getStatus() {
        return ScanStatusText.status(state);
    }

    /** Runs one engine step on a pooled thread after the delay (the timer itself only hands over). */
    private void schedule(Duration delay) {
        if (isCompleted()) {
            return;
        }
        next = Timer.get().schedule(() -> {
            if (!isCompleted()) {
                next = Computer.threadPoolForRemoting.submit(this::tick);
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        ticking = true;
        try {
            tickOnce();
        } finally {
            ticking = false;
        }
    }

    private void tickOnce() {
        StepContext context = getContext();
        try {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FlowExecution execution = context.get(FlowExecution.class);
            CodescoringConsole console = new CodescoringConsole(listener);
            if (resumed) {
                resumed = false;
                console.println(Messages.CodescoringScanExecution_Resumed(ScanStatusText.status(state)));
            }
            ScanState working = state.copy();
            Step step;
            if (working.isDone()) { // finished just before a restart, not yet reported
                step = Step.done(working.result());
            } else {
                try (ACLContext ignored = ACL.as2(execution.getAuthentication2())) {
                    CodescoringApi api = PlatformConnections.forRun(run, options.credentialsId());
                    step = new ScanEngine(api, CLOCK, console.scanListener()).step(request, working);
                } catch (CodescoringException e) {
                    step = Step.done(ScanCompletion.failedToConnect(request, working, e, CLOCK));
                }
            }
            if (isCompleted()) {
                return; // stopped while this step ran
            }
            state = working;
            if (step.isDone()) {
                finish(run, listener, step.result());
            } else {
                schedule(step.delay());
            }
        } catch (InterruptedException e) {
            // Jenkins is shutting down; the state saved with the program resumes the scan after the restart.
            LOGGER.log(Level.FINE, "CodeScoring scan interrupted", e);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            complete(() -> getContext().onFailure(e));
        }
    }

    private void finish(Run<?, ?> run, TaskListener listener, ScanResult result) throws Exception {
        ScanOutcome outcome = ScanCompletion.complete(run, listener, options, result);
        if (outcome.failsBuild()) {
            complete(() -> getContext().onFailure(new AbortException(outcome.message())));
            return;
        }
        if (outcome.marksUnstable()) {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(outcome.message()));
            }
            run.setResult(Result.UNSTABLE);
        }
        complete(() -> getContext().onSuccess(ScanResultMap.of(result)));
    }

    /** Completes the step's context once: the first of result, failure and stop wins. */
    private void complete(Runnable completion) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        completion.run();
    }

    private synchronized boolean isCompleted() {
        return completed;
    }

    private CodescoringConsole console() throws Exception {
        return new CodescoringConsole(getContext().get(TaskListener.class));
    }
}
