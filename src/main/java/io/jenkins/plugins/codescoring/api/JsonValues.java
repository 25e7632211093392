package io.jenkins.plugins.codescoring.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads single fields tolerantly, the way platform versions actually write them: ids as numbers or
 * text, booleans also as "True"/"False" (before 2026.3.0) or 1/0, dates as ISO-8601 with or without an
 * offset. What cannot be read is an {@link UnexpectedShape} naming the field, never a silent default.
 */
final class JsonValues {
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern OFFSET_HOURS_ONLY = Pattern.compile("(T[^+-]*[+-]\\d{2})$");

    private JsonValues() {}

    /** An id (number or text) as text, or null when the field is absent, null or blank. */
    static String id(JsonNode parent, String field, String subject) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isTextual()) {
            String text = value.asText().trim();
            return text.isEmpty() ? null : text;
        }
        throw wrong(field, subject, "an id (a number or text)", value);
    }

    static String requiredId(JsonNode parent, String field, String subject) throws UnexpectedShape {
        String id = id(parent, field, subject);
        if (id == null) {
            throw missing(field, subject);
        }
        return id;
    }

    /** A text (numbers and booleans are taken as written), or null when absent or null. */
    static String text(JsonNode parent, String field, String subject) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        throw wrong(field, subject, "a text", value);
    }

    /** A boolean, or the default when absent or null. */
    static boolean bool(JsonNode parent, String field, String subject, boolean absent) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        return isAbsent(value) ? absent : toBool(value, field, subject);
    }

    static boolean requiredBool(JsonNode parent, String field, String subject) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            throw missing(field, subject);
        }
        return toBool(value, field, subject);
    }

    /** A present, non-null value as a boolean (no {@code Boolean} that may be null: SpotBugs NP_BOOLEAN_RETURN_NULL). */
    private static boolean toBool(JsonNode value, String field, String subject) throws UnexpectedShape {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        // canConvertToLong: a huge number such as 2^64 + 1 must not wrap around to 1 (or 0).
        if (value.isIntegralNumber() && value.canConvertToLong() && (value.asLong() == 0 || value.asLong() == 1)) {
            return value.asLong() == 1;
        }
        if (value.isTextual()) {
            switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    break;
            }
        }
        throw wrong(field, subject, "a boolean", value);
    }

    /**
     * An ISO-8601 date-time; without an offset it is taken as UTC. A space instead of the "T", an
     * offset without a colon or with hours only, and a bare date are accepted too. Null when absent,
     * null or blank.
     */
    static Instant instant(JsonNode parent, String field, String subject) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        if (isAbsent(value) || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(field, subject, "an ISO-8601 date", value);
        }
        try {
            return parseInstant(value.asText().trim());
        } catch (DateTimeParseException e) {
            throw wrong(field, subject, "an ISO-8601 date", value);
        }
    }

    static Instant parseInstant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        iso = OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2");
        iso = OFFSET_HOURS_ONLY.matcher(iso).replaceFirst("$1:00");
        TemporalAccessor parsed =
                DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof ZonedDateTime
                ? ((ZonedDateTime) parsed).toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** A list of texts; a single text is a list of one; absent or null is an empty list. */
    static List<String> texts(JsonNode parent, String field, String subject) throws UnexpectedShape {
        JsonNode value = parent.get(field);
        List<String> result = new ArrayList<>();
        if (isAbsent(value)) {
            return result;
        }
        if (value.isValueNode()) {
            result.add(value.asText());
            return result;
        }
        if (!value.isArray()) {
            throw wrong(field, subject, "a list of texts", value);
        }
        for (JsonNode item : value) {
            if (item.isValueNode() && !item.isNull()) {
                result.add(item.asText());
            } else if (!item.isNull()) {
                result.add(item.toString());
            }
        }
        return result;
    }

    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    static UnexpectedShape missing(String field, String subject) {
        return new UnexpectedShape(subject + " has no \"" + field + "\"");
    }

    private static UnexpectedShape wrong(String field, String subject, String expected, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        return new UnexpectedShape("\"" + field + "\" of " + subject + " is not " + expected + ": " + shown);
    }
}
