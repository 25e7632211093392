package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Jobs and builds through the HTTP API: creating items from config.xml, triggering builds and waiting for
 * them (bounded). Names are paths such as {@code team/scan} for a job in a folder.
 */
public final class Jobs {

    /** A finished build: its result and its console text. */
    public record Build(String job, int number, String result, String console) {
        @Override
        public String toString() {
            return job + " #" + number + " " + result;
        }
    }

    private final JenkinsClient client;

    public Jobs(JenkinsClient client) {
        this.client = client;
    }

    /** {@code job/a/job/b/} for {@code a/b}. */
    public static String url(String job) {
        StringBuilder url = new StringBuilder();
        for (String part : job.split("/")) {
            url.append("job/")
                    .append(JenkinsClient.encode(part).replace("+", "%20"))
                    .append('/');
        }
        return url.toString();
    }

    /** Creates an item (job or folder) from its config.xml, in the folder {@code parent} ("" for the root). */
    public void create(String parent, String name, String configXml) throws IOException, InterruptedException {
        String where = parent.isEmpty() ? "" : url(parent);
        JenkinsClient.Answer answer =
                client.post(where + "createItem?name=" + JenkinsClient.encode(name), "application/xml", configXml);
        if (answer.status() != 200) {
            throw new IOException("creating " + name + " answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Queues a build; answers the queue item's API path, for {@link #numberOf(String, String)}. */
    public String queue(String job) throws IOException, InterruptedException {
        JenkinsClient.Answer answer = client.post(url(job) + "build?delay=0sec", null, "");
        if (answer.status() != 201) {
            throw new IOException("build of " + job + " answered " + answer.status() + ": " + answer.body());
        }
        String item = answer.header("Location").orElseThrow(() -> new IOException("no queue item for " + job));
        return item.substring(client.root().length()) + "api/json";
    }

    /** Queues a build with parameters ({@code name, value, ...}); answers the queue item's API path. */
    public String queueWithParameters(String job, String... namesAndValues) throws IOException, InterruptedException {
        JenkinsClient.Answer answer = client.postForm(url(job) + "buildWithParameters?delay=0sec", namesAndValues);
        if (answer.status() != 201) {
            throw new IOException("build of " + job + " answered " + answer.status() + ": " + answer.body());
        }
        String item = answer.header("Location").orElseThrow(() -> new IOException("no queue item for " + job));
        return item.substring(client.root().length()) + "api/json";
    }

    /** Waits (bounded) until the queued build has a number. */
    public int numberOf(String job, String queueItem) {
        return Wait.until(
                "a build number for " + job,
                Duration.ofSeconds(120),
                () -> {
                    JsonNode executable = client.json(queueItem).path("executable");
                    return executable.has("number")
                            ? Optional.of(executable.get("number").asInt())
                            : Optional.empty();
                },
                () -> "still queued");
    }

    /** Queues a build and waits (bounded) until it has a number. */
    public int trigger(String job) throws IOException, InterruptedException {
        return numberOf(job, queue(job));
    }

    /** Waits until the build has finished; fails after {@code timeout} with the console so far. */
    public Build await(String job, int number, Duration timeout) throws IOException, InterruptedException {
        String build = url(job) + number + "/";
        String result = Wait.until(
                job + " #" + number + " to finish",
                timeout,
                () -> {
                    JsonNode state = client.json(build + "api/json?tree=building,result");
                    return state.path("building").asBoolean(true)
                                    || state.path("result").isNull()
                            ? Optional.empty()
                            : Optional.of(state.get("result").asText());
                },
                () -> consoleQuietly(job, number));
        return new Build(job, number, result, console(job, number));
    }

    /** Triggers a build and waits for its end. */
    public Build run(String job, Duration timeout) throws IOException, InterruptedException {
        return await(job, trigger(job), timeout);
    }

    public String console(String job, int number) throws IOException, InterruptedException {
        return client.get(url(job) + number + "/consoleText").body();
    }

    private String consoleQuietly(String job, int number) {
        try {
            return "console of " + job + " #" + number + ":\n" + console(job, number);
        } catch (IOException | InterruptedException e) {
            return "(console unavailable: " + e + ")";
        }
    }
}
