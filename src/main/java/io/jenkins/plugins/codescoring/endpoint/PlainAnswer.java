package io.jenkins.plugins.codescoring.endpoint;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A short plain-text answer with a status and headers, for a machine on the other end (and a person reading its log). */
final class PlainAnswer implements HttpResponse {
    private final int status;
    private final String text;
    private final Map<String, String> headers;

    private PlainAnswer(int status, String text, Map<String, String> headers) {
        this.status = status;
        this.text = text;
        this.headers = headers;
    }

    static PlainAnswer of(int status, String text) {
        return new PlainAnswer(status, text, Map.of());
    }

    PlainAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new PlainAnswer(status, text, more);
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setStatus(status);
        headers.forEach(rsp::setHeader);
        rsp.setContentType("text/plain;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        rsp.setContentLength(body.length);
        rsp.getOutputStream().write(body);
    }
}
