package io.jenkins.plugins.codescoring.results;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanResult;

/**
 * What a scan's pages say about new blocking alerts (JavaBean getters for the Jelly views): how many are new
 * since the reference build, a link to that build, and which rule decided, in the reader's language. Only for
 * results whose alerts were compared ({@link ScanResult#compared()}).
 */
public final class NewAlertsSummary {
    private final ScanResult result;
    private final Run<?, ?> run;

    NewAlertsSummary(@NonNull ScanResult result, @CheckForNull Run<?, ?> run) {
        this.result = result;
        this.run = run;
    }

    public int getNewCount() {
        return result.newBlockingAlertCount();
    }

    public int getAlreadyBlockingCount() {
        return result.alreadyBlockingAlertCount();
    }

    /** The reference build's number, or null when there was none. */
    @CheckForNull
    public Integer getReferenceBuild() {
        return result.referenceBuild();
    }

    /** The reference build's address below Jenkins' root ({@code job/x/41/}), or null; the build is not loaded for it. */
    @CheckForNull
    public String getReferenceUrl() {
        Integer number = result.referenceBuild();
        return number == null || run == null ? null : run.getParent().getUrl() + number + "/";
    }

    /** e.g. {@code 3 blocking alerts, 1 new since build #41}; without a reference, that all are new and why. */
    public String getText() {
        String all = Plurals.count("Plural.BlockingAlerts", result.blockingAlertCount());
        Integer reference = result.referenceBuild();
        return reference == null
                ? Messages.NewAlertsSummary_NoReference(all)
                : Messages.NewAlertsSummary_NewSince(all, result.newBlockingAlertCount(), reference);
    }

    public boolean isBlockOnNew() {
        return result.blockOn() == BlockOn.NEW;
    }

    /** Which rule decided the verdict. */
    public String getRuleText() {
        if (!isBlockOnNew()) {
            return Messages.NewAlertsSummary_RuleAll();
        }
        Integer reference = result.referenceBuild();
        String rule = reference == null
                ? Messages.NewAlertsSummary_RuleNewNoReference()
                : Messages.NewAlertsSummary_RuleNew(reference);
        int already = result.alreadyBlockingAlertCount();
        return already > 0 ? rule + " " + Messages.NewAlertsSummary_AlreadyBlocking(already) : rule;
    }
}
