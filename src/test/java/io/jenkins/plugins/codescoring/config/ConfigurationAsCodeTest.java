package io.jenkins.plugins.codescoring.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
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
        assertEquals("https://codescoring.example.com", config.getPlatformUrl());
        assertEquals("codescoring-token", config.getCredentialsId());
        assertEquals(90, config.getTimeoutMinutes());
        assertEquals(20, config.getMaxPollIntervalSeconds());

        StringCredentials token = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, r.jenkins, ACL.SYSTEM2, List.of()),
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
        assertThat(CodescoringGlobalConfiguration.get().getPlatformUrl(), nullValue());
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-invalid-timeout.yaml", expected = ConfiguratorException.class)
    public void rejectsAnInvalidTimeout() {
        assertEquals(60, CodescoringGlobalConfiguration.get().getTimeoutMinutes());
    }
}
