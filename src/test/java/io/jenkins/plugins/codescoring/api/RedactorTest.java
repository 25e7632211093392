package io.jenkins.plugins.codescoring.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class RedactorTest {
    private static final String TOKEN = "3f9c2a7d41b0e8c6f5a9d2b7e4c1a0f9d8e7c6b5";
    private final Redactor redactor = Redactor.of(TOKEN);

    @Test
    public void masksTheExactTokenAnywhere() {
        assertEquals("echo ****!", redactor.redact("echo " + TOKEN + "!"));
        assertEquals("x****y", redactor.redact("x" + TOKEN + "y"));
    }

    @Test
    public void masksAuthorizationHeadersInJsonAndText() {
        assertEquals(
                "{\"Authorization\": \"****\"}",
                Redactor.standard().redact("{\"Authorization\": \"Token abcdef0123456789\"}"));
        assertEquals(
                "{\"HTTP_AUTHORIZATION\":\"****\"}",
                Redactor.standard().redact("{\"HTTP_AUTHORIZATION\":\"Token abcdef0123456789\"}"));
        assertEquals(
                "Authorization: ****\nAccept: */*",
                Redactor.standard().redact("Authorization: Token abcdef0123456789\nAccept: */*"));
        assertEquals("authorization=****", Redactor.standard().redact("authorization=Bearer abc.def.123"));
    }

    @Test
    public void masksTokenSchemeCredentials() {
        assertEquals("sent Token ****", Redactor.standard().redact("sent Token 0123456789abcdef0123"));
        assertEquals("bearer **** rest", Redactor.standard().redact("bearer eyJhbGciOi1.x rest"));
    }

    @Test
    public void aShortSecretIsMaskedAsAWholeWordOnly() {
        Redactor shortToken = Redactor.of("x1");
        assertEquals(
                "token **** was sent to ConnectException handling",
                shortToken.redact("token x1 was sent to ConnectException handling"));
        assertEquals("proxy settings", Redactor.of("x").redact("proxy settings"));
        assertEquals("Authorization: ****", Redactor.of("abc").redact("Authorization: abc"));
    }

    @Test
    public void leavesOrdinaryWordsAlone() {
        for (String text : new String[] {
            "The platform rejected the API token (HTTP 401).",
            "token rejected",
            "Invalid token.",
            "Check the token: generate a new one",
            "Token authentication failed",
            "bearer of bad news"
        }) {
            assertEquals(text, redactor.redact(text));
        }
    }

    @Test
    public void ignoresBlankSecretsAndNull() {
        assertEquals("a b", Redactor.of("", " ", null).redact("a b"));
        assertEquals(null, redactor.redact(null));
        assertEquals("", redactor.redact(""));
    }

    @Test
    public void exceptionsAreRedactedEvenWhenBuiltCarelessly() {
        CodescoringException e =
                new CodescoringException(ErrorKind.UNREACHABLE, "header Authorization: Token " + TOKEN);
        assertFalse(e.getMessage().contains(TOKEN));
    }
}
