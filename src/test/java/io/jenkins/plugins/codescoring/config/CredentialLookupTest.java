package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsUnavailableException;
import com.cloudbees.plugins.credentials.CredentialsUseListener;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Node;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.FastScans;
import io.jenkins.plugins.codescoring.ScanTestSupport;
import io.jenkins.plugins.codescoring.SimulatedPlatform;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.scan.Verdict;
import io.jenkins.plugins.codescoring.scanstep.OnFinding;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

/**
 * How a scan gets its credential: off the Pipeline's CPS thread, with a provider that is slow or fails
 * giving an ERROR verdict, and with the credential's use recorded once, only for the one sent.
 */
public class CredentialLookupTest {
    /** A Secret text of {@link Vault} whose secret takes until {@link #vaultOpens} to read. */
    static final String SLOW_ID = "vault-slow-token";
    /** A Secret text of {@link Vault} whose secret cannot be read. */
    static final String SEALED_ID = "vault-sealed-token";

    static final long BOUND_SECONDS = 60;

    static volatile CountDownLatch vaultOpens = new CountDownLatch(0);
    static volatile CountDownLatch secretRead = new CountDownLatch(0);
    static volatile boolean lookupFails;
    static final List<String> uses = Collections.synchronizedList(new ArrayList<>());

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    @Before
    public void resetVault() {
        vaultOpens = new CountDownLatch(0);
        secretRead = new CountDownLatch(0);
        lookupFails = false;
        uses.clear();
        platform.simulator().load(Dataset.clean());
    }

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    public void aSlowCredentialsProviderDoesNotHoldTheOtherBranches() throws Exception {
        vaultOpens = new CountDownLatch(1);
        try {
            WorkflowRun run = pipeline("parallel scan: { codescoringScan credentialsId: '" + SLOW_ID + "' },"
                            + " other: { echo 'the other branch ran' }")
                    .scheduleBuild2(0)
                    .waitForStart();
            awaitLog(run, "the other branch ran");
            vaultOpens.countDown();
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("CodeScoring verdict: PASSED", run);
        } finally {
            vaultOpens.countDown();
        }
    }

    @Test
    public void abortWorksWhileTheCredentialIsBeingRead() throws Exception {
        vaultOpens = new CountDownLatch(1);
        secretRead = new CountDownLatch(1);
        try {
            WorkflowRun run = pipeline("codescoringScan credentialsId: '" + SLOW_ID + "'")
                    .scheduleBuild2(0)
                    .waitForStart();
            awaitLog(run, "Starting the CodeScoring scan");
            run.doStop();
            r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
            vaultOpens.countDown();
            assertTrue(secretRead.await(BOUND_SECONDS, TimeUnit.SECONDS));
            ScanTestSupport.assertNoScanWaits();
            assertEquals(
                    "a stopped scan never talks to the platform",
                    0,
                    platform.simulator().requestCount());
        } finally {
            vaultOpens.countDown();
        }
    }

