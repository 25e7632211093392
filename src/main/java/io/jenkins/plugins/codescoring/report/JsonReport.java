package io.jenkins.plugins.codescoring.report;

import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scan result as a stable JSON document for other tools (schema version {@value #SCHEMA_VERSION},
 * described field by field in docs/json-report.md). It holds the result and nothing else.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = JsonFields.SCHEMA_VERSION;

    private JsonReport() {}

    /** The report as JSON text, UTF-8 when stored, ending with a line break. */
    public static String toJson(ScanResult result) {
        StringWriter out = new StringWriter();
        try {
            new JsonReportWriter().write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Writes the report to the file in UTF-8, replacing it, and creating missing parent directories. */
    public static void write(ScanResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new JsonReportWriter().write(result, out);
        }
    }

    /**
     * Reads a report back (round trip of {@link #toJson}).
     *
     * @throws IllegalArgumentException when the text is not a report of schema version {@value #SCHEMA_VERSION}
     */
    public static ScanResult fromJson(String json) {
        return new JsonReportReader().read(json);
    }
}
