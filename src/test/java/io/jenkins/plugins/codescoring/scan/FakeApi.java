package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A scripted platform for engine tests: statuses are served from a queue (the last one repeats), and
 * every call is recorded so tests can assert what the engine asked and in which order.
 */
final class FakeApi implements InMemoryApi {
    private final Deque<Object> statuses = new ArrayDeque<>();
    private final Deque<Object> starts = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();
    final List<AlertScope> alertScopes = new ArrayList<>();
    List<Alert> alerts = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    List<Project> projects = new ArrayList<>();
    Runnable onStart = () -> {};
    /** Thrown by the next {@link #alertsFailing} alert reads. */
    CodescoringException alertsFailure;

    int alertsFailing;

    static AnalysisStatus status(String id, String word) {
        return new AnalysisStatus(
                id,
                word,
                id == null ? null : Instant.parse("2026-11-27T09:00:00Z").plusSeconds(Long.parseLong(id)),
                null,
                null);
    }

    FakeApi statuses(Object... values) {
        for (Object value : values) {
            statuses.add(value);
        }
        return this;
    }

    FakeApi starts(Object... values) {
        for (Object value : values) {
            starts.add(value);
        }
        return this;
    }

    int count(String call) {
        return (int) calls.stream().filter(call::equals).count();
    }

    @Override
    public StartOutcome startOverallAnalysis() throws CodescoringException {
        calls.add("start");
        onStart.run();
        Object next = starts.size() > 1 ? starts.poll() : starts.peek();
        if (next == null) {
            return StartOutcome.started(null);
        }
        if (next instanceof CodescoringException) {
            throw (CodescoringException) next;
        }
        return (StartOutcome) next;
    }

    @Override
    public AnalysisStatus overallAnalysisStatus() throws CodescoringException {
        calls.add("status");
        Object next = statuses.size() > 1 ? statuses.poll() : statuses.peek();
        if (next instanceof CodescoringException) {
            throw (CodescoringException) next;
        }
        return (AnalysisStatus) next;
    }

    @Override
    public List<Alert> activeAlerts(AlertScope scope) throws CodescoringException {
        calls.add("alerts");
        if (alertsFailing > 0) {
            alertsFailing--;
            throw alertsFailure;
        }
        alertScopes.add(scope);
        return alerts;
    }

    @Override
    public List<Policy> policies() {
        calls.add("policies");
        return policies;
    }

    @Override
    public List<Project> searchProjects(String name) {
        calls.add("projects");
        List<Project> found = new ArrayList<>();
        for (Project project : projects) {
            if (project.name().toLowerCase().contains(name.toLowerCase())) {
                found.add(project);
            }
        }
        return found;
    }

    @Override
    public Project project(String id) throws CodescoringException {
        calls.add("project");
        for (Project project : projects) {
            if (project.id().equals(id)) {
                return project;
            }
        }
        throw new CodescoringException(
                io.jenkins.plugins.codescoring.api.ErrorKind.BAD_CONFIGURATION, "no project with id " + id);
    }

    @Override
    public void checkConnection() {
        calls.add("check");
    }
}
