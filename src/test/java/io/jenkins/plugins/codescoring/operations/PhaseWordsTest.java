package io.jenkins.plugins.codescoring.operations;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.scan.Phase;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;

/** Each phase of a waiting scan in words on the operations page, in English and Russian (no Jenkins needed). */
public class PhaseWordsTest {
    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Test
    public void everyWaitingPhaseHasItsOwnWordsInEnglish() {
        assertEquals("reading the status before starting", PhaseWords.of(Phase.REQUESTED, false));
        assertEquals("waiting for another analysis to end", PhaseWords.of(Phase.WAITING_FOR_OTHER, false));
        assertEquals("waiting for its analysis to appear", PhaseWords.of(Phase.STARTED, false));
        assertEquals("analysis running", PhaseWords.of(Phase.RUNNING, false));
        assertEquals("reading alerts", PhaseWords.of(Phase.COLLECTING, false));
        assertEquals("done", PhaseWords.of(Phase.DONE, false));
    }

    @Test
    public void aRunAnotherClientStartedIsSaidSoWhileItRuns() {
        assertEquals("analysis running (started by another client)", PhaseWords.of(Phase.RUNNING, true));
        assertEquals(
                "once the run has ended the phase says what the scan does",
                "reading alerts",
                PhaseWords.of(Phase.COLLECTING, true));
    }

    @Test
    public void everyWaitingPhaseHasItsOwnWordsInRussian() {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        assertEquals("читает статус перед запуском", PhaseWords.of(Phase.REQUESTED, false));
        assertEquals("ждёт окончания другого анализа", PhaseWords.of(Phase.WAITING_FOR_OTHER, false));
        assertEquals("ждёт появления своего анализа", PhaseWords.of(Phase.STARTED, false));
        assertEquals("анализ идёт", PhaseWords.of(Phase.RUNNING, false));
        assertEquals("анализ идёт (запущен другим клиентом)", PhaseWords.of(Phase.RUNNING, true));
        assertEquals("читает алерты", PhaseWords.of(Phase.COLLECTING, false));
    }

    @Test
    public void noTwoPhasesShareWords() {
        Set<String> words = new HashSet<>();
        for (Phase phase : Phase.values()) {
            words.add(PhaseWords.of(phase, false));
        }
        words.add(PhaseWords.of(Phase.RUNNING, true));
        assertEquals(Phase.values().length + 1, words.size());
    }
}
