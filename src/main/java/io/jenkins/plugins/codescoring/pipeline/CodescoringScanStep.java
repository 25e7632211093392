package io.jenkins.plugins.codescoring.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.config.CredentialsListing;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scanstep.OnFinding;
import io.jenkins.plugins.codescoring.scanstep.ScanForm;
import io.jenkins.plugins.codescoring.scanstep.ScanOptions;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code codescoringScan}: runs the CodeScoring overall SCA analysis and checks the build's scope against
 * the blocking policies. Needs no agent ({@code node}); while the analysis runs it holds neither an
 * executor nor a thread, and it survives a controller restart. Returns a map (see the step's help).
 *
 * <pre>{@code
 * def r = codescoringScan platform: 'test', project: 'shop', stage: 'build', onBlocking: 'UNSTABLE'
 * echo "verdict=${r.verdict} blocking=${r.blockingAlerts}"
 * }</pre>
 */
public final class CodescoringScanStep extends Step {
    private ScanOptions options = ScanOptions.defaults();

    @DataBoundConstructor
    public CodescoringScanStep() {}

    @CheckForNull
    public String getPlatform() {
        return options.platform();
    }

    /** The name of one of the administrator's platforms; empty for the default one. */
    @DataBoundSetter
    public void setPlatform(@CheckForNull String platform) {
        options = options.withPlatform(platform);
    }

    @CheckForNull
    public String getCredentialsId() {
        return options.credentialsId();
    }

    /** A credential other than the platform's default (a Secret text with the API token). */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        options = options.withCredentialsId(credentialsId);
    }

    @CheckForNull
    public String getProject() {
        return options.project();
    }

    /** The CodeScoring project (name or id) whose alerts decide; empty for all projects. */
    @DataBoundSetter
    public void setProject(@CheckForNull String project) {
        options = options.withProject(project);
    }

    @CheckForNull
    public String getStage() {
        return options.stage();
    }

    /** The policy stage (dev, source, build, stage, test, prod, proxy); empty for all stages. */
    @DataBoundSetter
    public void setStage(@CheckForNull String stage) {
        options = options.withStage(stage);
    }

    @CheckForNull
    public Integer getTimeoutMinutes() {
        return options.timeoutMinutes();
    }

    /** Minutes from the request to the verdict; empty for the global default. */
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

    ScanOptions toOptions() {
        return options;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new CodescoringScanExecution(context, toOptions());
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        public static final String FUNCTION_NAME = "codescoringScan";

        public DescriptorImpl() {
            for (String field : ScanOptions.FIELDS) {
                addHelpFileRedirect(field, ScanOptions.class, field);
            }
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CodescoringScanStep_DisplayName();
        }

        /** No FilePath, Launcher or Node: the step runs outside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
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

        @POST
        public ListBoxModel doFillPlatformItems(@AncestorInPath Item item, @QueryParameter String platform) {
            return ScanForm.fillPlatformItems(item, platform);
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

        public ListBoxModel doFillStageItems(@QueryParameter String stage) {
            return ScanForm.fillStageItems(stage);
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
