package io.jenkins.plugins.codescoring.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.ProxyConfiguration;
import java.net.http.HttpClient;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsHttpClientsTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    @Test
    public void oneClientServesEveryScanWhileTheProxySettingsStayTheSame() {
        HttpClient first = JenkinsHttpClients.create();
        assertSame(
                "a client per scan would cost a selector thread per waiting build", first, JenkinsHttpClients.create());
        assertEquals(HttpClient.Redirect.NEVER, first.followRedirects());
        assertTrue(first.connectTimeout().isPresent());
    }

    @Test
    public void savingProxySettingsGivesTheNextScanANewClient() {
        HttpClient before = JenkinsHttpClients.create();
        r.jenkins.setProxy(new ProxyConfiguration("proxy.example.com", 3128));
        HttpClient after = JenkinsHttpClients.create();
        assertNotSame(before, after);
        assertTrue("the proxy is used", after.proxy().isPresent());
        assertEquals(HttpClient.Redirect.NEVER, after.followRedirects());
    }
}
