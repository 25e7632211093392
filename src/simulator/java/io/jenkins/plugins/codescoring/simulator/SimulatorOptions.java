package io.jenkins.plugins.codescoring.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link SimulatorMain}.
 *
 * @param tokenSource where the token came from: "--token", the environment variable, or "default"
 * @param webhooks where and how to send webhooks, or null for none
 * @param webhookTokenSource where the webhook token came from: "--webhook-token", the environment variable,
 *                           or "default"
 */
record SimulatorOptions(
        int port,
        String token,
        String tokenSource,
        String datasetName,
        Duration analysisDuration,
        Outcome outcome,
        boolean legacyBooleans,
        boolean control,
        boolean help,
        WebhookSettings webhooks,
        String webhookTokenSource) {

    static final String TOKEN_VARIABLE = "CODESCORING_SIMULATOR_TOKEN";
    static final String DEFAULT_TOKEN = "demo-token";
    static final String WEBHOOK_TOKEN_VARIABLE = "CODESCORING_SIMULATOR_WEBHOOK_TOKEN";
    static final String DEFAULT_WEBHOOK_TOKEN = "demo-webhook-token";

    static final String USAGE = String.join(
            "\n",
            "usage: SimulatorMain [--port N] [--token T] [--dataset NAME] [--analysis-seconds S]",
            "                     [--outcome success|failed|cancelled|never-starts|never-ends] [--legacy-booleans]",
            "                     [--control] [--webhook-url URL [--webhook-token T] [--webhook-batch-seconds S]]",
            "  --port              port on 127.0.0.1 (default 8081, 0 = any free port)",
            "  --token             accepted API token (default: $" + TOKEN_VARIABLE + ", else " + DEFAULT_TOKEN + ")",
            "  --dataset           one of " + DatasetPresets.NAMES + " (default demo)",
            "  --analysis-seconds  how long an analysis runs, decimals allowed (default 5)",
            "  --outcome           how every analysis ends (default success)",
            "  --legacy-booleans   render booleans as \"True\"/\"False\" like platforms before 2026.3.0",
            "  --control           also serve /_simulator/ (loopback, no token): GET stats gives the counts of requests,",
            "                      analysis starts and webhooks; POST outcome?value=, analysis-seconds?value=,",
            "                      complete?outcome=, fault?kind=html|malformed-json|status|hang|drop&times=N[&code=C],",
            "                      clear-faults, webhook-fault?kind=lost|duplicate|late|wrong-token&times=N[&seconds=S]",
            "                      change the behaviour of the next requests or webhook batches",
            "  --webhook-url       POST the platform's webhooks (analysis started/finished/failed/cancelled, policy",
            "                      triggered) to this URL, e.g. http://127.0.0.1:8080/jenkins/codescoring-webhook/NAME",
            "  --webhook-token     value of the " + WebhookSettings.TOKEN_HEADER + " header (default: $"
                    + WEBHOOK_TOKEN_VARIABLE + ", else " + DEFAULT_WEBHOOK_TOKEN + ")",
            "  --webhook-batch-seconds  how often queued events are sent, decimals allowed (default 5)");

    /** @throws IllegalArgumentException for an unknown option or a bad value, with a message for the user */
    static SimulatorOptions parse(String[] args, Map<String, String> environment) {
        int port = 8081;
        String envToken = environment.get(TOKEN_VARIABLE);
        boolean fromEnvironment = envToken != null && !envToken.isBlank();
        String token = fromEnvironment ? envToken : DEFAULT_TOKEN;
        String tokenSource = fromEnvironment ? "$" + TOKEN_VARIABLE : "default";
        String dataset = "demo";
        Duration duration = Duration.ofSeconds(5);
        Outcome outcome = Outcome.SUCCESS;
        boolean legacy = false;
        boolean control = false;
        boolean help = false;
        String webhookUrl = null;
        String webhookToken = null;
        Duration batchInterval = WebhookSettings.DEFAULT_BATCH_INTERVAL;
        boolean webhookDetails = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--port":
                    port = port(value(args, ++i, option));
                    break;
                case "--token":
                    token = value(args, ++i, option);
                    tokenSource = "--token";
                    break;
                case "--dataset":
                    dataset = value(args, ++i, option);
                    break;
                case "--analysis-seconds":
                    duration = seconds(option, value(args, ++i, option));
                    break;
                case "--outcome":
                    outcome = outcome(value(args, ++i, option));
                    break;
                case "--legacy-booleans":
                    legacy = true;
                    break;
                case "--control":
                    control = true;
                    break;
                case "--webhook-url":
                    webhookUrl = value(args, ++i, option);
                    break;
                case "--webhook-token":
                    webhookToken = value(args, ++i, option);
                    webhookDetails = true;
                    break;
                case "--webhook-batch-seconds":
                    batchInterval = seconds(option, value(args, ++i, option));
                    webhookDetails = true;
                    break;
                case "-h":
                case "--help":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("the token must not be empty");
        }
        Dataset.byName(dataset);
        if (webhookUrl == null && webhookDetails) {
            throw new IllegalArgumentException("--webhook-token and --webhook-batch-seconds need --webhook-url");
        }
        String webhookTokenSource = null;
        WebhookSettings webhooks = null;
        if (webhookUrl != null) {
            String envWebhookToken = environment.get(WEBHOOK_TOKEN_VARIABLE);
            if (webhookToken != null) {
                webhookTokenSource = "--webhook-token";
            } else if (envWebhookToken != null && !envWebhookToken.isBlank()) {
                webhookToken = envWebhookToken;
                webhookTokenSource = "$" + WEBHOOK_TOKEN_VARIABLE;
            } else {
                webhookToken = DEFAULT_WEBHOOK_TOKEN;
                webhookTokenSource = "default";
            }
            webhooks = webhookSettings(webhookUrl, webhookToken, batchInterval);
        }
        return new SimulatorOptions(
                port,
                token,
                tokenSource,
                dataset,
                duration,
                outcome,
                legacy,
                control,
                help,
                webhooks,
                webhookTokenSource);
    }

    private static WebhookSettings webhookSettings(String url, String token, Duration batchInterval) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the webhook token must not be empty");
        }
        if (batchInterval.isZero()) {
            throw new IllegalArgumentException("--webhook-batch-seconds must be more than 0");
        }
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--webhook-url is not a URL: " + url);
        }
        try {
            return WebhookSettings.of(target, token, batchInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook-url must be an absolute http(s) URL: " + url);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535: " + text);
    }

    /** @param option what to name in the message, e.g. {@code --analysis-seconds} */
    static Duration seconds(String option, String text) {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds >= 0 && seconds <= 86_400) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number of seconds from 0 to 86400: " + text);
    }

    static Outcome outcome(String text) {
        try {
            return Outcome.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--outcome must be success, failed, cancelled, never-starts or never-ends: " + text);
        }
    }
}
