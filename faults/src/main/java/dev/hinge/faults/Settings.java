package dev.hinge.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the suite runs and how. {@code faults/run} passes the cluster it made ({@code --pg-*}); everything else has a
 * default, so {@code faults/run} and {@code faults/run --short} need no arguments.
 */
record Settings(boolean shortRun, List<String> scenarios,
                Path pgBin, Path pgData, Path pgLog, String pgOsUser, int pgPort,
                Path athleteJar, Path coachJar, List<String> jvmFlags,
                Path workDir, Path logDir, Path out,
                int clients, int ratePerClient, Duration loadBeforeFault, Duration loadAfterFault,
                Duration retryLimit, Duration settle,
                int concurrentRetries, int idempotencyKeys,
                String poison, String deadLettersPath,
                Duration consumerDown, Duration slowHold, boolean backdate,
                int eventsDuringSlowWrite, int rolledBackAppends, Duration startLimit) {

    /**
     * The services' JVM flags unless {@code --java-options} says otherwise: the images' flags, and C1 only, which
     * halves the CPU a start takes on a shared machine and changes nothing the suite looks at.
     */
    static final String DEFAULT_JAVA_OPTIONS = dev.hinge.bench.Service.IMAGE_JAVA_OPTIONS + " -XX:TieredStopAtLevel=1";

    static final String KILL_ATHLETE = "kill-athlete-service";
    static final String KILL_COACH = "kill-coach-service";
    static final String RESTART_POSTGRES = "restart-postgresql";
    static final String IDEMPOTENT_RETRIES = "concurrent-idempotent-retries";
    static final String POISON = "poison-event";
    static final String SLOW_CONSUMER_DOWN = "slow-writer-consumer-down";
    static final String SLOW_MANY_EVENTS = "slow-writer-10000-events";
    static final String SLOW_MANY_GAPS = "slow-writer-250-gaps";

    /** Every scenario, in the order the full run takes them. */
    static final List<String> ALL = List.of(KILL_ATHLETE, KILL_COACH, RESTART_POSTGRES, IDEMPOTENT_RETRIES, POISON,
            SLOW_CONSUMER_DOWN, SLOW_MANY_EVENTS, SLOW_MANY_GAPS);
    /** The quick ones, which CI runs: none of them waits out a gap timeout. */
    static final List<String> SHORT = List.of(KILL_ATHLETE, KILL_COACH, RESTART_POSTGRES, IDEMPOTENT_RETRIES);

    private static final Set<String> KNOWN = Set.of("scenarios", "pg-bin", "pg-data", "pg-log", "pg-os-user", "pg-port",
            "athlete-jar", "coach-jar", "xmx", "java-options", "work-dir", "log-dir", "out", "clients", "rate-per-client",
            "load-before-fault-seconds", "load-after-fault-seconds", "retry-limit-seconds", "settle-seconds",
            "concurrent-retries", "idempotency-keys", "poison", "deadletters-path", "consumer-down-seconds",
            "slow-hold-seconds", "events-during-slow-write", "rolled-back-appends", "start-limit-seconds");

    static Settings parse(String[] args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean shortRun = rest.remove("--short");
        boolean backdate = rest.remove("--backdate");
        Map<String, String> given = new HashMap<>();
        for (String arg : rest) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments look like --name=value (or --short, --backdate); got " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "; known: --short, --backdate, --"
                        + String.join(", --", new TreeSet<>(KNOWN)));
            }
            given.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        List<String> scenarios = given.containsKey("scenarios")
                ? List.of(given.get("scenarios").split(","))
                : shortRun ? SHORT : ALL;
        for (String scenario : scenarios) {
            if (!ALL.contains(scenario)) {
                throw new IllegalArgumentException("Unknown scenario " + scenario + "; known: " + String.join(", ", ALL));
            }
        }
        String poison = given.getOrDefault("poison", "malformed-json");
        if (!poison.equals("malformed-json") && !poison.equals("tiny-load")) {
            throw new IllegalArgumentException("--poison is malformed-json or tiny-load; got " + poison);
        }
        Path workDir = Path.of(given.getOrDefault("work-dir", System.getProperty("java.io.tmpdir") + "/hinge-faults")).toAbsolutePath();
        List<String> jvmFlags = new ArrayList<>(List.of("-Xmx" + given.getOrDefault("xmx", "256m")));
        for (String flag : given.getOrDefault("java-options", DEFAULT_JAVA_OPTIONS).strip().split("\\s+")) {
            if (!flag.isEmpty()) {
                jvmFlags.add(flag);
            }
        }
        return new Settings(shortRun, List.copyOf(scenarios),
                Path.of(required(given, "pg-bin")), Path.of(required(given, "pg-data")),
                Path.of(required(given, "pg-log")), given.getOrDefault("pg-os-user", ""),
                Integer.parseInt(required(given, "pg-port")),
                Path.of(given.getOrDefault("athlete-jar", "athlete-service/target/athlete-service-0.1.0-SNAPSHOT-exec.jar")),
                Path.of(given.getOrDefault("coach-jar", "coach-service/target/coach-service-0.1.0-SNAPSHOT-exec.jar")),
                List.copyOf(jvmFlags),
                workDir, Path.of(given.getOrDefault("log-dir", workDir.resolve("logs").toString())).toAbsolutePath(),
                Path.of(given.getOrDefault("out", shortRun ? "faults/target/RESULTS-short.md" : "faults/RESULTS.md")),
                integer(given, "clients", 4), integer(given, "rate-per-client", 10),
                seconds(given, "load-before-fault-seconds", 5), seconds(given, "load-after-fault-seconds", 5),
                seconds(given, "retry-limit-seconds", 240), seconds(given, "settle-seconds", 90),
                integer(given, "concurrent-retries", 8), integer(given, "idempotency-keys", 10),
                poison, given.getOrDefault("deadletters-path", "/actuator/deadletters"),
                seconds(given, "consumer-down-seconds", 70), seconds(given, "slow-hold-seconds", 65), backdate,
                integer(given, "events-during-slow-write", 10_100), integer(given, "rolled-back-appends", 300),
                seconds(given, "start-limit-seconds", 360));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required (faults/run passes it)");
        }
        return value;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }

    private static Duration seconds(Map<String, String> given, String name, int fallback) {
        return Duration.ofSeconds(integer(given, name, fallback));
    }
}
