package io.jenkins.plugins.codescoring.docs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The Russian docs quote the plugin's Russian console and form lines as the bundles write them, as
 * {@code ErrorKindAdviceDocumentedTest} and {@code ErrorAdviceTest} do for the advice: every inline code span of
 * docs/ru that holds Russian words and reads as a message (not an address, a command or a placeholder such as
 * {@code <адрес Jenkins>}) must be one of the {@code *_ru.properties} texts, its arguments filled with names,
 * numbers, {@code …}, or other Russian texts of the bundles (a plural, a scope, a duration).
 */
public class RussianDocsQuoteTheBundlesTest {
    private static final Path DOCS = Path.of("docs", "ru");
    private static final Path BUNDLES = Path.of("src", "main", "resources");
    private static final String NOT_RUSSIAN = "[^а-яёА-ЯЁ]";
    private static final Pattern RUSSIAN = Pattern.compile("[а-яёА-ЯЁ]");
    private static final Pattern CODE_SPAN = Pattern.compile("(?<!`)`([^`]+)`(?!`)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+(,[^}]*)?\\}");
    /** Texts short enough to be an argument of another (a plural, a scope, a unit); longer ones are whole lines. */
    private static final int FRAGMENT_LENGTH = 70;

    @Test
    public void everyQuotedRussianLineIsInTheRussianBundles() throws IOException {
        List<String> texts = russianTexts();
        List<Pattern> lines = lines(texts);
        List<String> quotes = quotes();
        assertThat("quotes found in docs/ru", quotes.size(), greaterThanOrEqualTo(8));
        List<String> problems = new ArrayList<>();
        for (String quote : quotes) {
            if (lines.stream().noneMatch(line -> line.matcher(quote).matches())) {
                problems.add(quote);
            }
        }
        assertThat("quoted in docs/ru but no Russian bundle says it", problems, empty());
    }

    @Test
    public void anOutdatedQuoteIsCaught() throws IOException {
        List<Pattern> lines = lines(russianTexts());
        assertTrue(lines.stream().anyMatch(l -> l.matcher("CodeScoring нашёл 2 блокирующих алерта политики \"…\".")
                .matches()));
        assertFalse(lines.stream()
                .anyMatch(l -> l.matcher("CodeScoring нашёл блокирующих алертов: 2; блокирующие политики: \"…\".")
                        .matches()));
        assertFalse(lines.stream().anyMatch(l -> l.matcher("Проверка CodeScoring почему-то не началась.")
                .matches()));
    }

    /** The inline code spans of docs/ru that quote a Russian message, without the console's prefixes. */
    static List<String> quotes() throws IOException {
        List<String> quotes = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page :
                    pages.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
                String text = Files.readString(page, StandardCharsets.UTF_8)
                        .replace("\r\n", "\n")
                        .replaceAll("(?s)```.*?```", "") // fenced blocks: English console output, code, commands
                        .replaceAll("\\s*\\n\\s*", " ");
                Matcher span = CODE_SPAN.matcher(text);
                while (span.find()) {
                    String quote = span.group(1).trim();
                    if (RUSSIAN.matcher(quote).find() && !quote.matches(".*[<$=/].*")) {
                        quotes.add(quote.replaceFirst("^ERROR: ", "").replaceFirst("^\\[CodeScoring] ", ""));
                    }
                }
            }
        }
        return quotes;
    }

    private static List<Pattern> lines(List<String> texts) {
        String fragment = alternatives(texts, NOT_RUSSIAN + "*");
        String argument =
                "(?:" + NOT_RUSSIAN + "|" + alternatives(texts, "(?:" + NOT_RUSSIAN + "|" + fragment + ")*") + ")*";
        return texts.stream()
                .map(text -> Pattern.compile(regex(text, argument)))
                .collect(Collectors.toList());
    }

    /** The short texts as one alternation, their arguments matched by {@code argument}. */
    private static String alternatives(List<String> texts, String argument) {
        return texts.stream()
                .filter(t -> t.length() <= FRAGMENT_LENGTH)
                .map(t -> regex(t, argument))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    /** A MessageFormat text as a regular expression: literal text, and {@code argument} for each placeholder. */
    private static String regex(String text, String argument) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(text);
        int at = 0;
        while (placeholder.find()) {
            regex.append(literal(text.substring(at, placeholder.start()))).append(argument);
            at = placeholder.end();
        }
        return regex.append(literal(text.substring(at))).toString();
    }

    private static String literal(String text) {
        return text.isEmpty() ? "" : Pattern.quote(text.replace("''", "'"));
    }

    /** Every value of every Russian bundle and view translation of the plugin that holds Russian words. */
    private static List<String> russianTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("_ru.properties")).collect(Collectors.toList())) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    properties.load(in);
                }
                for (String value : properties.stringPropertyNames().stream()
                        .map(properties::getProperty)
                        .collect(Collectors.toList())) {
                    if (RUSSIAN.matcher(value).find()) {
                        texts.add(value);
                    }
                }
            }
        }
        return texts;
    }
}
