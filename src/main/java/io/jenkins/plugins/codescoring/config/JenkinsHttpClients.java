package io.jenkins.plugins.codescoring.config;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The HTTP client the plugin talks to CodeScoring with: Jenkins' own builder, so the proxy configured in
 * Manage Jenkins applies (including its "no proxy" hosts and proxy credentials), and never following a
 * redirect, because the JDK client would send the API token along to the redirect target.
 *
 * <p>One client is shared by every scan and connection test while the proxy configuration stays the
 * same: each JDK client runs a selector thread of its own, so a client per scan would cost a thread per
 * waiting build. Saving the proxy settings replaces Jenkins' proxy configuration object, and the next
 * call then builds a new client, so a change applies without a restart.
 *
 * <p>Known limitation of the JDK (see {@link ProxyConfiguration#newHttpClientBuilder()}): with a proxy
 * that needs a user name and password, Java 17 may drop the {@code Authorization} header, so CodeScoring
 * answers that the token is missing (JDK-8326949).
 */
@Restricted(NoExternalUse.class)
public final class JenkinsHttpClients {
    /** How long connecting to the platform (or the proxy) may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static ProxyConfiguration builtFor;
    private static HttpClient shared;

    private JenkinsHttpClients() {}

    /** A proxy-aware client that never follows redirects. */
    public static synchronized HttpClient create() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration current = jenkins == null ? null : jenkins.getProxy();
        if (shared == null || current != builtFor) {
            shared = ProxyConfiguration.newHttpClientBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .build();
            builtFor = current;
        }
        return shared;
    }
}
