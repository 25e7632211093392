package io.jenkins.plugins.codescoring.scan;

import io.jenkins.plugins.codescoring.api.Alert;
import io.jenkins.plugins.codescoring.api.AlertScope;
import io.jenkins.plugins.codescoring.api.AnalysisStatus;
import io.jenkins.plugins.codescoring.api.CodescoringApi;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.Policy;
import io.jenkins.plugins.codescoring.api.Project;
import io.jenkins.plugins.codescoring.api.StartOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The API a coordinator's tick calls, noting in its {@link PollRecord} what the platform answered: status reads,
 * starts and failures. It makes no call of its own, so what the operations page shows costs the platform nothing.
 */
final class RecordingApi implements CodescoringApi {
    private final CodescoringApi api;
    private final PollRecord record;
    private final Clock clock;

    RecordingApi(CodescoringApi api, PollRecord record, Clock clock) {
        this.api = api;
        this.record = record;
        this.clock = clock;
    }

    @Override
    public StartOutcome startOverallAnalysis() throws CodescoringException, InterruptedException {
        try {
            StartOutcome outcome = api.startOverallAnalysis();
            record.started(outcome);
            return outcome;
        } catch (CodescoringException e) {
            record.failed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public AnalysisStatus overallAnalysisStatus() throws CodescoringException, InterruptedException {
        try {
            AnalysisStatus status = api.overallAnalysisStatus();
            record.statusRead(status, clock.instant());
            return status;
        } catch (CodescoringException e) {
            record.statusFailed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public List<Alert> activeAlerts(AlertScope scope) throws CodescoringException, InterruptedException {
        try {
            return api.activeAlerts(scope);
        } catch (CodescoringException e) {
            record.failed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public List<Policy> policies() throws CodescoringException, InterruptedException {
        try {
            return api.policies();
        } catch (CodescoringException e) {
            record.failed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public List<Project> searchProjects(String name) throws CodescoringException, InterruptedException {
        try {
            return api.searchProjects(name);
        } catch (CodescoringException e) {
            record.failed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public Project project(String id) throws CodescoringException, InterruptedException {
        try {
            return api.project(id);
        } catch (CodescoringException e) {
            record.failed(e, clock.instant());
            throw e;
        }
    }

    @Override
    public void checkConnection() throws CodescoringException, InterruptedException {
        api.checkConnection();
    }

    @Override
    public CodescoringApi withDeadline(Instant deadline) {
        return new RecordingApi(api.withDeadline(deadline), record, clock);
    }

    @Override
    public String platformUrl() {
        return api.platformUrl();
    }

    @Override
    public String connectionKey() {
        return api.connectionKey();
    }
}
