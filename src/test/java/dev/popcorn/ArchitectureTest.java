package dev.popcorn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The house as {@code docs/architecture.puml} draws it: every import of the production code runs
 * along an arrow of that picture, and a few rules the picture cannot say.
 */
class ArchitectureTest {

    private static final Path PICTURE = Path.of("docs", "architecture.puml");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.popcorn");

    @Test
    void everyImportRunsAlongAnArrowOfThePicture() throws Exception {
        classes().should(adhereToPlantUmlDiagram(PICTURE.toUri().toURL(), consideringOnlyDependenciesInDiagram()))
                .check(CLASSES);
    }

    @Test
    void everyPackageIsInThePicture() throws Exception {
        // The boxes' stereotypes name the packages: a new package needs its box, and no list here to keep.
        String[] drawn = Pattern.compile("<<([a-z.]+)>>").matcher(Files.readString(PICTURE)).results()
                .map(found -> found.group(1)).toArray(String[]::new);
        assertThat(drawn).contains("dev.popcorn", "dev.popcorn.capability..", "dev.popcorn.domain..");
        classes().should().resideInAnyPackage(drawn)
                .as("every class lives in a package that docs/architecture.puml draws")
                .check(CLASSES);
    }

    @Test
    void theDomainImportsOnlyTheJavaLibrary() {
        noClasses().that().resideInAPackage("dev.popcorn.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.popcorn.domain..")
                .check(CLASSES);
    }

    @Test
    void useCasesDependOnlyOnTheDomainAndTheJavaLibrary() {
        noClasses().that().resideInAPackage("dev.popcorn.app..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..",
                        "dev.popcorn.domain..", "dev.popcorn.app..")
                .check(CLASSES);
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("dev.popcorn.app.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.popcorn.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
