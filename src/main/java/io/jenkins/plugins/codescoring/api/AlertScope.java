package io.jenkins.plugins.codescoring.api;

import java.io.Serializable;
import java.util.Objects;

/** Which active alerts a scan looks at: all, or one project's, optionally at one stage. */
public final class AlertScope implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final AlertScope ALL = new AlertScope(null, null);

    private final String projectId;
    private final String stage;

    private AlertScope(String projectId, String stage) {
        this.projectId = projectId;
        this.stage = stage;
    }

    public static AlertScope all() {
        return ALL;
    }

    /** Either argument may be null for "any". */
    public static AlertScope of(String projectId, String stage) {
        return projectId == null && stage == null ? ALL : new AlertScope(projectId, stage);
    }

    public String projectId() {
        return projectId;
    }

    public String stage() {
        return stage;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlertScope
                && Objects.equals(projectId, ((AlertScope) other).projectId)
                && Objects.equals(stage, ((AlertScope) other).stage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, stage);
    }

    @Override
    public String toString() {
        return "AlertScope[project=" + (projectId == null ? "any" : projectId) + ", stage="
                + (stage == null ? "any" : stage) + "]";
    }
}
