package dev.hinge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on. */
public record Machine(Map<String, String> facts) {

    static Machine describe(Options options) {
        return describe(options.jdbcUrl(options.database()), options.pgUser(), options.pgPassword());
    }

    /** This machine, and the PostgreSQL server at {@code jdbcUrl} (the fault suite's own cluster, say). */
    public static Machine describe(String jdbcUrl, String user, String password) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
        facts.put("Memory", memory());
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (benchmark client and both services)");
        facts.put("PostgreSQL", postgres(jdbcUrl, user, password));
        return new Machine(facts);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    private static String postgres(String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("show server_version")) {
                rows.next();
                text.append(rows.getString(1)).append(" at ").append(jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", ""));
            }
            for (String setting : List.of("shared_buffers", "synchronous_commit", "fsync", "max_connections")) {
                try (ResultSet rows = statement.executeQuery("show " + setting)) {
                    rows.next();
                    text.append(", ").append(setting).append('=').append(rows.getString(1));
                }
            }
            return text.toString();
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
