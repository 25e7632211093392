package io.jenkins.plugins.codescoring.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.Assert.assertFalse;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.Test;

/**
 * The core (client, engine, gate, report, terminal runner, webhook judging) and the simulator run without
 * Jenkins: in the terminal runner jar, in the simulator, and in the engine that the adapters drive. A core class that
 * reaches for a Jenkins, Stapler or plugin type breaks all three, so the build fails on it.
 */
public class CoreIsJenkinsFreeTest {

    static final String[] CORE_PACKAGES = {
        "io.jenkins.plugins.codescoring.api..",
        "io.jenkins.plugins.codescoring.scan..",
        "io.jenkins.plugins.codescoring.report..",
        "io.jenkins.plugins.codescoring.cli..",
        "io.jenkins.plugins.codescoring.webhook..",
        "io.jenkins.plugins.codescoring.simulator..",
    };

    /** Types that only exist inside a Jenkins controller or its plugins. */
    static final String[] JENKINS_PACKAGES = {
        "hudson..",
        "jenkins..",
        "org.jenkinsci..",
        "org.jenkins..",
        "org.kohsuke.stapler..",
        "com.cloudbees..",
        "io.jenkins.plugins.casc..",
        "edu.umd.cs.findbugs.annotations..",
        "net.sf.json..",
        "org.apache.commons.lang..",
        "org.apache.commons.lang3..",
    };

    @Test
    public void theCoreUsesNoJenkinsType() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(CORE_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JENKINS_PACKAGES)
                .orShould()
                .dependOnClassesThat(resideInAPackage("io.jenkins.plugins.codescoring..")
                        .and(resideOutsideOfPackages(CORE_PACKAGES))
                        .as("are a Jenkins adapter of this plugin"))
                .because("the core must run in the terminal runner and the simulator, where Jenkins is absent;"
                        + " adapters depend on the core, never the other way");
        rule.check(PluginClasses.get());
    }

    @Test
    public void theRuleSeesTheCoreAndTheSimulator() {
        // Guards the rule above against passing vacuously (an import option that drops everything).
        for (String corePackage : CORE_PACKAGES) {
            assertFalse(
                    corePackage,
                    PluginClasses.get().that(resideInAPackage(corePackage)).isEmpty());
        }
    }
}
