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
    void findsTheParkedSequenceThatNamesThePoisonEventOrItsAthleteInTheEndpointsShape() throws IOException {
        // DeadLetterEndpoint.list(): group -> [Sequence(sequence, letters: [Letter(eventIdentifier, ...)])]
        JsonNode listed = HingeClient.JSON.readTree("""
                {"coach.read-models": [
                   {"sequence": "athlete-1", "letters": [
                      {"eventIdentifier": "event-1", "payloadType": "dev.hinge.SetLoggedEvent", "aggregateIdentifier": "athlete-1",
                       "sequenceNumber": 1, "causeType": "JsonParseException", "causeMessage": "cut short",
                       "enqueuedAt": "2026-12-01T17:00:00Z", "lastTouched": "2026-12-01T17:00:00Z"},
                      {"eventIdentifier": "event-1b", "payloadType": "dev.hinge.SetLoggedEvent"}]},
                   {"sequence": "athlete-2", "letters": [{"eventIdentifier": "event-2"}]}],
                 "coach.relationship-policy": [],
                 "coach.access": [{"sequence": "athlete-4", "letters": [{"eventIdentifier": "event-1"}]}]}""");

        assertEquals(List.of(new Scenarios.DeadLetter("coach.access", "athlete-4", List.of("event-1")),
                        new Scenarios.DeadLetter("coach.read-models", "athlete-1", List.of("event-1", "event-1b"))),
                Scenarios.DeadLetter.find(listed, "event-1", "athlete-1").stream()
                        .sorted(java.util.Comparator.comparing(Scenarios.DeadLetter::group)).toList());
        assertEquals(List.of(new Scenarios.DeadLetter("coach.read-models", "athlete-2", List.of("event-2"))),
                Scenarios.DeadLetter.find(listed, "event-9", "athlete-2"));
        assertEquals(List.of(), Scenarios.DeadLetter.find(listed, "event-3", "athlete-3"));
        assertEquals(List.of(), Scenarios.DeadLetter.find(HingeClient.JSON.readTree("{}"), "event-1", "athlete-1"));
    }

    private static String[] with(String... args) {
        String[] all = new String[CLUSTER.length + args.length];
        System.arraycopy(CLUSTER, 0, all, 0, CLUSTER.length);
        System.arraycopy(args, 0, all, CLUSTER.length, args.length);
        return all;
    }
}
