package io.jenkins.plugins.codescoring.scan;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * Which run is known to be older than the baseline: by numeric id, or by start time when the platform gives no ids.
 * A run known older proves nothing (a lagging replica); anything else may be newer.
 */
public class RunAfterRequestTest {
    private static final String NINE = "started:2026-12-01T09:00:00Z";
    private static final String TEN = "started:2026-12-01T10:00:00Z";

    @Test
    public void aSmallerIdIsOlderAnEqualOrLargerOneIsNot() {
        assertTrue(RunAfterRequest.knownOlder("id:5", "id:40"));
        assertFalse(RunAfterRequest.knownOlder("id:40", "id:40"));
        assertFalse(RunAfterRequest.knownOlder("id:41", "id:40"));
        assertFalse("ids that are not numbers: unknown", RunAfterRequest.knownOlder("id:a5", "id:40"));
    }

    @Test
    public void anEarlierStartIsOlderAnEqualOrLaterOneIsNot() {
        assertTrue(RunAfterRequest.knownOlder(NINE, TEN));
        assertFalse(RunAfterRequest.knownOlder(TEN, TEN));
        assertFalse(RunAfterRequest.knownOlder(TEN, NINE));
        assertFalse("a start time that cannot be read: unknown", RunAfterRequest.knownOlder("started:yesterday", TEN));
        assertFalse(RunAfterRequest.knownOlder(NINE, "started:today"));
    }

    @Test
    public void keysOfDifferentKindsOrNoBaselineAreNeverKnownOlder() {
        assertFalse(RunAfterRequest.knownOlder("id:5", TEN));
        assertFalse(RunAfterRequest.knownOlder(NINE, "id:40"));
        assertFalse(RunAfterRequest.knownOlder("id:5", null));
    }
}
