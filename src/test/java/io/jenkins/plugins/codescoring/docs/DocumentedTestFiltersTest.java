package io.jenkins.plugins.codescoring.docs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Every {@code -Dtest=...} filter in the commands of README.md, its Russian twin, CONTRIBUTING.md and docs/ names test
 * classes (and methods) that exist, so a command copied from the docs runs tests instead of failing with
 * "No tests matching pattern". Surefire's syntax: comma-separated {@code Class} or {@code Class#method}, with
 * {@code *} as a wildcard in both.
 */
public class DocumentedTestFiltersTest {
    private static final List<Path> PAGES =
            List.of(Path.of("README.md"), Path.of("docs", "ru", "README.md"), Path.of("CONTRIBUTING.md"));
    private static final Path DOCS = Path.of("docs");
    private static final List<Path> TEST_SOURCES =
            List.of(Path.of("src", "test", "java"), Path.of("e2e", "src", "test", "java"));
    private static final Pattern FILTER = Pattern.compile("-Dtest=(?:'([^']+)'|\"([^\"]+)\"|([^\\s`'\"]+))");
    private static final Pattern METHOD = Pattern.compile("public void (\\w+)\\(");
    private static final Pattern NAMED_TEST = Pattern.compile("`(\\w+Test)\\.(\\w+)`");

    @Test
    public void everyDocumentedTestFilterMatchesExistingTests() throws IOException {
        List<Path> classes = testClasses();
        List<String> problems = new ArrayList<>();
        for (Path page : PAGES) {
            assertTrue(
                    page + " shows at least one test filter",
                    !filtersIn(Files.readString(page, StandardCharsets.UTF_8)).isEmpty());
        }
        List<Path> pages = new ArrayList<>(PAGES);
        try (Stream<Path> docs = Files.walk(DOCS)) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
        }
        for (Path page : pages) {
            List<String> filters = filtersIn(Files.readString(page, StandardCharsets.UTF_8));
            for (String filter : filters) {
                for (String pattern : filter.split(",")) {
                    String problem = problemWith(pattern.trim(), classes);
                    if (problem != null) {
                        problems.add(page + ": -Dtest=" + filter + ": " + problem);
                    }
                }
            }
        }
        assertThat(problems, empty());
    }

    /**
     * A test the docs name as {@code `SomeTest.someMethod`} (the mutation tables of docs/architecture.md, the
     * figures of CONTRIBUTING.md) exists under that name: a renamed test leaves no reference to nothing.
     */
    @Test
    public void everyTestMethodTheDocsNameExists() throws IOException {
        List<Path> classes = testClasses();
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Path page : List.of(Path.of("docs", "architecture.md"), Path.of("CONTRIBUTING.md"))) {
            Matcher reference = NAMED_TEST.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (reference.find()) {
                named++;
                String problem = problemWith(reference.group(1) + "#" + reference.group(2), classes);
                if (problem != null) {
                    problems.add(page + ": " + reference.group() + ": " + problem);
                }
            }
        }
        assertThat(problems, empty());
        assertTrue("the mutation tables name tests: " + named, named >= 10);
    }

    @Test
    public void aFilterThatMatchesNothingIsReported() throws IOException {
        List<Path> classes = testClasses();
        assertTrue(problemWith("ScanEngineTest#deadline*", classes) != null);
        assertTrue(problemWith("NoSuchTest", classes) != null);
        assertTrue(problemWith("ScanEngineTest#timesOut*", classes) == null);
        assertTrue(problemWith("*E2ETest", classes) == null);
    }

    static List<String> filtersIn(String markdown) {
        List<String> filters = new ArrayList<>();
        Matcher matcher = FILTER.matcher(markdown);
        while (matcher.find()) {
            String value = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (!value.contains("<")
                    && !value.contains("$")) { // a placeholder such as -Dtest=<ClassName> is no command
                filters.add(value);
            }
        }
        return filters;
    }

    /** Null when the pattern matches a test class (and, with {@code #}, one of its methods); else what is wrong. */
    private static String problemWith(String pattern, List<Path> classes) throws IOException {
        String[] parts = pattern.split("#", 2);
        Pattern className = glob(parts[0]);
        List<Path> matching = classes.stream()
                .filter(c -> className
                        .matcher(c.getFileName().toString().replace(".java", ""))
                        .matches())
                .collect(Collectors.toList());
        if (matching.isEmpty()) {
            return "no test class matches " + parts[0];
        }
        if (parts.length == 1) {
            return null;
        }
        Pattern method = glob(parts[1]);
        for (Path file : matching) {
            Matcher methods = METHOD.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (methods.find()) {
                if (method.matcher(methods.group(1)).matches()) {
                    return null;
                }
            }
        }
        return "no method of " + parts[0] + " matches " + parts[1];
    }

    private static Pattern glob(String glob) {
        return Pattern.compile(
                Stream.of(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    private static List<Path> testClasses() throws IOException {
        List<Path> classes = new ArrayList<>();
        for (Path root : TEST_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(classes::add);
            }
        }
        return classes;
    }
}
