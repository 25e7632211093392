package io.jenkins.plugins.codescoring.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.codescoring.api.ApiPaths;
import io.jenkins.plugins.codescoring.api.ApiPaths.Endpoint;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.RetryPolicy;
import io.jenkins.plugins.codescoring.api.Sleeper;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanRunner;
import io.jenkins.plugins.codescoring.scan.ScanState;
import io.jenkins.plugins.codescoring.simulator.CodescoringSimulator;
import io.jenkins.plugins.codescoring.simulator.Dataset;
import io.jenkins.plugins.codescoring.simulator.Fault;
import io.jenkins.plugins.codescoring.simulator.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.Timeout;

/**
 * The token never leaves the Authorization header, whatever the platform does. One test drives every
 * dataset preset, every analysis outcome, every kind of simulator fault (including servers that echo
 * the Authorization header back in error bodies, and a platform that puts the token into its data) and
 * a wrong token through the terminal runner ({@link CliApp} with the real client and engine), and looks
 * for the token, and for {@code Token <token>}, in: the console text, the JSON report files, every
 * exception the client threw (message, toString, advice, stack trace), the toString() of every object
 * reachable from results, scan states, answers, exceptions and the client, the strings of results,
 * states and answers, the serialized bytes of scan states and results, and every java.util.logging
 * record of the whole JVM at level ALL.
 */
public class SecretsNeverLeakTest {
    private static final String TOKEN = "SECRET-tok-9d41c7e2b8a05f36";
    private static final String WRONG_TOKEN = "WRONG-tok-3a8e5c1f7b2d9064";
    private static final String OUR_PACKAGE = "io.jenkins.plugins.codescoring.";
    private static final String STATUS = Endpoint.ANALYSIS_STATUS.defaultPath();
    private static final String START = Endpoint.START_ANALYSIS.defaultPath();
    private static final String ALERTS = Endpoint.ALERTS.defaultPath();
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults()
            .withFirstBackoff(Duration.ofMillis(10))
            .withMaxBackoff(Duration.ofMillis(50))
            .withJitter(0);

    @Rule
    public Timeout timeout = Timeout.seconds(120);

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final Evidence evidence = new Evidence();
    private int scenarios;

