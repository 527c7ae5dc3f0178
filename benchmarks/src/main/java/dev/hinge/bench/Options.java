package dev.hinge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What to run and at what scale. Every value has a default, so {@code benchmarks/run} needs no arguments; the
 * database can also be named by environment ({@code HINGE_BENCH_PGHOST}, {@code HINGE_BENCH_PGPORT},
 * {@code HINGE_BENCH_PGUSER}, {@code PGPASSWORD}, {@code HINGE_BENCH_DB}). Only 127.0.0.1 is ever contacted.
 */
record Options(boolean smoke, boolean jfr,
               String pgHost, int pgPort, String pgUser, String pgPassword, String database, String scratchDatabase,
               String pgbench,
               Path athleteJar, Path coachJar, int athletePort, int coachPort, String xmx, String javaOptions,
               String jwtSecret,
               Path workDir, Path logDir, Path out,
               List<Integer> pgbenchClients, int pgbenchSeconds,
               List<Integer> ingestClients, Map<Integer, Integer> ingestCommands, int athletes, int warmupCommands,
               Duration stepLimit,
               Duration lagDuration, int lagStreams,
               int shortHistory, int longHistory, int shortHistoryAthletes, int longHistoryAthletes, int historySamples,
               int snapshotThreshold, String snapshotProperty,
               long replayEvents, int replayAthletes, Duration replayLimit,
               boolean readsOnly, int rosterAthletes, int rosterHistory, int readSamples,
               boolean pagesOnly, int pagesAthletes, int pagesSamples,
               Duration totalLimit) {

    /** The JVM flags the services' images run with (their Dockerfiles' JAVA_OPTS), -Xmx standing in for MaxRAMPercentage. */
    static final String DEFAULT_JAVA_OPTIONS = Service.IMAGE_JAVA_OPTIONS;

    /** The fixed HS256 key both services get in a benchmark run (not a secret: a benchmark value). */
    static final String BENCHMARK_JWT_SECRET = "hinge-benchmark-only-jwt-secret-0123456789";

    static Options parse(String[] args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean smoke = rest.remove("--smoke");
        boolean jfr = rest.remove("--jfr");
        boolean readsOnly = rest.remove("--reads");
        boolean pagesOnly = rest.remove("--pages");
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : rest) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments look like --name=value (or --smoke); got " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; known: --smoke, --jfr, --reads, --pages, --" + String.join(", --", new java.util.TreeSet<>(KNOWN)));
            }
            given.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Values v = new Values(given, env);
        String host = v.text("pg-host", "HINGE_BENCH_PGHOST", "127.0.0.1");
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("The benchmark only talks to this machine: --pg-host must be 127.0.0.1");
        }
        String database = v.text("db", "HINGE_BENCH_DB", "hinge_bench");
        int athletePort = port(v.integer("athlete-port", null, 0), 0);
        Path workDir = Path.of(v.text("work-dir", null, System.getProperty("java.io.tmpdir") + "/hinge-bench")).toAbsolutePath();
        return new Options(smoke, jfr,
                host, v.integer("pg-port", "HINGE_BENCH_PGPORT", 5432), v.text("pg-user", "HINGE_BENCH_PGUSER", "postgres"),
                v.text("pg-password", "PGPASSWORD", ""), database, v.text("scratch-db", null, database + "_pgbench"),
                v.text("pgbench", null, "pgbench"),
                Path.of(v.text("athlete-jar", null, "athlete-service/target/athlete-service-0.1.0-SNAPSHOT-exec.jar")),
                Path.of(v.text("coach-jar", null, "coach-service/target/coach-service-0.1.0-SNAPSHOT-exec.jar")),
                athletePort, port(v.integer("coach-port", null, 0), athletePort),
                v.text("xmx", null, "256m"), v.text("java-options", null, DEFAULT_JAVA_OPTIONS), BENCHMARK_JWT_SECRET,
                workDir, Path.of(v.text("log-dir", null, workDir.resolve("logs").toString())).toAbsolutePath(),
                Path.of(v.text("out", null, smoke ? "benchmarks/target/RESULTS-smoke.md"
                        : readsOnly ? "benchmarks/target/RESULTS-reads.md"
                        : pagesOnly ? "benchmarks/target/RESULTS-pages.md" : "benchmarks/RESULTS.md")),
                v.integers("pgbench-clients", smoke ? "1" : "1,4,16,64"), v.integer("pgbench-seconds", null, smoke ? 2 : 5),
                v.integers("clients", smoke ? "1" : "1,4,16,64"),
                ingestCommands(v, smoke),
                v.integer("athletes", null, smoke ? 8 : 128), v.integer("warmup", null, smoke ? 50 : 1_000),
                Duration.ofSeconds(v.integer("step-limit-seconds", null, smoke ? 30 : 60)),
                Duration.ofSeconds(v.integer("lag-seconds", null, smoke ? 3 : 20)), v.integer("lag-streams", null, smoke ? 4 : 64),
                10, v.integer("long-history", null, smoke ? 1_000 : 10_000),
                smoke ? 5 : 50, smoke ? 2 : 10, v.integer("history-samples", null, smoke ? 20 : 200),
                v.integer("snapshot-threshold", "HINGE_BENCH_SNAPSHOT_THRESHOLD", smoke ? 0 : 500),
                v.text("snapshot-property", null, "hinge.snapshot-threshold"),
                v.longValue("replay-events", smoke ? 5_000 : 1_000_000), v.integer("replay-athletes", null, smoke ? 50 : 1_000),
                Duration.ofSeconds(v.integer("replay-limit-seconds", null, smoke ? 60 : 600)),
                readsOnly, v.integer("roster-athletes", null, smoke ? 20 : 200), v.integer("roster-history", null, smoke ? 10 : 100),
                v.integer("read-samples", null, smoke ? 30 : 300),
                pagesOnly, v.integer("pages-athletes", null, 50), v.integer("pages-samples", null, smoke ? 5 : 30),
                Duration.ofSeconds(v.integer("total-limit-seconds", null, smoke ? 300 : 1_500)));
    }

    private static final Set<String> KNOWN = Set.of("pg-host", "pg-port", "pg-user", "pg-password", "db", "scratch-db",
            "pgbench", "athlete-jar", "coach-jar", "athlete-port", "coach-port", "xmx", "java-options", "work-dir", "log-dir", "out",
            "pgbench-clients", "pgbench-seconds", "clients", "commands", "athletes", "warmup", "step-limit-seconds",
            "lag-seconds", "lag-streams", "long-history", "history-samples", "snapshot-threshold", "snapshot-property",
            "replay-events", "replay-athletes", "replay-limit-seconds", "total-limit-seconds",
            "roster-athletes", "roster-history", "read-samples", "pages-athletes", "pages-samples");

    /**
     * {@code 0} (the default) asks for a port nobody listens on ({@link Ports#free()}). A race with another process
     * taking it in between is caught when the service starts ({@link Service#awaitHealthy} requires the service's own
     * log to name the port).
     */
    static int port(int given, int otherService) {
        return given != 0 ? given : Ports.free(otherService);
    }

    /** Commands per ingest step: {@code --commands=N} for every step, else a count per client count. */
    private static Map<Integer, Integer> ingestCommands(Values v, boolean smoke) {
        if (v.given().containsKey("commands")) {
            int commands = v.integer("commands", null, 0);
            return v.integers("clients", "1").stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> commands, (a, b) -> a));
        }
        return smoke ? Map.of(1, 300) : Map.of(1, 600, 4, 1_500, 16, 3_000, 64, 4_000);
    }

    String jdbcUrl(String db) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db;
    }

    /** How each service's JVM is started: {@code -Xmx} and the other flags. */
    List<String> jvmFlags() {
        return Stream.concat(Stream.of("-Xmx" + xmx),
                Arrays.stream(javaOptions.strip().split("\\s+")).filter(f -> !f.isEmpty())).toList();
    }

    int commandsFor(int clients) {
        return ingestCommands.getOrDefault(clients, ingestCommands.values().stream().max(Integer::compare).orElse(1_000));
    }

    private record Values(Map<String, String> given, Map<String, String> env) {
        String text(String name, String envName, String fallback) {
            if (given.containsKey(name)) {
                return given.get(name);
            }
            if (envName != null && env.get(envName) != null && !env.get(envName).isBlank()) {
                return env.get(envName);
            }
            return fallback;
        }

        int integer(String name, String envName, int fallback) {
            return Integer.parseInt(text(name, envName, Integer.toString(fallback)));
        }

        long longValue(String name, long fallback) {
            return Long.parseLong(text(name, null, Long.toString(fallback)).replace("_", ""));
        }

        List<Integer> integers(String name, String fallback) {
            return Arrays.stream(text(name, null, fallback).split(",")).map(String::strip).map(Integer::valueOf).toList();
        }
    }
}
