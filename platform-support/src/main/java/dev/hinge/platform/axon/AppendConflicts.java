package dev.hinge.platform.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells Axon when an append lost a race for an aggregate, so it raises a {@code ConcurrencyException} (a 409) instead
 * of a generic {@code EventStoreException} (a 500). Axon's {@link JdbcSQLErrorCodesResolver} does not know PostgreSQL's
 * unique-violation state 23505; here it is recognised on the constraints that mean "another writer appended this
 * aggregate's sequence number first" (events) or "this snapshot exists" (which Axon then ignores). A unique violation on
 * any other constraint (an event identifier) stays an error. Other databases (the embedded H2 store) keep Axon's codes.
 */
public class AppendConflicts implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";
    static final Set<String> AGGREGATE_SEQUENCE_CONSTRAINTS =
            Set.of("domain_event_entry_aggregate_sequence", "snapshot_event_entry_pkey");

    private final JdbcSQLErrorCodesResolver others = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql instanceof PSQLException postgres && UNIQUE_VIOLATION.equals(postgres.getSQLState())) {
                    ServerErrorMessage server = postgres.getServerErrorMessage();
                    return server != null && AGGREGATE_SEQUENCE_CONSTRAINTS.contains(server.getConstraint());
                }
            }
        }
        return others.isDuplicateKeyViolation(exception);
    }
}
