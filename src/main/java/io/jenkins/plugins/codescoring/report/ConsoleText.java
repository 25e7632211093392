package io.jenkins.plugins.codescoring.report;

/**
 * Small text rules of the console report: one line per value, "-" for nothing, widths counted in code
 * points, and long values cut with an ellipsis.
 */
public final class ConsoleText {
    static final String NOTHING = "-";
    static final String ELLIPSIS = "…";

    private ConsoleText() {}

    /**
     * The value on one line: control characters (line breaks, tabs, escape sequences that could colour
     * or move the cursor) become spaces, surrounding space is trimmed, and null or blank becomes "-".
     */
    public static String cell(String value) {
        if (value == null) {
            return NOTHING;
        }
        StringBuilder line = new StringBuilder(value.length());
        value.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String trimmed = line.toString().strip();
        return trimmed.isEmpty() ? NOTHING : trimmed;
    }

    /** How many characters the text takes, counting each code point once. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The text cut to at most {@code maxWidth} code points, its last one an ellipsis when cut. */
    static String truncate(String text, int maxWidth) {
        if (width(text) <= maxWidth) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, maxWidth - 1));
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** The text followed by spaces up to the width. */
    static String pad(String text, int width) {
        int missing = width - width(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** e.g. {@code 1 policy}, {@code 2 policies}. */
    static String count(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
