package io.jenkins.plugins.codescoring.scanstep;

import hudson.model.Result;
import hudson.util.ListBoxModel;
import org.jvnet.localizer.Localizable;

/**
 * What a scan does to the build when it finds blocking alerts ({@code onBlocking}) or cannot reach a
 * verdict ({@code onError}).
 */
public enum OnFinding {
    /** The build fails (the default): a Pipeline stops at the step, a freestyle build stops at the builder. */
    FAILURE(Result.FAILURE, Messages._OnFinding_FAILURE()),
    /** The build is marked unstable and goes on. */
    UNSTABLE(Result.UNSTABLE, Messages._OnFinding_UNSTABLE()),
    /** The result is only reported; the build result does not change. */
    SUCCESS(Result.SUCCESS, Messages._OnFinding_SUCCESS());

    /** The value used when none is configured. */
    public static final OnFinding DEFAULT = FAILURE;

    private final Result buildResult;
    private final Localizable displayName;

    OnFinding(Result buildResult, Localizable displayName) {
        this.buildResult = buildResult;
        this.displayName = displayName;
    }

    /** The build result this choice leads to. */
    public Result buildResult() {
        return buildResult;
    }

    public String getDisplayName() {
        return displayName.toString();
    }

    /** The value, or the default for null. */
    public static OnFinding orDefault(OnFinding value) {
        return value == null ? DEFAULT : value;
    }

    /** Every choice, for a form's select box (values are the constant names). */
    public static ListBoxModel listBoxModel() {
        ListBoxModel model = new ListBoxModel();
        for (OnFinding value : values()) {
            model.add(value.getDisplayName(), value.name());
        }
        return model;
    }
}
