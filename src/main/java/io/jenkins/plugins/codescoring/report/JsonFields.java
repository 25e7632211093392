package io.jenkins.plugins.codescoring.report;

/** The field names of the JSON report (schema version {@value #SCHEMA_VERSION}), shared by its writer and reader. */
final class JsonFields {
    static final int SCHEMA_VERSION = 1;

    static final String SCHEMA_VERSION_FIELD = "schemaVersion";
    static final String VERDICT = "verdict";
    static final String ERROR = "error";
    static final String ERROR_KIND = "kind";
    static final String ERROR_MESSAGE = "message";
    static final String ERROR_ADVICE = "advice";
    static final String PLATFORM_URL = "platformUrl";
    /** Written only when the platform has a name (the Jenkins configuration's; the terminal runner names none). */
    static final String PLATFORM_NAME = "platformName";

    static final String ANALYSIS_RUN_ID = "analysisRunId";
    static final String SCOPE = "scope";
    static final String PROJECT = "project";
    static final String STAGE = "stage";
    static final String REQUESTED_AT = "requestedAt";
    static final String FINISHED_AT = "finishedAt";
    static final String COUNTS = "counts";
    static final String ACTIVE_ALERTS = "activeAlerts";
    static final String IGNORED_ALERTS = "ignoredAlerts";
    static final String DELAYED_BLOCKING_ALERTS = "delayedBlockingAlerts";
    static final String BLOCKING_ALERTS = "blockingAlerts";
    static final String BLOCKING_POLICIES = "blockingPolicies";
    static final String BY_LEVEL = "byLevel";
    static final String ID = "id";
    static final String NAME = "name";
    static final String LEVEL = "level";
    static final String ALERTS = "alerts";
    static final String DEPENDENCY_PURL = "dependencyPurl";
    static final String VULNERABILITY = "vulnerability";
    static final String MATCHED_CRITERIA = "matchedCriteria";
    /** The rule that decided (ALL, NEW), or null when the blocking alerts were not compared (an error). */
    static final String BLOCK_ON = "blockOn";
    /** The reference build's number, or null when there was none. */
    static final String REFERENCE_BUILD = "referenceBuild";

    static final String NEW_BLOCKING_ALERTS = "newBlockingAlerts";
    /** Of an alert: new since the reference build. */
    static final String NEW = "new";

    private JsonFields() {}
}
