package dev.hinge.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventStoreTest {

    @Test
    void aTokensPositionIsItsIndex() {
        assertEquals(182, EventStore.index("{\"index\":182,\"gaps\":[17,40]}"));
    }

    @Test
    void aTokenWithoutAnIndexHasHandledNothing() {
        assertEquals(0, EventStore.index("{}"));
    }
}
