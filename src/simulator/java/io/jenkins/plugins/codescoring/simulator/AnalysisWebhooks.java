package io.jenkins.plugins.codescoring.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.codescoring.simulator.Dataset.Alert;
import io.jenkins.plugins.codescoring.simulator.Dataset.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the starts and ends of overall analyses into webhook events, one per project of the analysed
 * dataset: {@code project_sca_analysis_started}, then {@code ..._finished} (preceded by one
 * {@code sca_policy_has_been_triggered} per active alert of the project), {@code ..._failed} or
 * {@code ..._cancelled}.
 */
final class AnalysisWebhooks implements AnalysisLifecycle.Observer {

    private final Consumer<List<WebhookEvent>> sink;

    AnalysisWebhooks(Consumer<List<WebhookEvent>> sink) {
        this.sink = sink;
    }

    @Override
    public void started(AnalysisRun run) {
        List<WebhookEvent> events = new ArrayList<>();
        for (Project project : run.snapshot().projects()) {
            events.add(new WebhookEvent(run.startedAt(), WebhookEvent.ANALYSIS_STARTED, project(project)));
        }
        sink.accept(events);
    }

    @Override
    public void ended(AnalysisRun run) {
        Dataset snapshot = run.snapshot();
        Instant at = run.finishedAt();
        List<WebhookEvent> events = new ArrayList<>();
        for (Project project : snapshot.projects()) {
            switch (run.finalOutcome()) {
                case SUCCESS:
                    List<Alert> active = activeAlerts(snapshot, project);
                    for (Alert alert : active) {
                        events.add(
                                new WebhookEvent(at, WebhookEvent.POLICY_TRIGGERED, policyTriggered(alert, snapshot)));
                    }
                    events.add(new WebhookEvent(
                            at, WebhookEvent.ANALYSIS_FINISHED, finished(project, active, snapshot, at)));
                    break;
                case FAILED:
                    events.add(new WebhookEvent(
                            at,
                            WebhookEvent.ANALYSIS_FAILED,
                            project(project).put("error", AnalysisRun.FAILURE_ERROR)));
                    break;
                default:
                    events.add(new WebhookEvent(at, WebhookEvent.ANALYSIS_CANCELLED, project(project)));
                    break;
            }
        }
        sink.accept(events);
    }

    private static List<Alert> activeAlerts(Dataset snapshot, Project project) {
        List<Alert> active = new ArrayList<>();
        for (Alert alert : snapshot.alerts()) {
            if (alert.projectId() == project.id() && !alert.ignored()) {
                active.add(alert);
            }
        }
        return active;
    }

    private static ObjectNode project(Project project) {
        return ApiJson.object().put("project_id", project.id()).put("project_name", project.name());
    }

    /** The counts are the simulator's guess; the platform's documentation names no fields. */
    private static ObjectNode finished(Project project, List<Alert> active, Dataset snapshot, Instant at) {
        long blocking =
                active.stream().filter(alert -> snapshot.blocks(alert, at)).count();
        return project(project).put("alerts_count", active.size()).put("blocking_alerts_count", blocking);
    }

    private static ObjectNode policyTriggered(Alert alert, Dataset snapshot) {
        ObjectNode json = ApiJson.object()
                .put("alert_id", alert.id())
                .put("stage", alert.stage())
                .put("level", alert.level())
                .put("policy_id", alert.policyId())
                .put(
                        "policy_name",
                        snapshot.policy(alert.policyId())
                                .map(Dataset.Policy::name)
                                .orElse(null))
                .put("dependency_purl", alert.dependencyPurl());
        ArrayNode criteria = json.putArray("matched_criteria");
        alert.matchedCriteria().forEach(criteria::add);
        return json.put("project_id", alert.projectId());
    }
}
