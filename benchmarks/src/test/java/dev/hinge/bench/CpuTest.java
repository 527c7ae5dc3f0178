package dev.hinge.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CpuTest {

    @Test
    void aProcessesCpuTicksAreItsUserPlusSystemTimeEvenWhenItsNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";

        assertEquals(1234 + 567, Cpu.ticksOf(stat));
    }
}
