package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * The advice of an {@link ErrorKind} in the reader's language, for the pages of Jenkins. The English text
 * is the core's {@link ErrorKind#advice()} word for word (the console and the troubleshooting guide quote
 * it); {@code ErrorAdvice.KIND} in {@code Messages_ru.properties} is the Russian one.
 */
final class ErrorAdvice {
    static final String KEY_PREFIX = "ErrorAdvice.";
    private static final ResourceBundleHolder MESSAGES = ResourceBundleHolder.get(Messages.class);

    private ErrorAdvice() {}

    /** In the language of the current request, else of the controller. */
    @NonNull
    static String of(@NonNull ErrorKind kind) {
        return new Localizable(MESSAGES, KEY_PREFIX + kind.name()).toString();
    }
}
