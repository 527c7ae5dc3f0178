package dev.hinge.platform.config;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Closes the embedded H2 store after everything that uses it has stopped, not before.
 * <p>
 * H2 closes a file database in a JVM shutdown hook of its own ({@code DB_CLOSE_ON_EXIT}, which {@code AUTO_SERVER}
 * requires). The JVM starts every hook at once, so on SIGTERM or Ctrl-C H2 closed the store within milliseconds while
 * Spring's hook was still stopping the web server and the event processors: they went on reading from a closed
 * database and a normal stop logged {@code ERROR ... Failed to read events} with "Database is already closed".
 * This takes H2's hook out of the JVM's list when the service has started and runs it as the last thing the context
 * stops (after the web server and the processors), once the connection pool is closed.
 * <p>
 * The process that opened the file serves it to the other one ({@code AUTO_SERVER}); closing it under the other
 * process's feet broke that one's reads the same way. So the holder waits, at most {@link #OTHERS_GRACE}, until the
 * other process has let go (both stop together under {@code bin/run}); a process that reaches the store through the
 * other one's server has no hook to take and closes only its connections.
 */
@Component
@ConditionalOnProperty(name = HingeEnvironmentPostProcessor.EMBEDDED_STORE, havingValue = "true")
class EmbeddedStoreShutdown implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreShutdown.class);
    private static final String H2_CLOSER = "org.h2.engine.OnExitDatabaseCloser";
    static final Duration OTHERS_GRACE = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private volatile boolean running;
    private volatile Thread h2Closer;

    EmbeddedStoreShutdown(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
        try {
            var field = Class.forName(H2_CLOSER).getDeclaredField("INSTANCE");
            field.setAccessible(true);
            Thread closer = (Thread) field.get(null);
            if (Runtime.getRuntime().removeShutdownHook(closer)) {
                h2Closer = closer;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot defer H2's own close at shutdown ({}): a stop may log errors from a closed store", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread closer = h2Closer;
        if (closer == null) {
            return;
        }
        h2Closer = null;
        boolean alone = awaitOtherProcess();
        if (!alone) {
            checkpoint();
        }
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
        if (alone) {
            closer.run();
        }
    }

    /** Waits while another process still has sessions on the store this one serves, at most {@link #OTHERS_GRACE}. */
    private boolean awaitOtherProcess() {
        long deadline = System.nanoTime() + OTHERS_GRACE.toNanos();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement others = connection.prepareStatement(
                     "select count(*) from information_schema.sessions where client_addr is not null")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = others.executeQuery()) {
                    if (!count.next() || count.getLong(1) == 0) {
                        return true;
                    }
                }
                Thread.sleep(100);
            }
            log.info("The other service still uses the embedded store after {}: it takes the store over", OTHERS_GRACE);
        } catch (SQLException e) {
            log.debug("Cannot see the embedded store's other sessions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void checkpoint() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint sync");
        } catch (SQLException e) {
            log.debug("Checkpoint of the embedded store failed", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped last: after the web server's graceful shutdown and Axon's processors, before beans are destroyed. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
