package io.jenkins.plugins.codescoring;

import java.util.Locale;
import org.junit.rules.ExternalResource;
import org.jvnet.localizer.LocaleProvider;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Pages in the reader's language, as in a real controller: Jenkins' web application installs a locale
 * provider that reads the request's {@code Accept-Language}, which JenkinsRule does not.
 */
public final class ReaderLocale extends ExternalResource {
    private LocaleProvider saved;

    @Override
    protected void before() {
        saved = LocaleProvider.getProvider();
        LocaleProvider.setProvider(new LocaleProvider() {
            @Override
            public Locale get() {
                StaplerRequest2 request = Stapler.getCurrentRequest2();
                return request == null ? Locale.getDefault() : request.getLocale();
            }
        });
    }

    @Override
    protected void after() {
        LocaleProvider.setProvider(saved);
    }
}
