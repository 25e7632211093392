package io.jenkins.plugins.codescoring.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is shown, logged or stored: the known token itself wherever it
 * appears (a server may echo it back), and anything shaped like an Authorization header or a
 * {@code Token ...} credential.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)([^\"\\r\\n,}]*)");
    private static final Pattern
            TOKEN_SCHEME = // A credential after the scheme word contains a digit; plain words ("token rejected") do
                    // not.
                    Pattern.compile("(?i)\\b(token|bearer)(\\s+)(?=[A-Za-z0-9._~+/=-]*[0-9])[A-Za-z0-9._~+/=-]{8,}");
    private static final Redactor STANDARD = new Redactor(Collections.emptyList());

    /** Shorter secrets are masked only as whole words: masking "x" inside every word would garble all text. */
    static final int MIN_EMBEDDED_LENGTH = 8;

    private final List<String> secrets;
    private final List<Pattern> shortSecrets;

    private Redactor(List<String> secrets) {
        List<String> longOnes = new ArrayList<>();
        List<Pattern> shortOnes = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.length() >= MIN_EMBEDDED_LENGTH) {
                longOnes.add(secret);
            } else {
                shortOnes.add(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(secret) + "(?![A-Za-z0-9])"));
            }
        }
        this.secrets = Collections.unmodifiableList(longOnes);
        this.shortSecrets = Collections.unmodifiableList(shortOnes);
    }

    /** Masks header-shaped secrets only. */
    public static Redactor standard() {
        return STANDARD;
    }

    /** Also masks these exact values (ignoring blank ones). */
    public static Redactor of(String... knownSecrets) {
        List<String> list = new ArrayList<>();
        for (String secret : knownSecrets) {
            if (secret != null && !secret.isBlank()) {
                list.add(secret);
            }
        }
        return new Redactor(Collections.unmodifiableList(list));
    }

    /**
     * Replaces only the known secrets, leaving header-shaped text alone: for text that must keep its
     * structure, such as a JSON answer of the platform.
     */
    public String redactKnown(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = redactKnown(text);
        for (Pattern secret : shortSecrets) {
            result = secret.matcher(result).replaceAll(MASK);
        }
        result = AUTH_HEADER.matcher(result).replaceAll("$1" + MASK);
        return TOKEN_SCHEME.matcher(result).replaceAll("$1$2" + MASK);
    }
}
