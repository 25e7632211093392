package io.jenkins.plugins.codescoring.scan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A policy that blocks the build, with its active alerts. */
public final class BlockingPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String level;
    private final ArrayList<BlockingAlert> alerts;

    public BlockingPolicy(String id, String name, String level, List<BlockingAlert> alerts) {
        this.id = id;
        this.name = name;
        this.level = level;
        this.alerts = new ArrayList<>(alerts);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String level() {
        return level;
    }

    public List<BlockingAlert> alerts() {
        return Collections.unmodifiableList(alerts);
    }
}
