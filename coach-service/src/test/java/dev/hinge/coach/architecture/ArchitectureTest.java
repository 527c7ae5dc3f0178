package dev.hinge.coach.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.hinge.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses classes = ArchitectureRules.mainClassesOf("dev.hinge.coach");

    @Test
    void eachUseCaseKeepsItsCommandQueryAndWebPartsToItself() {
        ArchitectureRules.featuresKeepTheirPartsToThemselves("dev.hinge.coach").check(classes);
    }

    @Test
    void commandsDoNotUseQueriesOrWeb() {
        ArchitectureRules.commandsDoNotUseQueriesOrWeb().check(classes);
    }

    @Test
    void queriesDoNotUseWeb() {
        ArchitectureRules.queriesDoNotUseWeb().check(classes);
    }

    @Test
    void nothingBlocksARequestThread() {
        ArchitectureRules.nothingBlocks().check(classes);
    }
}
