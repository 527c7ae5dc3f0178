package dev.hinge.platform.axon;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Wakes the event store when any process appends events: a trigger on the event table sends a PostgreSQL
 * NOTIFY at commit, and this LISTENs on one dedicated connection. The store's short poll stays as a fallback
 * (and is all there is on the embedded H2 store).
 */
class AppendListener implements SmartLifecycle {
    static final String CHANNEL = "hinge_events_appended";
    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final WakeableEventStore eventStore;
    private volatile boolean running;
    private Thread thread;

    AppendListener(DataSource dataSource, WakeableEventStore eventStore) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "hinge-append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                eventStore.wake();
                while (running) {
                    var notifications = pg.getNotifications((int) RETRY.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        eventStore.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for appended events failed; polling meanwhile, retrying in {}", RETRY, e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
