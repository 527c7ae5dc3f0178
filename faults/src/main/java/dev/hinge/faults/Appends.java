package dev.hinge.faults;

import dev.hinge.bench.EventStore;
import dev.hinge.bench.EventTemplates;
import dev.hinge.bench.HingeClient;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Events appended with SQL, as another writer of the store would: rows made from a set the application logged
 * (the benchmark's templates), so they differ from the application's own only in their ids and times.
 */
final class Appends {
    private static final String INSERT = "insert into domain_event_entry (event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning global_index";

    private final EventStore.Templates templates;

    private Appends(EventStore.Templates templates) {
        this.templates = templates;
    }

    /** Templates from a set logged over HTTP by a new athlete of the stack. */
    static Appends from(Stack stack) throws Exception {
        HingeClient.Account athlete = stack.client.register(stack.athletePort,
                "template-" + UUID.randomUUID() + "@faults.example", "Template athlete");
        Instant performedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HingeClient.Answer answer = stack.client.post(stack.athletePort, "/api/v1/me/sets", athlete.token(),
                HingeClient.setBody(performedAt));
        if (!answer.is(201)) {
            throw new IllegalStateException("logging the template set answered " + answer.status() + ": " + answer.body());
        }
        UUID setId = UUID.fromString(answer.json().get("id").asText());
        return new Appends(stack.store.templates(athlete.id(), setId, "Template athlete", performedAt));
    }

    EventStore.Templates templates() {
        return templates;
    }

    /** A SetLoggedEvent payload for {@code athleteId} and {@code setId}, as the application writes it. */
    String setPayload(UUID athleteId, UUID setId) {
        return templates.setLogged().render(Map.of("athlete", athleteId.toString(), "set", setId.toString(),
                "performedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** Inserts a SetLoggedEvent row with {@code payload} on {@code connection} (its transaction); returns its global index. */
    long insertSet(Connection connection, UUID eventId, UUID athleteId, long sequence, String payload) throws SQLException {
        EventTemplates.Template template = templates.setLogged();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, eventId.toString());
            statement.setString(2, athleteId.toString());
            statement.setLong(3, sequence);
            statement.setString(4, template.type());
            statement.setString(5, Instant.now().toString());
            statement.setString(6, template.payloadType());
            statement.setString(7, template.payloadRevision());
            statement.setBytes(8, payload.getBytes(StandardCharsets.UTF_8));
            statement.setBytes(9, template.metaData());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
