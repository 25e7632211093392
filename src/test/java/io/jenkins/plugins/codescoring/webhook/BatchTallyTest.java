package io.jenkins.plugins.codescoring.webhook;

import static org.junit.Assert.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.Test;

/** How an unknown trigger's name is shown in the answer: the characters kept, the length, the secrets hidden. */
public class BatchTallyTest {

    private static String shownAs(String trigger, UnaryOperator<String> hideSecrets) {
        BatchTally tally = new BatchTally(hideSecrets);
        tally.unknown(trigger);
        String message = tally.message();
        String prefix = "Accepted 1 event: 1 ignored (unknown trigger \"";
        assertEquals(message, 0, message.indexOf(prefix));
        return message.substring(prefix.length(), message.length() - "\")".length());
    }

    private static String shownAs(String trigger) {
        return shownAs(trigger, UnaryOperator.identity());
    }

    @Test
    public void lettersDigitsAndAFewMarksAreKeptEverythingElseBecomesAQuestionMark() {
        assertEquals("aAzZ09_-.:[]", shownAs("aAzZ09_-.:[]"));
        // The neighbours of each kept range: '`' and '{' around a-z, '@' around A-Z, '/' and ';' around 0-9.
        assertEquals("??????", shownAs("`{@/;\""));
        assertEquals("caf?_?_?", shownAs("café_ж_<"));
        assertEquals("new?line", shownAs("new\nline"));
    }

    @Test
    public void aNameOfTheLongestLengthIsShownWholeALongerOneIsCut() {
        String longest = "t".repeat(BatchTally.MAX_NAME_LENGTH);
        assertEquals(longest, shownAs(longest));
        assertEquals(longest + "...", shownAs(longest + "u"));
    }

    @Test
    public void secretsAreHiddenBeforeTheNameIsSanitised() {
        String token = "tok+en/SECRET";
        assertEquals("x-hidden", shownAs("x-" + token, s -> s.replace(token, "hidden")));
    }
}
