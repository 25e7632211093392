package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class NormalizeUrlTest {

    @Test
    public void cleansWhatUsersPaste() throws Exception {
        assertNormalized("https://cs.example.com", "https://cs.example.com");
        assertNormalized("https://cs.example.com", "  https://cs.example.com/  ");
        assertNormalized("https://cs.example.com", "https://cs.example.com/api");
        assertNormalized("https://cs.example.com", "https://cs.example.com/api/");
        assertNormalized("https://cs.example.com", "HTTPS://CS.Example.COM//");
        assertNormalized("http://127.0.0.1:8081/sub", "http://127.0.0.1:8081/sub/");
        assertNormalized("http://127.0.0.1:8081/sub", "http://127.0.0.1:8081/sub/api/");
        assertNormalized("http://localhost:8081", "http://localhost:8081/?");
        assertNormalized("http://[::1]:8081", "http://[::1]:8081/api");
        assertNormalized("https://cs.example.com/apis", "https://cs.example.com/apis");
        assertNormalized("https://cs.example.com/my%20cs", "https://cs.example.com/my%20cs/");
    }

    @Test
    public void refusesWhatIsNotAPlatformUrl() {
        assertRefused("", "empty");
        assertRefused("   ", "empty");
        assertRefused(null, "empty");
        assertRefused("cs.example.com", "must start with http:// or https://.");
        assertRefused("ftp://cs.example.com", "must start with http:// or https:// (it starts with ftp:)");
        assertRefused("file:///etc/passwd", "http:// or https://");
        assertRefused("https://", "not a valid URL");
        assertRefused("https://cs example.com", "not a valid URL");
        assertRefused("https://cs.example.com:70000", "invalid port");
        assertRefused("https://cs.example.com/?next=/", "must not contain a query");
        assertRefused("https://cs.example.com/#/dashboard", "must not contain a fragment");
    }

    @Test
    public void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        CodescoringException e = assertRefused("https://admin:s3cret-pass@cs.example.com", "user name or password");
        assertFalse(e.getMessage(), e.getMessage().contains("s3cret"));
        assertFalse(e.getMessage(), e.getMessage().contains("admin"));
    }

    @Test
    public void neverRepeatsTheUrlInAnError() {
        CodescoringException e = assertRefused("https://cs.example.com/?token=abcdef0123456789", "query");
        assertFalse(e.getMessage(), e.getMessage().contains("abcdef"));
    }

    private static void assertNormalized(String expected, String input) throws CodescoringException {
        assertEquals(input, expected, CodescoringClient.normalizeUrl(input));
    }

    private static CodescoringException assertRefused(String input, String messagePart) {
        try {
            CodescoringClient.normalizeUrl(input);
        } catch (CodescoringException e) {
            assertEquals(ErrorKind.BAD_CONFIGURATION, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains(messagePart));
            return e;
        }
        fail("accepted " + input);
        return null;
    }
}
