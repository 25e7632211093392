package io.jenkins.plugins.codescoring.endpoint;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import io.jenkins.plugins.codescoring.config.Platform;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * CodeScoring cannot fetch a CSRF crumb before it posts a webhook. The webhook endpoint does not act for a
 * logged-in user (it ignores who sends, and checks the platform's webhook token instead), so a crumb would
 * protect nothing there. Every other URL keeps the crumb check.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class WebhookCrumbExclusion extends CrumbExclusion {
    private static final String PREFIX = "/" + Platform.WEBHOOK_PATH + "/";

    @Override
    public boolean process(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getPathInfo();
        if (path != null && path.startsWith(PREFIX)) {
            chain.doFilter(req, resp);
            return true;
        }
        return false;
    }
}
