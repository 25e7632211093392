package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.List;

/** A launcher that answers a fixed result after printing progress lines, and remembers what it was asked. */
final class RecordingLauncher implements ScanLauncher {
    private final ScanResult result;
    private final List<String> progress;
    String platformUrl;
    String token;
    ScanRequest request;
    int calls;

    RecordingLauncher(ScanResult result, String... progress) {
        this.result = result;
        this.progress = List.of(progress);
    }

    @Override
    public ScanResult scan(String platformUrl, String token, ScanRequest request, ScanListener listener) {
        this.platformUrl = platformUrl;
        this.token = token;
        this.request = request;
        calls++;
        progress.forEach(listener::progress);
        return result;
    }
}
