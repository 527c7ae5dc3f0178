package dev.hinge.platform.problem;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedAnywhereInTheCauseChain() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CompletionException(
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("append failed",
                new RuntimeException(new SQLException("I/O error", "08006"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("append failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    /** Seen on a PostgreSQL whose connections were cut: the rollback failed too, and Spring threw that instead. */
    @Test
    void aConnectionLostUnderARollbackThatFailedIsRecognised() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("append failed",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no cause"))).isFalse();
    }
}
