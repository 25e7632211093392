package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import io.jenkins.plugins.codescoring.report.ConsoleText;
import io.jenkins.plugins.codescoring.results.Plurals;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanResult;
import io.jenkins.plugins.codescoring.scan.Verdict;
import java.util.List;

/**
 * What a finished scan does to the build, decided the same way for the Pipeline step and the freestyle
 * builder: a PASSED scan changes nothing; a BLOCKED one follows {@code onBlocking}, an ERROR one
 * {@code onError} (fail, mark unstable, or only report).
 */
public final class ScanOutcome {
    /** How many policy names the one-line message lists before "and N more". */
    static final int POLICIES_NAMED = 5;

    private final Verdict verdict;
    private final OnFinding action;
    private final String message;

    private ScanOutcome(Verdict verdict, OnFinding action, String message) {
        this.verdict = verdict;
        this.action = action;
        this.message = message;
    }

    /** Decides the outcome of a result under these options. */
    @NonNull
    public static ScanOutcome decide(@NonNull ScanResult result, @NonNull ScanOptions options) {
        switch (result.verdict()) {
            case BLOCKED:
                return new ScanOutcome(Verdict.BLOCKED, options.onBlocking(), blockedMessage(result));
            case ERROR:
                return new ScanOutcome(
                        Verdict.ERROR,
                        options.onError(),
                        Messages.ScanOutcome_Error(result.errorKind(), ConsoleText.cell(result.errorMessage())));
            default:
                return new ScanOutcome(Verdict.PASSED, null, Messages.ScanOutcome_Passed());
        }
    }

    /**
     * e.g. {@code CodeScoring found 3 blocking alerts of the blocking policy "P".}; under {@code blockOn NEW} it
     * counts the new blocking alerts, which decided, and all of them: {@code CodeScoring found 1 new blocking alert
     * (3 in all) of the blocking policy "P".}, as the console's verdict line does.
     */
    private static String blockedMessage(ScanResult result) {
        String policies = Plurals.count(
                "Plural.OfBlockingPolicies",
                result.blockingPolicyNames().size(),
                policyList(result.blockingPolicyNames()));
        if (result.blockOn() == BlockOn.NEW) {
            return Messages.ScanOutcome_BlockedNew(
                    Plurals.count("Plural.NewBlockingAlerts", result.newBlockingAlertCount()),
                    policies,
                    result.blockingAlertCount());
        }
        return Messages.ScanOutcome_Blocked(
                Plurals.count("Plural.BlockingAlerts", result.blockingAlertCount()), policies);
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The configured reaction, or null for a PASSED scan. */
    @CheckForNull
    public OnFinding action() {
        return action;
    }

    /** The build result this outcome asks for. */
    @NonNull
    public Result buildResult() {
        return action == null ? Result.SUCCESS : action.buildResult();
    }

    /** Whether the step must fail (and so stop the build). */
    public boolean failsBuild() {
        return action == OnFinding.FAILURE;
    }

    /** Whether the build must be marked unstable. */
    public boolean marksUnstable() {
        return action == OnFinding.UNSTABLE;
    }

    /** One line saying what the scan found, without a stack trace, e.g. for an {@code AbortException}. */
    @NonNull
    public String message() {
        return message;
    }

    /**
     * The line printed to the console after the report when the build goes on (null when the build
     * fails: the failure message itself is printed by Jenkins).
     */
    @CheckForNull
    public String continuationLine() {
        if (action == null || action == OnFinding.FAILURE) {
            return null;
        }
        String option = verdict == Verdict.BLOCKED ? "onBlocking" : "onError";
        return action == OnFinding.UNSTABLE
                ? Messages.ScanOutcome_MarkedUnstable(message, option)
                : Messages.ScanOutcome_ReportOnly(message, option);
    }

    static String policyList(List<String> names) {
        StringBuilder list = new StringBuilder();
        int shown = Math.min(names.size(), POLICIES_NAMED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                list.append(", ");
            }
            list.append('"').append(ConsoleText.cell(names.get(i))).append('"');
        }
        if (names.size() > shown) {
            list.append(' ').append(Messages.ScanOutcome_MorePolicies(names.size() - shown));
        }
        return list.toString();
    }

    @Override
    public String toString() {
        return "ScanOutcome[" + verdict + (action == null ? "" : " -> " + action) + "]";
    }
}
