package io.jenkins.plugins.codescoring;

import io.jenkins.plugins.codescoring.config.CodescoringGlobalConfiguration;
import io.jenkins.plugins.codescoring.config.Platform;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/** Sets up the platforms of the global configuration for a test. */
public final class TestPlatforms {
    private TestPlatforms() {}

    /** One platform, the default, at this URL with this default credential (null for none). */
    public static Platform configure(String url, String credentialsId) {
        Platform platform = new Platform(url);
        platform.setCredentialsId(credentialsId);
        CodescoringGlobalConfiguration.get().setPlatforms(List.of(platform));
        return platform;
    }

    /** Adds a platform after those configured already. */
    public static Platform add(String name, String url, String credentialsId) {
        Platform platform = new Platform(url);
        platform.setName(name);
        platform.setCredentialsId(credentialsId);
        List<Platform> platforms =
                new ArrayList<>(CodescoringGlobalConfiguration.get().getPlatforms());
        platforms.add(platform);
        CodescoringGlobalConfiguration.get().setPlatforms(platforms);
        return platform;
    }

    /** The default platform, which a test configured. */
    public static Platform first() {
        return CodescoringGlobalConfiguration.get().getPlatforms().get(0);
    }

    /** Saves a change made to a platform of the configuration. */
    public static void save() {
        CodescoringGlobalConfiguration global = CodescoringGlobalConfiguration.get();
        global.setPlatforms(global.getPlatforms());
    }

    public static Platform.DescriptorImpl descriptor() {
        return Jenkins.get().getDescriptorByType(Platform.DescriptorImpl.class);
    }
}