    @Test
    public void theTokenAppearsNowhereWhateverThePlatformDoes() throws Exception {
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                evidence.text("log " + record.getLoggerName(), formatter.format(record));
                evidence.text("log message " + record.getLoggerName(), String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        evidence.text("log parameter " + record.getLoggerName(), String.valueOf(parameter));
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try (CodescoringSimulator platform = CodescoringSimulator.start(TOKEN)) {
            Logger.getLogger(SecretsNeverLeakTest.class.getName()).finest("capture works");
            platform.setAnalysisDuration(Duration.ofMillis(100));
            platform.setStaleStatusWindow(Duration.ofMillis(30));
            everyDataset(platform);
            everyOutcome(platform);
            everyFault(platform);
            theTokenInThePlatformsData(platform);
            aWrongToken(platform);
        } finally {
            root.removeHandler(capture);
            root.setLevel(rootLevel);
        }

        assertTrue("log records were captured", evidence.hasTextLabelled("log "));
        assertTrue("scenarios: " + scenarios, scenarios >= 40);
        assertTrue("exceptions were examined: " + evidence.exceptions, evidence.exceptions >= 20);
        List<String> leaks = evidence.leaks();
        if (!leaks.isEmpty()) {
            fail("the token leaked " + leaks.size() + " times:\n"
                    + String.join("\n", leaks.subList(0, Math.min(20, leaks.size()))));
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------------

    private void everyDataset(CodescoringSimulator platform) throws Exception {
        for (String name : Dataset.presetNames()) {
            platform.load(Dataset.byName(name.replace(":N", ":150")));
            scan(platform, TOKEN, "dataset " + name);
        }
    }

    private void everyOutcome(CodescoringSimulator platform) throws Exception {
        platform.load(Dataset.blocking());
        for (Outcome outcome : Outcome.values()) {
            platform.setOutcomes(outcome);
            scan(platform, TOKEN, "outcome " + outcome, "--timeout", "1");
            if (platform.isAnalysisRunning()) {
                platform.completeAnalysis(Outcome.SUCCESS);
            }
        }
        platform.setOutcomes(Outcome.SUCCESS);
    }

    private void everyFault(CodescoringSimulator platform) throws Exception {
        platform.load(Dataset.manyPages(150));
        Set<Fault.Kind> covered = EnumSet.noneOf(Fault.Kind.class);
        for (Fault.Kind kind : Fault.Kind.values()) {
            for (Fault fault : faults(kind)) {
                assertEquals(kind, fault.kind());
                covered.add(kind);
                platform.clearFaults();
                platform.inject(fault);
                scan(platform, TOKEN, fault.toString());
            }
        }
        platform.clearFaults();
        assertEquals(EnumSet.allOf(Fault.Kind.class), covered);
    }

    /** Each kind of fault, some where they hurt most: the token in bodies, Location headers and paths. */
    private static List<Fault> faults(Fault.Kind kind) {
        switch (kind) {
            case STATUS:
                return List.of(
                        Fault.status(500),
                        Fault.status(503).times(10),
                        Fault.status(401).onPath(ALERTS),
                        Fault.status(403, "{\"detail\": \"Token " + TOKEN + " may not read alerts\"}")
                                .onPath(ALERTS),
                        Fault.status(400, "<html><body>Authorization: Token " + TOKEN + "</body></html>")
                                .onPath(START),
                        Fault.status(409, "{\"detail\": \"already running for Token " + TOKEN + "\"}")
                                .onPath(START));
            case TOO_MANY_REQUESTS:
                return List.of(Fault.tooManyRequests(0).times(10));
            case HTML_200:
                return List.of(Fault.html200(), Fault.html200().onPath(START));
            case MALFORMED_JSON:
                return List.of(Fault.malformedJson().onPath(ALERTS));
            case TRUNCATED_JSON:
                return List.of(Fault.truncatedJson());
            case EMPTY_BODY:
                return List.of(Fault.emptyBody().onPath(ALERTS));
            case DEEPLY_NESTED_JSON:
                return List.of(Fault.deeplyNestedJson(5_000));
            case WRONG_TYPES:
                return List.of(Fault.wrongTypes(), Fault.wrongTypes().onPath(ALERTS));
            case HUGE_BODY:
                return List.of(Fault.hugeBody(8L << 20).onPath(ALERTS));
            case REDIRECT:
                return List.of(
                        Fault.redirect("http://127.0.0.1:9/api/policies/?token=" + TOKEN),
                        Fault.redirect("https://sso.example.com/" + TOKEN + "/login?auth=Token%20" + TOKEN)
                                .onPath(ALERTS),
                        Fault.redirect("/accounts/login/?next=/api/&key=" + TOKEN)
                                .onPath(START));
            case DROP:
                return List.of(Fault.drop().onPath(ALERTS), Fault.drop().onPath(START));
            case SLOW:
                return List.of(Fault.slow(Duration.ofMillis(50)).times(3));
            case HANG:
                return List.of(Fault.hang().onPath(STATUS), Fault.hang().onPath(START));
            case ECHO_AUTHORIZATION:
                return List.of(
                        Fault.echoAuthorization(401),
                        Fault.echoAuthorization(403).onPath(ALERTS),
                        Fault.echoAuthorization(500),
                        Fault.echoAuthorization(500).onPath(START),
                        Fault.echoAuthorization(400).onPath(START),
                        Fault.echoAuthorization(503).times(10));
            case FLAKY:
                return List.of(Fault.flaky(50, 0).times(20));
            case PAGINATION_LOOP:
                return List.of(Fault.paginationLoop().times(10));
            case COUNT_LIES:
                return List.of(Fault.countLies().times(10));
            case REPEATED_PAGES:
                return List.of(Fault.repeatedPages().times(10));
            case STATUS_FLIP:
                return List.of(Fault.statusFlip().times(4));
            default:
                throw new AssertionError("no scenario for the fault kind " + kind + ": add one");
        }
    }

    /** A platform that puts the token into its data (reflected by a proxy, or typed into a policy by someone). */
    private void theTokenInThePlatformsData(CodescoringSimulator platform) throws Exception {
        platform.load(Dataset.builder("reflecting")
                .policy(1, "Token " + TOKEN, "critical", true, true)
                .project(1, "shop " + TOKEN)
                .alert(Dataset.alert(1, 1)
                        .dependency("pkg:npm/" + TOKEN + "@1.0.0")
                        .vulnerability(TOKEN)
                        .criteria("Authorization: Token " + TOKEN, TOKEN))
                .build());
        scan(platform, TOKEN, "token in the data");
        scan(platform, TOKEN, "token in the data, one project", "--project", "1");
    }

    private void aWrongToken(CodescoringSimulator platform) throws Exception {
        platform.load(Dataset.blocking());
        scan(platform, WRONG_TOKEN, "wrong token");
        platform.inject(Fault.echoAuthorization(401).times(10));
        scan(platform, WRONG_TOKEN, "wrong token echoed");
        platform.clearFaults();
    }

    // ---- one run of the terminal runner --------------------------------------------------------------

    private void scan(CodescoringSimulator platform, String token, String label, String... options) throws Exception {
        scenarios++;
        Path json = folder.getRoot().toPath().resolve("report-" + scenarios + ".json");
        List<String> args = new ArrayList<>(List.of("scan", "--url", platform.baseUrl(), "--json", json.toString()));
        if (!List.of(options).contains("--timeout")) {
            args.addAll(List.of("--timeout", "5"));
        }
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new CliApp(
                            Map.of(ScanCommand.TOKEN_VARIABLE, token),
                            outStream,
                            errStream,
                            this::launch,
                            simulatorArgs -> fail("no simulator"),
                            Clock.systemUTC())
                    .run(args.toArray(new String[0]));
        }
        assertTrue(label + ": exit " + exitCode, exitCode >= 0 && exitCode <= 2);
        evidence.text(label + ": standard output", out.toString(StandardCharsets.UTF_8));
        evidence.text(label + ": standard error", err.toString(StandardCharsets.UTF_8));
        assertTrue(label + ": JSON report written", Files.exists(json));
        evidence.bytes(label + ": JSON report", Files.readAllBytes(json));
    }

    /** The real client and engine, with short waits; records everything they make on the way. */
    private ScanResult launch(
            String url, String token, ScanRequest request, io.jenkins.plugins.codescoring.scan.ScanListener listener)
            throws InterruptedException {
        CodescoringClient client;
        try {
            client = CodescoringClient.builder(url, token)
                    .paths(ApiPaths.defaults())
                    .retryPolicy(FAST_RETRIES)
                    .requestTimeout(Duration.ofMillis(300))
                    .build();
        } catch (CodescoringException e) {
            throw new AssertionError(e);
        }
        ScanRequest fast = ScanRequest.builder()
                .project(request.project())
                .stage(request.stage())
                .timeout(request.timeout())
                .firstPollInterval(Duration.ofMillis(20))
                .maxPollInterval(Duration.ofMillis(100))
                .startVisibleWithin(Duration.ofMillis(500))
                .build();
        ScanState state = ScanState.begin(fast, Clock.systemUTC().instant());
        ScanResult result = new ScanRunner(recording(client), Clock.systemUTC(), Sleeper.REAL)
                .resume(fast, state, line -> {
                    evidence.text("progress line", line);
                    listener.progress(line);
                });
        evidence.walk("client", client, false);
        evidence.walk("request", fast, true);
        evidence.walk("state", state, true);
        evidence.walk("result", result, true);
        evidence.bytes("serialized state", serialize(state));
        evidence.bytes("serialized result", serialize(result));
        return result;
    }

    /** The API as the engine sees it, recording every answer and every exception on the way. */
    private CodescoringApi recording(CodescoringApi api) {
        return (CodescoringApi) Proxy.newProxyInstance(
                CodescoringApi.class.getClassLoader(), new Class<?>[] {CodescoringApi.class}, (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(api, args);
                        if (answer instanceof CodescoringApi) {
                            return recording((CodescoringApi) answer);
                        }
                        evidence.walk("answer of " + method.getName(), answer, true);
                        return answer;
                    } catch (InvocationTargetException e) {
                        evidence.exception(method.getName(), e.getCause());
                        throw e.getCause();
                    }
                });
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new AssertionError("not serializable: " + value, e);
        }
        return bytes.toByteArray();
    }

