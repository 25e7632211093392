package io.jenkins.plugins.codescoring.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The endpoints of the contract (section 3 of the platform notes): every path the simulator serves. */
enum Route {
    START_ANALYSIS("POST", "/api/analyses/overall_sca/start/"),
    ANALYSIS_STATUS("GET", "/api/analyses/overall_sca/status/"),
    ALERTS("GET", "/api/alerts/"),
    POLICIES("GET", "/api/policies/"),
    PROJECTS("GET", "/api/projects/"),
    PROJECT("GET", "/api/projects/{id}/");

    /** A matched route and, for {@link #PROJECT}, the id in the path. */
    record Match(Route route, long id) {}

    private static final Pattern PROJECT_PATH = Pattern.compile("/api/projects/(\\d{1,18})/");

    private final String method;
    private final String path;

    Route(String method, String path) {
        this.method = method;
        this.path = path;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    static Optional<Match> match(String requestPath) {
        for (Route route : values()) {
            if (route != PROJECT && route.path.equals(requestPath)) {
                return Optional.of(new Match(route, 0));
            }
        }
        Matcher project = PROJECT_PATH.matcher(requestPath);
        return project.matches() ? Optional.of(new Match(PROJECT, Long.parseLong(project.group(1)))) : Optional.empty();
    }
}
