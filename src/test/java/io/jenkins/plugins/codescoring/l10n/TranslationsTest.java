package io.jenkins.plugins.codescoring.l10n;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Every text a user can see exists in English and Russian: the Messages bundle, the {@code ${%key}} texts of
 * each Jelly view, and each help page. Reads the plugin's resources from the source tree, so it needs no
 * Jenkins and runs in both builds.
 */
public class TranslationsTest {
    private static final Path RESOURCES =
            Path.of("src", "main", "resources", "io", "jenkins", "plugins", "codescoring");
    /** {@code ${%Platform URL}}, {@code ${%counts(a, b)}}: the key, and whether arguments follow. */
    private static final Pattern VIEW_TEXT = Pattern.compile("\\$\\{%([^(}]+)(\\()?");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    @Test
    public void messagesHaveTheSameKeysInBothLanguages() throws IOException {
        int keys = 0;
        for (Path bundle : messageBundles()) {
            Properties english = load(bundle);
            Properties russian = load(russianOf(bundle));
            assertEquals("keys only in " + RESOURCES.relativize(bundle), Set.of(), difference(english, russian));
            assertEquals(
                    "keys only in " + RESOURCES.relativize(russianOf(bundle)), Set.of(), difference(russian, english));
            keys += english.size();
        }
        assertTrue("the Messages bundles have almost no keys", keys > 20);
    }

    @Test
    public void messagesTakeTheSameArgumentsInBothLanguages() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Path bundle : messageBundles()) {
            Properties english = load(bundle);
            Properties russian = load(russianOf(bundle));
            for (String key : english.stringPropertyNames()) {
                Set<String> expected = placeholders(english.getProperty(key));
                Set<String> actual = placeholders(russian.getProperty(key, ""));
                if (!expected.equals(actual)) {
                    mismatches.add(RESOURCES.relativize(bundle) + " " + key + ": " + expected + " in English, " + actual
                            + " in Russian");
                }
            }
        }
        assertThat(mismatches, empty());
    }

    /** One Messages bundle per package of adapters, as Jenkins plugins keep them. */
    private static List<Path> messageBundles() throws IOException {
        List<Path> bundles = new ArrayList<>();
        for (Path file : files(".properties")) {
            if (file.getFileName().toString().equals("Messages.properties")) {
                bundles.add(file);
            }
        }
        assertTrue("no Messages.properties under " + RESOURCES.toAbsolutePath(), bundles.size() > 1);
        return bundles;
    }

    private static Path russianOf(Path bundle) {
        return bundle.resolveSibling("Messages_ru.properties");
    }

    /** MessageFormat drops a lone apostrophe (and what follows it up to the next one) from a pattern with arguments. */
    @Test
    public void patternsWithArgumentsHaveNoLoneApostrophe() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path bundle : files(".properties")) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                if (!placeholders(value).isEmpty() && value.replace("''", "").contains("'")) {
                    broken.add(RESOURCES.relativize(bundle) + ": " + key);
                }
            }
        }
        assertThat(broken, empty());
    }

    @Test
    public void everyViewTextHasARussianTranslationAndEveryTranslationIsUsed() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path view : files(".jelly")) {
            String name = view.getFileName().toString().replace(".jelly", "");
            Set<String> used = new TreeSet<>();
            Set<String> withArguments = new TreeSet<>();
            Matcher matcher = VIEW_TEXT.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
                if (matcher.group(2) != null) {
                    withArguments.add(matcher.group(1));
                }
            }
            Properties english = loadIfPresent(view.resolveSibling(name + ".properties"));
            Properties russian = loadIfPresent(view.resolveSibling(name + "_ru.properties"));
            String where = RESOURCES.relativize(view).toString();
            for (String key : used) {
                if (!russian.containsKey(key)) {
                    problems.add(where + ": no Russian text for '" + key + "'");
                }
                if (withArguments.contains(key) && !english.containsKey(key)) {
                    problems.add(where + ": '" + key + "' takes arguments but has no English pattern");
                }
            }
            for (Properties bundle : List.of(english, russian)) {
                for (String key : bundle.stringPropertyNames()) {
                    if (!used.contains(key)) {
                        problems.add(where + ": '" + key + "' is translated but never shown");
                    }
                }
            }
        }
        assertThat(problems, empty());
    }

    @Test
    public void everyHelpPageExistsInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : files(".html")) {
            String name = page.getFileName().toString();
            Path counterpart = name.endsWith("_ru.html")
                    ? page.resolveSibling(name.replace("_ru.html", ".html"))
                    : page.resolveSibling(name.replace(".html", "_ru.html"));
            if (!Files.isRegularFile(counterpart)) {
                missing.add(RESOURCES.relativize(counterpart).toString());
            }
        }
        assertThat(missing, empty());
        assertTrue(
                "no help pages found under " + RESOURCES.toAbsolutePath(),
                files(".html").size() > 10);
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Properties loadIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? load(file) : new Properties();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> difference(Properties from, Properties without) {
        Set<String> keys = new TreeSet<>(from.stringPropertyNames());
        keys.removeAll(without.stringPropertyNames());
        return keys;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            indexes.add(matcher.group(1));
        }
        return indexes;
    }
}
