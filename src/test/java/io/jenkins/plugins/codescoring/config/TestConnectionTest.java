package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.FormValidation;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Fault;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The Test connection button, over HTTP as the browser calls it, against the CodeScoring simulator. */
public class TestConnectionTest {
    private static final String DESCRIPTOR_PATH = "descriptorByName/" + Platform.class.getName() + "/testConnection";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private CodescoringSimulator simulator;

    @Before
    public void setUp() throws Exception {
        simulator = CodescoringSimulator.start(TestCredentials.TOKEN);
        TestCredentials.addGlobal();
        TestCredentials.addToRoot(
                TestCredentials.secretText(CredentialsScope.GLOBAL, "wrong-token", "not-the-token-42"));
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    @After
    public void tearDown() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    public void goodTokenConnects() throws Exception {
        String answer = post("admin", simulator.baseUrl(), TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"ok\">"));
        assertThat(answer, containsString(simulator.baseUrl()));
        assertEquals(1, simulator.requestCount());
        assertThat(simulator.requests().get(0).path(), is("/api/policies/"));
    }

    @Test
    public void urlIsNormalisedBeforeTheCall() throws Exception {
        String answer = post("admin", simulator.baseUrl() + "/api/", TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"ok\">"));
    }

    @Test
    public void wrongTokenIsNamed() throws Exception {
        String answer = post("admin", simulator.baseUrl(), "wrong-token");
        assertThat(answer, startsWith("<div class=\"error\">"));
        assertThat(answer, allOf(containsString("token"), containsString("wrong-token")));
        assertThat(answer, not(containsString("not-the-token-42")));
    }

    @Test
    public void wrongPathIsNotCodescoring() throws Exception {
        String answer = post("admin", simulator.baseUrl() + "/not-codescoring", TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"error\">"));
        assertThat(answer, containsString("No CodeScoring API answers"));
    }

    @Test
    public void redirectNamesTheTargetAndIsNotFollowed() throws Exception {
        simulator.inject(Fault.redirect("https://elsewhere.example.com/login/"));
        String answer = post("admin", simulator.baseUrl(), TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"error\">"));
        assertThat(answer, containsString("https://elsewhere.example.com/login/"));
        assertEquals(1, simulator.requestCount());
    }

    @Test
    public void answerBodiesAreNeverEchoed() throws Exception {
        simulator.inject(Fault.status(500, "{\"detail\": \"<script>alert(1)</script> INTERNAL-DETAIL\"}"));
        String answer = post("admin", simulator.baseUrl(), TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"error\">"));
        assertThat(answer, containsString("server error"));
        assertThat(answer, not(containsString("INTERNAL-DETAIL")));
        assertThat(answer, not(containsString("<script>")));
    }

    @Test
    public void unreachablePlatform() throws Exception {
        String url = simulator.baseUrl();
        simulator.close();
        String answer = post("admin", url, TestCredentials.GLOBAL_ID);
        assertThat(answer, startsWith("<div class=\"error\">"));
        assertThat(answer, containsString("Could not connect"));
    }

    @Test
    public void credentialProblemsNeedNoCall() throws Exception {
        assertThat(post("admin", simulator.baseUrl(), TestCredentials.USERPASS_ID), containsString("Secret text"));
        assertThat(post("admin", simulator.baseUrl(), "no-such-credential"), containsString("no-such-credential"));
        assertThat(post("admin", simulator.baseUrl(), ""), startsWith("<div class=\"error\">"));
        assertThat(
                post("admin", "ftp://codescoring.example.com", TestCredentials.GLOBAL_ID),
                startsWith("<div class=\"error\">"));
        assertEquals(0, simulator.requestCount());
    }

    @Test
    public void systemScopeWorksButWarns() throws Exception {
        String answer = post("admin", simulator.baseUrl(), TestCredentials.SYSTEM_ID);
        assertThat(answer, startsWith("<div class=\"warning\">"));
        assertThat(answer, containsString("System"));
    }

    @Test
    public void getIsRefused() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login("admin");
            Page page = wc.goTo(
                    DESCRIPTOR_PATH + "?url=" + encode(simulator.baseUrl()) + "&credentialsId="
                            + TestCredentials.GLOBAL_ID,
                    null);
            assertThat(page.getWebResponse().getStatusCode(), not(is(200)));
        }
        assertEquals(0, simulator.requestCount());
    }

    @Test
    public void onlyAdministratorsMayTest() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            wc.login("reader");
            Page page = wc.getPage(request(wc, simulator.baseUrl(), TestCredentials.GLOBAL_ID));
            assertEquals(403, page.getWebResponse().getStatusCode());
        }
        try (JenkinsRule.WebClient wc = r.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            // Anonymous has not even Overall/Read: Jenkins answers with its login prompt.
            Page page = wc.getPage(request(wc, simulator.baseUrl(), TestCredentials.GLOBAL_ID));
            assertThat(page.getWebResponse().getContentAsString(), not(containsString("<div class=\"ok\">")));
        }
        assertEquals(0, simulator.requestCount());
    }

    @Test
    public void describeCoversEveryKindWithoutTheMessage() {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind == ErrorKind.BAD_CONFIGURATION) {
                continue;
            }
            String text = ConnectionTest.describe(
                    new CodescoringException(kind, "BODY-TEXT from the platform"), "https://cs.example.com", "the-id");
            assertThat(kind.name(), text, not(containsString("BODY-TEXT")));
            assertThat(kind.name(), FormValidation.error(text).renderHtml(), containsString("https://cs.example.com"));
        }
    }

    private String post(String user, String platformUrl, String credentialsId) throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.login(user);
            Page page = wc.getPage(request(wc, platformUrl, credentialsId));
            assertEquals(200, page.getWebResponse().getStatusCode());
            return page.getWebResponse().getContentAsString();
        }
    }

    private WebRequest request(JenkinsRule.WebClient wc, String platformUrl, String credentialsId) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), DESCRIPTOR_PATH), HttpMethod.POST);
        request.setRequestParameters(
                List.of(new NameValuePair("url", platformUrl), new NameValuePair("credentialsId", credentialsId)));
        return wc.addCrumb(request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
