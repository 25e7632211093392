package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Test;

public class ScanRequestTest {
    @Test
    public void defaultsAreTheDocumentedOnes() {
        ScanRequest request = ScanRequest.builder().build();
        assertEquals(Duration.ofMinutes(60), request.timeout());
        assertEquals(Duration.ofSeconds(30), request.maxPollInterval());
        assertEquals(Duration.ofSeconds(2), request.firstPollInterval());
        assertNull(request.project());
        assertNull(request.stage());
    }

    @Test
    public void stagesAreCheckedAndNormalised() {
        assertEquals("build", ScanRequest.builder().stage(" Build ").build().stage());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ScanRequest.builder().stage("biuld").build());
        assertTrue(
                e.getMessage(),
                e.getMessage().contains("'biuld'") && e.getMessage().contains("dev, source, build"));
    }

    @Test
    public void aProjectIsOneLineOfAtMostTheLongestLength() {
        String longest = "p".repeat(ScanRequest.MAX_PROJECT_LENGTH);
        assertEquals(longest, ScanRequest.builder().project(longest).build().project());
        for (String refused : new String[] {longest + "q", "shop\nrm -rf", "shop\u0007x"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> ScanRequest.builder().project(refused).build());
            assertTrue(e.getMessage(), e.getMessage().contains("at most 255 characters"));
        }
    }

    @Test
    public void blankScopeMeansEverything() {
        ScanRequest request = ScanRequest.builder().project("  ").stage("").build();
        assertNull(request.project());
        assertNull(request.stage());
    }

    @Test
    public void theFirstPollNeverWaitsLongerThanTheMaximum() {
        ScanRequest request = ScanRequest.builder()
                .firstPollInterval(Duration.ofMinutes(5))
                .maxPollInterval(Duration.ofSeconds(10))
                .build();
        assertEquals(Duration.ofSeconds(10), request.firstPollInterval());
    }

    @Test
    public void timesMustBePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ScanRequest.builder().timeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> ScanRequest.builder()
                .maxPollInterval(Duration.ofSeconds(-1))
                .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> ScanRequest.builder().transientPatience(Duration.ZERO).build());
    }
}
