package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
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
        assertEquals(List.of(), config.getPlatforms());
        assertThat(config.platform(null), nullValue());
        Platform platform = new Platform("https://codescoring.example.com");
        assertEquals("codescoring.example.com", platform.name());
        assertThat(platform.getName(), nullValue());
        assertThat(platform.getCredentialsId(), nullValue());
        assertThat(platform.getWebhookCredentialsId(), nullValue());
        assertEquals(60, platform.getTimeoutMinutes());
        assertEquals(30, platform.getMaxPollIntervalSeconds());
    }

    @Test
    public void configRoundtripKeepsEveryValueOfEveryPlatform() throws Exception {
        TestCredentials.addGlobal();
        Platform production = TestPlatforms.configure("https://codescoring.example.com", TestCredentials.GLOBAL_ID);
        production.setTimeoutMinutes(90);
        production.setMaxPollIntervalSeconds(45);
        production.setWebhookCredentialsId(TestCredentials.SYSTEM_ID);
        TestPlatforms.add("test", "https://codescoring-test.example.com", null);

        r.configRoundtrip();

        List<Platform> platforms = CodescoringGlobalConfiguration.get().getPlatforms();
        assertEquals(2, platforms.size());
        Platform first = platforms.get(0);
        assertEquals("https://codescoring.example.com", first.getUrl());
        assertEquals("codescoring.example.com", first.name());
        assertThat(first.getName(), nullValue());
        assertEquals(TestCredentials.GLOBAL_ID, first.getCredentialsId());
        assertEquals(90, first.getTimeoutMinutes());
        assertEquals(45, first.getMaxPollIntervalSeconds());
        assertEquals(TestCredentials.SYSTEM_ID, first.getWebhookCredentialsId());
        Platform second = platforms.get(1);
        assertEquals("test", second.name());
        assertEquals("https://codescoring-test.example.com", second.getUrl());
        assertThat(second.getCredentialsId(), nullValue());
    }

    @Test
    public void formSavesTheNormalisedUrl() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            platformInput(form, "url").setValue("  https://CodeScoring.Example.com/api/  ");
            platformInput(form, "timeoutMinutes").setValue("120");
            r.submit(form);
        }
        Platform platform = CodescoringGlobalConfiguration.get().platform(null);
        assertEquals("https://codescoring.example.com", platform.getUrl());
        assertEquals(120, platform.getTimeoutMinutes());
    }

    @Test
    public void formRejectsAnInvalidUrlAndChangesNothing() throws Exception {
        TestPlatforms.configure("https://codescoring.example.com", null);
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            platformInput(form, "url").setValue("ftp://codescoring.example.com");
            platformInput(form, "timeoutMinutes").setValue("5");
            HtmlPage result = r.submit(form);
            assertThat(result.getWebResponse().getStatusCode(), not(is(200)));
            assertThat(result.getWebResponse().getContentAsString(), containsString("ftp:"));
        }
        Platform platform = CodescoringGlobalConfiguration.get().platform(null);
        assertEquals("https://codescoring.example.com", platform.getUrl());
        assertEquals(60, platform.getTimeoutMinutes());
    }

    @Test
    public void formRejectsAnInvalidNameAndChangesNothing() throws Exception {
        TestPlatforms.configure("https://codescoring.example.com", null);
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            platformInput(form, "name").setValue("prod/../x");
            HtmlPage result = r.submit(form);
            assertThat(result.getWebResponse().getStatusCode(), not(is(200)));
            assertThat(result.getWebResponse().getContentAsString(), containsString("cannot be a platform name"));
        }
        assertEquals(
                "codescoring.example.com",
                CodescoringGlobalConfiguration.get().platform(null).name());
    }

    @Test
    public void anUntouchedPlatformFormSavesAsNoPlatform() throws Exception {
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlForm form = wc.goTo("configure").getFormByName("config");
            assertEquals("", platformInput(form, "url").getValue());
            r.submit(form);
        }
        assertEquals(List.of(), CodescoringGlobalConfiguration.get().getPlatforms());
    }

    /** The field of the first platform, by its check: Jenkins' own sections have inputs of the same names (Jenkins URL: _.url). */
    private static HtmlInput platformInput(HtmlForm form, String field) {
        HtmlInput input = form.getFirstByXPath(
                "//input[@name='_." + field + "' and contains(@checkUrl, '" + Platform.class.getName() + "/check')]");
        if (input == null) {
            throw new AssertionError("no platform field " + field);
        }
        return input;
    }

    @Test
    public void settersValidate() {
        assertThrows(IllegalArgumentException.class, () -> new Platform("ftp://codescoring.example.com"));
        assertThrows(IllegalArgumentException.class, () -> new Platform("https://user:secret@codescoring.example.com"));
        assertThrows(IllegalArgumentException.class, () -> new Platform("  "));
        Platform platform = new Platform("http://localhost:8081/");
        assertEquals("http://localhost:8081", platform.getUrl());
        assertEquals("localhost", platform.name());
        assertThrows(IllegalArgumentException.class, () -> platform.setTimeoutMinutes(0));
        assertThrows(IllegalArgumentException.class, () -> platform.setTimeoutMinutes(1441));
        assertThrows(IllegalArgumentException.class, () -> platform.setMaxPollIntervalSeconds(4));
        assertThrows(IllegalArgumentException.class, () -> platform.setMaxPollIntervalSeconds(601));
        for (String bad : new String[] {"a b", "a/b", "../x", "-x", "ü", "x".repeat(65), "a?b"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> platform.setName(bad));
        }
        platform.setName(" prod-2.eu_1 ");
        assertEquals("prod-2.eu_1", platform.name());
        platform.setName("  ");
        assertEquals("localhost", platform.name());
        platform.setCredentialsId("  ");
        assertThat(platform.getCredentialsId(), nullValue());
    }

    @Test
    public void namesAreUniqueAndTheFirstPlatformIsTheDefault() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        Platform production = TestPlatforms.configure("https://codescoring.example.com", null);
        Platform test = TestPlatforms.add("test", "https://codescoring-test.example.com", null);
        assertSame(production, config.platform(null));
        assertSame(production, config.platform(" "));
        assertSame(production, config.platform("codescoring.example.com"));
        assertSame(test, config.platform("test"));
        // One rule for case: names are unique regardless of case, and matched so.
        assertSame(test, config.platform("TEST"));
        assertSame(test, config.platformForWebhook("Test"));
        assertThat("a webhook address names a platform as it is", config.platformForWebhook(" test"), nullValue());
        assertThat(config.platformForWebhook(""), nullValue());
        assertThat("no default for a webhook", config.platformForWebhook(null), nullValue());
        assertThat(config.platform("https://codescoring-test.example.com"), nullValue());
        assertEquals(List.of("codescoring.example.com", "test"), config.platformNames());

        IllegalArgumentException duplicate = assertThrows(
                IllegalArgumentException.class, () -> TestPlatforms.add("Test", "https://other.example.com", null));
        assertThat(duplicate.getMessage(), containsString("Test"));
        // A platform without a name is named by its host, and that name counts too.
        assertThrows(
                IllegalArgumentException.class,
                () -> config.setPlatforms(List.of(
                        new Platform("https://codescoring.example.com"),
                        new Platform("https://codescoring.example.com:8443"))));
        assertEquals(2, config.getPlatforms().size());
    }

    @Test
    public void savedAndLoadedWithoutTheToken() throws Exception {
        TestCredentials.addGlobal();
        Platform platform = TestPlatforms.configure("https://codescoring.example.com", TestCredentials.GLOBAL_ID);
        platform.setTimeoutMinutes(15);
        platform.setName("prod");
        TestPlatforms.save();

        File file = new File(r.jenkins.getRootDir(), CodescoringGlobalConfiguration.class.getName() + ".xml");
        String xml = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        assertThat(xml, containsString(TestCredentials.GLOBAL_ID));
        assertThat(xml, not(containsString(TestCredentials.TOKEN)));

        CodescoringGlobalConfiguration loaded = new CodescoringGlobalConfiguration(); // load() reads the file
        Platform read = loaded.platform("prod");
        assertEquals("https://codescoring.example.com", read.getUrl());
        assertEquals(TestCredentials.GLOBAL_ID, read.getCredentialsId());
        assertEquals(15, read.getTimeoutMinutes());
        assertEquals(30, read.getMaxPollIntervalSeconds());
    }

    @Test
    public void credentialChoicesAreGlobalSecretTextOnly() throws Exception {
        TestCredentials.addGlobal();
        ListBoxModel model = TestPlatforms.descriptor().doFillCredentialsIdItems("", "");
        String values = model.stream().map(o -> o.value).collect(Collectors.joining(","));
        assertEquals("," + TestCredentials.GLOBAL_ID, values);
    }

    @Test
    public void webhookTokenChoicesAreSecretTextOfAnyScope() throws Exception {
        TestCredentials.addGlobal();
        ListBoxModel model = TestPlatforms.descriptor().doFillWebhookCredentialsIdItems("");
        List<String> values = model.stream().map(o -> o.value).collect(Collectors.toList());
        assertEquals(
                List.of("", TestCredentials.GLOBAL_ID, TestCredentials.SYSTEM_ID)
                        .size(),
                values.size());
        assertThat(values.contains(TestCredentials.SYSTEM_ID), is(true));
        assertThat(values.contains(TestCredentials.USERPASS_ID), is(false));
        Platform.DescriptorImpl descriptor = TestPlatforms.descriptor();
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckWebhookCredentialsId(TestCredentials.SYSTEM_ID).kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckWebhookCredentialsId("").kind);
        assertEquals(
                FormValidation.Kind.ERROR, descriptor.doCheckWebhookCredentialsId(TestCredentials.USERPASS_ID).kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckWebhookCredentialsId("no-such-credential").kind);
    }

    @Test
    public void urlAndNameChecks() {
        Platform.DescriptorImpl descriptor = TestPlatforms.descriptor();
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckUrl("").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckUrl("ftp://codescoring.example.com").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckUrl("https://codescoring.example.com/?q=1").kind);
        assertEquals(FormValidation.Kind.WARNING, descriptor.doCheckUrl("http://codescoring.example.com").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUrl("http://localhost:8081").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUrl("https://codescoring.example.com").kind);
        FormValidation normalised = descriptor.doCheckUrl("https://codescoring.example.com/api/");
        assertEquals(FormValidation.Kind.OK, normalised.kind);
        assertThat(normalised.getMessage(), containsString("https://codescoring.example.com"));

        FormValidation byHost = descriptor.doCheckName("", "https://codescoring.example.com");
        assertEquals(FormValidation.Kind.OK, byHost.kind);
        assertThat(byHost.getMessage(), containsString("codescoring.example.com"));
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckName("prod", "").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckName("prod/x", "").kind);
    }

    @Test
    public void credentialCheck() throws Exception {
        TestCredentials.addGlobal();
        Platform.DescriptorImpl descriptor = TestPlatforms.descriptor();
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckCredentialsId(TestCredentials.GLOBAL_ID, null).kind);
        assertEquals(FormValidation.Kind.WARNING, descriptor.doCheckCredentialsId("", null).kind);

        FormValidation system = descriptor.doCheckCredentialsId(TestCredentials.SYSTEM_ID, null);
        assertEquals(FormValidation.Kind.ERROR, system.kind);
        assertThat(system.getMessage(), containsString("System"));

        FormValidation wrongType = descriptor.doCheckCredentialsId(TestCredentials.USERPASS_ID, null);
        assertEquals(FormValidation.Kind.ERROR, wrongType.kind);
        assertThat(wrongType.getMessage(), containsString(TestCredentials.USERPASS_ID));
        assertThat(wrongType.getMessage(), containsString("Secret text"));

        FormValidation missing = descriptor.doCheckCredentialsId("no-such-credential", null);
        assertEquals(FormValidation.Kind.ERROR, missing.kind);
        assertThat(missing.getMessage(), containsString("no-such-credential"));
    }

    @Test
    public void theDefaultCredentialIsCheckedInTheDomainsOfThePlatformUrl() throws Exception {
        com.cloudbees.plugins.credentials.domains.Domain otherHost =
                new com.cloudbees.plugins.credentials.domains.Domain(
                        "other-host",
                        "only for other.example.com",
                        List.of(new com.cloudbees.plugins.credentials.domains.HostnameSpecification(
                                "other.example.com", null)));
        com.cloudbees.plugins.credentials.CredentialsProvider.lookupStores(r.jenkins)
                .iterator()
                .next()
                .addDomain(
                        otherHost,
                        List.of(TestCredentials.secretText(
                                com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL,
                                "scoped-token",
                                TestCredentials.TOKEN)));
        Platform.DescriptorImpl descriptor = TestPlatforms.descriptor();

        assertEquals(
                FormValidation.Kind.OK,
                descriptor.doCheckCredentialsId("scoped-token", "https://other.example.com").kind);
        // Scans look the credential up in the platform URL's domains: one restricted to another host is not found.
        assertEquals(
                FormValidation.Kind.ERROR,
                descriptor.doCheckCredentialsId("scoped-token", "https://codescoring.example.com").kind);
    }

    @Test
    public void numberChecks() {
        Platform.DescriptorImpl descriptor = TestPlatforms.descriptor();
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckTimeoutMinutes("60").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckTimeoutMinutes("0").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckTimeoutMinutes("abc").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckMaxPollIntervalSeconds("5").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckMaxPollIntervalSeconds("601").kind);
    }

    @Test
    public void theWebhookAddressFollowsTheName() throws Exception {
        Platform platform = TestPlatforms.configure("https://codescoring.example.com", null);
        platform.setName("prod");
        assertEquals(r.getURL() + "codescoring-webhook/prod", platform.getWebhookUrl());
        assertThat(platform.getLastWebhookAt(), nullValue());
    }

    @Test
    public void theWebhookAddressComesFromJenkinsLocationOnlyNeverFromTheBrowsersHost() throws Exception {
        TestPlatforms.configure("https://codescoring.example.com", null).setName("prod");
        TestPlatforms.save();
        jenkins.model.JenkinsLocationConfiguration location = jenkins.model.JenkinsLocationConfiguration.get();
        location.setUrl("https://jenkins.example.org/ci");
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            String page = wc.goTo("configure").getWebResponse().getContentAsString();
            assertThat(page, containsString("https://jenkins.example.org/ci/codescoring-webhook/prod"));
            assertThat("not the host the browser used", page, not(containsString(r.getURL() + "codescoring-webhook/")));
        }
        location.setUrl(null);
        assertThat(TestPlatforms.first().getWebhookUrl(), nullValue());
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            String page = wc.goTo("configure").getWebResponse().getContentAsString();
            assertThat(page, containsString("Set the Jenkins URL first"));
            assertThat(page, not(containsString("codescoring-webhook/prod")));
        }
    }
}
