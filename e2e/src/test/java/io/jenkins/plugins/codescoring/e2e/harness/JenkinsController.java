package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Jenkins controller: {@code java -jar jenkins.war} on a loopback port with its own JENKINS_HOME,
 * whose {@code plugins/} holds the runtime plugins and the plugin under test, configured as code
 * (Configuration as Code plugin) from a YAML file in the home. Secrets reach it only through the
 * environment. It can be stopped (SIGTERM), killed (SIGKILL) and started again on the same home.
 */
public final class JenkinsController implements AutoCloseable {

    /** What Jenkins prints once it serves requests. */
    static final String UP = "Jenkins is fully up and running";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final E2eFiles files;
    private final Path work;
    private final Path home;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> systemProperties = new ArrayList<>();
    private ManagedProcess process;
    private int starts;

    public JenkinsController(E2eFiles files, Path work, int port) {
        this.files = files;
        this.work = work;
        this.home = work.resolve("jenkins-home");
        this.port = port;
    }

    /** {@code http://127.0.0.1:<port>/}, the root URL (no context path). */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** Every log of this controller's starts, one file each. */
    public List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            logs.add(work.resolve("jenkins-" + i + ".log"));
        }
        return logs;
    }

    public ManagedProcess process() {
        return process;
    }

    /** An environment variable of the controller (a secret for CasC, say). */
    public JenkinsController withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A {@code -Dname=value} of the controller's JVM (never a secret: command lines are visible). */
    public JenkinsController withSystemProperty(String name, String value) {
        systemProperties.add("-D" + name + "=" + value);
        return this;
    }

    /** Lays out a fresh home: the plugins as {@code .jpi}, the CasC file, init scripts ({@code name -> Groovy}). */
    public void prepareHome(String cascYaml, Map<String, String> initScripts) throws IOException {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        for (Path plugin : files.plugins()) {
            String name = plugin.getFileName().toString().replaceFirst("\\.hpi$", ".jpi");
            Files.copy(plugin, plugins.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(home.resolve("casc.yaml"), cascYaml, StandardCharsets.UTF_8);
        if (!initScripts.isEmpty()) {
            Path init = Files.createDirectories(home.resolve("init.groovy.d"));
            for (Map.Entry<String, String> script : initScripts.entrySet()) {
                Files.writeString(init.resolve(script.getKey()), script.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Starts Jenkins on the home and waits until it serves its login page (bounded). */
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Jenkins runs already");
        }
        starts++;
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx768m",
                "-Djava.awt.headless=true",
                "-Djenkins.install.runSetupWizard=false",
                // Loopback only: no update center or tool installer downloads.
                "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true"));
        jvm.addAll(systemProperties);
        jvm.addAll(List.of("-jar", files.war().toString(), "--httpListenAddress=127.0.0.1", "--httpPort=" + port));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("JENKINS_HOME", home.toString());
        env.put("CASC_JENKINS_CONFIG", home.resolve("casc.yaml").toString());
        Path log = work.resolve("jenkins-" + starts + ".log");
        process = ManagedProcess.startJava("jenkins", work, jvm, env, log);
        process.awaitLog(UP, START_TIMEOUT);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        Wait.until(
                "Jenkins to serve /login",
                Duration.ofSeconds(60),
                () -> http.send(
                                        HttpRequest.newBuilder(URI.create(url() + "login"))
                                                .timeout(Duration.ofSeconds(10))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** SIGTERM: Jenkins shuts down cleanly (Pipeline builds are paused and saved). Fails if it takes over 90 s. */
    public void stop() {
        if (process != null && !process.stop(Duration.ofSeconds(90))) {
            throw new AssertionError(
                    "Jenkins did not stop within 90 s of SIGTERM and was killed; log " + process.log());
        }
    }

    /** SIGKILL: the process dies at once, nothing is saved. */
    public void kill() {
        if (process != null) {
            process.kill();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }
}
