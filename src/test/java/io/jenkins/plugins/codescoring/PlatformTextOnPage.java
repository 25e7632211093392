package io.jenkins.plugins.codescoring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import java.util.List;
import org.htmlunit.html.HtmlPage;

/**
 * Checks that text from the platform (policy names, PURLs, criteria, error details) reached a page as text
 * a reader sees, and never as markup the browser runs. The page is parsed as a browser parses it: a string
 * that became markup would leave an element or an event attribute in the DOM and would be missing from the
 * page's text. How the serializer spells the text ({@code &gt;} or a bare {@code >}) does not matter.
 */
public final class PlatformTextOnPage {
    /** What the hostile strings of the tests would create if they were not escaped. */
    private static final List<String> INJECTED_MARKUP = List.of(
            "//img[@src='x']",
            "//script[contains(., 'alert(')]",
            "//*[@*[starts-with(name(), 'on') and contains(., 'alert(')]]",
            "//svg[@onload]",
            "//i[normalize-space(.)='CVE']");

    private PlatformTextOnPage() {}

    public static void assertShownAsTextOnly(HtmlPage page, String... platformTexts) {
        String text = page.getDocumentElement().getTextContent();
        for (String platformText : platformTexts) {
            assertThat(page.getUrl() + " shows the platform's text as it is", text, containsString(platformText));
        }
        for (String xpath : INJECTED_MARKUP) {
            assertThat(page.getUrl() + " has no markup from the platform: " + xpath, page.getByXPath(xpath), empty());
        }
    }
}
