package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Saveable;
import hudson.model.TaskListener;
import hudson.model.listeners.SaveableListener;
import io.jenkins.plugins.codescoring.webhook.WebhookTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The digest of each platform's webhook token, read ahead so that a request to the webhook endpoint never reaches a
 * credentials provider: a stranger's request costs a hash and a comparison, nothing else. Read again when the
 * configuration is saved, when the credentials of the Jenkins root are saved, and every {@link #REFRESH_EVERY} (for
 * external providers, whose changes Jenkins is not told about). Only digests are kept, never a token. A credential
 * that cannot be read is warned about once per problem and hour, not per request.
 */
@Restricted(NoExternalUse.class)
public final class WebhookTokenDigests {
    private static final Logger LOGGER = Logger.getLogger(WebhookTokenDigests.class.getName());
    /** How long a digest is used before its credential is read again. */
    public static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

    static final Duration WARN_AGAIN_AFTER = Duration.ofHours(1);

    private static final Map<String, Known> DIGESTS = new ConcurrentHashMap<>();
    private static final Map<String, Warned> WARNED = new ConcurrentHashMap<>();
    private static final AtomicLong READS = new AtomicLong();

    private WebhookTokenDigests() {}

    /** A platform's webhook credential ID when read, and its token's digest (null: no usable token). */
    private static final class Known {
        final String credentialsId;
        final byte[] digest;

        Known(String credentialsId, @CheckForNull byte[] digest) {
            this.credentialsId = credentialsId;
            this.digest = digest;
        }
    }

    private static final class Warned {
        final String problem;
        final Instant at;

        Warned(String problem, Instant at) {
            this.problem = problem;
            this.at = at;
        }
    }

    /**
     * The digest of the platform's webhook token as last read, for a request: never looks a credential up. Null for no
     * platform, no webhook token, a credential that could not be read, or one not read yet.
     */
    @CheckForNull
    public static byte[] expected(@CheckForNull Platform platform) {
        String id = platform == null ? null : platform.getWebhookCredentialsId();
        Known known = id == null ? null : DIGESTS.get(platform.name());
        return known != null && known.credentialsId.equals(id) && known.digest != null ? known.digest.clone() : null;
    }

    /** Reads the webhook credentials of the configured platforms again. */
    static void refresh() {
        CodescoringGlobalConfiguration configuration =
                ExtensionList.lookup(CodescoringGlobalConfiguration.class).get(CodescoringGlobalConfiguration.class);
        if (configuration != null) { // null early at startup: the initializer reads them once it is loaded
            refresh(configuration.getPlatforms());
        }
    }

    /** Reads the webhook credentials of these platforms, the whole configuration, again. */
    static synchronized void refresh(List<Platform> platforms) {
        Map<String, Known> fresh = new HashMap<>();
        for (Platform platform : platforms) {
            String id = platform.getWebhookCredentialsId();
            if (id != null) {
                READS.incrementAndGet();
                String token = WebhookCredential.read(platform, problem -> warn(platform.name(), problem));
                fresh.put(platform.name(), new Known(id, WebhookTokens.digest(token)));
            }
        }
        DIGESTS.keySet().retainAll(fresh.keySet());
        DIGESTS.putAll(fresh);
        WARNED.keySet().retainAll(fresh.keySet());
    }

    /** How many times a webhook credential was read since Jenkins started, for tests. */
    static long reads() {
        return READS.get();
    }

    private static void warn(String platformName, String problem) {
        Instant now = Instant.now();
        Warned last = WARNED.get(platformName);
        boolean fresh = last == null || !last.problem.equals(problem) || !now.isBefore(last.at.plus(WARN_AGAIN_AFTER));
        if (fresh) {
            WARNED.put(platformName, new Warned(problem, now));
        }
        LOGGER.log(fresh ? Level.WARNING : Level.FINE, problem);
    }

    /** Once the credentials are loaded at startup. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void readAtStartup() {
        refresh();
    }

    /** The credentials of the Jenkins root were saved: a webhook token may have changed or gone. */
    @Extension
    public static final class CredentialsSaved extends SaveableListener {
        @Override
        public void onChange(Saveable o, XmlFile file) {
            if (o instanceof SystemCredentialsProvider) {
                refresh();
            }
        }
    }

    /** Reads the tokens again now and then: external credentials providers do not say when a secret changes. */
    @Extension
    public static final class Refresh extends AsyncPeriodicWork {
        public Refresh() {
            super("CodeScoring webhook tokens");
        }

        @Override
        public long getRecurrencePeriod() {
            return REFRESH_EVERY.toMillis();
        }

        @Override
        protected void execute(TaskListener listener) {
            refresh();
        }

        @Override
        protected Level getNormalLoggingLevel() {
            return Level.FINEST;
        }
    }
}
