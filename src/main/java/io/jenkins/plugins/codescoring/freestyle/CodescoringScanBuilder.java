package io.jenkins.plugins.codescoring.freestyle;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.config.BuildCredentials;
import io.jenkins.plugins.codescoring.config.CredentialsListing;
import io.jenkins.plugins.codescoring.config.PlatformConnections;
import io.jenkins.plugins.codescoring.scan.AnalysisCoordinator;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanState;
import io.jenkins.plugins.codescoring.scanstep.CodescoringConsole;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import io.jenkins.plugins.codescoring.scanstep.OnFinding;
import io.jenkins.plugins.codescoring.scanstep.ScanCompletion;
import io.jenkins.plugins.codescoring.scanstep.ScanForm;
import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import io.jenkins.plugins.codescoring.scanstep.ScanOutcome;
import io.jenkins.plugins.codescoring.scanstep.ScanOwner;
import io.jenkins.plugins.codescoring.scanstep.ScanReference;
import io.jenkins.plugins.codescoring.scanstep.ScanStatusText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the same options and the same result handling as {@code codescoringScan},
 * waiting on the executor thread (the Abort button interrupts it). Exports the result to later build
 * steps as {@code CODESCORING_*} environment variables. In Pipeline use {@code codescoringScan}, which
 * needs no executor while it waits; this builder therefore has no symbol.
 */
public final class CodescoringScanBuilder extends Builder implements SimpleBuildStep {
    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * How long past the scan's deadline the build still waits for the coordinator's result (which ends the scan
     * at the deadline itself) before it gives up with an ERROR; only a broken coordinator leaves it waiting.
     */
    @Restricted(NoExternalUse.class)
    static Duration waitMargin = Duration.ofMinutes(1);

    private ScanOptions options = ScanOptions.defaults();

    @DataBoundConstructor
    public CodescoringScanBuilder() {}

    @CheckForNull
    public String getPlatform() {
        return options.platform();
    }

    @DataBoundSetter
    public void setPlatform(@CheckForNull String platform) {
        options = options.withPlatform(platform);
    }

    @CheckForNull
    public String getCredentialsId() {
        return options.credentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        options = options.withCredentialsId(credentialsId);
    }

    @CheckForNull
    public String getProject() {
        return options.project();
    }

    @DataBoundSetter
    public void setProject(@CheckForNull String project) {
        options = options.withProject(project);
    }

    @CheckForNull
    public String getStage() {
        return options.stage();
    }

    @DataBoundSetter
    public void setStage(@CheckForNull String stage) {
        options = options.withStage(stage);
    }

    @CheckForNull
    public Integer getTimeoutMinutes() {
        return options.timeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(@CheckForNull Integer timeoutMinutes) {
        options = options.withTimeoutMinutes(timeoutMinutes);
    }

    @NonNull
    public OnFinding getOnBlocking() {
        return options.onBlocking();
    }

    @DataBoundSetter
    public void setOnBlocking(@CheckForNull OnFinding onBlocking) {
        options = options.withOnBlocking(onBlocking);
    }

    /** ALL (default) or NEW: which blocking alerts decide the verdict. */
    @NonNull
    public BlockOn getBlockOn() {
        return options.blockOn();
    }

    @DataBoundSetter
    public void setBlockOn(@CheckForNull BlockOn blockOn) {
        options = options.withBlockOn(blockOn);
    }

    @NonNull
    public OnFinding getOnError() {
        return options.onError();
    }

    @DataBoundSetter
    public void setOnError(@CheckForNull OnFinding onError) {
        options = options.withOnError(onError);
    }

    public ScanOptions toOptions() {
        return options;
    }

    /** A job configuration saved without the options element (edited by hand) means the defaults. */
    protected Object readResolve() {
        if (options == null) {
            options = ScanOptions.defaults();
        }
        return this;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        // The job keeps the variables; this build scans with their values (EnvVars matches names in any case). A
        // credentials parameter stays ${NAME}: the lookup resolves it with the user's own credentials too.
        ScanOptions options = toOptions()
                .expand(env::expand, id -> BuildCredentials.namesCredentialsParameter(run, id) ? id : env.expand(id));
        ScanRequest request;
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new AbortException(ScanStatusText.invalidOptions(e.getMessage()));
        }
        request = ScanReference.choose(run, request);
        CodescoringConsole console = new CodescoringConsole(listener);
        console.println(ScanStatusText.requesting(request));
        ScanResult result;
        ScanState state = ScanState.begin(request, CLOCK.instant());
        try {
            CodescoringApi api = PlatformConnections.forScan(run, request, options.credentialsId());
            result = awaitShared(api, request, state, console, run);
        } catch (CodescoringException e) {
            result = ScanCompletion.error(request, state, e, CLOCK);
        }
        ScanOutcome outcome = ScanCompletion.complete(run, listener, options, result);
        run.addOrReplaceAction(new CodescoringEnvironmentAction(result));
        if (outcome.failsBuild()) {
            throw new AbortException(outcome.message());
        }
        if (outcome.marksUnstable()) {
            run.setResult(Result.UNSTABLE);
        }
    }

