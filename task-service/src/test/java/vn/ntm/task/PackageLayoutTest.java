package vn.ntm.task;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout of README "Packages": one package per feature above {@code shared}, which imports none of them, and no
 * two packages that import each other, directly or through others. Plain JUnit on the compiled classes.
 */
class PackageLayoutTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.ntm.task");

    @Test
    void noPackageCycles() {
        slices().matching("vn.ntm.task.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sharedImportsNoFeature() {
        noClasses().that().resideInAPackage("vn.ntm.task.shared..")
                .should().dependOnClassesThat(resideInAPackage("vn.ntm.task..")
                        .and(not(resideInAPackage("vn.ntm.task.shared.."))))
                .check(CLASSES);
    }
}