    // ---- where the token is looked for ---------------------------------------------------------------

    /** Everything produced during the test, labelled; searched for the secrets at the end. */
    private static final class Evidence {
        final Map<String, List<String>> texts = new LinkedHashMap<>();
        final Map<String, List<byte[]>> binaries = new LinkedHashMap<>();
        int exceptions;

        synchronized void text(String label, String text) {
            texts.computeIfAbsent(label, key -> new ArrayList<>()).add(text);
        }

        synchronized boolean hasTextLabelled(String prefix) {
            return texts.keySet().stream().anyMatch(label -> label.startsWith(prefix));
        }

        synchronized void bytes(String label, byte[] bytes) {
            binaries.computeIfAbsent(label, key -> new ArrayList<>()).add(bytes);
        }

        void exception(String label, Throwable error) {
            synchronized (this) {
                exceptions++;
            }
            text(label + ": message", String.valueOf(error.getMessage()));
            text(label + ": toString", error.toString());
            if (error instanceof CodescoringException) {
                text(label + ": describe", ((CodescoringException) error).describe());
                text(label + ": redirect target", String.valueOf(((CodescoringException) error).redirectTarget()));
            }
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            text(label + ": stack trace", trace.toString());
            walk(label, error, true);
        }

        /**
         * The toString() of every object of this plugin reachable from the root, and (when {@code strings})
         * every string too. The client necessarily holds the token to send it, so its strings are not searched.
         */
        void walk(String label, Object root, boolean strings) {
            visit(label, root, strings, new IdentityHashMap<>(), 0);
        }

