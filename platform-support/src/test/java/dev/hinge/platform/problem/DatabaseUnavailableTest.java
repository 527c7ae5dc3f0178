package dev.hinge.platform.problem;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

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

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new EventStoreException("append failed",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no cause"))).isFalse();
    }
}
