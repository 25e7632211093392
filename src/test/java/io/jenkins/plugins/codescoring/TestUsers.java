package io.jenkins.plugins.codescoring;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** Calls a descriptor's web method the way a given user's request would, and reads its list answers. */
final class TestUsers {
    private TestUsers() {
    }

    /** Runs {@code call} as {@code user} of the dummy security realm, or as anonymous when null. */
    @SuppressWarnings("try") // the context only needs to be open
    static <T> T as(String user, Callable<T> call) throws Exception {
        Authentication authentication = user == null ? Jenkins.ANONYMOUS2 : User.getById(user, true).impersonate2();
        try (ACLContext context = ACL.as2(authentication)) {
            return call.call();
        }
    }

    /** The option values of a list box, in order. */
    static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).collect(Collectors.toList());
    }
}
