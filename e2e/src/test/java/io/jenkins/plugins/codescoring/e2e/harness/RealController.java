package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.rules.ExternalResource;

/**
 * One test class's world: the CodeScoring simulator in its own process and a Jenkins controller started from
 * jenkins.war, configured as code with a local user, CSRF protection, two Secret text credentials (the
 * token the simulator accepts, and one it rejects) and the simulator as platform. Fresh secrets each run;
 * the {@link SecretWatch} knows them. Use as a {@code @ClassRule}; everything started is stopped after the
 * class, also when a test fails.
 */
public class RealController extends ExternalResource {

    public static final String USER = "alice";
    public static final String CREDENTIAL = "codescoring";
    public static final String WRONG_CREDENTIAL = "codescoring-wrong";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String analysisSeconds;
    private final Map<String, String> initScripts = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final String token = secret("cs-token-");
    private final String wrongToken = secret("cs-wrong-");
    private final String password = secret("pw-");
    private final SecretWatch watch = new SecretWatch();
    private E2eFiles files;
    private Path work;
    private SimulatorProcess simulator;
    private JenkinsController jenkins;
    private JenkinsClient client;
    private boolean withSecond;
    private JenkinsController secondJenkins;
    private JenkinsClient secondClient;

    /** @param name the work folder's name; @param analysisSeconds how long each simulated analysis runs */
    public RealController(String name, String analysisSeconds) {
        this.name = name;
        this.analysisSeconds = analysisSeconds;
        watch.add("the platform token", token)
                .add("the rejected token", wrongToken)
                .add("the user's password", password);
    }

    /** A Groovy script for {@code init.groovy.d} (before the class starts). */
    public RealController withInitScript(String fileName, String groovy) {
        initScripts.put(fileName, groovy);
        return this;
    }

    public RealController withSystemProperty(String property, String value) {
        systemProperties.put(property, value);
        return this;
    }

    /** A second controller, configured the same way, on the same simulator (several controllers, one platform). */
    public RealController withSecondController() {
        withSecond = true;
        return this;
    }

    @Override
    protected void before() throws Throwable {
        files = E2eFiles.fromSystemProperties();
        work = files.freshFolder(name);
        simulator = new SimulatorProcess(files, work, FreePort.pick(), token, analysisSeconds);
        simulator.start();
        jenkins = controller(work);
        jenkins.start();
        client = new JenkinsClient(jenkins.url(), USER, password, watch);
        if (withSecond) {
            secondJenkins = controller(java.nio.file.Files.createDirectories(work.resolve("second-controller")));
            secondJenkins.start();
            secondClient = new JenkinsClient(secondJenkins.url(), USER, password, watch);
        }
    }

    private JenkinsController controller(Path folder) throws IOException {
        JenkinsController controller = new JenkinsController(files, folder, FreePort.pick())
                .withEnvironment("E2E_USER_PASSWORD", password)
                .withEnvironment("E2E_CODESCORING_TOKEN", token)
                .withEnvironment("E2E_WRONG_TOKEN", wrongToken);
        systemProperties.forEach(controller::withSystemProperty);
        controller.prepareHome(casc(controller), initScripts);
        return controller;
    }

    @Override
    protected void after() {
        if (secondJenkins != null) {
            secondJenkins.close();
        }
        if (jenkins != null) {
            jenkins.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The CasC file: secrets as ${...} placeholders resolved from the controller's environment. */
    private String casc(JenkinsController controller) {
        return String.join(
                "\n",
                "jenkins:",
                "  systemMessage: \"CodeScoring end-to-end test controller\"",
                "  numExecutors: 2",
                "  noUsageStatistics: true",
                "  crumbIssuer: standard",
                "  securityRealm:",
                "    local:",
                "      allowsSignup: false",
                "      users:",
                "        - id: \"" + USER + "\"",
                "          name: \"Alice Reviewer\"",
                "          password: \"${E2E_USER_PASSWORD}\"",
                "  authorizationStrategy:",
                "    loggedInUsersCanDoAnything:",
                "      allowAnonymousRead: false",
                "credentials:",
                "  system:",
                "    domainCredentials:",
                "      - credentials:",
                "          - string:",
                "              scope: GLOBAL",
                "              id: \"" + CREDENTIAL + "\"",
                "              description: \"CodeScoring API token\"",
                "              secret: \"${E2E_CODESCORING_TOKEN}\"",
                "          - string:",
                "              scope: GLOBAL",
                "              id: \"" + WRONG_CREDENTIAL + "\"",
                "              description: \"A token the platform rejects\"",
                "              secret: \"${E2E_WRONG_TOKEN}\"",
                "unclassified:",
                "  location:",
                "    url: \"" + controller.url() + "\"",
                "  codescoring:",
                "    platforms:",
                "      - url: \"" + simulator.url() + "\"",
                "        credentialsId: \"" + CREDENTIAL + "\"",
                "        timeoutMinutes: 5",
                "        maxPollIntervalSeconds: 5",
                "");
    }

    public SimulatorProcess simulator() {
        return simulator;
    }

    public JenkinsController jenkins() {
        return jenkins;
    }

    public JenkinsClient client() {
        return client;
    }

    public Jobs jobs() {
        return new Jobs(client);
    }

    /** The second controller (see {@link #withSecondController()}), or null. */
    public JenkinsController secondJenkins() {
        return secondJenkins;
    }

    /** The jobs of the second controller. */
    public Jobs secondJobs() {
        return new Jobs(secondClient);
    }

    public SecretWatch secrets() {
        return watch;
    }

    public E2eFiles files() {
        return files;
    }

    public Path work() {
        return work;
    }

    /** The token the simulator accepts (for a folder credential, say). */
    public String token() {
        return token;
    }

    public String password() {
        return password;
    }

    /**
     * Adds a Secret text credential to a folder's own store, through the form the credentials page posts
     * (Jenkins encrypts it when it saves the store; a config.xml POST would write it as sent).
     */
    public void addFolderSecretText(String folder, String id, String secret) throws IOException, InterruptedException {
        ObjectNode credential = JSON.createObjectNode()
                .put("scope", "GLOBAL")
                .put("id", id)
                .put("secret", secret)
                .put("description", "CodeScoring token of " + folder)
                .put("$class", "org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl");
        ObjectNode form = JSON.createObjectNode();
        form.set("credentials", credential);
        JenkinsClient.Answer answer = client.postForm(
                Jobs.url(folder) + "credentials/store/folder/domain/_/createCredentials", "json", form.toString());
        if (answer.status() != 302 && answer.status() != 200) {
            throw new IOException("adding a credential to " + folder + " answered " + answer.status());
        }
    }

    /** Starts the controller again on the same home after a stop or kill; the client gets a new session. */
    public void startAgain() throws IOException {
        jenkins.start();
        client.newSession();
    }

    private static String secret(String prefix) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
