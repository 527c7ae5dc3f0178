package dev.hinge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hinge's benchmark (issue #5), run by {@code benchmarks/run}: the PostgreSQL ceiling (pgbench), HTTP ingest at
 * 1..64 clients, lag from athlete-service to a coach's timeline stream, a full read-model replay over a large
 * store, the cost of a long aggregate history, and the services' memory. Prints the results as Markdown and writes
 * them to {@code --out}. Exits 1 if anything errored, 2 on bad arguments, 3 if it ran past its time limit.
 * Every service it starts is stopped on the way out, also on failure.
 */
public final class Benchmark {
    private static final Pattern REPLAY_FINISHED =
            Pattern.compile("Replay finished: (\\d+) processors, (\\d+) events in ([0-9.]+) s");
    private static final Pattern REPLAY_PROGRESS = Pattern.compile("Replay of (\\S+): at (\\d+) of (\\d+)");
    private static final String ATHLETE = "athlete-service";
    private static final String COACH = "coach-service";

    private final Options options;
    private final Results results = new Results();
    private final HingeClient client = new HingeClient();
    private final EventStore store;
    private final List<Service> running = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private final long deadlineNanos;

    private Service athleteService;
    private Service coachService;
    private HingeClient.Account coach;
    private final List<HingeClient.Account> athletes = new ArrayList<>();

