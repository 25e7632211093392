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
    /** New since the scan's reference build (false in records made before the comparison existed). */
    private final boolean newSinceReference;

    public BlockingAlert(
            String id,
            String project,
            String stage,
            String level,
            String dependencyPurl,
            String vulnerability,
            List<String> matchedCriteria) {
        this(id, project, stage, level, dependencyPurl, vulnerability, matchedCriteria, false);
    }

    public BlockingAlert(
            String id,
            String project,
            String stage,
            String level,
            String dependencyPurl,
            String vulnerability,
            List<String> matchedCriteria,
            boolean newSinceReference) {
        this.id = id;
        this.project = project;
        this.stage = stage;
        this.level = level;
        this.dependencyPurl = dependencyPurl;
        this.vulnerability = vulnerability;
        this.matchedCriteria = matchedCriteria == null ? new ArrayList<>() : new ArrayList<>(matchedCriteria);
        this.newSinceReference = newSinceReference;
    }

    /** This alert, marked new since the reference build or already blocking there. */
    public BlockingAlert markedNew(boolean value) {
        return new BlockingAlert(id, project, stage, level, dependencyPurl, vulnerability, matchedCriteria, value);
    }

    /** Whether it is new since the scan's reference build (every alert is, when there is no reference). */
    public boolean isNew() {
        return newSinceReference;
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
