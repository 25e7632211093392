package io.jenkins.plugins.codescoring.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The troubleshooting guide (English and Russian) has a section for every error kind that quotes the kind's
 * advice word for word, as the console prints it, so a user can search the guide for what they see.
 */
public class ErrorKindAdviceDocumentedTest {
    private static final List<Path> GUIDES =
            List.of(Path.of("docs", "troubleshooting.md"), Path.of("docs", "ru", "troubleshooting.md"));

    @Test
    public void everyKindHasASectionQuotingItsAdvice() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path guide : GUIDES) {
            String text = Files.readString(guide, StandardCharsets.UTF_8).replace("\r\n", "\n"); // a Windows checkout
            for (ErrorKind kind : ErrorKind.values()) {
                String quoted = adviceQuotedUnder(text, "### " + kind.name() + "\n");
                if (quoted == null) {
                    problems.add(guide + ": no section '### " + kind.name() + "' with a '*What to do: ...*' line");
                } else if (!quoted.equals(kind.advice())) {
                    problems.add(guide + ", " + kind + ": quotes '" + quoted + "'");
                }
            }
        }
        assertThat(problems, empty());
    }

    /** The italic "What to do" paragraph right after the heading, its line breaks folded into spaces. */
    private static String adviceQuotedUnder(String text, String heading) {
        int at = text.indexOf(heading);
        if (at < 0) {
            return null;
        }
        String rest = text.substring(at + heading.length()).stripLeading();
        String prefix = "*What to do: ";
        if (!rest.startsWith(prefix)) {
            return null;
        }
        int end = rest.indexOf("*\n", prefix.length());
        return end < 0 ? null : rest.substring(prefix.length(), end).replaceAll("\\s*\n\\s*", " ");
    }
}
