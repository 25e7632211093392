package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.codescoring.simulator.Dataset.Alert;
import io.jenkins.plugins.codescoring.simulator.PageEnvelope.Distortion;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read endpoints: alerts (from the published analysis), policies and projects (live). List links
 * are absolute, built on the {@code origin} the client used ({@code http://host:port} of its Host header).
 */
final class CatalogEndpoints {

    private final SimulatorSettings settings;
    private final AnalysisLifecycle lifecycle;
    private final FaultQueue faults;

    CatalogEndpoints(SimulatorSettings settings, AnalysisLifecycle lifecycle, FaultQueue faults) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.faults = faults;
    }

    /** {@code GET /api/alerts/?status=active&page&per_page[&project][&stage]}. */
    ApiResponse alerts(String origin, Query query) throws ApiException {
        PageRequest page = PageRequest.from(query);
        Dataset published = lifecycle.published();
        Predicate<Alert> filter = statusFilter(query.get("status"))
                .and(projectFilter(query.get("project")))
                .and(stageFilter(query.get("stage")));
        List<Alert> alerts = published.alerts().stream().filter(filter).toList();
        ApiJson json = settings.json();
        return page(alerts, alert -> json.alert(alert, published), page, Route.ALERTS, origin, query);
    }

    /** {@code GET /api/policies/?page&per_page}. */
    ApiResponse policies(String origin, Query query) throws ApiException {
        PageRequest page = PageRequest.from(query);
        return page(settings.dataset().policies(), settings.json()::policy, page, Route.POLICIES, origin, query);
    }

    /** {@code GET /api/projects/?page&per_page[&search]}: search is a case-insensitive substring of the name. */
    ApiResponse projects(String origin, Query query) throws ApiException {
        PageRequest page = PageRequest.from(query);
        String search = query.get("search");
        String needle = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
        List<Dataset.Project> projects = settings.dataset().projects().stream()
                .filter(project -> project.name().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        return page(projects, settings.json()::project, page, Route.PROJECTS, origin, query);
    }

    /** {@code GET /api/projects/{id}/}. */
    ApiResponse project(long id) throws ApiException {
        Dataset.Project project =
                settings.dataset().project(id).orElseThrow(() -> ApiException.detail(404, "Not found."));
        return ApiResponse.json(200, settings.json().project(project));
    }

    private <T> ApiResponse page(
            List<T> items, Function<T, JsonNode> render, PageRequest page, Route list, String origin, Query query)
            throws ApiException {
        PageEnvelope.requireExisting(page, items.size());
        Distortion distortion = faults.take(list.path(), Fault.Kind::distortsList)
                .map(shot -> distortionOf(shot.fault()))
                .orElse(Distortion.NONE);
        return ApiResponse.json(200, PageEnvelope.of(items, render, page, origin + list.path(), query, distortion));
    }

    private static Distortion distortionOf(Fault fault) {
        switch (fault.kind()) {
            case PAGINATION_LOOP:
                return Distortion.LOOP;
            case COUNT_LIES:
                return Distortion.COUNT_LIES;
            case REPEATED_PAGES:
                return Distortion.REPEATED_PAGES;
            default:
                throw new IllegalArgumentException("not a list fault: " + fault);
        }
    }

    private static Predicate<Alert> statusFilter(String status) throws ApiException {
        if (status == null || status.equals("active")) {
            return alert -> true;
        }
        if (status.equals("ignored")) {
            return Alert::ignored;
        }
        if (status.equals("resolved")) {
            return alert -> false;
        }
        throw invalidChoice("status", status);
    }

    private static Predicate<Alert> projectFilter(String project) throws ApiException {
        if (project == null || project.isEmpty()) {
            return alert -> true;
        }
        try {
            long id = Long.parseLong(project.trim());
            return alert -> alert.projectId() == id;
        } catch (NumberFormatException e) {
            throw invalidChoice("project", project);
        }
    }

    private static Predicate<Alert> stageFilter(String stage) throws ApiException {
        if (stage == null || stage.isEmpty()) {
            return alert -> true;
        }
        if (!Dataset.ALL_STAGES.contains(stage)) {
            throw invalidChoice("stage", stage);
        }
        return alert -> alert.stage().equals(stage);
    }

    /** DRF's filter validation error: {@code {"stage": ["Select a valid choice. x is not one of ..."]}}. */
    private static ApiException invalidChoice(String field, String value) {
        var body = ApiJson.object();
        body.putArray(field).add("Select a valid choice. " + value + " is not one of the available choices.");
        return new ApiException(400, body);
    }
}
