package dev.hinge.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (README, "Conventions"): inside a feature, {@code command} does not reach into
 * {@code query} or {@code web}, {@code query} not into {@code web}; and nothing blocks a request thread. Every
 * rule must match at least one class, so a rule can never pass by matching nothing.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static ArchRule commandsDoNotUseQueriesOrWeb() {
        return noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..query..", "..web..")
                .allowEmptyShould(false);
    }

    public static ArchRule queriesDoNotUseWeb() {
        return noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAPackage("..web..")
                .allowEmptyShould(false);
    }

    public static ArchRule nothingBlocks() {
        return noClasses().that().resideInAPackage("dev.hinge..")
                .should().callMethod(Mono.class, "block")
                .orShould().callMethod(Flux.class, "blockFirst")
                .orShould().callMethod(Flux.class, "blockLast")
                .orShould().callMethod(CompletableFuture.class, "join")
                .allowEmptyShould(false);
    }
}
