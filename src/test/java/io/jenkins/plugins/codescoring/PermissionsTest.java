package io.jenkins.plugins.codescoring;

import static io.jenkins.plugins.codescoring.TestUsers.as;
import static io.jenkins.plugins.codescoring.TestUsers.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.config.CredentialsListing;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.pipeline.CodescoringScanStep;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees what: anonymous, a user with read access only, a user who may configure one job, and an
 * administrator, over the global configuration's form methods and the job forms' credential list.
 */
public class PermissionsTest {
    public JenkinsRule r = new JenkinsRule();

    private final SimulatedPlatform platform = SimulatedPlatform.configured();

    @Rule
    public RuleChain jenkinsThenPlatform = RuleChain.outerRule(r).around(platform);

    private FreeStyleProject job;
    private Platform.DescriptorImpl global;

    @Before
    public void setUp() throws Exception {
        job = r.createFreeStyleProject("job");
        global = TestPlatforms.descriptor();
        TestUsers.grantMatrix(r, job);
    }

    @Test
    public void globalCredentialListOnlyForAdministrators() throws Exception {
        for (String user : new String[] {null, "reader", "configurer"}) {
            ListBoxModel model = as(user, () -> global.doFillCredentialsIdItems("", "saved-id"));
            assertThat("user " + user, values(model), contains("saved-id"));
        }
        ListBoxModel model = as("admin", () -> global.doFillCredentialsIdItems("", TestCredentials.GLOBAL_ID));
        assertThat(values(model), contains("", TestCredentials.GLOBAL_ID));
    }

