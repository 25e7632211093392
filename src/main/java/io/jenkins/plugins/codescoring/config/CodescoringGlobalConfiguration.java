package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The administrator's settings for CodeScoring (Manage Jenkins » System): the platforms builds may use, by
 * name; the first is the default. Only credential IDs are stored here, never a token. Configuration as Code:
 * {@code unclassified: codescoring: platforms: [...]}.
 */
@Extension
@Symbol("codescoring")
public final class CodescoringGlobalConfiguration extends GlobalConfiguration {
    private List<Platform> platforms = new ArrayList<>();
    /** Each platform's URL by name as last saved or loaded, to tell which platforms a save changed. */
    private transient Map<String, String> urlsByName = Map.of();

    public CodescoringGlobalConfiguration() {
        load();
        urlsByName = PlatformChange.urlsByName(getPlatforms());
    }

    @NonNull
    public static CodescoringGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CodescoringGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CodescoringGlobalConfiguration_DisplayName();
    }

    @NonNull
    public List<Platform> getPlatforms() {
        return platforms == null ? List.of() : List.copyOf(platforms);
    }

    /**
     * Replaces the platforms, then reads their webhook tokens again and ends the waiting scans of a platform whose
     * URL changed or that is gone ({@link PlatformChangeListener}).
     *
     * @throws IllegalArgumentException when two platforms have the same name
     */
    @DataBoundSetter
    public void setPlatforms(@CheckForNull List<Platform> platforms) {
        List<Platform> list = platforms == null ? List.of() : List.copyOf(platforms);
        checkUniqueNames(list);
        List<PlatformChange> changes = PlatformChange.between(urlsByName, list);
        this.platforms = new ArrayList<>(list);
        save();
        urlsByName = PlatformChange.urlsByName(list);
        WebhookTokenDigests.refresh(list);
        PlatformChangeListener.fire(changes);
    }

    /**
     * The platform of this name; a blank name means the default, the first one. Null when there is none.
     * Upper and lower case alike, as names are unique: {@code Prod} names the platform {@code prod}.
     */
    @CheckForNull
    public Platform platform(@CheckForNull String name) {
        List<Platform> list = getPlatforms();
        String wanted = Util.fixEmptyAndTrim(name);
        if (wanted == null) {
            return list.isEmpty() ? null : list.get(0);
        }
        for (Platform platform : list) {
            if (platform.name().equalsIgnoreCase(wanted)) {
                return platform;
            }
        }
        return null;
    }

    /**
     * The platform a webhook URL's last segment names, as it is: no default, no trimming (an encoded space is no
     * alias), upper and lower case alike as everywhere. Null for anything that cannot be a platform name.
     */
    @CheckForNull
    public Platform platformForWebhook(@CheckForNull String segment) {
        return segment == null || !Platform.isName(segment) ? null : platform(segment);
    }

    /** The names of the platforms, the default first. */
    @NonNull
    public List<String> platformNames() {
        List<String> names = new ArrayList<>();
        for (Platform platform : getPlatforms()) {
            names.add(platform.name());
        }
        return names;
    }

    /** Validates the whole form first, so an invalid value changes nothing and says which platform it is in. */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        List<Platform> bound;
        JSONArray entries = withoutBlankEntries(json.opt("platforms"));
        for (Object entry : entries) { // Stapler does not pass on what a setter throws: check the names first
            try {
                Platform.checkName(entry instanceof JSONObject ? ((JSONObject) entry).optString("name", "") : "");
            } catch (IllegalArgumentException e) {
                throw new FormException(e.getMessage(), "platforms");
            }
        }
        try {
            bound = req.bindJSONToList(Platform.class, entries);
        } catch (RuntimeException e) {
            throw new FormException(userMessage(e), "platforms");
        }
        try {
            setPlatforms(bound);
        } catch (IllegalArgumentException e) {
            throw new FormException(e.getMessage(), "platforms");
        }
        return true;
    }

    /**
     * The form always shows one platform: left empty (CodeScoring not used yet), it must not stop the administrator
     * from saving the rest of the System page.
     */
    private static JSONArray withoutBlankEntries(@CheckForNull Object platforms) {
        JSONArray entries = new JSONArray();
        if (platforms instanceof JSONObject) {
            entries.add(platforms);
        } else if (platforms instanceof JSONArray) {
            entries.addAll((JSONArray) platforms);
        }
        JSONArray kept = new JSONArray();
        for (Object entry : entries) {
            if (!(entry instanceof JSONObject) || !isBlank((JSONObject) entry)) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static boolean isBlank(JSONObject platform) {
        for (String field : List.of("url", "name", "credentialsId", "webhookCredentialsId")) {
            if (Util.fixEmptyAndTrim(platform.optString(field, "")) != null) {
                return false;
            }
        }
        return true;
    }

    private static void checkUniqueNames(List<Platform> platforms) {
        Set<String> seen = new HashSet<>();
        for (Platform platform : platforms) {
            if (!seen.add(platform.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        Messages.CodescoringGlobalConfiguration_DuplicateName(platform.name()));
            }
        }
    }

    /** Stapler wraps what a constructor or setter throws: the innermost IllegalArgumentException is ours. */
    private static String userMessage(RuntimeException e) {
        String message = e.getMessage();
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                message = cause.getMessage();
            }
        }
        return String.valueOf(message);
    }
}