        private void visit(
                String path, Object value, boolean strings, IdentityHashMap<Object, Boolean> seen, int depth) {
            if (value == null || depth > 20 || seen.put(value, Boolean.TRUE) != null) {
                return;
            }
            if (value instanceof String) {
                if (strings) {
                    text(path, (String) value);
                }
                return;
            }
            if (value instanceof Collection) {
                for (Object item : (Collection<?>) value) {
                    visit(path + "[]", item, strings, seen, depth + 1);
                }
                return;
            }
            if (value instanceof Map) {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    visit(path + "{key}", entry.getKey(), strings, seen, depth + 1);
                    visit(path + "{value}", entry.getValue(), strings, seen, depth + 1);
                }
                return;
            }
            if (value.getClass().isArray()) {
                if (!value.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(value); i++) {
                        visit(path + "[" + i + "]", Array.get(value, i), strings, seen, depth + 1);
                    }
                }
                return;
            }
            Class<?> type = value.getClass();
            if (!type.getName().startsWith(OUR_PACKAGE) || type.getName().startsWith(OUR_PACKAGE + "simulator.")) {
                if (value instanceof Throwable
                        || value instanceof Enum
                        || type.getName().startsWith("java.time.")) {
                    text(path + " toString", value.toString());
                }
                return;
            }
            text(path + " toString (" + type.getSimpleName() + ")", value.toString());
            for (Class<?> current = type;
                    current != null && current.getName().startsWith(OUR_PACKAGE);
                    current = current.getSuperclass()) {
                for (Field field : current.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        visit(path + "." + field.getName(), field.get(value), strings, seen, depth + 1);
                    } catch (RuntimeException | IllegalAccessException unreadable) {
                        // a field the runtime will not open (e.g. of a lambda): its owner's toString was checked
                    }
                }
            }
        }

        /** Synchronized like the recording methods: a late log record from another thread may still arrive. */
        synchronized List<String> leaks() {
            List<String> found = new ArrayList<>();
            for (String secret : List.of(TOKEN, WRONG_TOKEN)) {
                // Latin-1 maps each byte to one char, so a byte search becomes a text search.
                String needle = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                texts.forEach((label, values) -> {
                    for (String text : values) {
                        if (text.contains(secret)) {
                            found.add(label + ": " + shorten(text, secret));
                        }
                    }
                });
                binaries.forEach((label, values) -> {
                    for (byte[] bytes : values) {
                        if (new String(bytes, StandardCharsets.ISO_8859_1).contains(needle)) {
                            found.add(label + " (bytes)");
                        }
                    }
                });
            }
            return found;
        }

        private static String shorten(String text, String secret) {
            int at = text.indexOf(secret);
            return "…" + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + secret.length() + 40)) + "…";
        }
    }
}
