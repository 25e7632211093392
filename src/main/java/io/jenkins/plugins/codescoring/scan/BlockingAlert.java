package io.jenkins.plugins.codescoring.scan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One alert that blocks the build, as reported (plain data, safe to store with the build). */
public final class BlockingAlert implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String project;
    private final String stage;
    private final String level;
    private final String dependencyPurl;
    private final String vulnerability;
    private final ArrayList<String> matchedCriteria;

    public BlockingAlert(String id, String project, String stage, String level, String dependencyPurl,
            String vulnerability, List<String> matchedCriteria) {
        this.id = id;
        this.project = project;
        this.stage = stage;
        this.level = level;
        this.dependencyPurl = dependencyPurl;
        this.vulnerability = vulnerability;
        this.matchedCriteria = matchedCriteria == null ? new ArrayList<>() : new ArrayList<>(matchedCriteria);
    }

    public String id() {
        return id;
    }

    /** The project's name (or id), or null. */
    public String project() {
        return project;
    }

    public String stage() {
        return stage;
    }

    public String level() {
        return level;
    }

    public String dependencyPurl() {
        return dependencyPurl;
    }

    /** e.g. a CVE id, or null when the policy is not about a vulnerability. */
    public String vulnerability() {
        return vulnerability;
    }

    public List<String> matchedCriteria() {
        return java.util.Collections.unmodifiableList(matchedCriteria);
    }
}
