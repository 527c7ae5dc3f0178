package dev.hinge.platform.test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (README, "Conventions"): a service is a package per use case (a feature), each
 * with its {@code command}, {@code query} and {@code web} parts where it has them; no feature uses another feature's
 * parts; inside a feature, {@code command} does not reach into {@code query} or {@code web}, {@code query} not into
 * {@code web}; and nothing blocks a request thread. Every rule must match at least one class, so a rule can never
 * pass by matching nothing.
 */
public final class ArchitectureRules {
    private static final Set<String> PARTS = Set.of("command", "query", "web");

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

    /**
     * Below {@code servicePackage}, a feature's {@code command}, {@code query} and {@code web} packages are its own:
     * no class of another feature depends on them. Packages with no such part (the service's configuration, a read
     * model every feature asks, such as who may see whom) are shared by all features.
     */
    public static ArchRule featuresKeepTheirPartsToThemselves(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..")
                .should(new ArchCondition<>("use no command, query or web class of another feature") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Optional<String> own = feature(servicePackage, item.getPackageName());
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            Optional<String> owner = featureOwningPart(servicePackage, dependency.getTargetClass().getPackageName());
                            if (owner.isPresent() && !owner.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    /** {@code a.b.sets.web} below {@code a.b}: "sets". */
    private static Optional<String> feature(String servicePackage, String packageName) {
        if (!packageName.startsWith(servicePackage + ".")) {
            return Optional.empty();
        }
        return Optional.of(packageName.substring(servicePackage.length() + 1).split("\\.")[0]);
    }

    /** The feature whose command, query or web part {@code packageName} is (or is inside), if it is one. */
    private static Optional<String> featureOwningPart(String servicePackage, String packageName) {
        if (!packageName.startsWith(servicePackage + ".")) {
            return Optional.empty();
        }
        String[] names = packageName.substring(servicePackage.length() + 1).split("\\.");
        return names.length >= 2 && PARTS.contains(names[1]) ? Optional.of(names[0]) : Optional.empty();
    }
}
