package dev.hinge.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.bench.HingeClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    private static final String[] CLUSTER = {"--pg-bin=/usr/lib/postgresql/15/bin", "--pg-data=/tmp/x", "--pg-log=/tmp/x.log",
            "--pg-port=5999"};

    @Test
    void theShortRunLeavesOutEveryScenarioThatWaitsOutAGapTimeoutOrAPoison() {
        Settings settings = Settings.parse(with("--short"), Map.of());

        assertTrue(settings.shortRun());
        assertEquals(Settings.SHORT, settings.scenarios());
        assertFalse(settings.scenarios().contains(Settings.POISON));
        assertFalse(settings.scenarios().stream().anyMatch(s -> s.startsWith("slow-writer")));
        assertEquals(Settings.ALL, Settings.parse(CLUSTER, Map.of()).scenarios());
    }

    @Test
    void refusesAnUnknownScenarioOrOption() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(with("--scenarios=kill-everything"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(with("--gap-timeout=5"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--short"}, Map.of()));
    }

    @Test
    void findsTheDeadLetterThatNamesThePoisonEventWithItsGroupAndSequence() throws IOException {
        JsonNode listed = HingeClient.JSON.readTree("""
                {"coach.read-models": [
                   {"sequenceIdentifier": "athlete-1", "messageIdentifier": "event-1", "cause": "JsonParseException"}],
                 "coach.access": [{"sequenceIdentifier": "athlete-2", "messageIdentifier": "event-2"}]}""");

        List<Scenarios.DeadLetter> found = Scenarios.DeadLetter.find(listed, "event-1", "athlete-1");

        assertEquals(List.of(new Scenarios.DeadLetter("coach.read-models", "athlete-1")), found);
        assertEquals(List.of(), Scenarios.DeadLetter.find(listed, "event-3", "athlete-3"));
    }

    private static String[] with(String... args) {
        String[] all = new String[CLUSTER.length + args.length];
        System.arraycopy(CLUSTER, 0, all, 0, CLUSTER.length);
        System.arraycopy(args, 0, all, CLUSTER.length, args.length);
        return all;
    }
}
