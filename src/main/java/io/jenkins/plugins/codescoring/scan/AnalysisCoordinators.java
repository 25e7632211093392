package io.jenkins.plugins.codescoring.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@link AnalysisCoordinator} per platform and credential: scans that share both share an analysis
 * and a poll stream; scans with another credential never see its answers.
 */
public final class AnalysisCoordinators {
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, AnalysisCoordinator> coordinators = new ConcurrentHashMap<>();

    public AnalysisCoordinators(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The coordinator for this platform and token (the token is only hashed, never kept). */
    public AnalysisCoordinator forPlatform(String platformUrl, String token) {
        return coordinators.computeIfAbsent(key(platformUrl, token), k -> new AnalysisCoordinator(scheduler, clock));
    }

    /** How many platform/credential pairs have been seen. */
    public int size() {
        return coordinators.size();
    }

    static String key(String platformUrl, String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(platformUrl.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
