package io.jenkins.plugins.codescoring;

import java.util.Locale;
import org.junit.rules.ExternalResource;

/** Messages built outside of an HTTP request use the JVM's default locale: make it English for assertions on text. */
public final class EnglishLocale extends ExternalResource {
    private Locale saved;

    @Override
    protected void before() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @Override
    protected void after() {
        Locale.setDefault(saved);
    }
}
