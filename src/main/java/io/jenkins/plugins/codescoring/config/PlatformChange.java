package io.jenkins.plugins.codescoring.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A platform whose URL a saved configuration changed, or that it removed: scans that began on it can no longer be
 * judged by its name (the analysis they follow ran on the old URL).
 */
@Restricted(NoExternalUse.class)
public final class PlatformChange {
    private final String name;
    private final String oldUrl;
    private final String newUrl;

    private PlatformChange(String name, String oldUrl, @CheckForNull String newUrl) {
        this.name = name;
        this.oldUrl = oldUrl;
        this.newUrl = newUrl;
    }

    /** The platform's name. */
    @NonNull
    public String name() {
        return name;
    }

    /** The URL scans began on. */
    @NonNull
    public String oldUrl() {
        return oldUrl;
    }

    /** The URL the name now points at; null when the platform was removed. */
    @CheckForNull
    public String newUrl() {
        return newUrl;
    }

    /** Why a scan that began on the old URL ends without a verdict, in the controller's language. */
    @NonNull
    public String reason() {
        return newUrl == null
                ? Messages.PlatformChange_Removed(name, oldUrl)
                : Messages.PlatformChange_Repointed(name, oldUrl, newUrl);
    }

    /**
     * Why a scan that began on {@code startedOn} (its platform named {@code name}) can no longer be judged, or null
     * when its platform is still configured at that URL. A scan saved without a URL (an older version) always can.
     */
    @CheckForNull
    public static PlatformChange of(@CheckForNull String name, @CheckForNull String startedOn) {
        if (startedOn == null) {
            return null;
        }
        Platform now = CodescoringGlobalConfiguration.get().platform(name);
        String label = name == null || name.isBlank() ? startedOn : name.trim();
        if (now == null) {
            return new PlatformChange(label, startedOn, null);
        }
        return now.getUrl().equals(startedOn) ? null : new PlatformChange(now.name(), startedOn, now.getUrl());
    }

    /** Each platform's URL by its name. */
    static Map<String, String> urlsByName(List<Platform> platforms) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Platform platform : platforms) {
            urls.put(platform.name(), platform.getUrl());
        }
        return Map.copyOf(urls);
    }

    /** The platforms of {@code before} (URL by name) that {@code after} re-points or drops; names in any case alike. */
    static List<PlatformChange> between(Map<String, String> before, List<Platform> after) {
        Map<String, String> now = new LinkedHashMap<>();
        for (Platform platform : after) {
            now.put(platform.name().toLowerCase(Locale.ROOT), platform.getUrl());
        }
        List<PlatformChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> old : before.entrySet()) {
            String url = now.get(old.getKey().toLowerCase(Locale.ROOT));
            if (!old.getValue().equals(url)) {
                changes.add(new PlatformChange(old.getKey(), old.getValue(), url));
            }
        }
        return changes;
    }

    @Override
    public String toString() {
        return "PlatformChange[" + name + ", " + oldUrl + " -> " + newUrl + "]";
    }
}
