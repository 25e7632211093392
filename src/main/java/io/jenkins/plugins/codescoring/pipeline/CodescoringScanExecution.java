package io.jenkins.plugins.codescoring.pipeline;

import hudson.AbortException;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.config.PlatformConnections;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinator;
import io.jenkins.plugins.codescoring.scan.Phase;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import io.jenkins.plugins.codescoring.scanstep.CodescoringConsole;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.scanstep.ScanCompletion;
import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import io.jenkins.plugins.codescoring.scanstep.ScanOutcome;
import io.jenkins.plugins.codescoring.scanstep.ScanOwner;
import io.jenkins.plugins.codescoring.scanstep.ScanReference;
import io.jenkins.plugins.codescoring.scanstep.ScanStatusText;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Clock;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The asynchronous execution of {@code codescoringScan}. It hands the scan to the controller's shared
 * coordinator ({@link CodescoringScans}), which polls the platform once for all waiting builds, so a
 * waiting build holds neither an executor nor a thread. What it persists is the options, the request and
 * a snapshot of the engine's small {@link ScanState} (no token, no client): after a controller restart
 * {@link #onResume()} submits the saved state again and the wait goes on where it was.
 */
final class CodescoringScanExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Clock CLOCK = Clock.systemUTC();

    private final ScanOptions options;
    private volatile ScanRequest request;
    /** Whether {@link #request} carries its reference build's alerts (chosen once, before the scan is first queued). */
    private volatile boolean referenceChosen;
    /** The state as last saved; while the scan waits, the live one is the coordinator's (see {@link #currentState()}). */
    private volatile ScanState state;

    /** Set under this execution's lock, see {@link #register}. */
    private transient volatile AnalysisCoordinator.Ticket ticket;
    /** Whether the state was saved once the platform accepted the start. */
    private transient volatile boolean savedAfterStart;
    /** Set once the step's context is completed (result, failure or stop): nothing happens after. */
    private transient boolean completed;

    CodescoringScanExecution(StepContext context, ScanOptions options) {
        super(context);
        this.options = options;
    }

    @Override
    public boolean start() throws Exception {
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new AbortException(ScanStatusText.invalidOptions(e.getMessage()));
        }
        state = ScanState.begin(request, CLOCK.instant());
        console().println(ScanStatusText.requesting(request));
        submitInBackground();
        return false;
    }

    @Override
    public void onResume() {
        if (request == null || state == null) {
            complete(
                    () -> getContext().onFailure(new AbortException(Messages.CodescoringScanExecution_CannotResume())));
            return;
        }
        if (isCompleted()) { // stopped (a timeout that ran out while Jenkins was down) before we were resumed
            return;
        }
        try {
            console().println(Messages.CodescoringScanExecution_Resumed(ScanStatusText.status(state)));
        } catch (IOException | InterruptedException e) {
            complete(() -> getContext().onFailure(e));
            return;
        }
        submitInBackground();
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        AnalysisCoordinator.Ticket waiting;
        boolean first;
        synchronized (
                this) { // with register(): either the scan is not queued yet and never will be, or it is cancelled here
            first = !completed;
            completed = true;
            waiting = ticket;
        }
        if (waiting != null) {
            waiting.cancel();
        }
        if (first) {
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        return ScanStatusText.status(currentState());
    }

    /**
     * Reading the credential may block (an external credentials provider), which must not happen on the CPS
     * thread that runs {@link #start()} and every other step of the build: it runs on a pooled thread.
     */
    private void submitInBackground() {
        Computer.threadPoolForRemoting.submit(this::submit);
    }

    /** Hands the scan to the coordinator with a client for the build's credential, unless the step has ended meanwhile. */
    private void submit() {
        StepContext context = getContext();
        try {
            Run<?, ?> run = context.get(Run.class);
            if (state.isDone()) { // finished just before a restart, not yet reported
                handOver(state.result());
                return;
            }
            if (!referenceChosen) { // earlier builds are read here, on a pooled thread, not on the CPS thread
                request = ScanReference.choose(run, request);
                referenceChosen = true;
            }
            CodescoringApi api;
            try {
                // The platform the request was made for: a resumed scan stays on it even if the default changed
                // meanwhile,
                // and ends with an error if that name now points elsewhere (its analysis ran on the old URL).
                api = PlatformConnections.forScan(run, request, options.credentialsId());
            } catch (CodescoringException e) {
                handOver(ScanCompletion.error(request, state, e, CLOCK));
                return;
            }
            register(api, run);
        } catch (IOException | InterruptedException | RuntimeException | LinkageError e) {
            complete(() -> getContext().onFailure(e));
        }
    }

    /**
     * Queues the scan in the coordinator, under the lock {@link #complete} takes: a step that was stopped never
     * queues it, and one stopped later finds its ticket to cancel.
     */
    private void register(CodescoringApi api, Run<?, ?> run) throws IOException, InterruptedException {
        CodescoringConsole console = console();
        synchronized (this) {
            if (completed) {
                return;
            }
            if (ticket != null) { // never two waits for one step
                ticket.cancel();
            }
            ticket = CodescoringScans.submit(
                    api, request, state, savingOnceStarted(console), this::handOver, ScanOwner.of(run));
        }
    }

    /**
     * Prints the scan's progress and, once the platform has accepted our start, saves the step's state at once
     * rather than at Pipeline's next save: a controller killed (SIGKILL) after that moment resumes waiting for the
     * same analysis instead of starting another.
     */
    private ScanListener savingOnceStarted(CodescoringConsole console) {
        return line -> {
            console.println(line);
            AnalysisCoordinator.Ticket waiting = ticket;
            if (!savedAfterStart
                    && waiting != null
                    && waiting.snapshot().phase().compareTo(Phase.STARTED) >= 0) {
                savedAfterStart = true;
                getContext().saveState();
            }
        };
    }

    /** Called by the coordinator: the report, the result action and the step's completion run on a handover thread. */
    private void handOver(ScanResult result) {
        if (!isCompleted()) {
            CodescoringScans.handOver(() -> finish(result));
        }
    }

    private void finish(ScanResult result) {
        try {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            ScanOutcome outcome = ScanCompletion.complete(run, listener, options, result);
            if (outcome.failsBuild()) {
                complete(() -> getContext().onFailure(new AbortException(outcome.message())));
                return;
            }
            if (outcome.marksUnstable()) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(outcome.message()));
                }
                run.setResult(Result.UNSTABLE);
            }
            complete(() -> getContext().onSuccess(ScanResultMap.of(result)));
        } catch (Exception | LinkageError e) {
            complete(() -> getContext().onFailure(e));
        }
    }

    /** The scan's state now: the coordinator's live one while it waits, else the saved one. */
    private ScanState currentState() {
        AnalysisCoordinator.Ticket waiting = ticket;
        return waiting == null ? state : waiting.snapshot();
    }

    /** Saves a consistent copy of the live state, which the coordinator goes on changing on its own thread. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        state = currentState();
        out.defaultWriteObject();
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

    private CodescoringConsole console() throws IOException, InterruptedException {
        return new CodescoringConsole(getContext().get(TaskListener.class));
    }
}
