package io.jenkins.plugins.codescoring.cli;

import io.jenkins.plugins.codescoring.scan.ScanRequest;

/** The terminal runner's help text. */
final class Usage {
    static final String HINT = "Run with --help for usage.";

    static final String TEXT = String.join(
            "\n",
            "Usage:",
            "  java -jar codescoring-cli.jar scan --url URL [--project NAME|ID] [--stage STAGE]",
            "                                     [--timeout SECONDS] [--poll-interval MAX_SECONDS] [--json FILE]",
            "  java -jar codescoring-cli.jar simulator [simulator options | --help]",
            "  java -jar codescoring-cli.jar --help",
            "",
            "scan starts the CodeScoring overall SCA analysis, waits until it has finished and checks the",
            "active alerts in scope against the policies that block builds.",
            "",
            "Options of scan:",
            "  --url URL                    address of the CodeScoring platform, e.g. https://codescoring.example.com",
            "  --project NAME|ID            only the alerts of this project (default: all projects)",
            "  --stage STAGE                only the alerts at this stage: dev, source, build, stage, test, prod or",
            "                               proxy (default: all stages)",
            "  --timeout SECONDS            give up when there is no verdict after this long (default: "
                    + ScanRequest.DEFAULT_TIMEOUT.toSeconds() + ")",
            "  --poll-interval MAX_SECONDS  the longest wait between two status checks (default: "
                    + ScanRequest.DEFAULT_MAX_POLL_INTERVAL.toSeconds() + ")",
            "  --json FILE                  also write the result to FILE as JSON (see docs/json-report.md)",
            "",
            "Environment:",
            "  " + ScanCommand.TOKEN_VARIABLE
                    + "            the API token (required). It is never accepted as an argument:",
            "                               arguments show up in shell history and process lists.",
            "  CODESCORING_API_PATH_<NAME>  overrides the path of one API endpoint (START_ANALYSIS, ANALYSIS_STATUS,",
            "                               ALERTS, POLICIES, PROJECTS), e.g. CODESCORING_API_PATH_ALERTS=/api/v2/alerts/",
            "",
            "Java settings (before -jar): an HTTP proxy with -Dhttps.proxyHost=HOST -Dhttps.proxyPort=PORT",
            "(or -Djava.net.useSystemProxies=true); trust a platform certificate from a private CA with",
            "-Djavax.net.ssl.trustStore=FILE, a truststore that holds that CA (made with keytool -importcert).",
            "",
            "Exit codes: 0 = passed, 1 = blocked by a policy, 2 = no verdict (error) or wrong usage.",
            "");

    private Usage() {}
}
