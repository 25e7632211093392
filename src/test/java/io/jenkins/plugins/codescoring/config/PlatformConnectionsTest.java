package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Which URL and which credential a build scans with. */
public class PlatformConnectionsTest {
    private static final String FOLDER_TOKEN = "folder-token-9876543210";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    private CodescoringSimulator simulator;

    @Before
    public void setUp() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        TestCredentials.addGlobal();
        TestPlatforms.configure(simulator.baseUrl(), TestCredentials.GLOBAL_ID);
    }

    @After
    public void tearDown() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    public void defaultCredentialConnects() throws Exception {
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringApi api = PlatformConnections.forRun(build, null, null);
        assertEquals(simulator.baseUrl(), api.platformUrl());
        api.checkConnection();
        assertThat(simulator.requests().get(0).header("Authorization"), is("Token " + TestCredentials.TOKEN));
    }

    @Test
    public void folderCredentialOnlyInsideTheFolder() throws Exception {
        Folder folder = r.jenkins.createProject(Folder.class, "team");
        TestCredentials.addToFolder(
                folder, TestCredentials.secretText(CredentialsScope.GLOBAL, "team-token", FOLDER_TOKEN));
        FreeStyleProject inside = folder.createProject(FreeStyleProject.class, "inside");
        FreeStyleProject outside = r.createFreeStyleProject("outside");

        CodescoringApi api = PlatformConnections.forRun(r.buildAndAssertSuccess(inside), null, "team-token");
        assertThrows(CodescoringException.class, api::checkConnection); // the simulator knows only TOKEN...
        assertThat(
                simulator.requests().get(0).header("Authorization"), is("Token " + FOLDER_TOKEN)); // ...but it was sent

        CodescoringException e = assertThrows(
                CodescoringException.class,
                () -> PlatformConnections.forRun(r.buildAndAssertSuccess(outside), null, "team-token"));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("'team-token'"));
    }

    @Test
    public void overrideBeatsTheDefault() throws Exception {
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.GLOBAL, "other", "other-token-1234"));
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        assertThrows(CodescoringException.class, () -> PlatformConnections.forRun(build, null, "other")
                .checkConnection());
        assertThat(simulator.requests().get(0).header("Authorization"), is("Token other-token-1234"));
        PlatformConnections.forRun(build, null, "  ").checkConnection(); // blank: the default
    }

    @Test
    public void wrongTypeNamesIdAndType() throws Exception {
        TestCredentials.addToRoot(
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "userpass", null, "u", "p4ssw0rd-long"));
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e =
                assertThrows(CodescoringException.class, () -> PlatformConnections.forRun(build, null, "userpass"));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("'userpass'"));
        assertThat(e.getMessage(), containsString("Username with password"));
        assertThat(e.getMessage(), containsString("Secret text"));
    }

    @Test
    public void missingCredentialNamesTheId() throws Exception {
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e =
                assertThrows(CodescoringException.class, () -> PlatformConnections.forRun(build, null, "nope"));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("'nope'"));
    }

    @Test
    public void systemScopeIsNotForBuilds() throws Exception {
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e = assertThrows(
                CodescoringException.class, () -> PlatformConnections.forRun(build, null, TestCredentials.SYSTEM_ID));
        assertThat(e.getMessage(), containsString(TestCredentials.SYSTEM_ID));
    }

    @Test
    public void noPlatformSaysToConfigureOne() throws Exception {
        CodescoringGlobalConfiguration.get().setPlatforms(List.of());
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e =
                assertThrows(CodescoringException.class, () -> PlatformConnections.forRun(build, null, null));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("No CodeScoring platform is configured"));
        assertThat(e.getMessage(), containsString("CodeScoring"));
    }

    @Test
    public void noCredentialAnywhereSaysWhereToSetOne() throws Exception {
        TestPlatforms.first().setCredentialsId(null);
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e =
                assertThrows(CodescoringException.class, () -> PlatformConnections.forRun(build, null, null));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("credentialsId"));
    }

    @Test
    public void anUnknownPlatformNamesTheConfiguredOnes() throws Exception {
        TestPlatforms.add("test", "https://codescoring-test.example.com", TestCredentials.GLOBAL_ID);
        FreeStyleBuild build = r.buildAndAssertSuccess(r.createFreeStyleProject());
        CodescoringException e = assertThrows(
                CodescoringException.class, () -> PlatformConnections.forRun(build, simulator.baseUrl(), null));
        assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
        assertThat(e.getMessage(), containsString("127.0.0.1, test"));
        assertEquals(
                "https://codescoring-test.example.com",
                PlatformConnections.forRun(build, "test", null).platformUrl());
        assertEquals(
                simulator.baseUrl(),
                PlatformConnections.forRun(build, null, null).platformUrl());
        assertEquals(0, simulator.requestCount());
    }

    @Test
    public void urlOfNamesOnlyConfiguredPlatforms() {
        assertEquals(simulator.baseUrl(), PlatformConnections.urlOf(null));
        assertEquals(simulator.baseUrl(), PlatformConnections.urlOf("127.0.0.1"));
        assertEquals(null, PlatformConnections.urlOf("elsewhere"));
        CodescoringGlobalConfiguration.get().setPlatforms(List.of());
        assertEquals(null, PlatformConnections.urlOf(null));
    }
}
