package io.jenkins.plugins.codescoring.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The secrets of a test run (tokens, the user's password) and where they must never appear: every page
 * and API answer the tests fetch, and every file of JENKINS_HOME and the logs. Secrets are searched as
 * bytes (UTF-8, and their Base64 forms), so binary files such as {@code program.dat} count too.
 * Findings name the place and the secret's label, never the secret.
 */
public final class SecretWatch {

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private int pagesChecked;
    private int filesChecked;

    /** A secret to watch for, e.g. {@code add("platform token", token)}. */
    public SecretWatch add(String label, String secret) {
        if (secret.length() < 12) {
            throw new IllegalArgumentException("a watched secret must be long enough not to occur by chance");
        }
        secrets.put(label, secret);
        return this;
    }

    /** Checks a fetched page or answer. */
    public synchronized void checkPage(String url, byte[] body) {
        pagesChecked++;
        for (String label : labelsIn(body)) {
            findings.add(label + " in the answer of " + url);
        }
    }

    /** Checks every regular file under each root (JENKINS_HOME, log folders...). */
    public void checkFiles(Path... roots) throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                    if (file.toString().endsWith(".jpi") || file.toString().endsWith(".hpi")) {
                        continue; // the plugins themselves
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    synchronized (this) {
                        filesChecked++;
                    }
                    for (String label : labelsIn(bytes)) {
                        findings.add(label + " in " + file);
                    }
                }
            }
        }
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    public synchronized int pagesChecked() {
        return pagesChecked;
    }

    public synchronized int filesChecked() {
        return filesChecked;
    }

    private List<String> labelsIn(byte[] haystack) {
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            byte[] plain = secret.getValue().getBytes(StandardCharsets.UTF_8);
            if (contains(haystack, plain)
                    || contains(haystack, Base64.getEncoder().encode(plain))) {
                labels.add(secret.getKey());
            }
        }
        return labels;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
