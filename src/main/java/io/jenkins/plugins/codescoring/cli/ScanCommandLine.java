package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.scan.ScanRequest;
import java.nio.file.Path;
import java.time.Duration;

/** What the command line of {@code scan} asks for. */
final class ScanCommandLine {
    private final String url;
    private final String project;
    private final String stage;
    private final Duration timeout;
    private final Duration maxPollInterval;
    private final Path jsonFile;

    ScanCommandLine(
            String url, String project, String stage, Duration timeout, Duration maxPollInterval, Path jsonFile) {
        this.url = url;
        this.project = project;
        this.stage = stage;
        this.timeout = timeout;
        this.maxPollInterval = maxPollInterval;
        this.jsonFile = jsonFile;
    }

    String url() {
        return url;
    }

    /** Where to write the JSON report, or null for none. */
    Path jsonFile() {
        return jsonFile;
    }

    /** The scan request, with the engine's defaults for everything the command line left out. */
    ScanRequest toRequest() {
        ScanRequest.Builder request = ScanRequest.builder().project(project).stage(stage);
        if (timeout != null) {
            request.timeout(timeout);
        }
        if (maxPollInterval != null) {
            request.maxPollInterval(maxPollInterval);
        }
        return request.build();
    }
}
