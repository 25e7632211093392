package io.jenkins.plugins.codescoring.api;

import java.io.Serializable;
import java.util.Objects;

/** A CodeScoring policy, as far as the gate needs it. */
public final class Policy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String level;
    private final boolean active;
    private final boolean blocksBuild;

    public Policy(String id, String name, String level, boolean active, boolean blocksBuild) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null || name.isBlank() ? "policy " + id : name;
        this.level = level == null ? "" : level;
        this.active = active;
        this.blocksBuild = blocksBuild;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** info, warning or critical (any other word is kept as given). */
    public String level() {
        return level;
    }

    public boolean isActive() {
        return active;
    }

    /** The policy's {@code is_blocks_build} flag. */
    public boolean isBlocksBuild() {
        return blocksBuild;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Policy)) {
            return false;
        }
        Policy that = (Policy) other;
        return id.equals(that.id)
                && name.equals(that.name)
                && level.equals(that.level)
                && active == that.active
                && blocksBuild == that.blocksBuild;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, level, active, blocksBuild);
    }

    @Override
    public String toString() {
        return "Policy[" + id + " " + name + ", " + level + (active ? "" : ", inactive")
                + (blocksBuild ? ", blocks build" : "") + "]";
    }
}
