package io.jenkins.plugins.codescoring.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Fingerprint;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.codescoring.api.CodescoringException;
import io.jenkins.plugins.codescoring.api.ErrorKind;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * Reads the API token of a build's Secret text credential, in the build's context (folder credentials, a
 * credentials parameter named as {@code ${NAME}}). It may block (an external credentials provider), so
 * it is never called on a Pipeline's CPS thread. Records the credential's use by the build once, and only
 * for the credential whose token is sent; a provider that fails is a configuration error, not a stack trace.
 */
@Restricted(NoExternalUse.class)
public final class BuildCredentials {
    private static final Logger LOGGER = Logger.getLogger(BuildCredentials.class.getName());

    private BuildCredentials() {}

    /**
     * The token of the Secret text credential {@code id} as the build may use it.
     *
     * @throws CodescoringException of kind {@link ErrorKind#BAD_CONFIGURATION} when it is missing, of another
     *     type, or its provider cannot give its secret
     */
    @NonNull
    static String token(@NonNull Run<?, ?> run, @NonNull String id, @NonNull List<DomainRequirement> domain)
            throws CodescoringException {
        StringCredentials credential;
        String token;
        try {
            credential = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, domain);
            if (credential == null) {
                throw notSecretText(run, id, domain);
            }
            token = credential.getSecret().getPlainText();
        } catch (RuntimeException e) { // CredentialsUnavailableException, or any failure of a credentials provider
            LOGGER.log(Level.FINE, "The credentials provider failed to give the CodeScoring credential " + id, e);
            throw badConfiguration(Messages.PlatformConnections_CredentialUnavailable(
                    id, e.getClass().getSimpleName()));
        }
        trackOnce(run, credential);
        return token;
    }

    /**
     * Records that the build uses the credential, unless it already is recorded: findCredentialById records a
     * credential chosen in a credentials parameter itself.
     */
    private static void trackOnce(Run<?, ?> run, StringCredentials credential) {
        try {
            Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(credential);
            if (fingerprint != null && fingerprint.getRangeSet(run.getParent()).includes(run.getNumber())) {
                return;
            }
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "Could not read the usage record of a CodeScoring credential", e);
        }
        CredentialsProvider.track(run, credential);
    }

    /**
     * Says why no Secret text has this id: another type, or none at all. Looks without recording a use
     * (findCredentialById would record one for a credentials parameter), as the build's job sees credentials.
     */
    private static CodescoringException notSecretText(Run<?, ?> run, String id, List<DomainRequirement> domain) {
        Job<?, ?> job = run.getParent();
        Authentication authentication =
                job instanceof Queue.Task ? Tasks.getAuthenticationOf2((Queue.Task) job) : ACL.SYSTEM2;
        StandardCredentials other = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, job, authentication, domain),
                CredentialsMatchers.withId(chosenId(run, id)));
        return other != null
                ? badConfiguration(Messages.Credentials_WrongType(id, PlatformCredentials.typeName(other)))
                : badConfiguration(Messages.PlatformConnections_CredentialNotFound(id));
    }

    /** The credential chosen for {@code ${NAME}} when NAME is a credentials parameter of the build, else the id itself. */
    private static String chosenId(Run<?, ?> run, String id) {
        CredentialsParameterValue value = credentialsParameter(run, id);
        return value == null ? id : value.getValue();
    }

    /** Whether the id is {@code ${NAME}} and NAME a credentials parameter of the build. */
    public static boolean namesCredentialsParameter(Run<?, ?> run, String id) {
        return credentialsParameter(run, id) != null;
    }

    @CheckForNull
    private static CredentialsParameterValue credentialsParameter(Run<?, ?> run, String id) {
        if (id.length() <= 3 || !id.startsWith("${") || !id.endsWith("}")) {
            return null;
        }
        ParametersAction parameters = run.getAction(ParametersAction.class);
        ParameterValue value = parameters == null ? null : parameters.getParameter(id.substring(2, id.length() - 1));
        return value instanceof CredentialsParameterValue ? (CredentialsParameterValue) value : null;
    }

    private static CodescoringException badConfiguration(String message) {
        return new CodescoringException(ErrorKind.BAD_CONFIGURATION, message);
    }
}
