package io.jenkins.plugins.codescoring.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a request as the platform's Django application would: {@code APPEND_SLASH} redirects and
 * 404s for unknown paths first (no token needed), then the token check, the method check and the
 * endpoint. Pure request-in, answer-out; the HTTP plumbing and the transport faults are elsewhere.
 */
final class SimulatedApi {

    static final String INVALID_TOKEN = "Invalid token.";

    private static final String NOT_FOUND_PAGE =
            "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Not Found</title>\n"
                    + "</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n"
                    + "</body>\n</html>\n";

    private final SimulatorSettings settings;
    private final AnalysisEndpoints analyses;
    private final CatalogEndpoints catalog;

    SimulatedApi(SimulatorSettings settings, AnalysisLifecycle lifecycle, FaultQueue faults) {
        this.settings = settings;
        this.analyses = new AnalysisEndpoints(settings, lifecycle, faults);
        this.catalog = new CatalogEndpoints(settings, lifecycle, faults);
    }

    /** @param origin {@code http://host:port} as the client addressed the simulator, for absolute links */
    ApiResponse answer(RecordedRequest request, String origin) {
        Optional<Route.Match> match = Route.match(request.path());
        if (match.isEmpty()) {
            return unrouted(request);
        }
        if (!hasValidToken(request)) {
            return ApiResponse.json(401, ApiJson.detail(INVALID_TOKEN)).withHeader("WWW-Authenticate", "Token");
        }
        Route route = match.get().route();
        if (!route.method().equals(request.method().toUpperCase(Locale.ROOT))) {
            return ApiResponse.json(405, ApiJson.detail("Method \"" + request.method() + "\" not allowed."))
                    .withHeader("Allow", route.method() + ", OPTIONS");
        }
        try {
            return dispatch(match.get(), request, origin);
        } catch (ApiException e) {
            return e.response();
        }
    }

    private ApiResponse dispatch(Route.Match match, RecordedRequest request, String origin) throws ApiException {
        Query query = Query.parse(request.query());
        switch (match.route()) {
            case START_ANALYSIS:
                return analyses.start();
            case ANALYSIS_STATUS:
                return analyses.status(request.path());
            case ALERTS:
                return catalog.alerts(origin, query);
            case POLICIES:
                return catalog.policies(origin, query);
            case PROJECTS:
                return catalog.projects(origin, query);
            case PROJECT:
                return catalog.project(match.id());
            default:
                throw new IllegalStateException("unhandled route " + match.route());
        }
    }

    /** Django's CommonMiddleware: a known path without its slash is redirected; anything else is 404. */
    private static ApiResponse unrouted(RecordedRequest request) {
        String path = request.path();
        if (!path.endsWith("/") && Route.match(path + "/").isPresent()) {
            String location = path + "/" + (request.query() != null ? "?" + request.query() : "");
            return ApiResponse.redirect(301, location);
        }
        if (path.startsWith("/api/")) {
            return ApiResponse.json(404, ApiJson.detail("Not found."));
        }
        return ApiResponse.text(404, ApiResponse.HTML, NOT_FOUND_PAGE);
    }

    /** {@code Authorization: Token <token>} (scheme in any case), as DRF's TokenAuthentication reads it. */
    private boolean hasValidToken(RecordedRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            return false;
        }
        String[] parts = header.trim().split("\\s+");
        return parts.length == 2
                && parts[0].equalsIgnoreCase("Token")
                && MessageDigest.isEqual(
                        parts[1].getBytes(StandardCharsets.UTF_8),
                        settings.token().getBytes(StandardCharsets.UTF_8));
    }
}
