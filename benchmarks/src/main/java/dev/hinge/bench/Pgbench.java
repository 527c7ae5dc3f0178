package dev.hinge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: what PostgreSQL alone does per second with one command's writes, measured by pgbench on a scratch
 * database. One transaction = one insert into a table shaped like {@code domain_event_entry} (400-byte bytea
 * payload, 100-byte metadata, a new event id and aggregate id, so every unique index is maintained) and one update
 * of a {@code token_entry}-like row (one row per client, so clients don't queue on a single row lock).
 */
final class Pgbench {
    static final int PAYLOAD_BYTES = 400;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    record Result(int clients, double tps, double latencyMillis, long failed, String error) {
        static Result failed(int clients, String error) {
            return new Result(clients, Double.NaN, Double.NaN, 0, error);
        }
    }

    private final Options options;
    private final Path script;

    private Pgbench(Options options, Path script) {
        this.options = options;
        this.script = script;
    }

    /** Creates the scratch tables (the scratch database itself is made fresh by benchmarks/run) and the script. */
    static Pgbench prepare(Options options, int maxClients) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(options.jdbcUrl(options.scratchDatabase()),
                options.pgUser(), options.pgPassword()); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_event, bench_token");
            statement.execute(Files.readString(Path.of("platform-support/src/main/resources/db/platform/V1__event_store.sql"))
                    .replaceAll("(?s)create table snapshot_event_entry.*?\\);", "")
                    .replace("domain_event_entry", "bench_event").replace("token_entry", "bench_token"));
            statement.execute("insert into bench_token (processor_name, segment, token, token_type, time_stamp, owner) "
                    + "select 'bench.processor', s, null, null, now()::text, 'bench' from generate_series(0, "
                    + Math.max(maxClients - 1, 0) + ") s");
        }
        Files.createDirectories(options.workDir());
        Path script = options.workDir().resolve("one-command.sql");
        Files.writeString(script, script(), StandardCharsets.UTF_8);
        return new Pgbench(options, script);
    }

    /** One command's writes, as pgbench's custom script. */
    static String script() {
        SecureRandom random = new SecureRandom();
        byte[] payload = new byte[PAYLOAD_BYTES];
        byte[] metaData = new byte[100];
        random.nextBytes(payload);
        random.nextBytes(metaData);
        HexFormat hex = HexFormat.of();
        return "BEGIN;\n"
                + "INSERT INTO bench_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data) VALUES (gen_random_uuid()::text, "
                + "gen_random_uuid()::text, 0, 'Athlete', now()::text, 'dev.hinge.kernel.training.SetLoggedEvent', NULL, "
                + "'\\x" + hex.formatHex(payload) + "'::bytea, '\\x" + hex.formatHex(metaData) + "'::bytea);\n"
                + "UPDATE bench_token SET token = '\\x7b22696e646578223a312c2267617073223a5b5d7d'::bytea, "
                + "time_stamp = now()::text WHERE processor_name = 'bench.processor' AND segment = :client_id;\n"
                + "END;\n";
    }

    Result run(int clients) throws InterruptedException {
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        List<String> command = List.of(options.pgbench(), "-h", options.pgHost(), "-p", Integer.toString(options.pgPort()),
                "-U", options.pgUser(), "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", Integer.toString(threads),
                "-T", Integer.toString(options.pgbenchSeconds()), "-f", script.toString(), options.scratchDatabase());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", options.pgPassword());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(options.pgbenchSeconds() + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Result.failed(clients, "pgbench did not finish");
            }
            return parse(clients, process.exitValue(), output);
        } catch (IOException e) {
            return Result.failed(clients, "pgbench could not run: " + e.getMessage());
        }
    }

    static Result parse(int clients, int exitCode, String output) {
        Optional<Double> tps = find(TPS, output).map(Double::valueOf);
        if (exitCode != 0 || tps.isEmpty()) {
            return Result.failed(clients, "pgbench exited " + exitCode + ": " + output.strip().lines().reduce((a, b) -> b).orElse(""));
        }
        return new Result(clients, tps.get(), find(LATENCY, output).map(Double::valueOf).orElse(Double.NaN),
                find(FAILED, output).map(Long::valueOf).orElse(0L), null);
    }

    private static Optional<String> find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
