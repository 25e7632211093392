package io.jenkins.plugins.codescoring.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.codescoring.TestCredentials;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.Rule;
import org.junit.Test;

public class ConfigurationAsCodeTest {

    @Rule
    public JenkinsConfiguredWithCodeRule r = new JenkinsConfiguredWithCodeRule();

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void importsTheConfiguration() {
        CodescoringGlobalConfiguration config = CodescoringGlobalConfiguration.get();
        assertEquals(2, config.getPlatforms().size());
        Platform production = config.platform(null);
        assertEquals("codescoring.example.com", production.name());
        assertEquals("https://codescoring.example.com", production.getUrl());
        assertEquals("codescoring-token", production.getCredentialsId());
        assertEquals(90, production.getTimeoutMinutes());
        assertEquals(20, production.getMaxPollIntervalSeconds());
        assertEquals("codescoring-webhook", production.getWebhookCredentialsId());
        Platform test = config.platform("test");
        assertEquals("https://codescoring-test.example.com", test.getUrl());
        assertEquals(null, test.getCredentialsId());
        assertEquals(60, test.getTimeoutMinutes());

        StringCredentials token = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class, r.jenkins, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId("codescoring-token"));
        assertThat(token.getSecret().getPlainText(), is(TestCredentials.TOKEN));
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    public void exportsTheConfiguration() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("codescoring");
        assertThat(toYamlString(node), is(toStringFromYamlFile(this, "expected-export.yaml")));
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-invalid-url.yaml", expected = ConfiguratorException.class)
    public void rejectsAnInvalidUrl() {
        assertEquals(List.of(), CodescoringGlobalConfiguration.get().getPlatforms());
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-invalid-timeout.yaml", expected = ConfiguratorException.class)
    public void rejectsAnInvalidTimeout() {
        assertEquals(List.of(), CodescoringGlobalConfiguration.get().getPlatforms());
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-invalid-name.yaml", expected = ConfiguratorException.class)
    public void rejectsAnInvalidName() {
        assertEquals(List.of(), CodescoringGlobalConfiguration.get().getPlatforms());
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-repeated-name.yaml", expected = ConfiguratorException.class)
    public void rejectsANameRepeatedInAnyCase() {
        assertEquals(List.of(), CodescoringGlobalConfiguration.get().getPlatforms());
    }
}
