package io.jenkins.plugins.codescoring.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.e2e.harness.JobXml;
import io.jenkins.plugins.codescoring.e2e.harness.Jobs;
import io.jenkins.plugins.codescoring.e2e.harness.RealController;
import io.jenkins.plugins.codescoring.e2e.harness.Report;
import io.jenkins.plugins.codescoring.e2e.harness.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A burst of Pipeline builds in a real controller with two executors (.ci/benchmark-jenkins; not part of the
 * test run): {@value #BUILDS} builds at once wait for CodeScoring with {@code codescoringScan}, then the same
 * number the way the vendor documents it, {@code sh} in {@code node} starting the analysis with curl and
 * polling the status in a loop. A control burst that only waits ({@code sleep}) gives the threads and heap
 * that Pipeline itself needs for that many waiting builds. Prints a table and one RESULT line.
 */
public class JenkinsBurstBenchmark {

    static final int BUILDS = Integer.getInteger("benchmark.builds", 100);
    static final String ANALYSIS_SECONDS = System.getProperty("benchmark.analysisSeconds", "30");
    static final int NAIVE_POLL_SECONDS = 1;
    /** Long enough that every control build still sleeps once the last one has started. */
    static final int CONTROL_SLEEP_SECONDS = 90;
    /** How long the threads of the waiting builds are sampled once all of them wait. */
    static final Duration WAITING_WINDOW = Duration.ofSeconds(10);

    static final Duration NAIVE_CAP = Duration.ofSeconds(Long.getLong("benchmark.naiveCapSeconds", 240));
    private static final String[] SCOPES = {"", "shop", "billing"};
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    @ClassRule
    public static final RealController WORLD = new RealController("benchmark", ANALYSIS_SECONDS);

    /** What one burst cost. */
    record Burst(
            String name,
            int finished,
            int starts,
            int requests,
            double executorSeconds,
            double wallSeconds,
            int waitingThreads,
            int peakThreads,
            double heapMb,
            double afterReleaseSeconds) {}

    @Test
    public void burst() throws Exception {
        Jobs jobs = WORLD.jobs();
        String url = WORLD.simulator().url();
        jobs.create(
                "",
                "control",
                JobXml.pipeline("sleep time: " + CONTROL_SLEEP_SECONDS + ", unit: 'SECONDS'\n", "SCOPE", "", "N", ""));
        jobs.create(
                "",
                "plugin",
                JobXml.pipeline(
                        "codescoringScan project: params.SCOPE, onBlocking: 'SUCCESS'\n", "SCOPE", "", "N", ""));
        jobs.create("", "naive", JobXml.pipeline(naiveScript(url), "SCOPE", "", "N", ""));
        // Warm-up: one build of each measured kind loads the classes and compiles the scripts before anything is
        // measured.
        for (String job : List.of("plugin", "naive")) {
            jobs.await(
                    job,
                    jobs.numberOf(job, jobs.queueWithParameters(job, "SCOPE", "", "N", "warm-up")),
                    Duration.ofMinutes(3));
        }
        int idleThreads = threads();
        double idleHeap = heapAfterGc();
        Burst control = run("control", Duration.ofMinutes(5), false);
        Burst plugin = run("plugin", Duration.ofMinutes(5), true);
        Burst naive = run("naive", NAIVE_CAP, false);

        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", Jenkins -Xmx768m, 2 executors";
        List<String> table = new ArrayList<>();
        table.add("| burst of " + BUILDS + " | finished | analysis starts | requests | executor-seconds | wall s "
                + "| threads while waiting (idle " + idleThreads
                + ") | peak threads | heap after GC MB while waiting (idle "
                + fmt(idleHeap) + ") | s after the held analysis ended |");
        table.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Burst burst : List.of(control, plugin, naive)) {
            table.add("| " + burst.name() + " | " + burst.finished() + " | " + burst.starts() + " | " + burst.requests()
                    + " | "
                    + fmt(burst.executorSeconds()) + " | " + fmt(burst.wallSeconds()) + " | " + burst.waitingThreads()
                    + " | "
                    + burst.peakThreads() + " | " + fmt(burst.heapMb()) + " | "
                    + (burst.name().equals("plugin") ? fmt(burst.afterReleaseSeconds()) : "-") + " |");
        }
        String result = String.format(
                Locale.ROOT,
                "RESULT builds=%d starts=%d requests=%d naive_requests=%d executor_s=%s "
                        + "naive_executor_s=%s wall_s=%s naive_wall_s=%s threads=%d heap_mb=%s",
                BUILDS,
                plugin.starts(),
                plugin.requests(),
                naive.requests(),
                fmt(plugin.executorSeconds()),
                fmt(naive.executorSeconds()),
                fmt(plugin.wallSeconds()),
                fmt(naive.wallSeconds()) + (naive.finished() < BUILDS ? "+" : ""),
                plugin.waitingThreads() - control.waitingThreads(),
                fmt(plugin.heapMb() - control.heapMb()));
        Report.line(
                WORLD.files(),
                "benchmark machine: " + machine + "; analysis " + ANALYSIS_SECONDS + " s, plugin poll cap 5 s, "
                        + "naive poll " + NAIVE_POLL_SECONDS + " s, naive capped at " + NAIVE_CAP.toSeconds() + " s");
        table.forEach(line -> Report.line(WORLD.files(), line));
        Report.line(WORLD.files(), result);
        Files.writeString(
                WORLD.files().work().resolve("benchmark.txt"),
                String.join("\n", table) + "\n" + result + "\n",
                StandardCharsets.UTF_8);
    }

    /** The vendor's way: a shell step on an executor starts the analysis and polls until it is final. */
    private static String naiveScript(String url) {
        return String.join(
                "\n",
                "node {",
                "  withCredentials([string(credentialsId: '" + RealController.CREDENTIAL
                        + "', variable: 'CS_TOKEN')]) {",
                "    sh '''",
                "      set +x",
                "      curl -s -o /dev/null -X POST -H \"Authorization: Token $CS_TOKEN\" " + url
                        + "/api/analyses/overall_sca/start/",
                "      while true; do",
                "        sleep " + NAIVE_POLL_SECONDS,
                "        status=$(curl -s -H \"Authorization: Token $CS_TOKEN\" " + url
                        + "/api/analyses/overall_sca/status/"
                        + " | sed -n 's/.*\"status\": *\"\\\\([a-z_]*\\\\)\".*/\\\\1/p')",
                "        case \"$status\" in success|finished|done|completed|failed|error|canceled|cancelled) break;; esac",
                "      done",
                "      curl -s -o /dev/null -H \"Authorization: Token $CS_TOKEN\" \"" + url
                        + "/api/alerts/?status=active&page=1&per_page=100\"",
                "    '''",
                "  }",
                "}",
                "");
    }

    /**
     * Starts {@link #BUILDS} builds of the job at once and measures until they have all ended (or the cap). With
     * {@code holdFirstAnalysis}, the first analysis runs until every build waits (and the waiting window has been
     * sampled), as when a burst arrives while an analysis of several minutes runs: Jenkins itself needs tens of
     * seconds to bring a hundred builds to their step on two cores, longer than a compressed analysis.
     */
    private Burst run(String job, Duration cap, boolean holdFirstAnalysis) throws Exception {
        Jobs jobs = WORLD.jobs();
        JsonNode before = WORLD.simulator().stats();
        int firstBuild = WORLD.client()
                .json(Jobs.url(job) + "api/json?tree=nextBuildNumber")
                .get("nextBuildNumber")
                .asInt();
        DoubleAdder executorSeconds = new DoubleAdder();
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicInteger waitingThreads = new AtomicInteger();
        AtomicBoolean waiting = new AtomicBoolean();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        sampler.scheduleAtFixedRate(
                () -> {
                    try {
                        int now = threads();
                        peakThreads.accumulateAndGet(now, Math::max);
                        if (waiting.get()) {
                            waitingThreads.accumulateAndGet(now, Math::max);
                        }
                        executorSeconds.add(0.5
                                * WORLD.client()
                                        .json("computer/api/json?tree=busyExecutors")
                                        .get("busyExecutors")
                                        .asInt());
                    } catch (Exception e) {
                        // a missed sample
                    }
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
        double heapMb;
        int finished;
        long released = started;
        try {
            if (holdFirstAnalysis) {
                WORLD.simulator().control("outcome?value=never-ends");
            }
            for (int i = 0; i < BUILDS; i++) {
                jobs.queueWithParameters(job, "SCOPE", SCOPES[i % SCOPES.length], "N", String.valueOf(i));
            }
            // Threads and heap while they all wait: once every build runs (the naive ones partly in the queue).
            Wait.until(
                    "the " + job + " builds to be started", cap, () -> running(job, firstBuild) + queued() >= BUILDS);
            waiting.set(true);
            Wait.sleep(WAITING_WINDOW); // the sampler records the threads of the waiting builds meanwhile
            waiting.set(false);
            heapMb = heapAfterGc();
            if (holdFirstAnalysis) {
                WORLD.simulator().control("complete?outcome=success");
                WORLD.simulator().control("outcome?value=success");
                released = System.nanoTime();
            }
            long deadline = started + cap.toNanos();
            finished = Wait.until(
                    "the " + job + " burst",
                    cap.plusMinutes(1),
                    () -> {
                        int done = finished(job, firstBuild);
                        return done >= BUILDS || System.nanoTime() > deadline
                                ? java.util.Optional.of(done)
                                : java.util.Optional.empty();
                    },
                    () -> job);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        long ended = System.nanoTime();
        double wall = (ended - started) / 1e9;
        if (finished < BUILDS) {
            abortAll(job);
        }
        JsonNode after = WORLD.simulator().stats();
        return new Burst(
                job,
                finished,
                after.get("analysisStarts").asInt()
                        - before.get("analysisStarts").asInt(),
                after.get("requests").asInt() - before.get("requests").asInt(),
                executorSeconds.sum(),
                wall,
                waitingThreads.get(),
                peakThreads.get(),
                heapMb,
                (ended - released) / 1e9);
    }

    private static int running(String job, int firstBuild) throws IOException, InterruptedException {
        int count = 0;
        for (JsonNode build : builds(job)) {
            if (build.get("number").asInt() >= firstBuild) {
                count++;
            }
        }
        return count;
    }

    private static int finished(String job, int firstBuild) throws IOException, InterruptedException {
        int count = 0;
        for (JsonNode build : builds(job)) {
            if (build.get("number").asInt() >= firstBuild
                    && !build.get("building").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode builds(String job) throws IOException, InterruptedException {
        return WORLD.client()
                .json(Jobs.url(job) + "api/json?tree=builds[number,building]{0," + (BUILDS + 10) + "}")
                .get("builds");
    }

    private static int queued() throws IOException, InterruptedException {
        return WORLD.client().json("queue/api/json?tree=items[id]").get("items").size();
    }

    /** Cancels what is queued and aborts what runs, so the controller stops cleanly after a capped burst. */
    private static void abortAll(String job) throws IOException, InterruptedException {
        for (JsonNode item :
                WORLD.client().json("queue/api/json?tree=items[id]").get("items")) {
            WORLD.client().post("queue/cancelItem?id=" + item.get("id").asText(), null, "");
        }
        for (JsonNode build : builds(job)) {
            if (build.get("building").asBoolean()) {
                WORLD.client().post(Jobs.url(job) + build.get("number").asInt() + "/stop", null, "");
            }
        }
    }

    /** The controller JVM's live threads (Linux: /proc). */
    private static int threads() throws IOException {
        String status = Files.readString(
                Path.of("/proc", String.valueOf(WORLD.jenkins().process().pid()), "status"));
        Matcher matcher = THREADS.matcher(status);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The controller's used heap right after a full GC, in MB (jcmd GC.run, then GC.heap_info). */
    private static double heapAfterGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024.0 : -1;
    }

    private static String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(
                        jcmd.toString(),
                        String.valueOf(WORLD.jenkins().process().pid()),
                        command)
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + " did not end");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
