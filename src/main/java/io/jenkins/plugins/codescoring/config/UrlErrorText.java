package io.jenkins.plugins.codescoring.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core's errors about the form of a platform URL (English, as the terminal runner prints them) in the
 * language of the one who reads the form: the URL field's check and Test connection. A message the table
 * does not know is shown as the core wrote it.
 */
final class UrlErrorText {
    private static final Map<Pattern, Function<Matcher, String>> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put(Pattern.compile("The platform URL is empty\\."), m -> Messages.UrlErrorText_Empty());
        TEXTS.put(
                Pattern.compile("The platform URL is not a valid URL \\((.*)\\)\\."),
                m -> Messages.UrlErrorText_NotAUrl(m.group(1)));
        TEXTS.put(
                Pattern.compile("The platform URL must start with http:// or https://\\."),
                m -> Messages.UrlErrorText_NoScheme());
        TEXTS.put(
                Pattern.compile("The platform URL must start with http:// or https:// \\(it starts with (.*):\\)\\."),
                m -> Messages.UrlErrorText_WrongScheme(m.group(1)));
        TEXTS.put(
                Pattern.compile(
                        "The platform URL must not contain a user name or password; the API token comes from the credential\\."),
                m -> Messages.UrlErrorText_UserInfo());
        TEXTS.put(Pattern.compile("The platform URL has no valid host name\\."), m -> Messages.UrlErrorText_NoHost());
        TEXTS.put(Pattern.compile("The platform URL has an invalid port\\."), m -> Messages.UrlErrorText_Port());
        TEXTS.put(
                Pattern.compile("The platform URL must not contain a query \\(\\?\\.\\.\\.\\)\\."),
                m -> Messages.UrlErrorText_Query());
        TEXTS.put(
                Pattern.compile("The platform URL must not contain a fragment \\(#\\.\\.\\.\\)\\."),
                m -> Messages.UrlErrorText_Fragment());
    }

    private UrlErrorText() {}

    static String localized(String coreMessage) {
        for (Map.Entry<Pattern, Function<Matcher, String>> text : TEXTS.entrySet()) {
            Matcher matcher = text.getKey().matcher(coreMessage);
            if (matcher.matches()) {
                return text.getValue().apply(matcher);
            }
        }
        return coreMessage;
    }
}
