package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;

import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class AnalysisCoordinatorsTest {
    private final ManualClock clock = new ManualClock();
    private final AnalysisCoordinators coordinators = new AnalysisCoordinators(new ManualScheduler(clock), clock);
    /** For the tests that run scans: their coordinators' timer, and one platform. */
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    private final AnalysisCoordinators withScans = new AnalysisCoordinators(scheduler, clock);
    private final FakePlatform platform = new FakePlatform(clock);

    private static CodescoringClient client(String url, String token) throws Exception {
        return CodescoringClient.builder(url, token).build();
    }

    @Test
    public void scansOfOnePlatformAndTokenShareACoordinator() throws Exception {
        assertSame(
                coordinators.forApi(client("https://cs.example", "t0ken-1")),
                coordinators.forApi(client("https://cs.example", "t0ken-1")));
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
        // SHA-256 of "https://cs.example\0secret-token-123", computed outside the code under test
        // (python3 -c "import hashlib; print(hashlib.sha256(b'https://cs.example\\x00secret-token-123').hexdigest())").
        assertEquals("28a7c0669ffbcc0e50b54e7a4fbbe12c46f2c30408d052a08443dc9fbb26ea5b", key);
        assertNotEquals(
                "another token, another key",
                key,
                client("https://cs.example", "secret-token-124").connectionKey());
    }

    /** The ticket a submission returns is the scan's: cancelling it (an aborted build) takes the scan out. */
    @Test
    public void theTicketOfASubmissionCancelsThatScan() {
        platform.analysisDuration = Duration.ofMinutes(10);
        ScanRequest request =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        List<ScanResult> results = new ArrayList<>();
        AnalysisCoordinator.Ticket aborted = withScans.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
        AnalysisCoordinator.Ticket kept = withScans.submit(
                platform,
                request,
                ScanState.begin(request, clock.instant()),
                ScanListener.SILENT,
                results::add,
                "build-2");
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(Phase.RUNNING, kept.snapshot().phase());
        aborted.cancel();
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(1, withScans.forApi(platform).waiting());
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals("only the scan kept gets a verdict", 1, results.size());
    }

    @Test
    public void aCoordinatorNobodyWaitsOnGoesAwayWithItsClient() {
        ScanRequest request =
                ScanRequest.builder().timeout(Duration.ofMinutes(30)).build();
        List<ScanResult> results = new ArrayList<>();
        withScans.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
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
        platform.analysisDuration = Duration.ofHours(1);
        ScanRequest request = ScanRequest.builder().timeout(Duration.ofHours(2)).build();
        List<ScanResult> results = new ArrayList<>();
        withScans.submit(
                platform, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, results::add);
        AnalysisCoordinator used = withScans.forApi(platform);

        scheduler.runFor(Duration.ofMinutes(50));
        assertSame("kept while its scan waits", used, withScans.forApi(platform));
        scheduler.runFor(Duration.ofMinutes(12));
        assertEquals(1, results.size());
        assertSame("kept for a while after", used, withScans.forApi(platform));
    }

    @Test
    public void pollNowNudgesTheCoordinatorsOfThatPlatformOnlyWhateverTheirCredential() {
        FakePlatform first = fake("http://codescoring.test", "credential-1");
        FakePlatform second = fake("http://codescoring.test", "credential-2");
        FakePlatform elsewhere = fake("http://other.test", "credential-1");
        ScanRequest request = ScanRequest.builder()
                .maxPollInterval(Duration.ofSeconds(60))
                .timeout(Duration.ofHours(2))
                .build();
        for (FakePlatform each : List.of(first, second, elsewhere)) {
            withScans.submit(each, request, ScanState.begin(request, clock.instant()), ScanListener.SILENT, r -> {});
        }
        scheduler.runFor(Duration.ofMinutes(10));
        int before = elsewhere.calls("status");
        for (int i = 0; i < 1_000 && elsewhere.calls("status") == before; i++) {
            scheduler.runFor(Duration.ofMillis(100));
        }
        int[] polled = {first.calls("status"), second.calls("status"), elsewhere.calls("status")};

        assertEquals("the URL as configured, normalised", 2, withScans.pollNow("HTTP://CodeScoring.test/api/"));
        scheduler.runFor(Duration.ofMillis(1_500));

        assertEquals(polled[0] + 1, first.calls("status"));
        assertEquals(polled[1] + 1, second.calls("status"));
        assertEquals("another platform is not asked", polled[2], elsewhere.calls("status"));
        assertEquals(0, withScans.pollNow("http://nobody.test"));
        assertEquals(0, withScans.pollNow("not a url"));
    }

    private FakePlatform fake(String url, String key) {
        FakePlatform fake = new FakePlatform(clock);
        fake.url = url;
        fake.key = key;
        fake.analysisDuration = Duration.ofHours(1);
        return fake;
    }
}
