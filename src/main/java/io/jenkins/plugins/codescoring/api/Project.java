package io.jenkins.plugins.codescoring.api;

import java.io.Serializable;
import java.util.Objects;

/** A project registered on the platform. */
public final class Project implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;

    public Project(String id, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? "" : name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The name, or the id when the platform gave no name. */
    public String label() {
        return name.isEmpty() ? "project " + id : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Project && id.equals(((Project) other).id) && name.equals(((Project) other).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public String toString() {
        return "Project[" + id + " " + name + "]";
    }
}
