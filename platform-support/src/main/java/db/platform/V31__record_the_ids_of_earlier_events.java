package db.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Fills {@code recorded_id} (V30) from the events stored before it existed, so that a repeat of an id recorded
 * earlier still answers what was recorded, and a video can still be attached to an earlier set. The events' stored
 * shapes at the time of this migration: each id is an object with its UUID as {@code value}. Frozen with the
 * migration: a later rename of an event does not change what it did.
 */
public class V31__record_the_ids_of_earlier_events extends BaseJavaMigration {
    /** payload type -> {kind, field holding the id} */
    private static final Map<String, String[]> KINDS = Map.of(
            "dev.hinge.kernel.training.SetLoggedEvent", new String[]{"set", "setId"},
            "dev.hinge.kernel.training.VideoAttachedEvent", new String[]{"video", "videoId"},
            "dev.hinge.kernel.pain.PainReportedEvent", new String[]{"pain-report", "painReportId"},
            "dev.hinge.kernel.coaching.VideoReviewedEvent", new String[]{"review", "reviewId"},
            "dev.hinge.kernel.coaching.CueAssignedEvent", new String[]{"cue", "cueId"},
            "dev.hinge.kernel.coaching.CueRetiredEvent", new String[]{"cue-retirement", "cueId"},
            "dev.hinge.kernel.coaching.DeloadPrescribedEvent", new String[]{"deload", "deloadId"},
            "dev.hinge.kernel.coaching.ClearanceGivenEvent", new String[]{"clearance", "clearanceId"});
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        ObjectMapper json = new ObjectMapper();
        Connection connection = context.getConnection();
        String types = "?,".repeat(KINDS.size() - 1) + "?";
        try (PreparedStatement select = connection.prepareStatement("select aggregate_identifier, sequence_number, payload_type, payload"
                + " from domain_event_entry where payload_type in (" + types + ") order by global_index");
             PreparedStatement insert = connection.prepareStatement("insert into recorded_id"
                     + " (aggregate_identifier, kind, client_id, sequence_number) values (?, ?, ?, ?) on conflict do nothing")) {
            int i = 1;
            for (String type : KINDS.keySet()) {
                select.setString(i++, type);
            }
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String[] kind = KINDS.get(rows.getString(3));
                    JsonNode id = json.readTree(rows.getBytes(4)).path(kind[1]).path("value");
                    if (!id.isTextual()) {
                        throw new IllegalStateException("No " + kind[1] + " in the " + rows.getString(3) + " at "
                                + rows.getString(1) + "/" + rows.getLong(2));
                    }
                    insert.setString(1, rows.getString(1));
                    insert.setString(2, kind[0]);
                    insert.setObject(3, UUID.fromString(id.asText()));
                    insert.setLong(4, rows.getLong(2));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
