package io.jenkins.plugins.codescoring.scan;

/** Which blocking alerts decide the verdict: every active one, or only those new since the reference build. */
public enum BlockOn {
    /** Any active blocking alert blocks (the default, and the behaviour before this option existed). */
    ALL,
    /** Only blocking alerts that are new since the reference build block; the others are reported as already blocking. */
    NEW;

    /** ALL for null (a request or a record made before the option existed). */
    public static BlockOn orDefault(BlockOn value) {
        return value == null ? ALL : value;
    }
}
