package io.jenkins.plugins.codescoring.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The classes the architecture rules speak about: the plugin's main classes and the simulator, no tests. */
final class PluginClasses {
    static final String ROOT = "io.jenkins.plugins.codescoring";

    private static JavaClasses imported;

    private PluginClasses() {}

    static synchronized JavaClasses get() {
        if (imported == null) {
            // The simulator is compiled with the tests; every other test class stays out.
            imported = new ClassFileImporter()
                    .withImportOption(location -> !location.contains("/test-classes/")
                            || location.contains("/io/jenkins/plugins/codescoring/simulator/"))
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages(ROOT);
        }
        return imported;
    }
}
