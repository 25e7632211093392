package io.jenkins.plugins.codescoring;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The HTTP client the plugin talks to CodeScoring with: Jenkins' own builder, so the proxy configured in
 * Manage Jenkins applies (including its "no proxy" hosts and proxy credentials), and never following a
 * redirect, because the JDK client would send the API token along to the redirect target.
 *
 * <p>A new client is built for each call: the proxy settings are then read afresh, so a change an
 * administrator makes applies to the next scan or connection test without a restart. Callers keep the
 * client for the whole scan, so connections are still reused between its polls. All clients share
 * Jenkins' HTTP executor, and an unused client is garbage collected with its connections.
 *
 * <p>Known limitation of the JDK (see {@link ProxyConfiguration#newHttpClientBuilder()}): with a proxy
 * that needs a user name and password, Java 17 may drop the {@code Authorization} header, so CodeScoring
 * answers that the token is missing (JDK-8326949).
 */
@Restricted(NoExternalUse.class)
public final class JenkinsHttpClients {
    /** How long connecting to the platform (or the proxy) may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private JenkinsHttpClients() {
    }

    /** A proxy-aware client that never follows redirects. */
    public static HttpClient create() {
        return ProxyConfiguration.newHttpClientBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }
}
