package io.jenkins.plugins.codescoring;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import java.io.IOException;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Credentials for the tests of the global configuration, the credential lists and the connections. */
public final class TestCredentials {
    public static final String TOKEN = "cs-test-token-0123456789abcdef";
    /** A Secret text of Global scope holding {@link #TOKEN}. */
    public static final String GLOBAL_ID = "codescoring-token";
    /** A Secret text of System scope: builds cannot use it. */
    public static final String SYSTEM_ID = "codescoring-system-token";
    /** A username/password credential: the wrong type. */
    public static final String USERPASS_ID = "codescoring-userpass";

    private TestCredentials() {}

    public static StringCredentialsImpl secretText(CredentialsScope scope, String id, String token) {
        return new StringCredentialsImpl(scope, id, "CodeScoring API token " + id, Secret.fromString(token));
    }

    /** Adds the three credentials above to the global (system) store. */
    public static void addGlobal() throws Exception {
        addToRoot(secretText(CredentialsScope.GLOBAL, GLOBAL_ID, TOKEN));
        addToRoot(secretText(CredentialsScope.SYSTEM, SYSTEM_ID, TOKEN));
        addToRoot(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, USERPASS_ID, "not a token", "user", "password-123"));
    }

    public static void addToRoot(Credentials credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** Adds a credential to the folder's own store. */
    public static void addToFolder(Folder folder, Credentials credentials) throws IOException {
        folderStore(folder).addCredentials(Domain.global(), credentials);
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("no folder credentials store for " + folder.getFullName());
    }
}
