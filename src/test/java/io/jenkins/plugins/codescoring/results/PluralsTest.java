package io.jenkins.plugins.codescoring.results;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.codescoring.EnglishLocale;
import io.jenkins.plugins.codescoring.results.Plurals.Form;
import java.util.Locale;
import org.junit.Rule;
import org.junit.Test;

/** One, few and many as English and Russian say them. */
public class PluralsTest {
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    @Rule
    public EnglishLocale english = new EnglishLocale();

    @Test
    public void englishHasOneAndMany() {
        assertEquals(Form.ONE, Plurals.formOf(1, Locale.ENGLISH));
        for (int n : new int[] {0, 2, 3, 5, 11, 21, 101}) {
            assertEquals("n=" + n, Form.MANY, Plurals.formOf(n, Locale.ENGLISH));
        }
    }

    @Test
    public void russianHasOneFewAndManyWithTheTeens() {
        for (int n : new int[] {1, 21, 31, 101, 121, 1001}) {
            assertEquals("n=" + n, Form.ONE, Plurals.formOf(n, RUSSIAN));
        }
        for (int n : new int[] {2, 3, 4, 22, 24, 102, 1003}) {
            assertEquals("n=" + n, Form.FEW, Plurals.formOf(n, RUSSIAN));
        }
        for (int n : new int[] {0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 25, 100, 111, 112, 114}) {
            assertEquals("n=" + n, Form.MANY, Plurals.formOf(n, RUSSIAN));
        }
    }

    @Test
    public void theMessagesSayIt() {
        assertEquals("1 blocking alert", Plurals.count("Plural.BlockingAlerts", 1));
        assertEquals("2 blocking alerts", Plurals.count("Plural.BlockingAlerts", 2));
        Locale.setDefault(RUSSIAN);
        assertEquals("1 блокирующий алерт", Plurals.count("Plural.BlockingAlerts", 1));
        assertEquals("3 блокирующих алерта", Plurals.count("Plural.BlockingAlerts", 3));
        assertEquals("11 блокирующих алертов", Plurals.count("Plural.BlockingAlerts", 11));
        assertEquals("политики «A»", Plurals.count("Plural.OfBlockingPolicies", 1, "«A»"));
        assertEquals("политик «A», «B»", Plurals.count("Plural.OfBlockingPolicies", 2, "«A», «B»"));
    }
}
