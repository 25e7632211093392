package io.jenkins.plugins.codescoring.api;

/**
 * Why a call to CodeScoring, or a whole scan, could not produce a verdict. Each kind carries the
 * advice a user needs to act on it; the message of the exception says what happened this time.
 */
public enum ErrorKind {
    BAD_CONFIGURATION("Check the platform URL, the project and the stage configured for the scan."),
    UNREACHABLE("Check that the platform URL is right, that the platform is reachable from where the scan runs"
            + " (for the plugin: the Jenkins controller), and the proxy settings."),
    TLS_FAILURE(
            "The platform's certificate is not trusted by this Java runtime. Import the platform's CA certificate"
                    + " into the JVM truststore with keytool (see the troubleshooting guide); verification cannot be turned off."),
    TOKEN_REJECTED(
            "Check the API token: generate a new one in the CodeScoring user profile and store it in the credential (or CODESCORING_TOKEN)."),
    NOT_CODESCORING_API(
            "Check the platform URL: it must be the address of the CodeScoring web interface, without /api."),
    REDIRECTED(
            "Use the address the platform redirects to (for example https:// instead of http://) as the platform URL."),
    REQUEST_REJECTED(
            "The platform refused the request. Check the platform version and the API paths (see the compatibility guide)."),
    RATE_LIMITED("The platform keeps asking to slow down. Try again later or raise the platform's rate limit."),
    SERVER_ERROR("The platform answered with server errors. Check the platform's health and logs, then try again."),
    UNREADABLE_RESPONSE(
            "The platform's answer was not what this plugin expects. Check that the URL points to CodeScoring,"
                    + " that no proxy or login page answers instead, and the API paths (see the compatibility guide)."),
    TIMEOUT("The platform did not answer, or the analysis did not finish, in time. Raise the timeout,"
            + " or check the platform's load and its analysis queue."),
    ANALYSIS_FAILED("The analysis failed on the platform. Look at the analysis log in CodeScoring."),
    ANALYSIS_CANCELLED("The analysis was cancelled on the platform. Start the build again when it may run."),
    ABORTED("The scan was aborted.");

    private final String advice;

    ErrorKind(String advice) {
        this.advice = advice;
    }

    /** What the user should check next. */
    public String advice() {
        return advice;
    }

    /** Whether trying the same request again later may succeed. */
    public boolean isTransient() {
        return this == UNREACHABLE || this == SERVER_ERROR || this == RATE_LIMITED;
    }
}
