package dev.hinge.readside;

import dev.hinge.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The read side serves the services' routes (pages, live streams): nothing in it blocks a request thread. */
class ArchitectureTest {

    @Test
    void nothingBlocksARequestThread() {
        ArchitectureRules.nothingBlocks().check(ArchitectureRules.mainClassesOf("dev.hinge.readside"));
    }
}
