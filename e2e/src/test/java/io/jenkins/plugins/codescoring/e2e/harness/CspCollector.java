package io.jenkins.plugins.codescoring.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the Content-Security-Policy reports a browser sends ({@code report-uri}) on a loopback port of the
 * test JVM. Jenkins 2.479 has no CSP setting of its own, so {@code csp-report-only.groovy} (an init script of
 * the test controller) adds a {@code Content-Security-Policy-Report-Only} header pointing here to every page.
 */
public final class CspCollector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> reports = new ArrayList<>();

    public CspCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/csp", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode report = JSON.readTree(in.readNBytes(64 * 1024)).path("csp-report");
                synchronized (reports) {
                    reports.add(report);
                }
            } catch (IOException e) {
                // not a report: ignored
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The {@code report-uri} to put in the policy. */
    public String reportUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/csp";
    }

    /** Every report received so far, oldest first. */
    public List<JsonNode> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
