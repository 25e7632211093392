package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.scan.AlertBaseline;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Chooses a scan's reference build: the latest earlier completed build of the same job whose scan of the same
 * platform (URL), project and stage reached a verdict (PASSED or BLOCKED). Builds still running are passed over;
 * a build whose scan of that scope ended in ERROR is skipped (it found nothing to compare with); scans of other
 * scopes or platforms in the same builds are ignored. Reads at most {@value #LOOK_BACK} earlier builds, newest
 * first, through Jenkins' lazily loading build list: usually only the build before.
 */
@Restricted(NoExternalUse.class)
public final class ReferenceBuild {
    /** How many earlier builds are read at most. */
    static final int LOOK_BACK = 25;

    private ReferenceBuild() {}

    /**
     * The blocking alerts of the reference build of a scan of this scope, or null when there is none.
     *
     * @param platformUrl the URL the scan will use (null: unknown, then no reference)
     * @param project the project as the scan names it (null: all projects)
     * @param stage the stage (null: all stages)
     */
    @CheckForNull
    public static AlertBaseline find(
            @NonNull Run<?, ?> run,
            @CheckForNull String platformUrl,
            @CheckForNull String project,
            @CheckForNull String stage) {
        if (platformUrl == null) {
            return null;
        }
        int read = 0;
        for (Run<?, ?> earlier = run.getPreviousBuild();
                earlier != null && read < LOOK_BACK;
                earlier = earlier.getPreviousBuild()) {
            read++;
            if (earlier.isBuilding()) {
                continue;
            }
            ScanResult reference =
                    verdictOf(earlier.getActions(CodescoringResultAction.class), platformUrl, project, stage);
            if (reference != null) {
                return AlertBaseline.of(earlier.getNumber(), reference);
            }
        }
        return null;
    }

    /** The last scan of the scope with a verdict among a build's scans, or null. */
    @CheckForNull
    static ScanResult verdictOf(
            @NonNull List<CodescoringResultAction> scans,
            @NonNull String platformUrl,
            @CheckForNull String project,
            @CheckForNull String stage) {
        for (int i = scans.size() - 1; i >= 0; i--) {
            ScanResult result = scans.get(i).getResult();
            if (result.verdict() != Verdict.ERROR && sameScope(result, platformUrl, project, stage)) {
                return result;
            }
        }
        return null;
    }

    /** The same platform URL (a trailing slash and letter case aside), project and stage. */
    static boolean sameScope(
            @NonNull ScanResult result,
            @NonNull String platformUrl,
            @CheckForNull String project,
            @CheckForNull String stage) {
        return result.platformUrl() != null
                && normalized(result.platformUrl()).equals(normalized(platformUrl))
                && Objects.equals(result.project(), project)
                && Objects.equals(result.stage(), stage);
    }

    private static String normalized(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