    private Benchmark(Options options) {
        this.options = options;
        this.store = new EventStore(options);
        this.deadlineNanos = startedNanos + options.totalLimit().toNanos();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Benchmark benchmark = new Benchmark(options);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopAll, "stop-services"));
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(options.totalLimit().toNanos() + TimeUnit.SECONDS.toNanos(90));
                System.err.println("The benchmark ran past its time limit (" + options.totalLimit().toSeconds()
                        + " s + 90 s): stopping.");
                System.exit(3);
            } catch (InterruptedException finished) {
                // normal end
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int status = benchmark.run();
        watchdog.interrupt();
        System.exit(status);
    }

    int run() {
        log("Hinge benchmark (" + (options.smoke() ? "smoke" : "full") + "), work dir " + options.workDir());
        results.machine = Machine.describe(options);
        if (options.jfr()) {
            results.notes.add("The services ran with Java Flight Recorder (`--jfr`, profile settings): recordings are in "
                    + "benchmarks/target/logs; figures include its overhead.");
        }
        if (options.readsOnly()) {
            if (section("start services", this::startServices)) {
                section("reads", this::reads);
            }
            return finish();
        }
        if (options.pagesOnly()) {
            if (section("start services", this::startServices)) {
                section("pages", this::pages);
            }
            return finish();
        }
        section("ceiling (pgbench)", this::ceiling);
        boolean up = section("start services", this::startServices);
        if (up) {
            up = section("register athletes and a coach", this::population);
        }
        if (up) {
            section("warm-up", this::warmUp);
            section("ingest", this::ingest);
            section("lag", this::lag);
            section("long history", this::longHistory);
            section("reads", this::reads);
        }
        section("replay", this::replay);
        return finish();
    }

    private int finish() {
        stopAll();
        results.elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        String markdown = results.markdown(options);
        System.out.println();
        System.out.println(markdown);
        try {
            Path out = options.out().toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            log("Wrote " + out);
        } catch (IOException e) {
            System.err.println("Could not write " + options.out() + ": " + e);
            return 1;
        }
        if (!results.errors.isEmpty()) {
            log(results.errors.size() + " error(s): see the Errors section");
            return 1;
        }
        return 0;
    }

    @FunctionalInterface
    private interface Section {
        void run() throws Exception;
    }

    /** Runs one section; an exception becomes an error in the results and the run goes on. */
    private boolean section(String name, Section section) {
        if (System.nanoTime() > deadlineNanos) {
            results.errors.add(name + ": skipped, the run's time limit (" + options.totalLimit().toSeconds() + " s) had passed");
            return false;
        }
        log("== " + name);
        try {
            section.run();
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            results.errors.add(name + ": " + e);
            e.printStackTrace();
            return false;
        }
    }

    // 1. What PostgreSQL alone can do per second with one command's writes.
    private void ceiling() throws Exception {
        Pgbench pgbench = Pgbench.prepare(options, options.pgbenchClients().stream().max(Integer::compare).orElse(1));
        for (int clients : options.pgbenchClients()) {
            Pgbench.Result result = pgbench.run(clients);
            results.ceiling.add(result);
            if (result.error() != null) {
                results.errors.add("pgbench at " + clients + " clients: " + result.error());
            } else if (result.failed() > 0) {
                results.errors.add("pgbench at " + clients + " clients: " + result.failed() + " failed transactions");
            }
            log(String.format(Locale.ROOT, "pgbench %d clients: %s tx/s", clients, Results.num(result.tps())));
        }
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", options.jdbcUrl(options.database()));
        env.put("SPRING_DATASOURCE_USERNAME", options.pgUser());
        env.put("SPRING_DATASOURCE_PASSWORD", options.pgPassword());
        env.put("HINGE_JWT_SECRET", options.jwtSecret());
        env.put("HINGE_DATA_DIR", options.workDir().resolve("data").toString());
        // as the images set it (their Dockerfiles), unless this run's environment says otherwise
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        return env;
    }

    private Service startService(String name, List<String> args) throws Exception {
        boolean athlete = name.equals(ATHLETE);
        Service service = Service.start(name, athlete ? options.athleteJar() : options.coachJar(),
                athlete ? options.athletePort() : options.coachPort(), options.jvmFlags(), serviceEnvironment(), args,
                options.logDir(), options.jfr());
        synchronized (running) {
            running.add(service);
        }
        log(name + " started, pid " + service.pid() + ", log " + service.log());
        return service;
    }

    private void startServices() throws Exception {
        for (int port : List.of(options.athletePort(), options.coachPort())) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is already in use: stop what listens there first");
            } catch (java.net.ConnectException free) {
                // as it should be
            }
        }
        // one after the other: both migrate the shared schema on first start
        athleteService = startService(ATHLETE, List.of());
        results.startup.put(ATHLETE, athleteService.awaitHealthy(client.http(), Duration.ofSeconds(600)));
        coachService = startService(COACH, List.of());
        results.startup.put(COACH, coachService.awaitHealthy(client.http(), Duration.ofSeconds(600)));
        TimeUnit.SECONDS.sleep(3);
        results.rssIdle.put(ATHLETE, athleteService.rssKb());
        results.rssIdle.put(COACH, coachService.rssKb());
    }

    private void population() throws Exception {
        coach = client.register(options.coachPort(), "coach@bench.example", "Bench Coach");
        athletes.addAll(registerAthletes("athlete", options.athletes()));
        results.registeredAthletes = athletes.size();
        // the athlete side learns about the coach from the store: a grant is refused (400) until it has
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (HingeClient.Account athlete : athletes) {
            HingeClient.Answer answer;
            while (!(answer = client.grant(options.athletePort(), athlete, coach.id())).is(201)
                    && answer.status() == 400 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            if (!answer.is(201)) {
                throw new IllegalStateException("granting the coach answered " + answer.status() + ": " + answer.body());
            }
        }
        log(athletes.size() + " athletes registered; each granted the coach access");
    }

    private List<HingeClient.Account> registerAthletes(String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HingeClient.Account>> accounts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                accounts.add(pool.submit(() -> client.register(options.athletePort(), prefix + "-" + n + "@bench.example",
                        "Bench " + prefix + " " + n)));
            }
            List<HingeClient.Account> registered = new ArrayList<>();
            for (Future<HingeClient.Account> account : accounts) {
                registered.add(account.get(120, TimeUnit.SECONDS));
            }
            return registered;
        } finally {
            pool.shutdownNow();
        }
    }

    private void warmUp() throws Exception {
        Ingest ingest = new Ingest(client, options.athletePort(), athletes);
        Ingest.Step step = ingest.run(Math.min(16, athletes.size()), options.warmupCommands(), options.stepLimit());
        results.warmupCommands = step.completed();
        if (step.errors() > 0) {
            results.errors.add("warm-up: " + step.errors() + " errors, e.g. " + step.errorSamples());
        }
        awaitProjections("after warm-up", Duration.ofSeconds(120));
        log(String.format(Locale.ROOT, "warm-up: %d sets, %s/s", step.completed(), Results.num(step.perSecond())));
    }

    // 2. Log a set, closed loop, at each client count.
    private void ingest() throws Exception {
        Ingest ingest = new Ingest(client, options.athletePort(), athletes);
        for (int clients : options.ingestClients()) {
            if (System.nanoTime() > deadlineNanos) {
                results.errors.add("ingest at " + clients + " clients: skipped, time limit passed");
                continue;
            }
            Cpu.Sample before = Cpu.sample(servicePids());
            Ingest.Step step = ingest.run(clients, options.commandsFor(clients), options.stepLimit());
            results.cpuByStep.put(clients, Cpu.between(before, Cpu.sample(servicePids())));
            results.ingest.add(step);
            results.backlogAfterStep.put(clients, store.backlog());
            if (step.errors() > 0) {
                results.errors.add("ingest at " + clients + " clients: " + step.errors() + " errors, e.g. " + step.errorSamples());
            }
            log(String.format(Locale.ROOT, "ingest %d clients: %d sets, %s/s, p50/p99/max %s ms, %d errors, backlog %d",
                    clients, step.completed(), Results.num(step.perSecond()), step.latencies().summary(), step.errors(),
                    results.backlogAfterStep.get(clients)));
            Duration caughtUp = awaitProjections("after " + clients + " clients", Duration.ofSeconds(180));
            if (caughtUp != null) {
                results.catchUpAfterStep.put(clients, caughtUp);
            }
        }
        results.rssAfterIngest.put(ATHLETE, athleteService.rssKb());
        results.rssAfterIngest.put(COACH, coachService.rssKb());
    }

    private Map<String, Long> servicePids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        synchronized (running) {
            running.stream().filter(Service::isAlive).forEach(service -> pids.put(service.name(), service.pid()));
        }
        return pids;
    }

    private Duration awaitProjections(String when, Duration limit) throws Exception {
        Duration took = store.awaitCaughtUp(limit);
        if (took == null) {
            results.errors.add("projections had not caught up " + when + " within " + limit.toSeconds() + " s (backlog "
                    + store.backlog() + ")");
        }
        return took;
    }

    // 3. 201 on athlete-service -> the item on the coach's stream (and, for reference, the athlete's own stream).
    private void lag() throws Exception {
        double peak = results.ingest.stream().mapToDouble(Ingest.Step::perSecond).filter(d -> !Double.isNaN(d)).max().orElse(20);
        double rate = Math.max(1, peak / 2);
        List<HingeClient.Account> streamed = athletes.subList(0, Math.min(options.lagStreams(), athletes.size()));
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        try (Lag.Streams coachStreams = new Lag.Streams("coach: `GET :" + options.coachPort() + "/api/v1/athletes/{id}/timeline/stream`");
             Lag.Streams ownStreams = new Lag.Streams("athlete's own (same service): `GET :" + options.athletePort()
                     + "/api/v1/me/timeline/stream`")) {
            coachStreams.open(streamed, a -> client.openStream(options.coachPort(),
                    "/api/v1/athletes/" + a.id() + "/timeline/stream", coach.token()), Duration.ofSeconds(options.smoke() ? 1 : 3));
            if (coachStreams.unavailable != null && !coachStreams.unavailable.contains("route missing")) {
                results.errors.add("lag: coach stream " + coachStreams.unavailable);
            }
            ownStreams.open(streamed, a -> client.openStream(options.athletePort(), "/api/v1/me/timeline/stream", a.token()),
                    Duration.ofSeconds(10));
            if (ownStreams.unavailable != null) {
                results.errors.add("lag: athlete stream " + ownStreams.unavailable);
            }
            TimeUnit.SECONDS.sleep(1); // every stream has subscribed to live items
            results.lagPeak = peak;
            results.lagLoad = Lag.pacedLoad(client, options.athletePort(), streamed, rate, options.lagDuration(), acknowledged);
            if (results.lagLoad.errors() > 0) {
                results.errors.add("lag load: " + results.lagLoad.errors() + " errors, e.g. " + results.lagLoad.errorSamples());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline
                    && !(coachStreams.hasAll(acknowledged.keySet()) && ownStreams.hasAll(acknowledged.keySet()))) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            for (Lag.Streams streams : List.of(coachStreams, ownStreams)) {
                Lag.Result result = streams.result(acknowledged);
                results.lag.add(result);
                if (result.missing() > 0) {
                    results.errors.add("lag: " + result.missing() + " sets never arrived on " + result.stream());
                }
                log("lag " + result.stream() + ": " + (result.unavailable() != null ? result.unavailable()
                        : result.lag().summary() + " ms, " + result.matched() + " matched, " + result.missing() + " missing"));
            }
        }
        awaitProjections("after the lag run", Duration.ofSeconds(120));
    }

    // 5. Logging a set for an athlete with ~10 prior events against one with ~10,000.
    private void longHistory() throws Exception {
        int shortAthletes = options.shortHistoryAthletes();
        int longAthletes = options.longHistoryAthletes();
        List<HingeClient.Account> shortGroup = registerAthletes("short-history", shortAthletes);
        List<HingeClient.Account> longGroup = registerAthletes("long-history", longAthletes);
        // registration (sequence 0) + generated sets + the unmeasured warm-up set = the prior events at the first measured set
        EventStore.Templates templates = templates();
        List<HingeClient.Account> all = new ArrayList<>(shortGroup);
        all.addAll(longGroup);
        int[] counts = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            counts[i] = (i < shortAthletes ? options.shortHistory() : options.longHistory()) - 2;
        }
        long started = System.nanoTime();
        long written = store.generate(templates, all.stream().map(HingeClient.Account::id).toList(), 1, counts,
                Duration.ofSeconds(120));
        log(String.format(Locale.ROOT, "generated %d prior events in %.1f s", written, (System.nanoTime() - started) / 1e9));
        awaitProjections("after generating the long histories", Duration.ofSeconds(options.smoke() ? 60 : 300));

        List<LongHistory.Group> groups = List.of(new LongHistory.Group(options.shortHistory(), shortGroup),
                new LongHistory.Group(options.longHistory(), longGroup));
        results.historyWithout = measureHistory(groups, 0);
        int threshold = options.snapshotThreshold();
        if (threshold <= 0) {
            results.snapshotNote = "With snapshots: not measured (`--snapshot-threshold=0`, the smoke run's default).";
            return;
        }
        results.historyWith = measureHistory(groups, threshold);
        if (results.historyWith == LongHistory.Run.NONE) {
            results.snapshotNote = "With snapshots: n/a. athlete-service, started with `--" + options.snapshotProperty() + "="
                    + threshold + "`, took no snapshot.";
        } else {
            results.snapshotNote = "With snapshots: athlete-service started with `--" + options.snapshotProperty() + "="
                    + threshold + "`; " + store.single("select count(*) from snapshot_event_entry")
                    + " snapshots in the store when measured.";
        }
    }

    /**
     * athlete-service (re)started with {@code --<snapshot property>=threshold}, so its cache is empty, as after a
     * deploy (the generated events were also written behind its back): each athlete's first set, then sets with
     * the aggregate cached. With snapshots, one set per athlete and a restart come first, so the first measured set
     * loads a snapshot. {@link LongHistory.Run#NONE} when snapshots were asked for and none was taken.
     */
    private LongHistory.Run measureHistory(List<LongHistory.Group> groups, int threshold) throws Exception {
        String label = threshold > 0 ? "with snapshots" : "without snapshots";
        List<String> args = List.of("--" + options.snapshotProperty() + "=" + threshold);
        LongHistory history = new LongHistory(client, options.athletePort());
        List<String> samples = new ArrayList<>();
        int warmUp = options.smoke() ? 20 : 300;
        restartAthleteService(args);
        history.warmUp(athletes, warmUp);
        if (threshold > 0) {
            history.firstSets(groups, samples);
            TimeUnit.SECONDS.sleep(1);
            if (store.single("select count(*) from snapshot_event_entry") == 0) {
                log("long history with snapshots: n/a, no snapshot was taken");
                return LongHistory.Run.NONE;
            }
            restartAthleteService(args);
            history.warmUp(athletes, warmUp);
        }
        List<LongHistory.Result> first = history.firstSets(groups, samples);
        List<LongHistory.Result> cached = history.measure(groups, options.historySamples(), deadlineNanos, samples);
        for (List<LongHistory.Result> measured : List.of(first, cached)) {
            String what = measured == first ? "first set after a restart" : "cached";
            for (LongHistory.Result result : measured) {
                if (result.errors() > 0) {
                    results.errors.add("long history " + label + ", " + what + ", " + result.priorEvents() + " prior events: "
                            + result.errors() + " errors, e.g. " + samples);
                }
                log("long history " + label + ", " + what + ", " + result.priorEvents() + " prior events: "
                        + result.latencies().summary() + " ms");
            }
        }
        return new LongHistory.Run(first, cached);
    }

    private void restartAthleteService(List<String> args) throws Exception {
        athleteService.close();
        athleteService = startService(ATHLETE, args);
        athleteService.awaitHealthy(client.http(), Duration.ofSeconds(600));
    }

    /** Templates from a set logged now, over HTTP, by the first athlete. */
    private EventStore.Templates templates() throws Exception {
        return templates(athletes.get(0), "Bench athlete 0");
    }

    /** Templates from a set logged now, over HTTP, by {@code athlete}. */
    private EventStore.Templates templates(HingeClient.Account athlete, String displayName) throws Exception {
        Instant performedAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HingeClient.Answer answer = client.post(options.athletePort(), "/api/v1/me/sets", athlete.token(),
                HingeClient.setBody(performedAt));
        if (!answer.is(201)) {
            throw new IllegalStateException("logging the template set answered " + answer.status() + ": " + answer.body());
        }
        UUID setId = UUID.fromString(answer.json().get("id").asText());
        return store.templates(athlete.id(), setId, displayName, performedAt);
    }

    // 7. Progress and roster reads: short against long histories, one athlete against many on a roster.
    private void reads() throws Exception {
        int shortEvents = options.shortHistory();
        int longEvents = options.longHistory();
        HingeClient.Account template = registerAthletes("reads-template", 1).get(0);
        HingeClient.Account shortAthlete = registerAthletes("reads-short", 1).get(0);
        HingeClient.Account longAthlete = registerAthletes("reads-long", 1).get(0);
        List<HingeClient.Account> many = registerAthletes("reads-roster", options.rosterAthletes());
        HingeClient.Account shortCoach = client.register(options.coachPort(), "reads-short-coach@bench.example", "Short Coach");
        HingeClient.Account longCoach = client.register(options.coachPort(), "reads-long-coach@bench.example", "Long Coach");
        HingeClient.Account manyCoach = client.register(options.coachPort(), "reads-roster-coach@bench.example", "Roster Coach");

        // the registration and the grant over HTTP are each athlete's first two events, the generated sets follow
        // (appended behind athlete-service's back: no command reaches these athletes after them)
        grantAll(List.of(shortAthlete), shortCoach);
        grantAll(List.of(longAthlete), longCoach);
        grantAll(many, manyCoach);
        List<HingeClient.Account> generatedFor = new ArrayList<>(List.of(shortAthlete, longAthlete));
        generatedFor.addAll(many);
        int[] counts = new int[generatedFor.size()];
        counts[0] = shortEvents - 2;
        counts[1] = longEvents - 2;
        for (int i = 2; i < counts.length; i++) {
            counts[i] = options.rosterHistory() - 2;
        }
        EventStore.Templates templates = templates(template, "Bench reads-template 0");
        long started = System.nanoTime();
        long written = store.generate(templates, generatedFor.stream().map(HingeClient.Account::id).toList(), 2, counts,
                Duration.ofSeconds(180));
        log(String.format(Locale.ROOT, "reads: generated %d sets in %.1f s", written, (System.nanoTime() - started) / 1e9));
        Duration caughtUp = awaitProjections("after generating the reads' histories", Duration.ofSeconds(600));
        log("reads: projections caught up in " + (caughtUp == null ? "(not within the limit)" : caughtUp.toSeconds() + " s"));
        results.readsCatchUp = caughtUp;

        int rosterSize = many.size();
        int athletePort = options.athletePort();
        int coachPort = options.coachPort();
        String progress = "?exercise=deadlift";
        List<Reads.Read> reads = List.of(
                new Reads.Read("athlete's progress", shortEvents + " events", athletePort, "/api/v1/me/progress" + progress,
                        shortAthlete.token(), Benchmark::hasProgress),
                new Reads.Read("athlete's progress", longEvents + " events", athletePort, "/api/v1/me/progress" + progress,
                        longAthlete.token(), Benchmark::hasProgress),
                new Reads.Read("coach's progress", shortEvents + " events", coachPort,
                        "/api/v1/athletes/" + shortAthlete.id() + "/progress" + progress, shortCoach.token(), Benchmark::hasProgress),
                new Reads.Read("coach's progress", longEvents + " events", coachPort,
                        "/api/v1/athletes/" + longAthlete.id() + "/progress" + progress, longCoach.token(), Benchmark::hasProgress),
                new Reads.Read("roster, 1 athlete", shortEvents + " events", coachPort, "/api/v1/me/athletes",
                        shortCoach.token(), json -> rosterOf(json, 1)),
                new Reads.Read("roster, 1 athlete", longEvents + " events", coachPort, "/api/v1/me/athletes",
                        longCoach.token(), json -> rosterOf(json, 1)),
                new Reads.Read("roster, " + rosterSize + " athletes, first page (default limit 50)",
                        options.rosterHistory() + " events each", coachPort, "/api/v1/me/athletes", manyCoach.token(),
                        json -> rosterOf(json, Math.min(50, rosterSize))),
                new Reads.Read("roster, " + rosterSize + " athletes, one page of all (limit=" + rosterSize + ")",
                        options.rosterHistory() + " events each", coachPort, "/api/v1/me/athletes?limit=" + rosterSize,
                        manyCoach.token(), json -> rosterOf(json, rosterSize)));
        List<String> samples = new ArrayList<>();
        results.reads = new Reads(client).measure(reads, options.smoke() ? 5 : 50, options.readSamples(), deadlineNanos, samples);
        for (Reads.Result result : results.reads) {
            if (result.errors() > 0) {
                results.errors.add("reads, " + result.read().label() + " (" + result.read().history() + "): "
                        + result.errors() + " errors, e.g. " + samples);
            }
            log("reads, " + result.read().label() + " (" + result.read().history() + "): "
                    + result.latencies().summary() + " ms");
        }
    }

    /** A progress view built from the generated sets: a unit, and a trend with at least one session. */
    private static boolean hasProgress(com.fasterxml.jackson.databind.JsonNode json) {
        return json.path("unit").asText().equals("kg") && json.path("e1rmTrend").size() > 0;
    }

    /** A roster page with exactly {@code size} athletes, each with a status. */
    private static boolean rosterOf(com.fasterxml.jackson.databind.JsonNode json, int size) {
        com.fasterxml.jackson.databind.JsonNode items = json.path("items");
        if (items.size() != size) {
            return false;
        }
        for (com.fasterxml.jackson.databind.JsonNode item : items) {
            if (item.path("status").asText().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Each athlete grants the coach access (retried while athlete-service has not yet learned of the coach). */
    /**
     * The pages ({@code --pages}): time to first paint of the coach's roster ({@code /coach/}) in headless chromium,
     * with {@code --pages-athletes} athletes (50) who granted the coach and logged a set each (every fifth in pain,
     * every tenth a red flag, so the roster has its badges), loaded {@code --pages-samples} times.
     */
    private void pages() throws Exception {
        HingeClient.Account pagesCoach = client.register(options.coachPort(), "pages-coach@bench.example", "Pages Coach");
        List<HingeClient.Account> roster = registerAthletes("pages-roster", options.pagesAthletes());
        grantAll(roster, pagesCoach);
        for (int i = 0; i < roster.size(); i++) {
            String pain = i % 10 == 0 ? "{\"score\":5,\"quality\":\"radiating\",\"location\":\"left leg\"}"
                    : i % 5 == 0 ? "{\"score\":4,\"quality\":\"soreness\",\"location\":\"lower back\"}"
                    : "{\"score\":0,\"quality\":\"none\"}";
            String set = "{\"exercise\":\"deadlift\",\"load\":{\"value\":" + (100 + i) + ",\"unit\":\"kg\"},\"reps\":5,"
                    + "\"rpe\":8,\"pain\":" + pain + "}";
            HingeClient.Answer answer = client.post(options.athletePort(), "/api/v1/me/sets", roster.get(i).token(), set);
            if (!answer.is(201)) {
                throw new IllegalStateException("logging a set answered " + answer.status() + ": " + answer.body());
            }
        }
        // the roster is a read model: wait until it lists every athlete with their set
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int listed = 0;
        while (System.nanoTime() < deadline) {
            HingeClient.Answer answer = client.get(options.coachPort(), "/api/v1/me/athletes?limit=" + roster.size(), pagesCoach.token());
            if (answer.is(200)) {
                listed = 0;
                for (com.fasterxml.jackson.databind.JsonNode item : answer.json().get("items")) {
                    if (!item.path("lastSetAt").isNull() && !item.path("lastSetAt").isMissingNode()) {
                        listed++;
                    }
                }
                if (listed == roster.size()) {
                    break;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        if (listed != roster.size()) {
            throw new IllegalStateException("the roster API listed " + listed + " of " + roster.size() + " athletes with a set");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < roster.size(); i++) {
            names.add("Bench pages-roster " + i);
        }
        log("pages: " + roster.size() + " athletes on the roster; loading /coach/ " + options.pagesSamples() + " times");
        Pages.Result result = Pages.measure(options.coachPort(), pagesCoach.token(), "/coach/", names, options.pagesSamples());
        results.pages = result;
        if (result.problem() != null) {
            results.errors.add("pages: " + result.problem() + " (the figures are not the roster's)");
        }
        log(String.format(Locale.ROOT, "pages: /coach/ with %d athletes: first contentful paint p50 %s ms, p95 %s ms "
                        + "(first load %s ms); first byte p50 %s ms",
                roster.size(), Pages.ms(Pages.percentile(result.fcp(), 50)), Pages.ms(Pages.percentile(result.fcp(), 95)),
                Pages.ms(result.first().firstContentfulPaint()), Pages.ms(Pages.percentile(result.firstByte(), 50))));
    }

    private void grantAll(List<HingeClient.Account> granting, HingeClient.Account to) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (HingeClient.Account athlete : granting) {
            HingeClient.Answer answer;
            while (!(answer = client.grant(options.athletePort(), athlete, to.id())).is(201)
                    && answer.status() == 400 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            if (!answer.is(201)) {
                throw new IllegalStateException("granting the coach answered " + answer.status() + ": " + answer.body());
            }
        }
    }

    // 4. Drop and rebuild every read model over a large store.
    private void replay() throws Exception {
        EventStore.Templates templates = athletes.isEmpty() ? null : templates();
        stopAll();
        long existing = store.count();
        long toGenerate = Math.max(0, options.replayEvents() - existing);
        long started = System.nanoTime();
        long generated = 0;
        if (toGenerate > 0) {
            if (templates == null) {
                throw new IllegalStateException("no templates: the services never came up");
            }
            int athleteCount = (int) Math.min(options.replayAthletes(), toGenerate);
            List<UUID> ids = new ArrayList<>();
            int[] counts = new int[athleteCount];
            for (int i = 0; i < athleteCount; i++) {
                ids.add(UUID.randomUUID());
                counts[i] = (int) (toGenerate / athleteCount + (i < toGenerate % athleteCount ? 1 : 0));
            }
            generated = store.generate(templates, ids, 0, counts, Duration.ofSeconds(options.smoke() ? 60 : 300));
        }
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        store.execute("analyze domain_event_entry");
        store.execute("checkpoint");
        long inStore = store.count();
        log(String.format(Locale.ROOT, "store holds %d events (%d generated in %.1f s); replaying", inStore, generated, generateSeconds));

        Cpu.Sample before = Cpu.sample(Map.of());
        Service service = startService(ATHLETE, List.of("--hinge.replay=all"));
        athleteService = service;
        Optional<Matcher> finished = service.awaitLogLine(REPLAY_FINISHED, options.replayLimit());
        results.cpuReplay = Cpu.between(before, Cpu.sample(Map.of(ATHLETE, service.pid())));
        double wall = service.elapsedNanos() / 1e9;
        if (finished.isEmpty()) {
            String progress = slowestReplay(service)
                    .map(p -> String.format(Locale.ROOT, "the slowest processor at %d of %d, so about %s events/s", p[0], p[1],
                            Results.num(p[0] / (service.elapsedNanos() / 1e9))))
                    .orElse("no progress logged");
            String why = service.isAlive() ? "not finished " + options.replayLimit().toSeconds() + " s after launch: " + progress
                    : "athlete-service exited; see " + service.log();
            results.replay = new Results.Replay(inStore, generated, generateSeconds, 0, 0, 0, wall, why, 0, 0);
            results.errors.add("replay: " + why);
            return;
        }
        Matcher m = finished.get();
        results.rssAfterReplay.put(ATHLETE, service.rssKb());
        results.replay = new Results.Replay(inStore, generated, generateSeconds, Integer.parseInt(m.group(1)),
                Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)), wall, null,
                store.single("select count(*) from athlete_timeline_item"),
                store.single("select count(*) from athlete_progress_event"));
        log(String.format(Locale.ROOT, "replay: %s events by %s processors in %s s (%.1f s from launch)",
                m.group(2), m.group(1), m.group(3), wall));
        stopAll();
    }

    /** From the replay's progress lines: the position of the processor furthest behind, and the head. */
    private static Optional<long[]> slowestReplay(Service service) {
        Map<String, long[]> latest = new HashMap<>();
        service.matches(REPLAY_PROGRESS).forEach(m -> latest.put(m.group(1),
                new long[]{Long.parseLong(m.group(2)), Long.parseLong(m.group(3))}));
        return latest.values().stream().min((a, b) -> Long.compare(a[0], b[0]));
    }

    private void stopAll() {
        List<Service> services;
        synchronized (running) {
            services = new ArrayList<>(running);
            running.clear();
        }
        // all at once: each may take its graceful-shutdown time
        List<Thread> stopping = services.stream().map(service -> new Thread(service::close, "stop-" + service.name())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void log(String message) {
        System.err.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - startedNanos) / 1e9, message);
    }
}
