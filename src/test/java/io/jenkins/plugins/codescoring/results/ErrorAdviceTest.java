package io.jenkins.plugins.codescoring.results;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.Test;

/**
 * The pages give each error kind's advice in English word for word as the Jenkins console and the guide do (the
 * core's advice, except where the console has advice of its own for Jenkins: a rejected token lives in a credential,
 * not in the terminal runner's variable), and in Russian as the Russian troubleshooting guide quotes it.
 */
public class ErrorAdviceTest {
    private static final Path MESSAGES =
            Path.of("src", "main", "resources", "io", "jenkins", "plugins", "codescoring", "results");
    private static final Path CONSOLE_MESSAGES = MESSAGES.resolveSibling("scanstep");

    @Test
    public void everyKindHasItsAdviceInBothLanguages() throws IOException {
        Properties english = load("Messages.properties");
        Properties russian = load("Messages_ru.properties");
        Properties console = load(CONSOLE_MESSAGES, "Messages.properties");
        String russianGuide = Files.readString(Path.of("docs", "ru", "troubleshooting.md"), StandardCharsets.UTF_8)
                .replaceAll("\\s*\\r?\\n\\s*", " ");
        List<String> problems = new ArrayList<>();
        for (ErrorKind kind : ErrorKind.values()) {
            String key = ErrorAdvice.KEY_PREFIX + kind.name();
            String en = english.getProperty(key);
            String ru = russian.getProperty(key);
            String expected =
                    kind == ErrorKind.TOKEN_REJECTED ? console.getProperty("ScanAdvice.TokenRejected") : kind.advice();
            if (en == null || !MessageFormat.format(en, new Object[0]).equals(expected)) {
                problems.add(key + " is not the advice the Jenkins console gives: " + en);
            }
            if (en != null && en.contains("CODESCORING_TOKEN")) {
                problems.add(key + " names the terminal runner's variable on a Jenkins page: " + en);
            }
            if (ru == null) {
                problems.add(key + " has no Russian text");
            } else if (!russianGuide.contains("*Что делать: " + MessageFormat.format(ru, new Object[0]) + "*")) {
                problems.add("docs/ru/troubleshooting.md does not quote " + key);
            }
        }
        assertThat(problems, empty());
    }

    private static Properties load(String name) throws IOException {
        return load(MESSAGES, name);
    }

    private static Properties load(Path folder, String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(name))) {
            properties.load(in);
        }
        return properties;
    }
}
