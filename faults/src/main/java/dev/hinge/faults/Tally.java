package dev.hinge.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.bench.EventStore;
import dev.hinge.bench.HingeClient;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Counts, straight from the database, what became of acknowledged sets: the SetLoggedEvent rows in
 * domain_event_entry that carry each set's id, and the rows of both services' timelines (athlete_timeline_item of
 * athlete-service, coach_timeline_item of coach-service) whose item id is one of those events' ids.
 */
final class Tally {
    /** One set's fate: its stored events, and how many timeline rows each service holds for them. */
    record Fate(int stored, int athleteRows, int coachRows) {
        boolean complete() {
            return stored >= 1 && athleteRows >= 1 && coachRows >= 1;
        }

        boolean doubled() {
            return stored > 1 || athleteRows > 1 || coachRows > 1;
        }
    }

    /** The counts of one scenario's table row. */
    record Counts(int acknowledged, int stored, int athleteProjected, int coachProjected, int lost, int doubled,
                  List<UUID> lostIds) {
        static Counts of(Map<UUID, Fate> fates) {
            int stored = 0;
            int athlete = 0;
            int coach = 0;
            int doubled = 0;
            List<UUID> lost = new ArrayList<>();
            for (Map.Entry<UUID, Fate> entry : fates.entrySet()) {
                Fate fate = entry.getValue();
                stored += fate.stored() >= 1 ? 1 : 0;
                athlete += fate.athleteRows() >= 1 ? 1 : 0;
                coach += fate.coachRows() >= 1 ? 1 : 0;
                doubled += fate.doubled() ? 1 : 0;
                if (!fate.complete()) {
                    lost.add(entry.getKey());
                }
            }
            return new Counts(fates.size(), stored, athlete, coach, lost.size(), doubled, List.copyOf(lost));
        }
    }

    private final EventStore store;

    Tally(EventStore store) {
        this.store = store;
    }

    /** Waits (up to {@code limit}) until every set is stored and in both timelines, then counts. */
    Counts await(Collection<UUID> setIds, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Map<UUID, Fate> fates = fates(setIds);
        while (System.nanoTime() < deadline && !fates.values().stream().allMatch(Fate::complete)) {
            TimeUnit.MILLISECONDS.sleep(500);
            fates = fates(setIds);
        }
        return Counts.of(fates);
    }

    /** Waits (up to {@code limit}) until every set is in athlete-service's timeline (coach-service may be down). */
    void awaitAthlete(Collection<UUID> setIds, Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !fates(setIds).values().stream().allMatch(fate -> fate.athleteRows() >= 1)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    Map<UUID, Fate> fates(Collection<UUID> setIds) throws SQLException {
        Set<UUID> wanted = Set.copyOf(setIds);
        Map<UUID, List<UUID>> events = new HashMap<>();
        Map<UUID, Integer> athleteRows;
        Map<UUID, Integer> coachRows;
        try (Connection connection = store.connect()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select event_identifier, payload from domain_event_entry where payload_type = ?")) {
                statement.setString(1, EventStore.SET_LOGGED);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID setId = setId(rows.getBytes(2));
                        if (setId != null && wanted.contains(setId)) {
                            events.computeIfAbsent(setId, id -> new ArrayList<>()).add(UUID.fromString(rows.getString(1)));
                        }
                    }
                }
            }
            athleteRows = itemCounts(connection, "athlete_timeline_item");
            coachRows = itemCounts(connection, "coach_timeline_item");
        }
        Map<UUID, Fate> fates = new HashMap<>();
        for (UUID setId : wanted) {
            List<UUID> eventIds = events.getOrDefault(setId, List.of());
            int athlete = 0;
            int coach = 0;
            for (UUID eventId : eventIds) {
                athlete += athleteRows.getOrDefault(eventId, 0);
                coach += coachRows.getOrDefault(eventId, 0);
            }
            fates.put(setId, new Fate(eventIds.size(), athlete, coach));
        }
        return fates;
    }

    private static Map<UUID, Integer> itemCounts(Connection connection, String table) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select item_id, count(*) from " + table + " where type = 'set_logged' group by item_id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getObject(1, UUID.class), rows.getInt(2));
            }
        }
        return counts;
    }

    /** The set id in a SetLoggedEvent payload ({@code "setId":"…"} or {@code "setId":{"value":"…"}}); null if unreadable. */
    static UUID setId(byte[] payload) {
        try {
            JsonNode node = HingeClient.JSON.readTree(payload).path("setId");
            String text = node.isObject() ? node.path("value").asText(null) : node.asText(null);
            return text == null ? null : UUID.fromString(text);
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
