package io.jenkins.plugins.codescoring.operations;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Api;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.codescoring.api.CodescoringClient;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import io.jenkins.plugins.codescoring.scan.CoordinatorSnapshot;
import io.jenkins.plugins.codescoring.scanstep.CodescoringScans;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;

/**
 * <b>Manage Jenkins » CodeScoring</b> ({@code /manage/codescoring/}, its data at {@code api/json}): "why is my build
 * waiting?" One section per configured platform: its current analysis as last seen, when the status was read and
 * will be read next, failures, the webhook, counters, and every waiting scan. It reads what the coordinators hold in
 * memory ({@link CodescoringScans#snapshots()}); opening it sends nothing to any platform.
 *
 * <p>Overall/SystemRead or Overall/Manage may read it; its one action, "Check the status now", needs Overall/Administer.
 */
@Extension
@ExportedBean
public final class OperationsPage extends ManagementLink implements StaplerProxy {
    static final String URL_NAME = "codescoring";
    private static final Clock CLOCK = Clock.systemUTC();

    @CheckForNull
    @Override
    public String getIconFileName() {
        return mayRead() ? "symbol-codescoring plugin-codescoring" : null; // no tile for others
    }

    @Override
    public String getDisplayName() {
        return Messages.OperationsPage_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.OperationsPage_Description();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The tile shows only for those who may read ({@link #getIconFileName()}); the page itself checks in {@link #getTarget()}. */
    @NonNull
    @Override
    public Permission getRequiredPermission() {
        return Jenkins.READ;
    }

    @NonNull
    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    /** Every page and {@code api/json} below this one: Overall/SystemRead or Overall/Manage, else 403. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkAnyPermission(Jenkins.SYSTEM_READ, Jenkins.MANAGE);
        return this;
    }

    private static boolean mayRead() {
        return Jenkins.get().hasAnyPermission(Jenkins.SYSTEM_READ, Jenkins.MANAGE);
    }

    /** Whether the reader may act here (the "Check the status now" button). */
    public boolean isAdministrator() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    public Api getApi() {
        return new Api(this);
    }

    /** One section per configured platform, in the configuration's order; then one per platform no longer configured that still has scans. */
    @Exported(inline = true)
    public List<PlatformSection> getPlatforms() {
        return sections(
                CodescoringGlobalConfiguration.get().getPlatforms(), CodescoringScans.snapshots(), CLOCK.instant());
    }

    /** When this page's data was read (milliseconds since the epoch). */
    @Exported
    public long getTimestamp() {
        return CLOCK.millis();
    }

    static List<PlatformSection> sections(List<Platform> platforms, List<CoordinatorSnapshot> snapshots, Instant now) {
        Map<String, List<CoordinatorSnapshot>> byUrl = new LinkedHashMap<>();
        for (CoordinatorSnapshot snapshot : snapshots) {
            byUrl.computeIfAbsent(snapshot.platformUrl(), u -> new ArrayList<>())
                    .add(snapshot);
        }
        List<PlatformSection> sections = new ArrayList<>();
        for (Platform platform : platforms) {
            List<CoordinatorSnapshot> mine = byUrl.remove(normalized(platform.getUrl()));
            sections.add(PlatformSection.of(platform, mine == null ? List.of() : mine, now));
        }
        for (Map.Entry<String, List<CoordinatorSnapshot>> left : byUrl.entrySet()) {
            PlatformSection section = PlatformSection.unconfigured(left.getKey(), left.getValue(), now);
            if (!section.getWaiting().isEmpty()) {
                sections.add(section);
            }
        }
        return sections;
    }

    @CheckForNull
    private static String normalized(String url) {
        try {
            return CodescoringClient.normalizeUrl(url);
        } catch (CodescoringException e) {
            return null;
        }
    }

    /**
     * {@code POST pollNow?platform=<name>}: the waiting scans of that platform read its status now instead of at the end
     * of their interval, as when a webhook comes. Overall/Administer only; one ordinary status read, at most one a second.
     */
    @POST
    public HttpResponse doPollNow(@QueryParameter String platform) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        Platform named =
                platform == null ? null : CodescoringGlobalConfiguration.get().platform(platform);
        if (named != null) {
            CodescoringScans.pollNow(named.getUrl());
        }
        return HttpResponses.redirectTo(".");
    }
}
