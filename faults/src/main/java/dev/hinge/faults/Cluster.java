package dev.hinge.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The suite's own PostgreSQL cluster, made by {@code faults/run} (initdb into a temporary directory, a free port):
 * restarting it never touches a server anyone else uses. Databases are made and dropped over JDBC; the restart
 * runs {@code pg_ctl} as the cluster's owner.
 */
final class Cluster {
    static final String USER = "postgres";
    private final Settings settings;

    Cluster(Settings settings) {
        this.settings = settings;
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl("postgres"), USER, "");
    }

    void createDatabase(String name) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
    }

    void dropDatabase(String name) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** {@code pg_ctl restart -m fast}: open connections are cut, the server is back when this returns. */
    Duration restartFast() throws IOException, InterruptedException {
        long started = System.nanoTime();
        pgCtl("restart", "-m", "fast");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (!settings.pgOsUser().isEmpty()) {
            command.addAll(List.of("runuser", "-u", settings.pgOsUser(), "--"));
        }
        command.addAll(List.of(settings.pgBin().resolve("pg_ctl").toString(), "-D", settings.pgData().toString(),
                "-l", settings.pgLog().toString(), "-w", "-t", "60"));
        command.addAll(List.of(args));
        Files.createDirectories(settings.logDir());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logDir().resolve("pg_ctl.log").toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " did not finish in 90 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " exited with " + process.exitValue()
                    + "; see " + settings.logDir().resolve("pg_ctl.log") + " and " + settings.pgLog());
        }
    }
}