    @Test
    public void globalChecksSayNothingToOthers() throws Exception {
        for (String user : new String[] {null, "reader", "configurer"}) {
            assertEquals(FormValidation.Kind.OK, as(user, () -> global.doCheckUrl("ftp://x.example.com")).kind);
            assertEquals(
                    FormValidation.Kind.OK,
                    as(user, () -> global.doCheckCredentialsId("no-such-credential", null)).kind);
            assertEquals(FormValidation.Kind.OK, as(user, () -> global.doCheckTimeoutMinutes("0")).kind);
        }
        assertEquals(FormValidation.Kind.ERROR, as("admin", () -> global.doCheckUrl("ftp://x.example.com")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as("admin", () -> global.doCheckCredentialsId("no-such-credential", null)).kind);
        assertEquals(FormValidation.Kind.ERROR, as("admin", () -> global.doCheckTimeoutMinutes("0")).kind);
    }

    @Test
    public void testConnectionOnlyForAdministrators() throws Exception {
        for (String user : new String[] {null, "reader", "configurer"}) {
            assertThrows(
                    "user " + user,
                    AccessDeniedException.class,
                    () -> as(
                            user,
                            () -> global.doTestConnection(platform.simulator().baseUrl(), TestCredentials.GLOBAL_ID)));
        }
        assertEquals(0, platform.simulator().requestCount());
        FormValidation result =
                as("admin", () -> global.doTestConnection(platform.simulator().baseUrl(), TestCredentials.GLOBAL_ID));
        assertEquals(FormValidation.Kind.OK, result.kind);
        assertEquals(1, platform.simulator().requestCount());
    }

    @Test
    public void jobCredentialListNeedsConfigureOrUseItem() throws Exception {
        for (String user : new String[] {null, "reader"}) {
            ListBoxModel model = as(user, () -> CredentialsListing.fillForItem(job, "saved-id", null));
            assertThat("user " + user, values(model), contains("", "saved-id"));
        }
        for (String user : new String[] {"configurer", "admin"}) {
            ListBoxModel model = as(user, () -> CredentialsListing.fillForItem(job, "", null));
            // Global scope Secret text only: not the System scope one, not the username/password one.
            assertThat("user " + user, values(model), containsInAnyOrder("", TestCredentials.GLOBAL_ID));
        }
    }

    /**
     * Either of the two permissions that let a user see a job's credential list is enough on its own: Use item
     * (credentials) without any right to configure, or Extended read without Configure (which implies it).
     */
    @Test
    public void jobCredentialListForUseItemOrExtendedReadAlone() throws Exception {
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ)
                .everywhere()
                .to("user", "extended", "reader")
                .grant(hudson.model.Item.READ)
                .onItems(job)
                .to("user", "extended", "reader")
                .grant(com.cloudbees.plugins.credentials.CredentialsProvider.USE_ITEM)
                .onItems(job)
                .to("user")
                .grant(hudson.model.Item.EXTENDED_READ)
                .onItems(job)
                .to("extended"));
        for (String user : new String[] {"user", "extended"}) {
            assertThat(
                    "user " + user,
                    values(as(user, () -> CredentialsListing.fillForItem(job, "", null))),
                    containsInAnyOrder("", TestCredentials.GLOBAL_ID));
            assertEquals(
                    "user " + user,
                    FormValidation.Kind.ERROR,
                    as(user, () -> CredentialsListing.checkForItem(job, "no-such-credential", null)).kind);
        }
        assertThat(
                "without either, only the saved value",
                values(as("reader", () -> CredentialsListing.fillForItem(job, "saved-id", null))),
                contains("", "saved-id"));
    }

    @Test
    public void rootCredentialListNeedsAdministrator() throws Exception {
        assertThat(values(as("configurer", () -> CredentialsListing.fillForItem(null, "", null))), contains(""));
        assertThat(
                values(as("admin", () -> CredentialsListing.fillForItem(null, "", null))),
                containsInAnyOrder("", TestCredentials.GLOBAL_ID));
    }

    @Test
    public void jobCredentialCheck() throws Exception {
        assertEquals(
                FormValidation.Kind.OK,
                as("reader", () -> CredentialsListing.checkForItem(job, "no-such-credential", null)).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as("configurer", () -> CredentialsListing.checkForItem(job, "no-such-credential", null)).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as("configurer", () -> CredentialsListing.checkForItem(job, TestCredentials.USERPASS_ID, null)).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as("configurer", () -> CredentialsListing.checkForItem(job, TestCredentials.SYSTEM_ID, null)).kind);
        assertEquals(
                FormValidation.Kind.OK,
                as("configurer", () -> CredentialsListing.checkForItem(job, TestCredentials.GLOBAL_ID, null)).kind);
        assertEquals(
                FormValidation.Kind.OK, as("configurer", () -> CredentialsListing.checkForItem(job, "", null)).kind);
        // The freestyle step expands ${...} when the build runs (the credentials field takes an expression), so the
        // form cannot know the ID yet: no error, and no lookup that could tell which IDs exist.
        assertEquals(
                FormValidation.Kind.OK,
                as("configurer", () -> CredentialsListing.checkForItem(job, "${TOKEN_ID}", null)).kind);
        TestPlatforms.first().setCredentialsId(null);
        TestPlatforms.save();
        assertEquals(
                FormValidation.Kind.WARNING,
                as("configurer", () -> CredentialsListing.checkForItem(job, "", null)).kind);
    }

    @Test
    public void stepAndBuilderFormsUseTheJobListing() throws Exception {
        CodescoringScanStep.DescriptorImpl step =
                r.jenkins.getDescriptorByType(CodescoringScanStep.DescriptorImpl.class);
        CodescoringScanBuilder.DescriptorImpl builder =
                r.jenkins.getDescriptorByType(CodescoringScanBuilder.DescriptorImpl.class);
        assertThat(values(as("reader", () -> step.doFillCredentialsIdItems(job, "", ""))), contains(""));
        assertThat(values(as("reader", () -> builder.doFillCredentialsIdItems(job, "", ""))), contains(""));
        assertThat(
                values(as("configurer", () -> step.doFillCredentialsIdItems(job, "", ""))),
                containsInAnyOrder("", TestCredentials.GLOBAL_ID));
        assertThat(
                values(as("configurer", () -> builder.doFillCredentialsIdItems(job, "", ""))),
                containsInAnyOrder("", TestCredentials.GLOBAL_ID));
        assertEquals(
                FormValidation.Kind.ERROR,
                as("configurer", () -> step.doCheckCredentialsId(job, "no-such-credential", "")).kind);
        assertEquals(
                FormValidation.Kind.OK,
                as("reader", () -> builder.doCheckCredentialsId(job, "no-such-credential", "")).kind);
    }
}
