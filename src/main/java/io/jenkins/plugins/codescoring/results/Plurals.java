package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Locale;
import org.jvnet.localizer.LocaleProvider;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A count with its noun in the form the language needs: {@code 1 blocking alert}, {@code 3 blocking alerts};
 * in Russian {@code 1 блокирующий алерт}, {@code 3 блокирующих алерта}, {@code 5 блокирующих алертов}. Each
 * phrase has three messages, {@code KEY.one}, {@code KEY.few} and {@code KEY.many} (English says the same in
 * the last two), and the language's rule picks one: English one for 1, else many; Russian one for 1, 21,
 * 31... but not 11; few for 2-4, 22-24... but not 12-14; else many.
 */
@Restricted(NoExternalUse.class)
public final class Plurals {
    private static final ResourceBundleHolder MESSAGES = ResourceBundleHolder.get(Messages.class);

    /** The plural forms, as the suffixes of the message keys. */
    enum Form {
        ONE("one"),
        FEW("few"),
        MANY("many");

        private final String suffix;

        Form(String suffix) {
            this.suffix = suffix;
        }
    }

    private Plurals() {}

    /** Which form a count takes in a language. */
    @NonNull
    static Form formOf(long count, @NonNull Locale locale) {
        long n = Math.abs(count);
        if (!"ru".equals(locale.getLanguage())) {
            return n == 1 ? Form.ONE : Form.MANY;
        }
        long lastDigit = n % 10;
        long lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11) {
            return Form.ONE;
        }
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return Form.FEW;
        }
        return Form.MANY;
    }

    /**
     * The message {@code key.one|few|many} for the count, in the language of the current request (else the
     * controller's); the count is argument 0, {@code more} the following ones.
     */
    @NonNull
    public static String count(@NonNull String key, int count, Object... more) {
        Locale locale = LocaleProvider.getLocale();
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = count;
        System.arraycopy(more, 0, arguments, 1, more.length);
        return new Localizable(MESSAGES, key + "." + formOf(count, locale).suffix, arguments).toString(locale);
    }
}
