package io.jenkins.plugins.codescoring.scan;

/** Receives the progress lines of a scan, already worded for a console. */
@FunctionalInterface
public interface ScanListener {
    ScanListener SILENT = line -> {};

    void progress(String line);
}
