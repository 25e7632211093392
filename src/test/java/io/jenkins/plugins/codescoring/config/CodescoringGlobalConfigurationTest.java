package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

public class CodescoringGlobalConfigurationTest {

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Test
    public void defaults() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertThat(config.getPlatformUrl(), nullValue());
        assertThat(config.getCredentialsId(), nullValue());
        assertEquals(60, config.getTimeoutMinutes());
        assertEquals(30, config.getMaxPollIntervalSeconds());
    }

    @Test
    public void configRoundtripKeepsEveryValue() throws Exception {
        TestCredentials.addGlobal();
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        config.setPlatformUrl("https://codescoring.example.com");
        config.setCredentialsId(TestCredentials.GLOBAL_ID);
        config.setTimeoutMinutes(90);
        config.setMaxPollIntervalSeconds(45);

        r.configRoundtrip();

        assertEquals("https://codescoring.example.com", config.getPlatformUrl());
        assertEquals(TestCredentials.GLOBAL_ID, config.getCredentialsId());
        assertEquals(90, config.getTimeoutMinutes());
        assertEquals(45, config.getMaxPollIntervalSeconds());
    }

    @Test
    public void formSavesTheNormalisedUrl() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            form.getInputByName("_.platformUrl").setValue("  https://CodeScoring.Example.com/api/  ");
            form.getInputByName("_.timeoutMinutes").setValue("120");
            r.submit(form);
        }
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertEquals("https://codescoring.example.com", config.getPlatformUrl());
        assertEquals(120, config.getTimeoutMinutes());
    }

    @Test
    public void formRejectsAnInvalidUrlAndChangesNothing() throws Exception {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        config.setPlatformUrl("https://codescoring.example.com");
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            form.getInputByName("_.platformUrl").setValue("ftp://codescoring.example.com");
            form.getInputByName("_.timeoutMinutes").setValue("5");
            HtmlPage result = r.submit(form);
            assertThat(result.getWebResponse().getStatusCode(), not(is(200)));
            assertThat(result.getWebResponse().getContentAsString(), containsString("ftp:"));
        }
        assertEquals("https://codescoring.example.com", config.getPlatformUrl());
        assertEquals(60, config.getTimeoutMinutes());
    }

    @Test
    public void settersValidate() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertThrows(IllegalArgumentException.class, () -> config.setPlatformUrl("ftp://codescoring.example.com"));
        assertThrows(IllegalArgumentException.class, () -> config.setPlatformUrl("https://user:secret@codescoring.example.com"));
        assertThrows(IllegalArgumentException.class, () -> config.setTimeoutMinutes(0));
        assertThrows(IllegalArgumentException.class, () -> config.setTimeoutMinutes(1441));
        assertThrows(IllegalArgumentException.class, () -> config.setMaxPollIntervalSeconds(4));
        assertThrows(IllegalArgumentException.class, () -> config.setMaxPollIntervalSeconds(601));
        config.setPlatformUrl("http://localhost:8081/");
        assertEquals("http://localhost:8081", config.getPlatformUrl());
        config.setPlatformUrl("   ");
        assertThat(config.getPlatformUrl(), nullValue());
        config.setCredentialsId("  ");
        assertThat(config.getCredentialsId(), nullValue());
    }

    @Test
    public void savedAndLoadedWithoutTheToken() throws Exception {
        TestCredentials.addGlobal();
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        config.setPlatformUrl("https://codescoring.example.com");
        config.setCredentialsId(TestCredentials.GLOBAL_ID);
        config.setTimeoutMinutes(15);

        File file = new File(r.jenkins.getRootDir(), CodescoringGlobalConfiguration.class.getName() + ".xml");
        String xml = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        assertThat(xml, containsString(TestCredentials.GLOBAL_ID));
        assertThat(xml, not(containsString(TestCredentials.TOKEN)));

        CodescoringGlobalConfiguration loaded = new CodescoringGlobalConfiguration(); // load() reads the file
        assertEquals("https://codescoring.example.com", loaded.getPlatformUrl());
        assertEquals(TestCredentials.GLOBAL_ID, loaded.getCredentialsId());
        assertEquals(15, loaded.getTimeoutMinutes());
        assertEquals(30, loaded.getMaxPollIntervalSeconds());
    }

    @Test
    public void credentialChoicesAreGlobalSecretTextOnly() throws Exception {
        TestCredentials.addGlobal();
        ListBoxModel model = CodescoringGlobalConfiguration.get().doFillCredentialsIdItems("", "");
        String values = model.stream().map(o -> o.value).collect(Collectors.joining(","));
        assertEquals("," + TestCredentials.GLOBAL_ID, values);
    }

    @Test
    public void urlCheck() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.WARNING, config.doCheckPlatformUrl("").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckPlatformUrl("ftp://codescoring.example.com").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckPlatformUrl("https://codescoring.example.com/?q=1").kind);
        assertEquals(FormValidation.Kind.WARNING, config.doCheckPlatformUrl("http://codescoring.example.com").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckPlatformUrl("http://localhost:8081").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckPlatformUrl("https://codescoring.example.com").kind);
        FormValidation normalised = config.doCheckPlatformUrl("https://codescoring.example.com/api/");
        assertEquals(FormValidation.Kind.OK, normalised.kind);
        assertThat(normalised.getMessage(), containsString("https://codescoring.example.com"));
    }

    @Test
    public void credentialCheck() throws Exception {
        TestCredentials.addGlobal();
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.OK, config.doCheckCredentialsId(TestCredentials.GLOBAL_ID, null).kind);
        assertEquals(FormValidation.Kind.WARNING, config.doCheckCredentialsId("", null).kind);

        FormValidation system = config.doCheckCredentialsId(TestCredentials.SYSTEM_ID, null);
        assertEquals(FormValidation.Kind.ERROR, system.kind);
        assertThat(system.getMessage(), containsString("System"));

        FormValidation wrongType = config.doCheckCredentialsId(TestCredentials.USERPASS_ID, null);
        assertEquals(FormValidation.Kind.ERROR, wrongType.kind);
        assertThat(wrongType.getMessage(), containsString(TestCredentials.USERPASS_ID));
        assertThat(wrongType.getMessage(), containsString("Secret text"));

        FormValidation missing = config.doCheckCredentialsId("no-such-credential", null);
        assertEquals(FormValidation.Kind.ERROR, missing.kind);
        assertThat(missing.getMessage(), containsString("no-such-credential"));
    }

    @Test
    public void theDefaultCredentialIsCheckedInTheDomainsOfThePlatformUrl() throws Exception {
        com.cloudbees.plugins.credentials.domains.Domain otherHost = new com.cloudbees.plugins.credentials.domains.Domain(
                "other-host", "only for other.example.com",
                java.util.List.of(new com.cloudbees.plugins.credentials.domains.HostnameSpecification("other.example.com", null)));
        com.cloudbees.plugins.credentials.CredentialsProvider.lookupStores(r.jenkins).iterator().next().addDomain(otherHost, // the system store: the only store of the root
               
                java.util.List.of(TestCredentials.secretText(com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL, "scoped-token",
                        TestCredentials.TOKEN)));
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();

        assertEquals(FormValidation.Kind.OK, config.doCheckCredentialsId("scoped-token", "https://other.example.com").kind);
        // Scans look the credential up in the platform URL's domains: one restricted to another host is not found.
        assertEquals(FormValidation.Kind.ERROR, config.doCheckCredentialsId("scoped-token", "https://codescoring.example.com").kind);
    }

    @Test
    public void numberChecks() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.OK, config.doCheckTimeoutMinutes("60").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckTimeoutMinutes("0").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckTimeoutMinutes("abc").kind);
        assertEquals(FormValidation.Kind.OK, config.doCheckMaxPollIntervalSeconds("5").kind);
        assertEquals(FormValidation.Kind.ERROR, config.doCheckMaxPollIntervalSeconds("601").kind);
    }
}
