package io.jenkins.plugins.codescoring;

import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.springframework.security.core.Authentication;

/** The users of the permission tests: who may do what, calling a web method as one of them, reading its list answers. */
public final class TestUsers {
    private TestUsers() {}

    /**
     * The permission matrix of the security tests: admin; reader (Overall/Read, Job/Read on {@code job});
     * configurer (Overall/Read, Job/Configure on {@code job}); anonymous has nothing.
     */
    public static void grantMatrix(JenkinsRule r, Item job) {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader", "configurer")
                .grant(Item.READ)
                .onItems(job)
                .to("reader")
                .grant(Item.CONFIGURE)
                .onItems(job)
                .to("configurer"));
    }

    /** Runs {@code call} as {@code user} of the dummy security realm, or as anonymous when null. */
    @SuppressWarnings("try") // the context only needs to be open
    public static <T> T as(String user, Callable<T> call) throws Exception {
        Authentication authentication =
                user == null ? Jenkins.ANONYMOUS2 : User.getById(user, true).impersonate2();
        try (ACLContext context = ACL.as2(authentication)) {
            return call.call();
        }
    }

    /** The option values of a list box, in order. */
    public static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).collect(Collectors.toList());
    }
}
