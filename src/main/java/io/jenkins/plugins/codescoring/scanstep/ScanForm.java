package io.jenkins.plugins.codescoring.scanstep;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.scan.BlockOn;
import io.jenkins.plugins.codescoring.scan.ScanRequest;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The form logic the Pipeline step's and the freestyle builder's descriptors share: select boxes and
 * validation of the scan options (the credential's are in {@link CredentialsListing}). Validation never
 * calls the platform.
 */
@Restricted(NoExternalUse.class)
public final class ScanForm {
    /** The stages a CodeScoring policy can apply to, in the platform's order. */
    static final List<String> STAGES = ScanRequest.STAGES;

    static final int MAX_PROJECT_LENGTH = ScanRequest.MAX_PROJECT_LENGTH;

    private ScanForm() {}

    /** Whether the user may see validation of this item's configuration (no item: the global Snippet Generator). */
    private static boolean mayConfigure(@CheckForNull Item item) {
        return item == null || item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Whether the user may see the names of the administrator's platforms: those who configure the job; without a job
     * (the global Snippet Generator), only administrators, as for the credentials ({@code CredentialsListing}).
     */
    private static boolean mayListPlatforms(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    public static FormValidation checkProject(@CheckForNull Item item, @CheckForNull String project) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String value = Util.fixEmptyAndTrim(project);
        if (value == null) {
            return FormValidation.ok(Messages.ScanForm_AllProjects());
        }
        if (!ScanRequest.isValidProject(
                value)) { // the rule every scan follows, so the form promises no more than the step
            return FormValidation.error(Messages.ScanForm_ProjectInvalid(MAX_PROJECT_LENGTH));
        }
        return FormValidation.ok();
    }

    public static FormValidation checkStage(@CheckForNull Item item, @CheckForNull String stage) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String value = Util.fixEmptyAndTrim(stage);
        if (value == null) {
            return FormValidation.ok(Messages.ScanForm_AllStagesChecked());
        }
        if (!STAGES.contains(value.toLowerCase(Locale.ROOT))
                && !value.contains("$")) { // a variable: checked when the build runs
            return FormValidation.error(Messages.ScanForm_StageUnknown(value, String.join(", ", STAGES)));
        }
        return FormValidation.ok();
    }

    public static FormValidation checkTimeoutMinutes(
            @CheckForNull Item item, @CheckForNull String timeoutMinutes, @CheckForNull String platformName) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String value = Util.fixEmptyAndTrim(timeoutMinutes);
        if (value == null) {
            Platform platform = CodescoringGlobalConfiguration.get().platform(platformName);
            return FormValidation.ok(Messages.ScanForm_TimeoutDefault(
                    platform != null ? platform.getTimeoutMinutes() : Platform.DEFAULT_TIMEOUT_MINUTES));
        }
        try {
            ScanOptions.validTimeout(Integer.valueOf(value));
        } catch (IllegalArgumentException e) { // not a number (NumberFormatException), or out of range
            return FormValidation.error(Messages.ScanForm_TimeoutRange(ScanOptions.MAX_TIMEOUT_MINUTES));
        }
        return FormValidation.ok();
    }

    /**
     * A platform name: empty for the default, else one the administrator configured. Build variables are
     * accepted as they are (a freestyle build expands them), and checked when the build runs.
     */
    public static FormValidation checkPlatform(@CheckForNull Item item, @CheckForNull String platform) {
        if (!mayListPlatforms(item)) {
            return FormValidation.ok();
        }
        String value = Util.fixEmptyAndTrim(platform);
        CodescoringGlobalConfiguration global = CodescoringGlobalConfiguration.get();
        if (global.getPlatforms().isEmpty()) {
            return FormValidation.warning(Messages.ScanForm_NoPlatforms());
        }
        if (value == null) {
            return FormValidation.ok(
                    Messages.ScanForm_DefaultPlatform(global.platformNames().get(0)));
        }
        if (global.platform(value) != null || value.contains("$")) {
            return FormValidation.ok();
        }
        return FormValidation.error(
                Messages.ScanForm_UnknownPlatform(value, String.join(", ", global.platformNames())));
    }

    /**
     * "Default" (empty), then every configured platform; an unknown saved name is kept so saving does not lose it.
     * Users who may not configure the job see only the saved value.
     */
    public static ListBoxModel fillPlatformItems(@CheckForNull Item item, @CheckForNull String current) {
        if (!mayListPlatforms(item)) { // the names of the administrator's platforms are for those who configure jobs
            ListBoxModel saved = new ListBoxModel();
            String value = Util.fixEmptyAndTrim(current);
            saved.add(value == null ? "" : value, value == null ? "" : value);
            return saved;
        }
        List<String> names = CodescoringGlobalConfiguration.get().platformNames();
        return choices(Messages.ScanForm_DefaultPlatformItem(names.isEmpty() ? "-" : names.get(0)), names, current);
    }

    /**
     * The suggestions of the freestyle step's Platform field, where a build variable may be typed instead: every
     * configured platform's name, for those who may configure the job; nothing for anybody else (the field itself
     * shows the saved value).
     */
    public static ComboBoxModel suggestPlatforms(@CheckForNull Item item) {
        return mayListPlatforms(item)
                ? new ComboBoxModel(CodescoringGlobalConfiguration.get().platformNames())
                : new ComboBoxModel();
    }

    /** The suggestions of the freestyle step's Stage field, where a build variable may be typed instead: every stage. */
    public static ComboBoxModel suggestStages() {
        return new ComboBoxModel(STAGES);
    }

    /** "All stages" (empty), then every stage; an unknown configured stage is kept so saving does not lose it. */
    public static ListBoxModel fillStageItems(@CheckForNull String current) {
        return choices(Messages.ScanForm_AllStages(), STAGES, current);
    }

    /** An empty choice first, then the values, then the current value if it is none of them; the current one selected. */
    private static ListBoxModel choices(String emptyChoice, List<String> values, @CheckForNull String current) {
        ListBoxModel model = new ListBoxModel();
        model.add(emptyChoice, "");
        for (String value : values) {
            model.add(value, value);
        }
        String value = Util.fixEmptyAndTrim(current);
        if (value != null && !values.contains(value)) {
            model.add(value, value);
        }
        for (ListBoxModel.Option option : model) {
            option.selected = value != null ? option.value.equals(value) : option.value.isEmpty();
        }
        return model;
    }

    public static ListBoxModel fillOnFindingItems(@CheckForNull String current) {
        ListBoxModel model = OnFinding.listBoxModel();
        String value = Util.fixEmptyAndTrim(current);
        String selected = value == null ? OnFinding.DEFAULT.name() : value.toUpperCase(Locale.ROOT);
        for (ListBoxModel.Option option : model) {
            option.selected = option.value.equals(selected);
        }
        return model;
    }

    /** ALL (the default) and NEW, in the reader's language, the current value selected. */
    public static ListBoxModel fillBlockOnItems(@CheckForNull String current) {
        String value = Util.fixEmptyAndTrim(current);
        String selected = value == null ? BlockOn.ALL.name() : value.toUpperCase(Locale.ROOT);
        ListBoxModel model = new ListBoxModel();
        model.add(new ListBoxModel.Option(
                Messages.ScanForm_BlockOnAll(),
                BlockOn.ALL.name(),
                BlockOn.ALL.name().equals(selected)));
        model.add(new ListBoxModel.Option(
                Messages.ScanForm_BlockOnNew(),
                BlockOn.NEW.name(),
                BlockOn.NEW.name().equals(selected)));
        return model;
    }
}
