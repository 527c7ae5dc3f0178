package dev.hinge.faults;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {
    private static final UUID SET = UUID.fromString("0b5c4f0e-7d7a-4a53-9a3e-2f4b8f6c1d20");

    @Test
    void readsTheSetIdWhetherWrittenAsAStringOrAsAValueObject() {
        assertEquals(SET, Tally.setId(bytes("{\"setId\":\"" + SET + "\",\"reps\":5}")));
        assertEquals(SET, Tally.setId(bytes("{\"setId\":{\"value\":\"" + SET + "\"},\"reps\":5}")));
    }

    @Test
    void aPayloadItCannotReadHasNoSetId() {
        assertNull(Tally.setId(bytes("{\"setId\":{\"value\":\"" + SET)));
        assertNull(Tally.setId(bytes("{\"reps\":5}")));
    }

    @Test
    void aSetMissingFromEitherTimelineIsLost() {
        Map<UUID, Tally.Fate> fates = new LinkedHashMap<>();
        fates.put(UUID.randomUUID(), new Tally.Fate(1, 1, 1));
        UUID notInCoach = UUID.randomUUID();
        fates.put(notInCoach, new Tally.Fate(1, 1, 0));
        UUID neverStored = UUID.randomUUID();
        fates.put(neverStored, new Tally.Fate(0, 0, 0));

        Tally.Counts counts = Tally.Counts.of(fates);

        assertEquals(3, counts.acknowledged());
        assertEquals(2, counts.stored());
        assertEquals(2, counts.athleteProjected());
        assertEquals(1, counts.coachProjected());
        assertEquals(2, counts.lost());
        assertTrue(counts.lostIds().containsAll(List.of(notInCoach, neverStored)));
        assertEquals(0, counts.doubled());
    }

    @Test
    void aSetStoredOrProjectedTwiceIsDoubled() {
        Map<UUID, Tally.Fate> fates = Map.of(UUID.randomUUID(), new Tally.Fate(2, 2, 2),
                UUID.randomUUID(), new Tally.Fate(1, 1, 2), UUID.randomUUID(), new Tally.Fate(1, 1, 1));

        Tally.Counts counts = Tally.Counts.of(fates);

        assertEquals(2, counts.doubled());
        assertEquals(0, counts.lost());
    }

    @Test
    void aRowPassesOnlyWithNothingLostNothingDoubledAndNoProblem() {
        Tally.Counts clean = Tally.Counts.of(Map.of(SET, new Tally.Fate(1, 1, 1)));
        Tally.Counts lost = Tally.Counts.of(Map.of(SET, new Tally.Fate(1, 1, 0)));

        assertTrue(new Row("s", clean, List.of(), List.of(), Duration.ZERO).passed());
        assertFalse(new Row("s", lost, List.of(), List.of(), Duration.ZERO).passed());
        assertFalse(new Row("s", clean, List.of("12 keys got unequal answers"), List.of(), Duration.ZERO).passed());
        assertFalse(Row.crashed("s", new IllegalStateException("no"), Duration.ZERO).passed());
        assertTrue(Row.table(List.of(Row.crashed("s", new IllegalStateException("no"), Duration.ZERO))).contains("**FAIL**"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
