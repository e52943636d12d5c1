package dev.popcorn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] ADAPTERS = {"store", "web", "cli", "demo", "jira", "discourse", "jenkins", "announce", "slack"};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.popcorn");

    @Test
    void theDomainImportsOnlyTheJavaLibrary() {
        noClasses().that().resideInAPackage("dev.popcorn.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.popcorn.domain..")
                .check(classes);
    }

    @Test
    void useCasesDependOnlyOnTheDomainAndTheJavaLibrary() {
        noClasses().that().resideInAPackage("dev.popcorn.app..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..",
                        "dev.popcorn.domain..", "dev.popcorn.app..")
                .check(classes);
    }

    @Test
    void adaptersDoNotImportEachOther() {
        for (String adapter : ADAPTERS) {
            for (String other : ADAPTERS) {
                if (!adapter.equals(other)) {
                    noClasses().that().resideInAPackage("dev.popcorn." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("dev.popcorn." + other + "..")
                            .allowEmptyShould(true)
                            .check(classes);
                }
            }
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.popcorn.(*)..").should().beFreeOfCycles().check(classes);
    }
}
