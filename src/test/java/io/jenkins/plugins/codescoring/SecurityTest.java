package io.jenkins.plugins.codescoring;

import static io.jenkins.plugins.codescoring.TestUsers.as;
import static io.jenkins.plugins.codescoring.TestUsers.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.CredentialsListing;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.endpoint.CodescoringWebhookEndpoint;
import io.jenkins.plugins.codescoring.freestyle.CodescoringScanBuilder;
import io.jenkins.plugins.codescoring.operations.OperationsPage;
import io.jenkins.plugins.codescoring.pipeline.CodescoringScanStep;
import io.jenkins.plugins.codescoring.results.CodescoringJobAction;
import io.jenkins.plugins.codescoring.results.CodescoringResultAction;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Fault;
import io.jenkins.plugins.codescoring.simulator.RecordedRequest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.jvnet.hudson.test.JenkinsRule;
import org.kohsuke.stapler.verb.POST;

/**
 * The Jenkins side of the security model (docs/security.md): where a job can (not) send the
 * administrator's token, which web methods exist and who may call them how, escaping of what the platform
 * sends, and which credentials a job can reach. Complements {@link PermissionsTest},
 * {@link TestConnectionTest}, {@link PlatformConnectionsTest} and {@link CodescoringResultViewsTest}.
 */
public class SecurityTest {
    private static final String FOLDER_B_TOKEN = "folder-b-token-5f0e9a7c3d1b";

    public JenkinsRule r = new JenkinsRule();

    /** The platform of the global configuration. */
    private final SimulatedPlatform configured = SimulatedPlatform.configured();
    /** Another server a Pipeline author would like the token sent to; it accepts the same token. */
    private final SimulatedPlatform other = SimulatedPlatform.elsewhere();

    @Rule
    public RuleChain jenkinsThenPlatforms =
            RuleChain.outerRule(r).around(configured).around(other);

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Rule
    public FastScans fast = new FastScans();

    private CodescoringSimulator platform;
    private CodescoringSimulator elsewhere;

    @Before
    public void setUp() throws Exception {
        platform = configured.simulator();
        elsewhere = other.simulator();
        platform.load(Dataset.clean());
    }

    // ---- (a) the token goes to the global URL only ------------------------------------------------

    @Test
    public void aPipelineCannotPointTheStepAtAnotherUrl() throws Exception {
        for (String parameter : List.of("platformUrl", "url")) {
            WorkflowRun run = r.buildAndAssertStatus(
                    Result.FAILURE,
                    pipeline("codescoringScan(" + parameter + ": '" + elsewhere.baseUrl() + "', credentialsId: '"
                            + TestCredentials.GLOBAL_ID + "')"));
            r.assertLogContains(
                    "Unknown parameter(s) found for class type '" + CodescoringScanStep.class.getName() + "': "
                            + parameter,
                    run);
            ScanTestSupport.assertTokenNowhere(run);
        }
        assertEquals("the other server received no request at all", 0, elsewhere.requestCount());
        assertEquals("the step never ran", 0, platform.requestCount());
    }

    @Test
    public void outsideTestsAnUnknownUrlParameterIsIgnoredAndTheTokenStillGoesOnlyToTheGlobalUrl() throws Exception {
        // Jenkins outside tests only warns about unknown step parameters: the step then runs as if it were not there.
        boolean strict = DescribableModel.STRICT_PARAMETER_CHECKING;
        DescribableModel.STRICT_PARAMETER_CHECKING = false;
        try {
            WorkflowRun run = r.buildAndAssertSuccess(pipeline("def r = codescoringScan(url: '" + elsewhere.baseUrl()
                    + "')\n" + "echo \"platform=${r.platformUrl}\""));
            r.assertLogContains(
                    "WARNING: Unknown parameter(s) found for class type '" + CodescoringScanStep.class.getName()
                            + "': url",
                    run);
            r.assertLogContains("platform=" + platform.baseUrl(), run);
            ScanTestSupport.assertTokenNowhere(run);
        } finally {
            DescribableModel.STRICT_PARAMETER_CHECKING = strict;
        }
        assertEquals(0, elsewhere.requestCount());
        assertTrue(platform.requestCount() > 0);
        for (RecordedRequest request : platform.requests()) {
            assertEquals("Token " + TestCredentials.TOKEN, request.header("Authorization"));
        }
    }

    @Test
    public void neitherTheStepNorTheBuilderHasAParameterThatNamesAServer() {
        // "platform" names one of the administrator's platforms, never an address: see NamedPlatformsTest.
        Set<String> expected = Set.of(
                "platform", "credentialsId", "project", "stage", "timeoutMinutes", "onBlocking", "blockOn", "onError");
        assertEquals(expected, parameterNames(CodescoringScanStep.class));
        assertEquals(expected, parameterNames(CodescoringScanBuilder.class));
    }

