package io.jenkins.plugins.codescoring.scan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * Retry by time inside the coordinator's shared round: a streak of transient failures ends, and is said to
 * end, when a later round's calls succeed; several failing scans retry as soon as the most eager of them
 * wants; a Retry-After holds back every call of the platform until it ends, the longest of a round's winning;
 * a project lookup that fails waits or ends the scan by the same rules as any other call.
 */
public class PollRoundRetryTest {
    private static final String RECOVERED = "The platform answers again";
    private static final String TRYING_AGAIN = "Trying again for up to";

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final Map<Integer, ScanResult> results = new HashMap<>();
    private final Map<Integer, List<String>> lines = new ConcurrentHashMap<>();
    /** Calls that fail, by method name, while set. */
    private final Map<String, CodescoringException> failing = new ConcurrentHashMap<>();
    /** When each call to the platform was made (the virtual clock), failed or not. */
    private final List<Instant> callTimes = new ArrayList<>();
    /** Calls made, failed or not, by method name. */
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    private final CodescoringApi api = (CodescoringApi)
            Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CodescoringApi.class}, this::call);

    private Object call(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("withDeadline")) {
            return proxy;
        }
        if (!name.equals("platformUrl") && !name.equals("connectionKey")) {
            synchronized (callTimes) {
                callTimes.add(clock.instant());
            }
            calls.merge(name, 1, Integer::sum);
        }
        CodescoringException failure = failing.get(name);
        if (failure != null) {
            throw failure;
        }
        try {
            return method.invoke(platform, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void submit(int scan, ScanRequest request) {
        List<String> said = new ArrayList<>();
        lines.put(scan, said);
        coordinator.submit(
                api,
                request,
                ScanState.begin(request, clock.instant()),
                line -> {
                    synchronized (said) {
                        said.add(line);
                    }
                },
                result -> results.put(scan, result));
    }

    private long said(int scan, String words) {
        List<String> said = lines.get(scan);
        synchronized (said) {
            return said.stream().filter(l -> l.contains(words)).count();
        }
    }

    private int statusReads() {
        return calls.getOrDefault("overallAnalysisStatus", 0);
    }

    /** Runs the virtual clock a second at a time until the condition holds; at most {@code bound}. */
    private void runUntil(Predicate<Void> condition, Duration bound) {
        Instant end = clock.instant().plus(bound);
        while (!condition.test(null)) {
            if (!clock.instant().isBefore(end)) {
                throw new AssertionError("not within " + bound);
            }
            scheduler.runFor(Duration.ofSeconds(1));
        }
    }

    private static CodescoringException unavailable() {
        return new CodescoringException(ErrorKind.SERVER_ERROR, "HTTP 503 from the platform.");
    }

    private static CodescoringException slowDown(Duration retryAfter) {
        return new CodescoringException(ErrorKind.RATE_LIMITED, "HTTP 429 from the platform.", null, retryAfter);
    }

    private static ScanRequest.Builder longWait() {
        return ScanRequest.builder()
                .timeout(Duration.ofMinutes(60))
                .transientPatience(Duration.ofMinutes(10))
                .firstPollInterval(Duration.ofSeconds(2))
                .maxPollInterval(Duration.ofSeconds(60));
    }

    /** One failed status read, then good ones: the scan says once that it tries again, once that it recovered. */
    @Test
    public void aStreakThatEndsIsSaidToEndInTheFirstRoundWhoseCallsSucceed() {
        platform.analysisDuration = Duration.ofMinutes(30);
        submit(1, longWait().build());
        scheduler.runFor(Duration.ofMinutes(2)); // the analysis runs
        failing.put("overallAnalysisStatus", unavailable());
        int before = statusReads();
        runUntil(v -> statusReads() > before, Duration.ofMinutes(2));
        assertEquals(1, said(1, TRYING_AGAIN));
        assertEquals("not in the round that failed", 0, said(1, RECOVERED));

        failing.clear();
        int failedReads = statusReads();
        runUntil(v -> statusReads() > failedReads, Duration.ofMinutes(2));
        assertEquals("in the first round whose calls succeed", 1, said(1, RECOVERED));
        assertNull("the analysis still runs", results.get(1));

        // A second streak is a new one: said again, with its whole patience.
        failing.put("overallAnalysisStatus", unavailable());
        int secondStreak = statusReads();
        runUntil(v -> statusReads() > secondStreak, Duration.ofMinutes(2));
        assertEquals(2, said(1, TRYING_AGAIN));
        failing.clear();
        scheduler.runFor(Duration.ofMinutes(40));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
        assertEquals(2, said(1, RECOVERED));
    }

    /**
     * Two scans fail in the same rounds; the one whose retries come every 2 s sets the pace, whichever of them
     * was submitted first.
     */
    @Test
    public void severalFailingScansRetryAsSoonAsTheMostEagerWants() {
        for (boolean eagerFirst : new boolean[] {true, false}) {
            results.clear();
            callTimes.clear();
            ScanRequest eager = longWait().build();
            ScanRequest calm =
                    longWait().firstPollInterval(Duration.ofSeconds(20)).build();
            platform.analysisDuration = Duration.ofMinutes(30);
            submit(1, eagerFirst ? eager : calm);
            submit(2, eagerFirst ? calm : eager);
            scheduler.runFor(Duration.ofMinutes(10)); // polls a minute apart by now
            failing.put("overallAnalysisStatus", unavailable());
            int before = statusReads();
            runUntil(v -> statusReads() > before, Duration.ofMinutes(2));
            int first = statusReads();
            scheduler.runFor(Duration.ofSeconds(10));
            // The streak's waits are half its length, at least 2 s: retries at +2, +4, +6, +9 s.
            assertThat("eager first: " + eagerFirst, statusReads() - first, greaterThanOrEqualTo(3));
            failing.clear();
            scheduler.runFor(Duration.ofMinutes(60));
            assertEquals(Verdict.PASSED, results.get(1).verdict());
            assertEquals(Verdict.PASSED, results.get(2).verdict());
        }
    }

    /** A Retry-After holds back every call until it ends, and of two in one round the longer one counts. */
    @Test
    public void theLongestRetryAfterOfARoundHoldsBackEveryCall() {
        failing.put("project", slowDown(Duration.ofSeconds(30)));
        failing.put("overallAnalysisStatus", slowDown(Duration.ofSeconds(10)));
        submit(1, longWait().project("7").build());
        submit(2, longWait().build());
        runUntil(v -> statusReads() > 0, Duration.ofSeconds(5));
        Instant failedAt = clock.instant();
        int callsInTheRound = callTimes.size();
        assertEquals("a project lookup and a status read", 2, callsInTheRound);

        failing.clear();
        runUntil(v -> callTimes.size() > callsInTheRound, Duration.ofMinutes(2));
        Duration gap = Duration.between(failedAt, callTimes.get(callsInTheRound));
        assertThat(gap, greaterThanOrEqualTo(Duration.ofSeconds(29)));
        assertThat(gap, lessThanOrEqualTo(Duration.ofSeconds(31)));
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(Verdict.PASSED, results.get(1).verdict());
        assertEquals(Verdict.PASSED, results.get(2).verdict());
    }

    /** Once a Retry-After has passed, the next round comes at its own interval, not later. */
    @Test
    public void aRetryAfterThatHasPassedDelaysNothing() {
        platform.analysisDuration = Duration.ofMinutes(30);
        submit(1, longWait().maxPollInterval(Duration.ofSeconds(2)).build());
        failing.put("overallAnalysisStatus", slowDown(Duration.ofSeconds(20)));
        runUntil(v -> statusReads() > 0, Duration.ofSeconds(5));
        failing.clear();
        scheduler.runFor(Duration.ofSeconds(30)); // the asked wait is over, and polls every 2 s again
        int before = statusReads();
        scheduler.runFor(Duration.ofSeconds(20));
        assertThat(statusReads() - before, greaterThanOrEqualTo(9));
    }

    /** A project lookup that fails for a while: the scan waits, looks the project up again, and gets its verdict. */
    @Test
    public void aProjectLookupThatFailsForAWhileIsTriedAgain() {
        failing.put("project", unavailable());
        submit(1, longWait().project("7").build());
        runUntil(v -> calls.getOrDefault("project", 0) >= 3, Duration.ofMinutes(2));
        assertEquals(1, said(1, TRYING_AGAIN));
        assertNull(results.get(1));
        failing.clear();
        scheduler.runFor(Duration.ofMinutes(10));
        ScanResult result = results.get(1);
        assertEquals(Verdict.PASSED, result.verdict());
        assertEquals(1, platform.calls("project"));
        assertEquals(1, said(1, RECOVERED));
        assertThat(lines.get(1), hasItem(startsWith(RECOVERED)));
    }

    /** A project lookup refused for good (no such project) ends the scan in that round, with what to fix. */
    @Test
    public void aProjectLookupRefusedForGoodEndsTheScanAtOnce() {
        failing.put("searchProjects", new CodescoringException(ErrorKind.BAD_CONFIGURATION, "No project 'shop'."));
        submit(1, longWait().project("shop").build());
        submit(2, longWait().build());
        scheduler.runFor(Duration.ofSeconds(1));
        ScanResult result = results.get(1);
        assertEquals(Verdict.ERROR, result == null ? null : result.verdict());
        assertEquals(ErrorKind.BAD_CONFIGURATION, result.errorKind());
        assertNull("the other scan goes on", results.get(2));
        assertThat(lines.get(2), not(hasItem(containsString(TRYING_AGAIN))));
    }
}
