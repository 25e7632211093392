package io.jenkins.plugins.codescoring.results;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.report.TrendChart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The CodeScoring part of the job page ({@code jobMain.jelly}): the trend chart of the last builds and
 * the results of the last completed build. No link in the side panel (no icon); its URL,
 * {@code <job>/codescoring/}, serves the chart as {@code codescoring/trend}.
 */
public final class CodescoringJobAction implements Action {
    static final String URL_NAME = "codescoring";
    /** How long a browser may keep a chart: its address names the last completed build, so a new build gets a new one. */
    static final int TREND_MAX_AGE_SECONDS = 300;

    private final Job<?, ?> job;
    private final Run<?, ?> build;
    private final List<CodescoringResultAction> results;

    CodescoringJobAction(Job<?, ?> job, Run<?, ?> build, List<CodescoringResultAction> results) {
        this.job = job;
        this.build = build;
        this.results = Collections.unmodifiableList(results);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** The build the results come from. */
    public Run<?, ?> getBuild() {
        return build;
    }

    /** Its scans, in order. */
    public List<CodescoringResultAction> getResults() {
        return results;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.CodescoringJobAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /**
     * {@code <job>/codescoring/trend}: the trend chart as an SVG image (see {@link TrendData} for what it
     * counts). No script in it, so a page shows it with {@code <img>}; opened directly it is sandboxed.
     */
    public void doTrend(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        job.checkPermission(Item.READ);
        byte[] svg =
                new TrendChart(TrendData.labels()).render(TrendData.of(job)).getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("image/svg+xml;charset=UTF-8");
        rsp.setHeader("Cache-Control", "private, max-age=" + TREND_MAX_AGE_SECONDS);
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        rsp.setContentLength(svg.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(svg);
        }
    }
}
