package io.jenkins.plugins.codescoring.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.List;
import org.junit.Test;

/** Which of an earlier build's scans can be a scan's reference: same platform, project and stage, and a verdict. */
public class ReferenceBuildTest {
    private static final String URL = "https://cs.example.com";

    private static ScanResult scan(Verdict verdict, String url, String project, String stage) {
        ScanResult.Builder builder =
                ScanResult.builder(verdict).platformUrl(url).project(project).stage(stage);
        if (verdict == Verdict.ERROR) {
            builder.error(ErrorKind.ANALYSIS_FAILED, "failed");
        }
        return builder.build();
    }

    private static CodescoringResultAction action(int index, ScanResult result) {
        return new CodescoringResultAction(index, result);
    }

    @Test
    public void theSamePlatformProjectAndStageOnly() {
        ScanResult shop = scan(Verdict.BLOCKED, URL + "/", "shop", "build");
        assertTrue(
                "a trailing slash and letter case do not matter",
                ReferenceBuild.sameScope(shop, "HTTPS://cs.example.com", "shop", "build"));
        assertFalse("another platform", ReferenceBuild.sameScope(shop, "https://other.example.com", "shop", "build"));
        assertFalse("another project", ReferenceBuild.sameScope(shop, URL, "billing", "build"));
        assertFalse("all projects is another scope", ReferenceBuild.sameScope(shop, URL, null, "build"));
        assertFalse("another stage", ReferenceBuild.sameScope(shop, URL, "shop", null));
        assertFalse(
                "a result without a platform",
                ReferenceBuild.sameScope(scan(Verdict.PASSED, null, "shop", "build"), URL, "shop", "build"));
    }

    @Test
    public void aBuildsScansOfOtherScopesOrPlatformsAreIgnoredAndAnErrorIsNoReference() {
        ScanResult otherPlatform = scan(Verdict.BLOCKED, "https://other.example.com", "shop", null);
        ScanResult otherProject = scan(Verdict.BLOCKED, URL, "billing", null);
        ScanResult failed = scan(Verdict.ERROR, URL, "shop", null);
        assertNull(ReferenceBuild.verdictOf(
                List.of(action(1, otherPlatform), action(2, otherProject), action(3, failed)), URL, "shop", null));

        ScanResult passed = scan(Verdict.PASSED, URL, "shop", null);
        assertSame(
                passed,
                ReferenceBuild.verdictOf(
                        List.of(action(1, passed), action(2, failed), action(3, otherProject)), URL, "shop", null));
        ScanResult later = scan(Verdict.BLOCKED, URL, "shop", null);
        assertSame(
                "the build's last scan of the scope",
                later,
                ReferenceBuild.verdictOf(List.of(action(1, passed), action(2, later)), URL, "shop", null));
        assertEquals(
                0,
                ReferenceBuild.verdictOf(List.of(action(1, passed)), URL, "shop", null)
                        .blockingAlertCount());
    }
}
