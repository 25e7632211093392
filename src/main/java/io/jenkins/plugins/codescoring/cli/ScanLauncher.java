package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.scan.ScanListener;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import io.jenkins.plugins.codescoring.scan.ScanResult;

/** Runs one scan against a platform; the terminal runner's seam for tests. */
@FunctionalInterface
public interface ScanLauncher {

    /**
     * @param platformUrl the platform's address, already checked
     * @param token the API token, to be sent to the platform and nowhere else
     * @return the result; every failure is an ERROR result
     * @throws InterruptedException when the thread is interrupted (Ctrl-C in an embedding program)
     */
    ScanResult scan(String platformUrl, String token, ScanRequest request, ScanListener listener)
            throws InterruptedException;
}
