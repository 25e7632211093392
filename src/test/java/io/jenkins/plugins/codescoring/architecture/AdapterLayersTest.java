package io.jenkins.plugins.codescoring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.Test;

/**
 * The Jenkins adapters, one package per role, and the arrows allowed between them (docs/architecture.md):
 *
 * <pre>
 *   pipeline   freestyle   endpoint   operations    the two scan steps; the webhook endpoint; Manage Jenkins » CodeScoring
 *        \      /        /          /           and the list view column
 *        scanstep               what both steps share: options, form, outcome, console, the coordinators
 *        /      \
 *    config    results          global configuration, credentials, connections | build and job pages
 *        \      /
 *          core                 api, scan, report, cli, webhook (and the simulator): no Jenkins
 * </pre>
 */
public class AdapterLayersTest {

    @Test
    public void adaptersDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Pipeline")
                .definedBy(PluginClasses.ROOT + ".pipeline..")
                .layer("Freestyle")
                .definedBy(PluginClasses.ROOT + ".freestyle..")
                .layer("Endpoint")
                .definedBy(PluginClasses.ROOT + ".endpoint..")
                .layer("Operations")
                .definedBy(PluginClasses.ROOT + ".operations..")
                .layer("Scan step")
                .definedBy(PluginClasses.ROOT + ".scanstep..")
                .layer("Config")
                .definedBy(PluginClasses.ROOT + ".config..")
                .layer("Results")
                .definedBy(PluginClasses.ROOT + ".results..")
                .layer("Core")
                .definedBy(CoreIsJenkinsFreeTest.CORE_PACKAGES)
                .whereLayer("Pipeline")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Freestyle")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Endpoint")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Operations")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Scan step")
                .mayOnlyBeAccessedByLayers("Pipeline", "Freestyle", "Endpoint", "Operations")
                .whereLayer("Config")
                .mayOnlyBeAccessedByLayers("Scan step", "Pipeline", "Freestyle", "Endpoint", "Operations")
                .whereLayer("Results")
                .mayOnlyBeAccessedByLayers("Scan step", "Pipeline", "Freestyle", "Operations")
                .whereLayer("Core")
                .mayOnlyBeAccessedByLayers(
                        "Scan step", "Pipeline", "Freestyle", "Endpoint", "Operations", "Config", "Results")
                .because("a package may only use the roles below it, so each role can be read and changed alone")
                .check(PluginClasses.get());
    }

    @Test
    public void noTwoPackagesDependOnEachOther() {
        slices().matching(PluginClasses.ROOT + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(PluginClasses.get());
    }

    @Test
    public void everyClassBelongsToARole() {
        noClasses()
                .should()
                .resideInAPackage(PluginClasses.ROOT)
                .because("the root package would hide which role a class plays")
                .check(PluginClasses.get());
    }
}