    /**
     * Waits on the executor thread (a freestyle build holds it anyway) while the shared coordinator polls,
     * so concurrent freestyle and Pipeline builds share one analysis. Abort interrupts the wait and
     * withdraws only this build's scan. The wait is bounded: the coordinator ends the scan at its deadline, and
     * should it not, the build stops waiting {@link #waitMargin} later with a TIMEOUT error.
     */
    private static ScanResult awaitShared(
            CodescoringApi api, ScanRequest request, ScanState state, CodescoringConsole console, Run<?, ?> run)
            throws InterruptedException {
        CompletableFuture<ScanResult> done = new CompletableFuture<>();
        AnalysisCoordinator.Ticket ticket =
                CodescoringScans.submit(api, request, state, console.scanListener(), done::complete, ScanOwner.of(run));
        Duration bound = Duration.between(CLOCK.instant(), state.deadline()).plus(waitMargin);
        try {
            return done.get(Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ticket.cancel();
            ScanResult late = done.getNow(null);
            return late != null
                    ? late
                    : ScanCompletion.error(
                            request,
                            ticket.snapshot(),
                            new CodescoringException(
                                    ErrorKind.TIMEOUT,
                                    Messages.CodescoringScanBuilder_NoResultInTime(
                                            ScanStatusText.duration(request.timeout()),
                                            ScanStatusText.duration(waitMargin))),
                            CLOCK);
        } catch (InterruptedException e) {
            ticket.cancel();
            console.println(Messages.CodescoringScanBuilder_Aborted());
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the coordinator completes scans only with a result", e);
        }
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        public DescriptorImpl() {
            for (String field : ScanOptions.FIELDS) {
                addHelpFileRedirect(field, ScanOptions.class, field);
            }
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CodescoringScanBuilder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String credentialsId, @QueryParameter String platform) {
            return CredentialsListing.fillForItem(item, credentialsId, platform);
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String platform) {
            return CredentialsListing.checkForItem(item, value, platform);
        }

        @POST
        public FormValidation doCheckPlatform(@AncestorInPath Item item, @QueryParameter String value) {
            return ScanForm.checkPlatform(item, value);
        }

        /** Suggestions only: the field takes a build variable too, such as {@code ${PLATFORM}}. */
        @POST
        public ComboBoxModel doFillPlatformItems(@AncestorInPath Item item) {
            return ScanForm.suggestPlatforms(item);
        }

        @POST
        public FormValidation doCheckProject(@AncestorInPath Item item, @QueryParameter String value) {
            return ScanForm.checkProject(item, value);
        }

        @POST
        public FormValidation doCheckStage(@AncestorInPath Item item, @QueryParameter String value) {
            return ScanForm.checkStage(item, value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String platform) {
            return ScanForm.checkTimeoutMinutes(item, value, platform);
        }

        /** Suggestions only: the field takes a build variable too, such as {@code ${STAGE}}. */
        public ComboBoxModel doFillStageItems() {
            return ScanForm.suggestStages();
        }

        public ListBoxModel doFillOnBlockingItems(@QueryParameter String onBlocking) {
            return ScanForm.fillOnFindingItems(onBlocking);
        }

        public ListBoxModel doFillBlockOnItems(@QueryParameter String blockOn) {
            return ScanForm.fillBlockOnItems(blockOn);
        }

        public ListBoxModel doFillOnErrorItems(@QueryParameter String onError) {
            return ScanForm.fillOnFindingItems(onError);
        }
    }
}
