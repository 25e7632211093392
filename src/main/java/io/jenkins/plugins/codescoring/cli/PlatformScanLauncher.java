package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Sleeper;
import io.jenkins.plugins.codescoring.scan.ResultFactory;
import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.ScanRunner;
import io.jenkins.plugins.codescoring.scan.ScanState;
import java.time.Clock;

/** Runs a scan for real: the plugin's HTTP client and the scan engine, on the calling thread. */
public final class PlatformScanLauncher implements ScanLauncher {
    private final Clock clock;
    private final Sleeper sleeper;

    public PlatformScanLauncher() {
        this(Clock.systemUTC(), Sleeper.REAL);
    }

    public PlatformScanLauncher(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public ScanResult scan(String platformUrl, String token, ScanRequest request, ScanListener listener)
            throws InterruptedException {
        CodescoringApi api;
        try {
            api = CodescoringClient.builder(platformUrl, token).build();
        } catch (CodescoringException e) {
            return new ResultFactory(request, platformUrl)
                    .error(ScanState.begin(request, clock.instant()), e.kind(), e.getMessage(), clock.instant());
        }
        return new ScanRunner(api, clock, sleeper).run(request, listener);
    }
}
