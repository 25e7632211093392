package io.jenkins.plugins.codescoring.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

public class CodescoringResultActionTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    private static ScanResult passed(Instant requestedAt, Instant finishedAt) {
        return ScanResult.builder(Verdict.PASSED)
                .platformUrl("http://codescoring.test")
                .requestedAt(requestedAt)
                .finishedAt(finishedAt)
                .build();
    }

    @Test
    public void theSameResultReportedAgainAfterARestartKeepsOneEntry() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        ScanResult result =
                passed(Instant.parse("2026-11-27T10:00:00.123Z"), Instant.parse("2026-11-27T10:03:00.456Z"));

        CodescoringResultAction first = CodescoringResultAction.attach(build, result);
        CodescoringResultAction again = CodescoringResultAction.attach(build, result);

        assertSame(first, again);
        assertEquals(1, build.getActions(CodescoringResultAction.class).size());
    }

    @Test
    public void anotherScanOfTheSameBuildGetsItsOwnEntry() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        CodescoringResultAction.attach(
                build, passed(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:03:00Z")));
        CodescoringResultAction second = CodescoringResultAction.attach(
                build, passed(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T10:03:01Z")));

        assertEquals(2, build.getActions(CodescoringResultAction.class).size());
        assertEquals("codescoring-2", second.getUrlName());
    }

    @Test
    public void parallelScansOfOtherScopesThatEndTogetherKeepTheirOwnEntries() throws Exception {
        // Two branches of one Pipeline, requested and failed in the same millisecond with the same verdict.
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        Instant requested = Instant.parse("2026-11-27T10:00:00Z");
        Instant finished = Instant.parse("2026-11-27T10:00:05Z");
        ScanResult shop = ScanResult.builder(Verdict.ERROR)
                .error(ErrorKind.TOKEN_REJECTED, "rejected")
                .platformUrl("http://codescoring.test")
                .project("shop")
                .stage("build")
                .requestedAt(requested)
                .finishedAt(finished)
                .build();
        ScanResult billing = ScanResult.builder(Verdict.ERROR)
                .error(ErrorKind.TOKEN_REJECTED, "rejected")
                .platformUrl("http://codescoring.test")
                .project("billing")
                .stage("build")
                .requestedAt(requested)
                .finishedAt(finished)
                .build();
        ScanResult shopProd = ScanResult.builder(Verdict.ERROR)
                .error(ErrorKind.TOKEN_REJECTED, "rejected")
                .platformUrl("http://codescoring.test")
                .project("shop")
                .stage("prod")
                .requestedAt(requested)
                .finishedAt(finished)
                .build();

        CodescoringResultAction.attach(build, shop);
        CodescoringResultAction.attach(build, billing);
        CodescoringResultAction.attach(build, shopProd);

        assertEquals(3, build.getActions(CodescoringResultAction.class).size());
        assertEquals(
                "billing",
                build.getActions(CodescoringResultAction.class).get(1).getProject());
    }

    @Test
    public void scansOfTwoAnalysesThatEndTogetherKeepTheirOwnEntries() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        Instant requested = Instant.parse("2026-11-27T10:00:00Z");
        Instant finished = Instant.parse("2026-11-27T10:03:00Z");
        CodescoringResultAction.attach(
                build,
                ScanResult.builder(Verdict.PASSED)
                        .platformUrl("http://codescoring.test")
                        .analysisRunId("41")
                        .requestedAt(requested)
                        .finishedAt(finished)
                        .build());
        CodescoringResultAction.attach(
                build,
                ScanResult.builder(Verdict.PASSED)
                        .platformUrl("http://codescoring.test")
                        .analysisRunId("42")
                        .requestedAt(requested)
                        .finishedAt(finished)
                        .build());

        assertEquals(2, build.getActions(CodescoringResultAction.class).size());
    }
}
