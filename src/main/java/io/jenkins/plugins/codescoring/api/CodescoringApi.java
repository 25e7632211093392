package io.jenkins.plugins.codescoring.api;

import java.time.Instant;
import java.util.List;

/**
 * The calls this plugin makes to a CodeScoring platform. {@link CodescoringClient} implements it over
 * HTTP; the scan engine depends only on this interface, so it can be driven by fakes in tests.
 * Every method either returns complete, validated data or throws a typed {@link CodescoringException}.
 */
public interface CodescoringApi {

    /** POST the start of the overall SCA analysis. "Already running" is an outcome, not an error. */
    StartOutcome startOverallAnalysis() throws CodescoringException, InterruptedException;

    /** The status of the last overall analysis run. */
    AnalysisStatus overallAnalysisStatus() throws CodescoringException, InterruptedException;

    /** All active alerts in the scope, every page. */
    List<Alert> activeAlerts(AlertScope scope) throws CodescoringException, InterruptedException;

    /** All policies, every page. */
    List<Policy> policies() throws CodescoringException, InterruptedException;

    /** Projects whose name contains the text (the platform's search); callers pick the exact match. */
    List<Project> searchProjects(String name) throws CodescoringException, InterruptedException;

    /** The project with this numeric id; BAD_CONFIGURATION when the platform has none. */
    Project project(String id) throws CodescoringException, InterruptedException;

    /** One cheap authenticated call that proves the URL and the token work. */
    void checkConnection() throws CodescoringException, InterruptedException;

    /**
     * The same API whose retries never go past the deadline: a retry that would end after it is not
     * made and the last error is thrown instead.
     */
    CodescoringApi withDeadline(Instant deadline);

    /** The platform's base URL, for reports and links (never holds a secret). */
    String platformUrl();

    /**
     * Tells apart the platform and credential this API talks with, without revealing the credential:
     * two APIs with equal keys get the same answers, so their scans may share them.
     */
    String connectionKey();
}
