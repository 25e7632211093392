package io.jenkins.plugins.codescoring.scan;

import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The blocking alerts of a scan's reference build, as {@link AlertIdentity identities}: what a new scan of
 * the same platform, project and stage compares its blocking alerts with. Plain data, persisted with a
 * Pipeline step's request: one short string (at most {@value AlertIdentity#MAX_LENGTH} characters) per
 * blocking alert of the reference.
 */
public final class AlertBaseline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int build;
    private final TreeSet<String> identities;

    private AlertBaseline(int build, Set<String> identities) {
        this.build = build;
        this.identities = new TreeSet<>(identities);
    }

    /**
     * The baseline of a reference scan with a verdict.
     *
     * @param build the reference build's number, as reports name it ({@code build #41})
     * @throws IllegalArgumentException when the reference scan has no verdict (ERROR): it cannot be a reference
     */
    public static AlertBaseline of(int build, ScanResult reference) {
        if (reference.verdict() == Verdict.ERROR) {
            throw new IllegalArgumentException("a scan without a verdict is no reference");
        }
        Set<String> identities = new TreeSet<>();
        for (BlockingPolicy policy : reference.blockingPolicies()) {
            for (BlockingAlert alert : policy.alerts()) {
                identities.add(AlertIdentity.of(policy, alert));
            }
        }
        return new AlertBaseline(build, identities);
    }

    /** The reference build's number. */
    public int build() {
        return build;
    }

    /** The identities of its blocking alerts. */
    public Set<String> identities() {
        return Collections.unmodifiableSet(identities);
    }

    public boolean contains(String identity) {
        return identities.contains(identity);
    }

    @Override
    public String toString() {
        return "AlertBaseline[build #" + build + ", " + identities.size() + " blocking alerts]";
    }
}