    @Test
    public void aRedirectOfThePlatformDuringABuildIsNotFollowed() throws Exception {
        platform.inject(Fault.redirect(elsewhere.baseUrl() + "/api/analyses/overall_sca/status/"));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, pipeline("codescoringScan()"));
        r.assertLogContains("REDIRECTED", run);
        r.assertLogContains("The token is not sent to redirect targets", run);
        assertEquals(0, elsewhere.requestCount());
        ScanTestSupport.assertTokenNowhere(run);
    }

    // ---- (b) web methods: complete list, verbs, crumbs, permissions ---------------------------------

    /** One web method of the plugin: who may call it, and whether only by POST. Mirrored in docs/security.md. */
    private static final class WebMethod {
        final Class<?> owner;
        final String name;
        final boolean postOnly;
        final boolean onJob;
        final String descriptorId;
        /** The method's address from Jenkins' root when it is not on a descriptor, else null. */
        final String path;

        WebMethod(Class<?> owner, String name, boolean postOnly, boolean onJob, String descriptorId) {
            this(owner, name, postOnly, onJob, descriptorId, null);
        }

        WebMethod(Class<?> owner, String name, boolean postOnly, boolean onJob, String descriptorId, String path) {
            this.owner = owner;
            this.name = name;
            this.postOnly = postOnly;
            this.onJob = onJob;
            this.descriptorId = descriptorId;
            this.path = path;
        }

        /** e.g. {@code job/x/descriptorByName/io.jenkins.plugins.codescoring.CodescoringScanStep/checkProject} */
        String url(Item job) {
            if (path != null) {
                return path;
            }
            String method = Character.toLowerCase(name.charAt(2)) + name.substring(3);
            return (onJob ? job.getUrl() : "") + "descriptorByName/" + descriptorId + "/" + method;
        }

        @Override
        public String toString() {
            return owner.getSimpleName() + "#" + name;
        }
    }

    private static final List<WebMethod> WEB_METHODS = webMethods();

    private static List<WebMethod> webMethods() {
        List<WebMethod> methods = new ArrayList<>();
        String platform = Platform.class.getName();
        for (String name : List.of(
                "doCheckName",
                "doCheckUrl",
                "doFillCredentialsIdItems",
                "doCheckCredentialsId",
                "doCheckTimeoutMinutes",
                "doCheckMaxPollIntervalSeconds",
                "doFillWebhookCredentialsIdItems",
                "doCheckWebhookCredentialsId",
                "doTestConnection")) {
            methods.add(new WebMethod(Platform.DescriptorImpl.class, name, true, false, platform));
        }
        for (Class<?> owner :
                List.of(CodescoringScanStep.DescriptorImpl.class, CodescoringScanBuilder.DescriptorImpl.class)) {
            String id = owner.getEnclosingClass().getName();
            for (String name : List.of(
                    "doFillCredentialsIdItems",
                    "doCheckCredentialsId",
                    "doCheckProject",
                    "doCheckStage",
                    "doCheckTimeoutMinutes",
                    "doCheckPlatform",
                    "doFillPlatformItems")) {
                methods.add(new WebMethod(owner, name, true, true, id));
            }
            for (String name :
                    List.of("doFillStageItems", "doFillOnBlockingItems", "doFillBlockOnItems", "doFillOnErrorItems")) {
                methods.add(new WebMethod(owner, name, false, true, id)); // constant lists: nothing to protect
            }
        }
        methods.add(
                new WebMethod(CodescoringJobAction.class, "doTrend", false, true, null)); // Item/Read, see TrendTest
        // No login, no crumb, any verb answered (405 but POST): the platform's token is the key, see
        // WebhookEndpointTest.
        methods.add(new WebMethod(CodescoringWebhookEndpoint.class, "doDynamic", false, false, null));
        // Manage Jenkins » CodeScoring: Overall/Administer, see OperationsPageTest.
        methods.add(new WebMethod(OperationsPage.class, "doPollNow", true, false, null, "codescoring/pollNow"));
        return methods;
    }

    @Test
    public void everyWebMethodIsListedWithItsVerb() {
        for (Class<?> owner : List.of(
                CodescoringGlobalConfiguration.class,
                Platform.DescriptorImpl.class,
                CodescoringWebhookEndpoint.class,
                CodescoringScanStep.DescriptorImpl.class,
                CodescoringScanBuilder.DescriptorImpl.class,
                CodescoringJobAction.class,
                CodescoringResultAction.class,
                OperationsPage.class)) {
            Set<String> declared = new TreeSet<>();
            for (Method method : owner.getDeclaredMethods()) {
                boolean web = Modifier.isPublic(method.getModifiers())
                        && method.getName().length() > 2
                        && method.getName().startsWith("do")
                        && Character.isUpperCase(method.getName().charAt(2));
                if (web) {
                    declared.add(method.getName());
                    WebMethod listed = WEB_METHODS.stream()
                            .filter(m -> m.owner == owner && m.name.equals(method.getName()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("a web method nobody classified: " + owner.getName()
                                    + "#" + method.getName() + " (add it here and to docs/security.md)"));
                    assertEquals(listed + " is POST only", listed.postOnly, method.isAnnotationPresent(POST.class));
                }
            }
            Set<String> listed = WEB_METHODS.stream()
                    .filter(m -> m.owner == owner)
                    .map(m -> m.name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(owner.getName(), listed, declared);
        }
    }

    @Test
    public void everyPostOnlyWebMethodRefusesGetAndAPostWithoutACrumb() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        TestUsers.grantMatrix(r, job);
        int checked = 0;
        for (WebMethod method : WEB_METHODS) {
            if (!method.postOnly) {
                continue;
            }
            checked++;
            String url = method.url(job);
            try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
                wc.login("admin");
                Page get = wc.goTo(
                        url + "?value=x&url=" + platform.baseUrl() + "&credentialsId=" + TestCredentials.GLOBAL_ID,
                        null);
                assertNotEquals(method + " by GET", 200, get.getWebResponse().getStatusCode());

                Page withoutCrumb = wc.getPage(post(url));
                assertEquals(
                        method + " without a crumb",
                        403,
                        withoutCrumb.getWebResponse().getStatusCode());

                Page withCrumb = wc.getPage(wc.addCrumb(post(url)));
                assertEquals(
                        method + " by POST with a crumb",
                        200,
                        withCrumb.getWebResponse().getStatusCode());
            }
        }
        assertEquals(24, checked);
        assertEquals("only the one proper Test connection reached the platform", 1, platform.requestCount());
    }

    @Test
    public void jobFormChecksSayNothingToThoseWhoMayNotConfigureTheJob() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        TestUsers.grantMatrix(r, job);
        CodescoringScanStep.DescriptorImpl step =
                r.jenkins.getDescriptorByType(CodescoringScanStep.DescriptorImpl.class);
        CodescoringScanBuilder.DescriptorImpl builder =
                r.jenkins.getDescriptorByType(CodescoringScanBuilder.DescriptorImpl.class);
        List<Callable<FormValidation>> stepChecks = List.of(
                () -> step.doCheckProject(job, "bad\u0001name"),
                () -> step.doCheckStage(job, "nonsense"),
                () -> step.doCheckTimeoutMinutes(job, "0", ""),
                () -> step.doCheckPlatform(job, "no-such-platform"));
        List<Callable<FormValidation>> builderChecks = List.of(
                () -> builder.doCheckProject(job, "bad\u0001name"),
                () -> builder.doCheckStage(job, "nonsense"),
                () -> builder.doCheckTimeoutMinutes(job, "0", ""),
                () -> builder.doCheckPlatform(job, "no-such-platform"));
        for (List<Callable<FormValidation>> checks : List.of(stepChecks, builderChecks)) {
            for (Callable<FormValidation> check : checks) {
                for (String user : new String[] {null, "reader"}) {
                    assertEquals("user " + user, FormValidation.Kind.OK, as(user, check).kind);
                }
                for (String user : new String[] {"configurer", "admin"}) {
                    assertNotEquals("user " + user, FormValidation.Kind.OK, as(user, check).kind);
                }
            }
        }
        for (String user : new String[] {null, "reader"}) {
            assertEquals(
                    "no platform names for " + user,
                    List.of("saved"),
                    values(as(user, () -> step.doFillPlatformItems(job, "saved"))));
            assertEquals("no suggested names for " + user, List.of(), as(user, () -> builder.doFillPlatformItems(job)));
            assertEquals(
                    List.of("", "saved-id"),
                    values(as(user, () -> step.doFillCredentialsIdItems(job, "saved-id", ""))));
            assertEquals(
                    FormValidation.Kind.OK,
                    as(user, () -> step.doCheckCredentialsId(job, TestCredentials.USERPASS_ID, "")).kind);
        }
        assertThat(
                values(as("admin", () -> builder.doFillCredentialsIdItems(job, "", "")))
                        .contains(TestCredentials.GLOBAL_ID),
                is(true));
        assertEquals(
                FormValidation.Kind.ERROR,
                as("admin", () -> builder.doCheckCredentialsId(job, TestCredentials.USERPASS_ID, "")).kind);
    }

    @Test
    public void withoutAJobThePlatformNamesAreForAdministratorsOnly() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        TestUsers.grantMatrix(r, job);
        CodescoringScanStep.DescriptorImpl step =
                r.jenkins.getDescriptorByType(CodescoringScanStep.DescriptorImpl.class);
        CodescoringScanBuilder.DescriptorImpl builder =
                r.jenkins.getDescriptorByType(CodescoringScanBuilder.DescriptorImpl.class);
        String name = TestPlatforms.first().name();
        for (String user :
                new String[] {null, "reader", "configurer"}) { // Overall/Read is not enough, as for credentials
            assertEquals(
                    "no platform names for " + user,
                    List.of("saved"),
                    values(as(user, () -> step.doFillPlatformItems(null, "saved"))));
            assertEquals(
                    "no suggested names for " + user, List.of(), as(user, () -> builder.doFillPlatformItems(null)));
            assertEquals(FormValidation.Kind.OK, as(user, () -> step.doCheckPlatform(null, "no-such-platform")).kind);
            assertThat(
                    as(user, () -> step.doCheckPlatform(null, "no-such-platform"))
                            .renderHtml(),
                    not(containsString(name)));
        }
        assertThat(values(as("admin", () -> step.doFillPlatformItems(null, ""))), hasItem(name));
        assertThat(as("admin", () -> builder.doFillPlatformItems(null)), hasItem(name));
        assertEquals(FormValidation.Kind.ERROR, as("admin", () -> step.doCheckPlatform(null, "no-such-platform")).kind);
        assertThat(
                "the job's configurers still see them",
                values(as("configurer", () -> step.doFillPlatformItems(job, ""))),
                hasItem(name));
    }

    @Test
    public void theGlobalPollIntervalCheckIsForAdministratorsOnly() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        TestUsers.grantMatrix(r, job);
        Platform.DescriptorImpl global = TestPlatforms.descriptor();
        for (String user : new String[] {null, "reader", "configurer"}) {
            assertEquals(
                    "user " + user,
                    FormValidation.Kind.OK,
                    as(user, () -> global.doCheckMaxPollIntervalSeconds("601")).kind);
        }
        assertEquals(FormValidation.Kind.ERROR, as("admin", () -> global.doCheckMaxPollIntervalSeconds("601")).kind);
    }

    @Test
    public void constantSelectBoxesNeedNoPermissionAndHoldOnlyTheirConstants() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("job");
        TestUsers.grantMatrix(r, job);
        CodescoringScanStep.DescriptorImpl step =
                r.jenkins.getDescriptorByType(CodescoringScanStep.DescriptorImpl.class);
        List<String> stages = values(as(null, () -> step.doFillStageItems("")));
        assertEquals(List.of("", "dev", "source", "build", "stage", "test", "prod", "proxy"), stages);
        List<String> findings = values(as(null, () -> step.doFillOnBlockingItems("")));
        assertEquals(findings, values(as(null, () -> step.doFillOnErrorItems(""))));
        for (String value : findings) {
            assertEquals(value, value.toUpperCase(Locale.ROOT));
        }
    }

    // ---- (c) what the platform sends is escaped ------------------------------------------------------

    @Test
    public void platformTextsAreShownEscapedNotDroppedOnEveryPage() throws Exception {
        platform.load(Dataset.builder("nasty")
                .policy(1, "<img src=x onerror=alert(1)> Policy", "critical", true, true)
                .project(1, "shop</td><b>")
                .alert(Dataset.alert(1, 1)
                        .dependency("pkg:npm/<script>alert(2)</script>@1.0.0")
                        .vulnerability("<i>CVE</i>")
                        .criteria("\"><svg onload=alert(3)>"))
                .build());
        WorkflowJob job = pipeline("codescoringScan project: 'shop</td><b>', onBlocking: 'UNSTABLE'");
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        PlatformTextOnPage.assertShownAsTextOnly(
                wc.getPage(run), "<img src=x onerror=alert(1)> Policy", "pkg:npm/<script>alert(2)</script>@1.0.0");
        PlatformTextOnPage.assertShownAsTextOnly(
                wc.getPage(run, "codescoring-1"),
                "pkg:npm/<script>alert(2)</script>@1.0.0",
                "\"><svg onload=alert(3)>",
                "<i>CVE</i>",
                "shop</td><b>");
        PlatformTextOnPage.assertShownAsTextOnly(wc.getPage(job), "shop</td><b>");
    }

    @Test
    public void platformErrorTextsAreShownEscaped() throws Exception {
        platform.inject(Fault.status(500, "{\"detail\": \"<script>alert(4)</script> went wrong\"}")
                .times(100));
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new CodescoringScanBuilder());
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        JenkinsRule.WebClient wc = r.createWebClient().withJavaScriptEnabled(false);
        for (HtmlPage page : List.<HtmlPage>of(wc.getPage(build), wc.getPage(build, "codescoring-1"))) {
            assertThat(page.getDocumentElement().getTextContent(), containsString("SERVER_ERROR"));
            PlatformTextOnPage.assertShownAsTextOnly(page, "<script>alert(4)</script> went wrong");
        }
    }

    // ---- (d) credentials -------------------------------------------------------------------------------

    @Test
    public void aJobInFolderACannotUseACredentialStoredInFolderB() throws Exception {
        Folder a = r.jenkins.createProject(Folder.class, "team-a");
        Folder b = r.jenkins.createProject(Folder.class, "team-b");
        TestCredentials.addToFolder(b, TestCredentials.secretText(CredentialsScope.GLOBAL, "b-token", FOLDER_B_TOKEN));
        WorkflowJob inA = a.createProject(WorkflowJob.class, "build-a");
        inA.setDefinition(new CpsFlowDefinition("codescoringScan credentialsId: 'b-token'", true));
        WorkflowJob inB = b.createProject(WorkflowJob.class, "build-b");
        inB.setDefinition(new CpsFlowDefinition("codescoringScan credentialsId: 'b-token'", true));

        WorkflowRun runInA = r.buildAndAssertStatus(Result.FAILURE, inA);
        r.assertLogContains("BAD_CONFIGURATION", runInA);
        r.assertLogContains("No secret text credential with ID 'b-token' is available to this job", runInA);
        r.assertLogNotContains(FOLDER_B_TOKEN, runInA);
        assertEquals("nothing was sent for the job in A", 0, platform.requestCount());

        // The same step in B finds it (the simulator then refuses it: it knows only the global token).
        WorkflowRun runInB = r.buildAndAssertStatus(Result.FAILURE, inB);
        r.assertLogContains("TOKEN_REJECTED", runInB);
        r.assertLogNotContains(FOLDER_B_TOKEN, runInB);
        assertEquals("Token " + FOLDER_B_TOKEN, platform.requests().get(0).header("Authorization"));

        // Nor is it offered or accepted in the forms of the job in A, even to an administrator.
        List<String> offered = values(CredentialsListing.fillForItem(inA, "", null));
        assertFalse(offered.toString(), offered.contains("b-token"));
        assertEquals(FormValidation.Kind.ERROR, CredentialsListing.checkForItem(inA, "b-token", null).kind);
        assertTrue(values(CredentialsListing.fillForItem(inB, "", null)).contains("b-token"));
    }

    @Test
    public void aCredentialOfTheWrongTypeIsAClearErrorAndNothingIsSent() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(
                Result.FAILURE, pipeline("codescoringScan credentialsId: '" + TestCredentials.USERPASS_ID + "'"));
        r.assertLogContains("BAD_CONFIGURATION", run);
        r.assertLogContains(
                "The credential with ID '" + TestCredentials.USERPASS_ID + "' is of type Username with password,"
                        + " not Secret text",
                run);
        r.assertLogNotContains("password-123", run);
        assertEquals(0, platform.requestCount());

        FreeStyleProject project = r.createFreeStyleProject();
        CodescoringScanBuilder builder = new CodescoringScanBuilder();
        builder.setCredentialsId(TestCredentials.USERPASS_ID);
        project.getBuildersList().add(builder);
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("not Secret text", build);
        assertEquals(0, platform.requestCount());
    }

    @Test
    public void aSystemScopedCredentialIsNotForBuilds() throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(
                Result.FAILURE, pipeline("codescoringScan credentialsId: '" + TestCredentials.SYSTEM_ID + "'"));
        r.assertLogContains("BAD_CONFIGURATION", run);
        r.assertLogContains(TestCredentials.SYSTEM_ID, run);
        assertEquals(0, platform.requestCount());
    }

    // ---- support -----------------------------------------------------------------------------------

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static Set<String> parameterNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (DescribableParameter parameter : DescribableModel.of(type).getParameters()) {
            names.add(parameter.getName());
        }
        return names;
    }

    private WebRequest post(String relative) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), relative), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new NameValuePair("value", "x"),
                new NameValuePair("url", platform.baseUrl()),
                new NameValuePair("credentialsId", TestCredentials.GLOBAL_ID)));
        return request;
    }
}
