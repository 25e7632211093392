package io.jenkins.plugins.codescoring.report;

import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The console lines on new blocking alerts: how many are new since the reference build, and which rule
 * decided, e.g. {@code 3 blocking alerts, 1 new since build #41} and {@code Rule: blockOn NEW — only
 * blocking alerts new since build #41 block the build}. English, as all the core's console text.
 */
final class NewAlertsText {
    private NewAlertsText() {}

    /** The lines for a result whose blocking alerts were compared ({@link ScanResult#compared()}). */
    static List<String> lines(ScanResult result) {
        List<String> lines = new ArrayList<>();
        if (result.blockingAlertCount() > 0) {
            lines.add(newLine(result));
        }
        lines.add(ruleLine(result));
        return lines;
    }

    /** e.g. {@code 3 blocking alerts, 1 new since build #41}, or, without a reference, {@code 2 blocking alerts, all new (no reference build)}. */
    static String newLine(ScanResult result) {
        String all = ConsoleText.count(result.blockingAlertCount(), "blocking alert", "blocking alerts");
        if (result.referenceBuild() == null) {
            return all
                    + ", all new (no reference build: no earlier build of this job scanned this platform, project and stage with a verdict)";
        }
        return all + ", " + result.newBlockingAlertCount() + " new since build #" + result.referenceBuild();
    }

    /** Which rule decided the verdict. */
    static String ruleLine(ScanResult result) {
        if (result.blockOn() != BlockOn.NEW) {
            return "Rule: blockOn ALL — any active blocking alert blocks the build";
        }
        String since = result.referenceBuild() == null
                ? "every blocking alert is new: there is no reference build"
                : "only blocking alerts new since build #" + result.referenceBuild() + " block the build";
        int already = result.alreadyBlockingAlertCount();
        return "Rule: blockOn NEW — " + since + (already > 0 ? " (" + already + " already blocking)" : "");
    }
}
