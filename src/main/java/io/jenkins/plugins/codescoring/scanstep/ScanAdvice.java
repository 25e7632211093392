package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.scan.ScanResult;

/**
 * What to do about a failed scan, as the Jenkins console says it: the core's advice where it fits, else advice that
 * fits Jenkins (a rejected token lives in a credential, not in the terminal runner's variable; a scan that named no
 * configured platform must name one), in the controller's language.
 */
final class ScanAdvice {
    private ScanAdvice() {}

    @NonNull
    static String of(@NonNull ScanResult result) {
        ErrorKind kind = result.errorKind();
        if (kind == ErrorKind.TOKEN_REJECTED) {
            return Messages.ScanAdvice_TokenRejected();
        }
        if (kind == ErrorKind.BAD_CONFIGURATION) {
            CodescoringGlobalConfiguration configuration = CodescoringGlobalConfiguration.get();
            if (configuration.getPlatforms().isEmpty()) {
                return Messages.ScanAdvice_NoPlatform();
            }
            Platform platform = configuration.platform(result.platformName());
            if (platform == null) {
                return Messages.ScanAdvice_UnknownPlatform();
            }
            if (result.platformUrl() != null && !result.platformUrl().equals(platform.getUrl())) {
                return Messages.ScanAdvice_PlatformChanged();
            }
        }
        return kind.advice();
    }
}
