package dev.hinge.faults;

import dev.hinge.bench.EventStore;
import dev.hinge.bench.HingeClient;
import dev.hinge.bench.Ports;
import dev.hinge.bench.Service;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's world: a fresh database in the suite's cluster and both services' exec jars on free ports, started
 * as a user starts them (the benchmark's {@link Service}). A scenario can kill either service with SIGKILL and start
 * it again on the same port, so clients keep their address.
 */
final class Stack implements AutoCloseable {
    static final String ATHLETE = "athlete-service";
    static final String COACH = "coach-service";
    /** The fixed HS256 key both services get in a fault run (not a secret: a test value). */
    static final String JWT_SECRET = "hinge-fault-suite-only-jwt-secret-0123456789";
    /**
     * The admin password both services get ({@code HINGE_ADMIN_PASSWORD}; HTTP Basic as {@link #ADMIN_USER} on
     * {@code /actuator/**} but health and info), made afresh for each run of the suite.
     */
    static final String ADMIN_PASSWORD = newPassword();
    static final String ADMIN_USER = "admin";

    final String scenario;
    final String database;
    final int athletePort;
    final int coachPort;
    final HingeClient client = new HingeClient();
    final EventStore store;
    private final Settings settings;
    private final Cluster cluster;
    private Service athlete;
    private Service coach;

    private Stack(Settings settings, Cluster cluster, String scenario, String database, int athletePort, int coachPort) {
        this.settings = settings;
        this.cluster = cluster;
        this.scenario = scenario;
        this.database = database;
        this.athletePort = athletePort;
        this.coachPort = coachPort;
        this.store = new EventStore(settings.jdbcUrl(database), Cluster.USER, "");
    }

    /** A fresh database and both services, healthy (started one after the other: both migrate the shared schema). */
    static Stack start(Settings settings, Cluster cluster, String scenario) throws Exception {
        String database = "hinge_faults_" + scenario.replace('-', '_');
        cluster.createDatabase(database);
        int athletePort = Ports.free();
        Stack stack = new Stack(settings, cluster, scenario, database, athletePort, Ports.free(athletePort));
        try {
            stack.startAthlete();
            stack.startCoach();
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    int port(String service) {
        return service.equals(ATHLETE) ? athletePort : coachPort;
    }

    void startAthlete() throws Exception {
        athlete = startService(ATHLETE, athletePort);
    }

    void startCoach() throws Exception {
        coach = startService(COACH, coachPort);
    }

    /** kill -9: the JVM gets no chance to finish a request, commit a token or release a claim. */
    void kill(String service) throws InterruptedException {
        Service running = service.equals(ATHLETE) ? athlete : coach;
        ProcessHandle.of(running.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Optional<ProcessHandle> handle = ProcessHandle.of(running.pid());
        if (handle.isPresent()) {
            try {
                handle.get().onExit().get(60, TimeUnit.SECONDS); // SIGKILL ends it at once; bounded all the same
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(service + " did not end after SIGKILL", e);
            }
        }
        running.close();
    }

    /** A graceful stop (SIGTERM), as an operator stops a service for maintenance. */
    void stop(String service) {
        (service.equals(ATHLETE) ? athlete : coach).close();
    }

    void restart(String service) throws Exception {
        if (service.equals(ATHLETE)) {
            startAthlete();
        } else {
            startCoach();
        }
    }

    Path log(String service) {
        return (service.equals(ATHLETE) ? athlete : coach).log();
    }

    /** A new athlete, registered on athlete-service. */
    HingeClient.Account registerAthlete(String label) throws IOException, InterruptedException {
        return client.register(athletePort, label + "-" + UUID.randomUUID() + "@faults.example", "Fault " + label);
    }

    /** Waits until every streaming processor has handled every event in the store. */
    Optional<Duration> awaitCaughtUp(Duration limit) throws Exception {
        return Optional.ofNullable(store.awaitCaughtUp(limit));
    }

    private Service startService(String name, int port) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", Cluster.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("HINGE_JWT_SECRET", JWT_SECRET);
        env.put("HINGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("HINGE_DATA_DIR", settings.workDir().resolve(database).resolve("data").toString());
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        Service service = Service.start(scenario + "-" + name, name.equals(ATHLETE) ? settings.athleteJar() : settings.coachJar(),
                port, settings.jvmFlags(), env, List.of(), settings.logDir(), false);
        try {
            service.awaitHealthy(client.http(), settings.startLimit());
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** The Authorization header value for the admin endpoints. */
    static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        for (Service service : new Service[] {coach, athlete}) {
            if (service != null) {
                service.close();
            }
        }
        try {
            cluster.dropDatabase(database);
        } catch (Exception e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
    }

    static void pause(Duration duration) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }
}
