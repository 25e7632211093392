package io.jenkins.plugins.codescoring.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every path of the CodeScoring API this plugin uses, in one place. Only the start path is documented
 * by CodeScoring; the others are this plugin's reading of the platform (see docs/compatibility.md).
 * Each can be overridden without a rebuild through a Java system property, or for the terminal runner
 * an environment variable, named in {@link Endpoint}.
 */
public final class ApiPaths {

    /** The endpoints, with their default path and the names of their override settings. */
    public enum Endpoint {
        START_ANALYSIS("/api/analyses/overall_sca/start/"),
        ANALYSIS_STATUS("/api/analyses/overall_sca/status/"),
        ALERTS("/api/alerts/"),
        POLICIES("/api/policies/"),
        PROJECTS("/api/projects/");

        private final String defaultPath;

        Endpoint(String defaultPath) {
            this.defaultPath = defaultPath;
        }

        public String defaultPath() {
            return defaultPath;
        }

        /** e.g. {@code codescoring.api.path.analysis_status}. */
        public String systemProperty() {
            return "codescoring.api.path." + name().toLowerCase(java.util.Locale.ROOT);
        }

        /** e.g. {@code CODESCORING_API_PATH_ANALYSIS_STATUS}. */
        public String environmentVariable() {
            return "CODESCORING_API_PATH_" + name();
        }
    }

    private static final ApiPaths DEFAULTS = new ApiPaths(key -> null);

    /** Resolved once, so the paths a client checked when it was built are the paths it uses. */
    private final Map<Endpoint, String> paths = new EnumMap<>(Endpoint.class);

    private ApiPaths(Function<Endpoint, String> overrides) {
        for (Endpoint endpoint : Endpoint.values()) {
            String override = overrides.apply(endpoint);
            String path = override == null || override.isBlank() ? endpoint.defaultPath() : override.trim();
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            paths.put(endpoint, path.endsWith("/") ? path : path + "/");
        }
    }

    public static ApiPaths defaults() {
        return DEFAULTS;
    }

    /** Defaults, overridden by system properties, then by environment variables, as they are now. */
    public static ApiPaths fromSystem() {
        return fromSettings(System.getProperties()::getProperty, System.getenv());
    }

    static ApiPaths fromSettings(Function<String, String> properties, Map<String, String> environment) {
        return new ApiPaths(endpoint -> {
            String fromEnvironment = environment.get(endpoint.environmentVariable());
            return fromEnvironment != null ? fromEnvironment : properties.apply(endpoint.systemProperty());
        });
    }

    /** The path to use, always starting and ending with a slash (Django needs the trailing one). */
    public String path(Endpoint endpoint) {
        return paths.get(endpoint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiPaths && paths.equals(((ApiPaths) other).paths);
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }
}
