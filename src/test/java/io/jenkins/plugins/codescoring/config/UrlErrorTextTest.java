package io.jenkins.plugins.codescoring.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

/** Every error the core gives about the form of a platform URL is shown in the form in English as the core says it, and in Russian. */
public class UrlErrorTextTest {
    private static final List<String> BAD_URLS = List.of(
            " ",
            "http://exa mple.com",
            "codescoring.example.com",
            "ftp://codescoring.example.com",
            "https://user:secret@codescoring.example.com",
            "https:///api",
            "https://codescoring.example.com:99999",
            "https://codescoring.example.com/?tab=1",
            "https://codescoring.example.com/#top");

    @Test
    public void everyUrlErrorOfTheCoreIsTranslated() {
        Locale saved = Locale.getDefault();
        try {
            for (String url : BAD_URLS) {
                String core = coreMessage(url);
                Locale.setDefault(Locale.ENGLISH);
                assertEquals(url, core, UrlErrorText.localized(core));
                Locale.setDefault(Locale.forLanguageTag("ru"));
                String russian = UrlErrorText.localized(core);
                assertNotEquals(url + ": not translated", core, russian);
                assertThat(russian, matchesPattern("Адрес платформы .*|В адресе платформы .*"));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    public void anUnknownMessageIsShownAsItIs() {
        assertEquals("Something else.", UrlErrorText.localized("Something else."));
    }

    private static String coreMessage(String url) {
        try {
            CodescoringClient.normalizeUrl(url);
        } catch (CodescoringException e) {
            return e.getMessage();
        }
        fail(url + " was accepted");
        return null;
    }
}
