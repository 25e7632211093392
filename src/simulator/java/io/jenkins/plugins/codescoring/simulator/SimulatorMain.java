package io.jenkins.plugins.codescoring.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** Runs a simulator in the foreground for demos and manual tests, until the process is killed (Ctrl-C). */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        CodescoringSimulator simulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "codescoring-simulator-shutdown"));
        stopped.await();
    }

    /** Starts a simulator as the options say and describes it on {@code out}. */
    static CodescoringSimulator start(SimulatorOptions options, PrintStream out) throws IOException {
        CodescoringSimulator simulator = CodescoringSimulator.start(options.port(), options.token());
        Dataset dataset = Dataset.byName(options.datasetName());
        simulator.load(dataset);
        simulator.setAnalysisDuration(options.analysisDuration());
        simulator.setOutcomes(options.outcome());
        simulator.setLegacyBooleans(options.legacyBooleans());
        if (options.control()) {
            simulator.enableControl();
        }
        out.println("CodeScoring simulator listening on " + simulator.baseUrl());
        out.println("dataset " + dataset.describe());
        out.println("analysis: " + options.analysisDuration().toMillis() / 1000.0 + " s, outcome "
                + options.outcome().name().toLowerCase(Locale.ROOT));
        out.println("token: "
                + ("default".equals(options.tokenSource())
                        ? SimulatorOptions.DEFAULT_TOKEN + " (default)"
                        : "as given by " + options.tokenSource()));
        WebhookSettings webhooks = options.webhooks();
        if (webhooks != null) {
            simulator.sendWebhooks(webhooks);
            out.println("webhooks: POST to " + withoutUserInfo(webhooks.target()) + " every "
                    + webhooks.batchInterval().toMillis() / 1000.0
                    + " s, token "
                    + ("default".equals(options.webhookTokenSource())
                            ? SimulatorOptions.DEFAULT_WEBHOOK_TOKEN + " (default)"
                            : "as given by " + options.webhookTokenSource()));
        }
        if (options.control()) {
            out.println("control: " + simulator.baseUrl() + ControlEndpoint.PREFIX + "stats (loopback only)");
        }
        out.println("Ctrl-C stops it.");
        return simulator;
    }

    /** The URL without {@code user:password@}, which could be a secret. */
    static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://"
                + url.getRawAuthority().substring(url.getRawUserInfo().length() + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
