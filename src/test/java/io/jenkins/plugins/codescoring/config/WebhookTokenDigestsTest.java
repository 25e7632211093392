package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ItemGroup;
import io.jenkins.plugins.codescoring.TestCredentials;
import io.jenkins.plugins.codescoring.TestPlatforms;
import io.jenkins.plugins.codescoring.webhook.WebhookTokens;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

/**
 * The digest of a platform's webhook token (the endpoint's only key) when its credential is not a usable Secret text:
 * deleted, of another type, empty, or behind a credentials provider that fails. Each time no digest, so every
 * delivery is refused, and a warning that names the credential but never a secret.
 */
public class WebhookTokenDigestsTest {
    private static final String TOKEN = "cs-digest-webhook-token-0123456789";
    private static final String PASSWORD = "password-of-the-wrong-type-42";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Rule
    public LoggerRule logs =
            new LoggerRule().record(WebhookTokenDigests.class, Level.ALL).capture(50);

    private Platform platform;

    /** A provider that fails every lookup while {@link #failing} is set, like an external vault that is down. */
    @TestExtension
    public static final class FailingProvider extends CredentialsProvider {
        static volatile boolean failing;

        @NonNull
        @Override
        public <C extends Credentials> List<C> getCredentialsInItemGroup(
                @NonNull Class<C> type,
                ItemGroup itemGroup,
                Authentication authentication,
                @NonNull List<DomainRequirement> domainRequirements) {
            if (failing) {
                throw new IllegalStateException("the vault is down");
            }
            return List.of();
        }
    }

    @Before
    public void platformWithAWebhookToken() throws Exception {
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.SYSTEM, "webhook", TOKEN));
        platform = TestPlatforms.configure("http://127.0.0.1:9/", null);
        platform.setWebhookCredentialsId("webhook");
        TestPlatforms.save();
    }

    @After
    public void vaultUp() {
        FailingProvider.failing = false;
    }

    private void useCredential(String id) {
        platform.setWebhookCredentialsId(id);
        TestPlatforms.save(); // reads the digests again
    }

    private List<String> warnings() {
        return logs.getRecords().stream()
                .filter(record -> record.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage)
                .collect(Collectors.toList());
    }

    @Test
    public void aSecretTextGivesTheDigestOfItsToken() {
        assertArrayEquals(WebhookTokens.digest(TOKEN), WebhookTokenDigests.expected(platform));
        assertEquals(List.of(), warnings());
    }

    @Test
    public void aDeletedCredentialLeavesNoDigestOnceTheCredentialsAreSaved() throws Exception {
        assertNotNull(WebhookTokenDigests.expected(platform));
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .removeIf(c -> c instanceof IdCredentials && "webhook".equals(((IdCredentials) c).getId()));
        SystemCredentialsProvider.getInstance().save();
        assertNull(WebhookTokenDigests.expected(platform));
        assertEquals(1, warnings().size());
        assertThat(warnings().get(0), containsString("'webhook'"));
        assertThat(warnings().get(0), containsString("missing or not Secret text"));
    }

    @Test
    public void aCredentialOfAnotherTypeGivesNoDigest() throws Exception {
        TestCredentials.addToRoot(
                new UsernamePasswordCredentialsImpl(CredentialsScope.SYSTEM, "userpass", "", "user", PASSWORD));
        useCredential("userpass");
        assertNull("a password is not a webhook token", WebhookTokenDigests.expected(platform));
        assertEquals(1, warnings().size());
        assertThat(warnings().get(0), containsString("'userpass'"));
        assertThat(warnings().get(0), not(containsString(PASSWORD)));
    }

    @Test
    public void anEmptySecretTextIsNoToken() throws Exception {
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.SYSTEM, "empty", ""));
        TestCredentials.addToRoot(TestCredentials.secretText(CredentialsScope.SYSTEM, "blank", "   "));
        useCredential("empty");
        assertNull("an empty token would be matched by an empty header", WebhookTokenDigests.expected(platform));
        useCredential("blank");
        assertNull("spaces around a token do not count", WebhookTokenDigests.expected(platform));
    }

    @Test
    public void aFailingProviderGivesNoDigestAndAWarningOncePerProblem() throws Exception {
        long reads = WebhookTokenDigests.reads();
        FailingProvider.failing = true;
        WebhookTokenDigests.refresh();
        assertNull("the old digest is not kept while the token cannot be read", WebhookTokenDigests.expected(platform));
        assertEquals("read once", reads + 1, WebhookTokenDigests.reads());
        WebhookTokenDigests.refresh(); // the same problem again: no second warning
        assertEquals(1, warnings().size());
        assertThat(warnings().get(0), containsString("could not be read (IllegalStateException)"));
        assertThat(warnings().get(0), not(containsString("the vault is down")));
        FailingProvider.failing = false;
        WebhookTokenDigests.refresh();
        assertArrayEquals(
                "back once the provider is", WebhookTokens.digest(TOKEN), WebhookTokenDigests.expected(platform));
    }
}
