package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * {@link AnalysisCoordinator#endScans}: the scans whose platform changed under them end with BAD_CONFIGURATION before
 * the coordinator reads anything more, and the others wait on.
 */
public class AnalysisCoordinatorEndScansTest {
    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakePlatform platform = new FakePlatform(clock);
    private final AnalysisCoordinator coordinator = new AnalysisCoordinator(scheduler, clock);
    private final Map<String, ScanResult> results = new HashMap<>();

    private void submit(String name) {
        submit(name, platform.platformUrl());
    }

    /** @param url the platform URL the request began on, or null (a request that names none) */
    private void submit(String name, String url) {
        ScanRequest request = ScanRequest.builder()
                .platformName(name)
                .platformUrl(url)
                .maxPollInterval(Duration.ofSeconds(30))
                .timeout(Duration.ofHours(1))
                .build();
        coordinator.submit(
                platform,
                request,
                ScanState.begin(request, clock.instant()),
                ScanListener.SILENT,
                r -> assertNull("a scan completes once", results.put(name, r)));
    }

    @Test
    public void theScansOfAChangedPlatformEndWithAnErrorAndNothingMoreIsRead() {
        platform.analysisDuration = Duration.ofHours(1);
        submit("prod");
        scheduler.runFor(Duration.ofMinutes(2));
        assertEquals(0, results.size());

        coordinator.endScans(
                (name, url) -> url.equals(platform.platformUrl()) ? "The platform '" + name + "' moved" : null);
        int calls = platform.totalCalls();
        scheduler.runFor(Duration.ofSeconds(1));

        ScanResult ended = results.get("prod");
        assertNotNull("ended within a second", ended);
        assertEquals(Verdict.ERROR, ended.verdict());
        assertEquals(ErrorKind.BAD_CONFIGURATION, ended.errorKind());
        assertEquals("The platform 'prod' moved", ended.errorMessage());
        scheduler.runFor(Duration.ofMinutes(5));
        assertEquals("nothing more went to the old URL", calls, platform.totalCalls());
        assertEquals(0, coordinator.waiting());
    }

    @Test
    public void scansTheReasonDoesNotNameWaitOn() {
        platform.analysisDuration = Duration.ofHours(1);
        submit("prod");
        submit("other");
        scheduler.runFor(Duration.ofMinutes(1));
        coordinator.endScans((name, url) -> "prod".equals(name) ? "gone" : null);
        int reads = platform.calls("status");
        scheduler.runFor(Duration.ofMillis(60)); // the tick that ends "prod", at 50 ms
        assertEquals("that tick reads the status for the scan left", reads + 1, platform.calls("status"));
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(ErrorKind.BAD_CONFIGURATION, results.get("prod").errorKind());
        assertNull(results.get("other"));
        assertEquals(1, coordinator.waiting());
        int calls = platform.totalCalls();
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals("the other scan still polls", true, platform.totalCalls() > calls);
    }

    /**
     * The URL a scan is judged by is the one its request began on (as configured then), else, for a request that
     * names none, the coordinator's.
     */
    @Test
    public void aScanIsJudgedByTheUrlItsRequestBeganOn() {
        platform.analysisDuration = Duration.ofHours(1);
        Map<String, String> urlsSeen = new HashMap<>();
        submit("configured", "https://configured.example/cs/");
        submit("unnamed", null);
        scheduler.runFor(Duration.ofMinutes(1));
        coordinator.endScans((name, url) -> {
            urlsSeen.put(name, url);
            return null;
        });
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals("https://configured.example/cs/", urlsSeen.get("configured"));
        assertEquals(platform.platformUrl(), urlsSeen.get("unnamed"));
        assertEquals(0, results.size());
    }

    /** A scan submitted but not yet admitted by a tick is ended too, before anything is read for it. */
    @Test
    public void aScanNotYetAdmittedIsEndedBeforeAnyRead() {
        submit("prod");
        coordinator.endScans((name, url) -> "moved");
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(ErrorKind.BAD_CONFIGURATION, results.get("prod").errorKind());
        assertEquals(0, platform.totalCalls());
    }

    @Test
    public void endingWhenNobodyWaitsDoesNothing() {
        coordinator.endScans((name, url) -> "gone");
        assertEquals("no tick is scheduled for nobody", 0, scheduler.pending());
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(0, platform.totalCalls());
        submit("prod");
        platform.analysisDuration = Duration.ofSeconds(10);
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(
                "a later scan is not ended by an old request",
                Verdict.PASSED,
                results.get("prod").verdict());
    }
}