    @Test
    public void aSecretThatCannotBeReadIsAnErrorVerdictHandledByOnError() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(
                Result.UNSTABLE,
                pipeline("def r = codescoringScan credentialsId: '" + SEALED_ID
                        + "', onError: 'UNSTABLE'\necho \"kind=${r.errorKind}\""));
        r.assertLogContains("kind=BAD_CONFIGURATION", run);
        r.assertLogContains("'" + SEALED_ID + "'", run);
        r.assertLogNotContains("\tat ", run);
        r.assertLogNotContains("the vault is sealed", run);
        CodescoringResultAction result = run.getAction(CodescoringResultAction.class);
        assertEquals(Verdict.ERROR, result.getResult().verdict());
        assertEquals(ErrorKind.BAD_CONFIGURATION, result.getResult().errorKind());
        assertEquals(0, platform.simulator().requestCount());
    }

    @Test
    public void aFailingProviderIsAnErrorVerdictInAFreestyleBuildToo() throws Exception {
        lookupFails = true;
        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder scan = new CodescoringScanBuilder();
        scan.setCredentialsId(SLOW_ID);
        scan.setOnError(OnFinding.UNSTABLE);
        project.getBuildersList().add(scan);
        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogNotContains("\tat ", build);
        assertEquals(
                ErrorKind.BAD_CONFIGURATION,
                build.getAction(CodescoringResultAction.class).getResult().errorKind());
    }

    @Test
    public void theCredentialOfACredentialsParameterIsRecordedOnceAsUsedByTheBuild() throws Exception {
        LookupInBuild lookup = lookUpCredentialsParameter(TestCredentials.GLOBAL_ID);
        assertEquals(null, lookup.failure);
        assertEquals(List.of(TestCredentials.GLOBAL_ID + "@" + lookup.build), lookup.usesRecorded);
    }

    @Test
    public void aCredentialsParameterOfTheWrongTypeIsNotRecordedAsUsed() throws Exception {
        LookupInBuild lookup = lookUpCredentialsParameter(TestCredentials.USERPASS_ID);
        assertThat(lookup.failure.getMessage(), containsString("not Secret text"));
        assertThat("never sent, so never used", lookup.usesRecorded, empty());
    }

    /**
     * Runs a build whose user chose a credential in a credentials parameter and connects, while the build runs,
     * with the credential {@code ${CS_TOKEN}}, as a scan naming the parameter does.
     */
    private LookupInBuild lookUpCredentialsParameter(String chosen) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                "CS_TOKEN", "", TestCredentials.GLOBAL_ID, StringCredentialsImpl.class.getName(), false)));
        LookupInBuild lookup = new LookupInBuild();
        project.getBuildersList().add(lookup);
        r.assertBuildStatusSuccess(project.scheduleBuild2(
                0, new ParametersAction(new CredentialsParameterValue("CS_TOKEN", chosen, "", false))));
        return lookup;
    }

    /** Connects with {@code ${CS_TOKEN}} and keeps the credential uses recorded meanwhile. */
    private static final class LookupInBuild extends TestBuilder {
        volatile String build;
        volatile List<String> usesRecorded;
        volatile CodescoringException failure;

        @Override
        public boolean perform(AbstractBuild<?, ?> run, Launcher launcher, BuildListener listener) {
            build = run.getExternalizableId();
            uses.clear(); // the parameter's own use is recorded when the build's environment is made
            try {
                PlatformConnections.forRun(run, null, "${CS_TOKEN}");
            } catch (CodescoringException e) {
                failure = e;
            }
            usesRecorded = new ArrayList<>(uses);
            return true;
        }
    }

    private void awaitLog(Run<?, ?> run, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!JenkinsRule.getLog(run).contains(text)) {
            assertTrue(
                    "no '" + text + "' within " + BOUND_SECONDS + " s:\n" + JenkinsRule.getLog(run),
                    System.nanoTime() < end);
            Thread.sleep(50);
        }
        assertThat(JenkinsRule.getLog(run), not(containsString("\tat ")));
    }

    /** A Secret text kept in an external vault: reading its secret may be slow or fail. */
    public static final class VaultToken extends BaseStandardCredentials implements StringCredentials {
        private static final long serialVersionUID = 1L;

        VaultToken(String id) {
            super(CredentialsScope.GLOBAL, id, "CodeScoring token in a vault");
        }

        @NonNull
        @Override
        public Secret getSecret() {
            if (SEALED_ID.equals(getId())) {
                throw new CredentialsUnavailableException("secret", "the vault is sealed");
            }
            try {
                if (!vaultOpens.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    throw new CredentialsUnavailableException("secret", "the vault did not answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialsUnavailableException("secret", "interrupted");
            }
            secretRead.countDown();
            return Secret.fromString(TestCredentials.TOKEN);
        }

        @TestExtension
        public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
            @NonNull
            @Override
            public String getDisplayName() {
                return "Vault token";
            }
        }
    }

    /** A credentials provider in front of an external vault. */
    @TestExtension
    public static final class Vault extends CredentialsProvider {
        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(
                @NonNull Class<C> type,
                ItemGroup itemGroup,
                Authentication authentication,
                @NonNull List<DomainRequirement> domainRequirements) {
            if (lookupFails) {
                throw new IllegalStateException("the vault is unreachable");
            }
            List<C> found = new ArrayList<>();
            for (String id : List.of(SLOW_ID, SEALED_ID)) {
                VaultToken token = new VaultToken(id);
                if (type.isInstance(token)) {
                    found.add(type.cast(token));
                }
            }
            return found;
        }

        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItem(
                @NonNull Class<C> type,
                @NonNull Item item,
                Authentication authentication,
                @NonNull List<DomainRequirement> domainRequirements) {
            return getCredentialsInItemGroup(type, item.getParent(), authentication, domainRequirements);
        }
    }

    /** Records which credential a build was recorded as using. */
    @TestExtension
    public static final class Uses implements CredentialsUseListener {
        @Override
        public void onUse(Credentials c, Run run) {
            uses.add(((IdCredentials) c).getId() + "@" + run.getExternalizableId());
        }

        @Override
        public void onUse(Credentials c, Node node) {}

        @Override
        public void onUse(Credentials c, Item item) {}
    }
}
