package io.jenkins.plugins.codescoring.config;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Told when a saved configuration re-points or removes platforms, so the scans waiting on them end (the scan
 * step's coordinators live above this package, hence an extension point rather than a call).
 */
@Restricted(NoExternalUse.class)
public interface PlatformChangeListener extends ExtensionPoint {
    /** Called after the configuration was saved, on the thread that saved it; must not block. */
    void platformsChanged(List<PlatformChange> changes);

    static void fire(List<PlatformChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (PlatformChangeListener listener : ExtensionList.lookup(PlatformChangeListener.class)) {
            try {
                listener.platformsChanged(changes);
            } catch (RuntimeException e) {
                Logger.getLogger(PlatformChangeListener.class.getName())
                        .log(Level.WARNING, "A CodeScoring platform change listener failed", e);
            }
        }
    }
}
