package dev.hinge.platform.axon;

import dev.hinge.platform.processing.SavepointOnFailure;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts a projection's rows as one JDBC batch per unit of work: a streaming processor handles events in
 * batches, and one round trip for the whole batch replaces one per event (replays went from row-by-row to
 * batched). Outside a unit of work a row is inserted at once; so it is for a while after a failure
 * ({@link SavepointOnFailure}): a row that fails then fails inside its event's handler, and the event is dead-lettered
 * instead of failing the whole batch again.
 */
public final class BatchedInserts {
    private final JdbcTemplate jdbc;
    private final String sql;
    private final String resourceKey;

    public BatchedInserts(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.resourceKey = BatchedInserts.class.getName() + ":" + sql;
    }

    /** Queues the row; it is written when the unit of work prepares to commit, in its transaction. */
    public void add(Object... row) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, row);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (SavepointOnFailure.of(unitOfWork).map(SavepointOnFailure::careful).orElse(false)) {
            jdbc.update(sql, row);
            return;
        }
        List<Object[]> rows = unitOfWork.getOrComputeResource(resourceKey, key -> {
            List<Object[]> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> {
                if (!pending.isEmpty()) {
                    try {
                        jdbc.batchUpdate(sql, pending);
                    } catch (RuntimeException e) {
                        // the batch is retried, each row in its handler
                        SavepointOnFailure.of(unitOfWork).ifPresent(SavepointOnFailure::beCareful);
                        throw e;
                    }
                }
            });
            return pending;
        });
        rows.add(row);
    }
}
