package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.ConnectionKeys;
import io.jenkins.plugins.codescoring.api.ManualClock;
import org.junit.Test;

public class AnalysisCoordinatorsTest {
    private final ManualClock clock = new ManualClock();
    private final AnalysisCoordinators coordinators = new AnalysisCoordinators(new ManualScheduler(clock), clock);

    private static CodescoringClient client(String url, String token) throws Exception {
        return CodescoringClient.builder(url, token).build();
    }

    @Test
    public void scansOfOnePlatformAndTokenShareACoordinator() throws Exception {
        assertSame(coordinators.forApi(client("https://cs.example", "t0ken-1")), coordinators.forApi(client("https://cs.example", "t0ken-1")));
        assertEquals(1, coordinators.size());
    }

    @Test
    public void anotherTokenOrPlatformGetsItsOwnCoordinator() throws Exception {
        AnalysisCoordinator first = coordinators.forApi(client("https://cs.example", "t0ken-1"));
        assertNotSame(first, coordinators.forApi(client("https://cs.example", "t0ken-2")));
        assertNotSame(first, coordinators.forApi(client("https://other.example", "t0ken-1")));
        assertEquals(3, coordinators.size());
    }

    @Test
    public void theKeyDoesNotContainTheToken() throws Exception {
        String key = client("https://cs.example", "secret-token-123").connectionKey();
        assertFalse(key.contains("secret-token-123"));
        assertEquals(64, key.length());
        assertEquals(ConnectionKeys.of("https://cs.example", "secret-token-123"), key);
        assertNotEquals(ConnectionKeys.of("https://cs.example", "secret-token-124"), key);
    }

    @Test
    public void aCoordinatorNobodyWaitsOnGoesAwayWithItsClient() {
        ManualScheduler scheduler = new ManualScheduler(clock);
        AnalysisCoordinators withScans = new AnalysisCoordinators(scheduler, clock);
        FakePlatform platform = new FakePlatform(clock);
        ScanRequest request = ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        List<ScanResult> results = new ArrayList<>();
        withScans.submit(platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
        AnalysisCoordinator used = withScans.forApi(platform);
        scheduler.runFor(Duration.ofMinutes(5));
        assertEquals("the scan has its verdict", 1, results.size());

        scheduler.runFor(AnalysisCoordinators.IDLE_EVICTION.multipliedBy(2));

        assertEquals("an idle coordinator, and the client it kept, are let go", 0, withScans.size());
        assertEquals("nothing left scheduled once all are gone", 0, scheduler.pending());
        assertNotSame(used, withScans.forApi(platform));
    }

    @Test
    public void aCoordinatorKeepsWhileAScanWaitsAndForAWhileAfter() {
        ManualScheduler scheduler = new ManualScheduler(clock);
        AnalysisCoordinators withScans = new AnalysisCoordinators(scheduler, clock);
        FakePlatform platform = new FakePlatform(clock);
        platform.analysisDuration = Duration.ofHours(1);
        ScanRequest request = ScanRequest.builder().timeout(Duration.ofHours(2)).build();
        List<ScanResult> results = new ArrayList<>();
        withScans.submit(platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
        AnalysisCoordinator used = withScans.forApi(platform);

        scheduler.runFor(Duration.ofMinutes(50));
        assertSame("kept while its scan waits", used, withScans.forApi(platform));
        scheduler.runFor(Duration.ofMinutes(12));
        assertEquals(1, results.size());
        assertSame("kept for a while after", used, withScans.forApi(platform));
    }
}
