package dev.hinge.kernel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.hinge.kernel.archfixture.AxonMessagingLeak;
import dev.hinge.kernel.archfixture.PersistenceLeak;
import dev.hinge.kernel.training.Load;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kernel is plain Java plus Axon's modelling annotations and @Revision: no Spring, no persistence, no web, no JSON. */
class KernelArchitectureTest {

    private static final JavaClasses KERNEL = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.hinge.kernel");

    static final ArchRule KERNEL_HAS_NO_FRAMEWORKS = noClasses()
            .that().resideInAPackage("dev.hinge.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "javax.persistence..", "reactor..",
                    "java.sql..", "com.fasterxml.jackson..")
            .because("the kernel holds messages and pure rules that both services share")
            .allowEmptyShould(false);

    static final ArchRule KERNEL_USES_ONLY_THE_JDK_AND_AXON_MODELLING = classes()
            .that().resideInAPackage("dev.hinge.kernel..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "dev.hinge.kernel..", "org.axonframework.modelling..")
                    .or(equivalentTo(Revision.class)))
            .because("axon-modelling is the kernel's only framework dependency, with @Revision for the events' shapes")
            .allowEmptyShould(false);

    @Test
    void importsTheKernelsMainClassesOnly() {
        assertThat(KERNEL.contain(Load.class)).isTrue();
        assertThat(KERNEL.contain(PersistenceLeak.class)).isFalse();
        assertThat(KERNEL.contain(AxonMessagingLeak.class)).isFalse();
        assertThat(KERNEL.stream().map(c -> c.getSimpleName())).doesNotContain("KernelArchitectureTest");
    }

    @Test
    void kernelDependsOnNoSpringPersistenceReactorOrJackson() {
        KERNEL_HAS_NO_FRAMEWORKS.check(KERNEL);
    }

    @Test
    void kernelDependsOnlyOnTheJdkAndAxonModelling() {
        KERNEL_USES_ONLY_THE_JDK_AND_AXON_MODELLING.check(KERNEL);
    }

    @Test
    void theFrameworkRuleCatchesAKernelClassThatReachesForJdbc() {
        JavaClasses leaky = new ClassFileImporter().importClasses(PersistenceLeak.class);

        assertThat(KERNEL_HAS_NO_FRAMEWORKS.evaluate(leaky).hasViolation()).isTrue();
    }

    @Test
    void theDependencyRuleCatchesAKernelClassThatUsesMoreOfAxonThanModelling() {
        JavaClasses leaky = new ClassFileImporter().importClasses(AxonMessagingLeak.class);

        assertThat(KERNEL_USES_ONLY_THE_JDK_AND_AXON_MODELLING.evaluate(leaky).hasViolation()).isTrue();
    }

    @Test
    void theRulesRefuseToPassWhenTheyMatchNoClassAtAll() {
        JavaClasses noKernelClasses = new ClassFileImporter().importClasses(String.class);

        assertThatThrownBy(() -> KERNEL_HAS_NO_FRAMEWORKS.check(noKernelClasses)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> KERNEL_USES_ONLY_THE_JDK_AND_AXON_MODELLING.check(noKernelClasses))
                .isInstanceOf(AssertionError.class);
    }
}
