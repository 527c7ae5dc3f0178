package dev.hinge.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.bench.HingeClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/** The scenarios of issue #9 item 10, each on a stack of its own. */
final class Scenarios {
    /** How long a slow-writer scenario waits for its committed event to reach both read models. */
    private static final Duration SLOW_SETTLE = Duration.ofSeconds(30);
    /** The health status while an event is parked ({@code DeadLetterHealth}): answered with 200, not DOWN. */
    static final String DEGRADED = "DEGRADED";
    private static final Duration CATCH_UP = Duration.ofSeconds(240);
    /** How long processors must not move, short of an open transaction's index, to count as held back by it. */
    private static final Duration HELD_BACK = Duration.ofSeconds(15);

    private final Settings settings;
    private final Cluster cluster;
    private Stack shared;

    Scenarios(Settings settings, Cluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
    }

    private Stack shared() throws Exception {
        if (shared == null) {
            shared = Stack.start(settings, cluster, "shared");
        }
        return shared;
    }

    /** Stops the shared stack's services and drops its database, if it runs. */
    void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /**
     * Runs one scenario; never throws (a scenario that breaks is a failed row saying why). The quick scenarios share
     * one stack (each counts only its own sets; starting two services costs more than the scenario on a busy
     * machine); the poison and slow-writer scenarios, which leave processors stuck or tokens damaged when they
     * fail, each get a fresh one.
     */
    Row run(String scenario) {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean sharing = Settings.SHORT.contains(scenario);
        if (!sharing) {
            closeShared();
        }
        try (Stack own = sharing ? null : Stack.start(settings, cluster, scenario)) {
            Stack stack = sharing ? shared() : own;
            Tally.Counts counts = switch (scenario) {
                case Settings.KILL_ATHLETE -> killUnderLoad(stack, Stack.ATHLETE, problems, notes);
                case Settings.KILL_COACH -> killUnderLoad(stack, Stack.COACH, problems, notes);
                case Settings.RESTART_POSTGRES -> restartPostgres(stack, problems, notes);
                case Settings.IDEMPOTENT_RETRIES -> idempotentRetries(stack, problems, notes);
                case Settings.POISON -> poison(stack, problems, notes);
                case Settings.SLOW_CONSUMER_DOWN -> slowWriterConsumerDown(stack, problems, notes);
                case Settings.SLOW_MANY_EVENTS -> slowWriterManyEvents(stack, problems, notes);
                case Settings.SLOW_MANY_GAPS -> slowWriterManyGaps(stack, problems, notes);
                default -> throw new IllegalArgumentException(scenario);
            };
            if (counts.lost() > 0) {
                notes.add("lost set ids (first 3): " + counts.lostIds().subList(0, Math.min(3, counts.lostIds().size())));
            }
            return new Row(scenario, counts, problems, notes, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception | Error e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            e.printStackTrace();
            if (sharing) {
                closeShared(); // the next scenario starts from a clean stack
            }
            return Row.crashed(scenario, e, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    // 1 and 2: kill -9 of a service while clients log sets, then start it again on the same port.
    private Tally.Counts killUnderLoad(Stack stack, String service, List<String> problems, List<String> notes) throws Exception {
        Load load = new Load(stack.client, stack.athletePort, athletes(stack, settings.clients()), settings.ratePerClient(),
                settings.retryLimit()).start();
        Stack.pause(settings.loadBeforeFault());
        long killed = System.nanoTime();
        stack.kill(service);
        stack.restart(service);
        notes.add(String.format(Locale.ROOT, "%s killed (SIGKILL) after %d s of load, healthy again %.1f s later",
                service, settings.loadBeforeFault().toSeconds(), seconds(System.nanoTime() - killed)));
        Stack.pause(settings.loadAfterFault());
        return finish(stack, load, settings.settle(), problems, notes);
    }

    // 3: pg_ctl restart -m fast of the suite's own cluster while clients log sets.
    private Tally.Counts restartPostgres(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Load load = new Load(stack.client, stack.athletePort, athletes(stack, settings.clients()), settings.ratePerClient(),
                settings.retryLimit()).start();
        Stack.pause(settings.loadBeforeFault());
        Duration restart = cluster.restartFast();
        notes.add(String.format(Locale.ROOT, "pg_ctl restart -m fast after %d s of load took %.1f s",
                settings.loadBeforeFault().toSeconds(), restart.toMillis() / 1000.0));
        Stack.pause(settings.loadAfterFault());
        return finish(stack, load, settings.settle(), problems, notes);
    }

    private Tally.Counts finish(Stack stack, Load load, Duration settle, List<String> problems, List<String> notes) throws Exception {
        load.finish();
        notes.add("answers that were not acknowledgements (retried): " + load.failures());
        if (!load.unacknowledged.isEmpty()) {
            problems.add(load.unacknowledged.size() + " sets never acknowledged within "
                    + settings.retryLimit().toSeconds() + " s of retries, or refused");
        }
        return new Tally(stack.store).await(load.acknowledged.keySet(), settle);
    }

    // 5: the same Idempotency-Key and body sent N times at once.
    private Tally.Counts idempotentRetries(Stack stack, List<String> problems, List<String> notes) throws Exception {
        HingeClient.Account athlete = stack.registerAthlete("idempotent");
        int n = settings.concurrentRetries();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        Set<UUID> setIds = new HashSet<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        int unequal = 0;
        int extraIds = 0;
        try {
            for (int k = 0; k < settings.idempotencyKeys(); k++) {
                String body = HingeClient.setBody(null);
                Map<String, String> headers = Map.of("Idempotency-Key", "concurrent-" + UUID.randomUUID());
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<HingeClient.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    answers.add(pool.submit(() -> {
                        gate.await();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        HingeClient.Answer answer = stack.client.post(stack.athletePort, "/api/v1/me/sets", athlete.token(), body, headers);
                        while (answer.status() == 409 && System.nanoTime() < deadline) {
                            synchronized (statuses) {
                                statuses.merge("409 (retried)", 1, Integer::sum);
                            }
                            TimeUnit.MILLISECONDS.sleep(100);
                            answer = stack.client.post(stack.athletePort, "/api/v1/me/sets", athlete.token(), body, headers);
                        }
                        return answer;
                    }));
                }
                gate.countDown();
                Set<JsonNode> distinct = new HashSet<>();
                Set<UUID> ids = new HashSet<>();
                for (Future<HingeClient.Answer> future : answers) {
                    HingeClient.Answer answer = future.get(60, TimeUnit.SECONDS);
                    synchronized (statuses) {
                        statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
                    }
                    if (answer.status() / 100 == 2) {
                        JsonNode json = answer.json();
                        distinct.add(json);
                        ids.add(UUID.fromString(json.get("id").asText()));
                    } else {
                        distinct.add(HingeClient.JSON.getNodeFactory().textNode(answer.status() + " " + answer.body()));
                    }
                }
                unequal += distinct.size() > 1 ? 1 : 0;
                extraIds += Math.max(0, ids.size() - 1);
                setIds.addAll(ids);
            }
        } finally {
            pool.shutdownNow();
        }
        notes.add(settings.idempotencyKeys() + " keys, each sent " + n + " times at once; answers: "
                + statuses.toString().replaceAll("[{}]", ""));
        if (unequal > 0) {
            problems.add(unequal + " keys got unequal answers");
        }
        if (extraIds > 0) {
            problems.add(extraIds + " extra set ids answered for a repeated key");
        }
        Tally.Counts counts = new Tally(stack.store).await(setIds, settings.settle());
        // one command per key: more ids than keys means a key made more than one set
        return new Tally.Counts(settings.idempotencyKeys(), counts.stored(), counts.athleteProjected(), counts.coachProjected(),
                counts.lost(), counts.doubled() + extraIds, counts.lostIds());
    }

    // 4: a poison event for one athlete while the others keep logging; then its repair, without a restart.
    private Tally.Counts poison(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Appends appends = Appends.from(stack);
        HingeClient.Account victim = stack.registerAthlete("poisoned");
        List<HingeClient.Account> others = athletes(stack, settings.clients());
        caughtUp(stack, "read models not caught up before the poison");

        Arrivals arrivals = new Arrivals(stack).start();
        Load load = new Load(stack.client, stack.athletePort, others, settings.ratePerClient(), settings.retryLimit()).start();
        Stack.pause(Duration.ofSeconds(2));
        UUID poisonEvent = UUID.randomUUID();
        String payload = poisonPayload(appends.setPayload(victim.id(), UUID.randomUUID()));
        try (Connection connection = stack.store.connect()) {
            appends.insertSet(connection, poisonEvent, victim.id(), 1, payload);
        }
        notes.add("poison (" + settings.poison() + ") appended for athlete " + victim.id() + " as event " + poisonEvent);
        Stack.pause(Duration.ofSeconds(20));
        load.finish();
        notes.add("answers that were not acknowledgements: " + load.failures());
        Tally.Counts counts = new Tally(stack.store).await(load.acknowledged.keySet(), SLOW_SETTLE);
        arrivals.stop();
        notes.add("other athletes' sets reaching coach-service's timeline while the poison was parked (201 -> row, polled every 100 ms): "
                + arrivals.latencies(load.acknowledged));

        // while parked: the dead letter shows in the operator endpoint (admin, HTTP Basic) and health says DEGRADED
        // (200, so a load balancer keeps routing); evicting it brings health back to UP
        for (String service : List.of(Stack.ATHLETE, Stack.COACH)) {
            HttpResponse<String> health = get(stack, service, "/actuator/health");
            notes.add(service + " /actuator/health while parked: " + health.statusCode() + " " + abbreviate(health.body()));
            if (health.statusCode() != 200 || !DEGRADED.equals(healthStatus(health))) {
                problems.add(service + " /actuator/health while a dead letter exists answered " + health.statusCode()
                        + " with status " + healthStatus(health) + ", not 200 " + DEGRADED);
            }
            HttpResponse<String> unauthenticated = send(stack, service, "GET", settings.deadLettersPath(), false);
            if (unauthenticated.statusCode() != 401) {
                problems.add(service + " GET " + settings.deadLettersPath() + " without credentials answered "
                        + unauthenticated.statusCode() + ", not 401");
            }
            HttpResponse<String> listed = get(stack, service, settings.deadLettersPath());
            List<DeadLetter> letters = listed.statusCode() == 200
                    ? DeadLetter.find(HingeClient.JSON.readTree(listed.body()), poisonEvent.toString(), victim.id().toString())
                    : List.of();
            if (letters.isEmpty()) {
                problems.add(service + " GET " + settings.deadLettersPath() + " answered " + listed.statusCode()
                        + " without the poison event (" + abbreviate(listed.body()) + ")");
                continue;
            }
            notes.add(service + " lists " + letters);
            for (DeadLetter letter : letters) {
                HttpResponse<String> evicted = send(stack, service, "DELETE", settings.deadLettersPath() + "/"
                        + pathSegment(letter.group()) + "/" + pathSegment(letter.sequence()), true);
                notes.add(service + " evicted " + letter.group() + "/" + letter.sequence() + ": " + evicted.statusCode()
                        + " " + abbreviate(evicted.body()));
                if (evicted.statusCode() / 100 != 2) {
                    problems.add(service + " eviction of " + letter + " answered " + evicted.statusCode());
                }
            }
            long deadline = System.nanoTime() + SLOW_SETTLE.toNanos();
            HttpResponse<String> after = get(stack, service, settings.deadLettersPath());
            while (System.nanoTime() < deadline && listsPoison(after, poisonEvent, victim)) {
                Stack.pause(Duration.ofMillis(500));
                after = get(stack, service, settings.deadLettersPath());
            }
            if (after.statusCode() != 200 || listsPoison(after, poisonEvent, victim)) {
                problems.add(service + " after eviction GET " + settings.deadLettersPath() + " answered " + after.statusCode()
                        + " " + abbreviate(after.body()));
            }
            HttpResponse<String> healthAfter = get(stack, service, "/actuator/health");
            while (System.nanoTime() < deadline && !"UP".equals(healthStatus(healthAfter))) {
                Stack.pause(Duration.ofMillis(500));
                healthAfter = get(stack, service, "/actuator/health");
            }
            notes.add(service + " /actuator/health after the eviction: " + healthAfter.statusCode() + " " + abbreviate(healthAfter.body()));
            if (healthAfter.statusCode() != 200 || !"UP".equals(healthStatus(healthAfter))) {
                problems.add(service + " /actuator/health after the eviction answered " + healthAfter.statusCode()
                        + " with status " + healthStatus(healthAfter) + ", not 200 UP");
            }
        }
        // after the repair, without a restart: new sets of every athlete still flow to both read models
        Load after = new Load(stack.client, stack.athletePort, others, settings.ratePerClient(), settings.retryLimit()).start();
        Stack.pause(Duration.ofSeconds(3));
        after.finish();
        Tally.Counts afterCounts = new Tally(stack.store).await(after.acknowledged.keySet(), SLOW_SETTLE);
        notes.add("after the repair: " + afterCounts.acknowledged() + " sets, " + afterCounts.lost() + " lost");
        if (afterCounts.lost() > 0 || afterCounts.doubled() > 0) {
            problems.add("after the repair " + afterCounts.lost() + " sets were lost and " + afterCounts.doubled() + " doubled");
        }
        return counts;
    }

    private String poisonPayload(String valid) {
        if (settings.poison().equals("tiny-load")) {
            // the 70-byte request: a load the timeline writer cannot serialise
            String tiny = valid.replaceFirst("(?<head>\"load\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*)[-0-9.eE+]+", "${head}1e-20000");
            if (tiny.equals(valid)) {
                throw new IllegalStateException("no load value to replace in " + valid);
            }
            return tiny;
        }
        // a known type whose JSON is cut short: no reader can take it
        return valid.substring(0, valid.length() / 2);
    }

    // 6a: a transaction appends and stays open while coach-service is down; it starts again after the gap timeout.
    private Tally.Counts slowWriterConsumerDown(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Appends appends = Appends.from(stack);
        HingeClient.Account slowAthlete = stack.registerAthlete("slow");
        List<HingeClient.Account> others = athletes(stack, 2);
        caughtUp(stack, "read models not caught up before the slow write");
        stack.stop(Stack.COACH);
        UUID slowSet = UUID.randomUUID();
        try (Connection slow = stack.store.connect()) {
            slow.setAutoCommit(false);
            long gap = appends.insertSet(slow, UUID.randomUUID(), slowAthlete.id(), 1, appends.setPayload(slowAthlete.id(), slowSet));
            Load load = brief(stack, others);
            Tally tally = new Tally(stack.store);
            tally.awaitAthlete(load.acknowledged.keySet(), HELD_BACK);
            long projected = tally.fates(load.acknowledged.keySet()).values().stream().filter(f -> f.athleteRows() >= 1).count();
            notes.add("while the slow transaction was open athlete-service projected " + projected + " of the "
                    + load.acknowledged.size() + " sets logged after it (within " + HELD_BACK.toSeconds() + " s)");
            if (settings.backdate()) {
                int rows = backdate(stack, gap);
                notes.add("coach-service stopped; slow append at global index " + gap + "; " + load.acknowledged.size()
                        + " sets logged after it, then their time_stamp set 120 s back (" + rows + " rows, --backdate) instead of waiting");
            } else {
                notes.add("coach-service stopped; slow append at global index " + gap + "; " + load.acknowledged.size()
                        + " sets logged after it; coach-service started again " + settings.consumerDown().toSeconds() + " s later");
                Stack.pause(settings.consumerDown());
            }
            stack.restart(Stack.COACH);
            notes.add("after coach-service's restart: " + passedOrHeldBack(stack, gap));
            slow.commit();
            return slowOutcome(stack, slowSet, load, notes);
        }
    }

    // 6b: more than 10,000 events appended while the slow transaction is open.
    private Tally.Counts slowWriterManyEvents(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Appends appends = Appends.from(stack);
        HingeClient.Account slowAthlete = stack.registerAthlete("slow");
        List<HingeClient.Account> others = athletes(stack, 2);
        caughtUp(stack, "read models not caught up before the slow write");
        UUID slowSet = UUID.randomUUID();
        try (Connection slow = stack.store.connect()) {
            slow.setAutoCommit(false);
            long gap = appends.insertSet(slow, UUID.randomUUID(), slowAthlete.id(), 1, appends.setPayload(slowAthlete.id(), slowSet));
            int perAthlete = 100;
            int generatedAthletes = (settings.eventsDuringSlowWrite() + perAthlete - 1) / perAthlete;
            List<UUID> generated = IntStream.range(0, generatedAthletes).mapToObj(i -> UUID.randomUUID()).toList();
            int[] counts = new int[generatedAthletes];
            java.util.Arrays.fill(counts, perAthlete);
            long written = stack.store.generate(appends.templates(), generated, 0, counts, Duration.ofSeconds(120));
            Load load = brief(stack, others);
            notes.add("slow append at global index " + gap + "; then " + written + " events appended by COPY and "
                    + load.acknowledged.size() + " sets over HTTP");
            notes.add(passedOrHeldBack(stack, gap));
            slow.commit();
            return slowOutcome(stack, slowSet, load, notes);
        }
    }

    // 6c: more than 250 rolled-back appends (gaps) while the slow transaction is open.
    private Tally.Counts slowWriterManyGaps(Stack stack, List<String> problems, List<String> notes) throws Exception {
        Appends appends = Appends.from(stack);
        HingeClient.Account slowAthlete = stack.registerAthlete("slow");
        List<HingeClient.Account> others = athletes(stack, 2);
        caughtUp(stack, "read models not caught up before the slow write");
        UUID slowSet = UUID.randomUUID();
        try (Connection slow = stack.store.connect(); Connection rolledBack = stack.store.connect()) {
            slow.setAutoCommit(false);
            rolledBack.setAutoCommit(false);
            long gap = appends.insertSet(slow, UUID.randomUUID(), slowAthlete.id(), 1, appends.setPayload(slowAthlete.id(), slowSet));
            for (int i = 0; i < settings.rolledBackAppends(); i++) {
                UUID aggregate = UUID.randomUUID();
                appends.insertSet(rolledBack, UUID.randomUUID(), aggregate, 0, appends.setPayload(aggregate, UUID.randomUUID()));
                rolledBack.rollback();
            }
            Load load = brief(stack, others);
            notes.add(passedOrHeldBack(stack, gap));
            if (settings.backdate()) {
                int rows = backdate(stack, gap);
                notes.add("slow append at global index " + gap + ", " + settings.rolledBackAppends() + " rolled-back appends, "
                        + load.acknowledged.size() + " sets; their time_stamp then set 120 s back (" + rows + " rows, --backdate)");
            } else {
                notes.add("slow append at global index " + gap + ", " + settings.rolledBackAppends() + " rolled-back appends, "
                        + load.acknowledged.size() + " sets; the transaction then stayed open " + settings.slowHold().toSeconds() + " s more");
                Stack.pause(settings.slowHold());
            }
            Load more = brief(stack, others);
            notes.add("after more sets: " + passedOrHeldBack(stack, gap));
            slow.commit();
            more.acknowledged.forEach(load.acknowledged::putIfAbsent);
            return slowOutcome(stack, slowSet, load, notes);
        }
    }

    /** The slow event counts as one acknowledged command (its transaction committed), with the sets logged meanwhile. */
    private Tally.Counts slowOutcome(Stack stack, UUID slowSet, Load load, List<String> notes) throws Exception {
        Set<UUID> all = new HashSet<>(load.acknowledged.keySet());
        all.add(slowSet);
        // readers held back by the open transaction have the whole backlog to read once it commits
        Duration caughtUp = stack.awaitCaughtUp(CATCH_UP).orElse(null);
        notes.add(caughtUp == null ? "the processors had not caught up " + CATCH_UP.toSeconds() + " s after the commit"
                : String.format(Locale.ROOT, "every processor caught up %.1f s after the commit", seconds(caughtUp.toNanos())));
        Tally tally = new Tally(stack.store);
        Tally.Counts counts = tally.await(all, SLOW_SETTLE);
        Tally.Fate slow = tally.fates(List.of(slowSet)).get(slowSet);
        notes.add(String.format(Locale.ROOT, "the slow event, %d s later: stored %d, athlete timeline %d, coach timeline %d",
                SLOW_SETTLE.toSeconds(), slow.stored(), slow.athleteRows(), slow.coachRows()));
        return counts;
    }

    /**
     * While the slow transaction is open: waits until every processor has read past its index (as Axon's own reader
     * does, remembering the index as a gap) or until none has and the slowest one has not moved for {@link #HELD_BACK}
     * (a gap-safe reader stops before an index that may still appear, until its transaction ends). Either is allowed:
     * what counts is whether the slow event reaches both timelines once it commits. Says which it was.
     */
    private static String passedOrHeldBack(Stack stack, long slowIndex) throws Exception {
        long started = System.nanoTime();
        long deadline = started + CATCH_UP.toNanos();
        long slowest = slowestToken(stack);
        long still = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (stack.store.backlog() == 0) {
                return String.format(Locale.ROOT, "every processor read past the open transaction's index %d (caught up with head %d in %.1f s)",
                        slowIndex, stack.store.head(), seconds(System.nanoTime() - started));
            }
            long now = slowestToken(stack);
            if (now != slowest) {
                slowest = now;
                still = System.nanoTime();
            } else if (now < slowIndex && System.nanoTime() - still >= HELD_BACK.toNanos()) {
                return String.format(Locale.ROOT, "the processors held back before the open transaction's index %d "
                        + "(slowest token at %d for %d s, head %d)", slowIndex, now, HELD_BACK.toSeconds(), stack.store.head());
            }
            Stack.pause(Duration.ofMillis(250));
        }
        return "within " + CATCH_UP.toSeconds() + " s the processors neither caught up nor stopped before index " + slowIndex
                + " (slowest token at " + slowestToken(stack) + ", head " + stack.store.head() + ")";
    }

    /** The lowest index any processor's token has reached (the highest {@code "index"} in each token's JSON). */
    private static long slowestToken(Stack stack) throws Exception {
        java.util.regex.Pattern index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
        long slowest = Long.MAX_VALUE;
        try (Connection connection = stack.store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select token from token_entry")) {
            while (rows.next()) {
                byte[] token = rows.getBytes(1);
                long highest = -1;
                if (token != null) {
                    java.util.regex.Matcher matcher = index.matcher(new String(token, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        highest = Math.max(highest, Long.parseLong(matcher.group(1)));
                    }
                }
                slowest = Math.min(slowest, highest);
            }
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }

    /** Waits until every processor has handled every event; else fails, saying how far each one got. */
    private static void caughtUp(Stack stack, String failure) throws Exception {
        if (stack.awaitCaughtUp(CATCH_UP).isEmpty()) {
            StringBuilder tokens = new StringBuilder();
            try (Connection connection = stack.store.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select processor_name, segment, token from token_entry order by 1, 2")) {
                while (rows.next()) {
                    byte[] token = rows.getBytes(3);
                    String json = token == null ? "null" : new String(token, java.nio.charset.StandardCharsets.UTF_8);
                    tokens.append(rows.getString(1)).append('/').append(rows.getInt(2)).append(' ')
                            .append(json.length() > 120 ? json.substring(0, 120) + "…" : json).append("; ");
                }
            }
            throw new IllegalStateException(failure + " within " + CATCH_UP.toSeconds() + " s: head " + stack.store.head()
                    + ", backlog " + stack.store.backlog() + ", tokens: " + tokens);
        }
    }

    /** Three seconds of sets from {@code athletes}, all acknowledged before it returns. */
    private Load brief(Stack stack, List<HingeClient.Account> athletes) throws InterruptedException {
        Load load = new Load(stack.client, stack.athletePort, athletes, settings.ratePerClient(), settings.retryLimit()).start();
        Stack.pause(Duration.ofSeconds(3));
        return load.finish();
    }

    /** Moves the time_stamp of every committed event after {@code globalIndex} 120 s into the past: the gap timeout's clock, advanced. */
    private static int backdate(Stack stack, long globalIndex) throws Exception {
        try (Connection connection = stack.store.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "update domain_event_entry set time_stamp = ? where global_index > ?")) {
            statement.setString(1, Instant.now().minusSeconds(120).toString());
            statement.setLong(2, globalIndex);
            return statement.executeUpdate();
        }
    }

    private static List<HingeClient.Account> athletes(Stack stack, int count) throws Exception {
        List<HingeClient.Account> athletes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            athletes.add(stack.registerAthlete("client" + i));
        }
        return athletes;
    }

    /** A GET as the admin (the suite's generated password; health would answer without it). */
    private static HttpResponse<String> get(Stack stack, String service, String path) throws Exception {
        return send(stack, service, "GET", path, true);
    }

    private static HttpResponse<String> send(Stack stack, String service, String method, String path, boolean admin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(service) + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (admin) {
            request.header("Authorization", Stack.adminAuthorization());
        }
        return stack.client.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The top-level {@code status} of a health answer, or what came instead. */
    static String healthStatus(HttpResponse<String> health) {
        try {
            return HingeClient.JSON.readTree(health.body()).path("status").asText("(none)");
        } catch (Exception notJson) {
            return "(not JSON: " + abbreviate(health.body()) + ")";
        }
    }

    private static boolean listsPoison(HttpResponse<String> listed, UUID poisonEvent, HingeClient.Account victim) {
        try {
            return listed.statusCode() != 200 || !DeadLetter.find(HingeClient.JSON.readTree(listed.body()),
                    poisonEvent.toString(), victim.id().toString()).isEmpty();
        } catch (Exception notJson) {
            return true;
        }
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * When each set reached coach-service's timeline, polled from its table every 100 ms (set id from the joined
     * event's payload).
     */
    static final class Arrivals {
        private final Stack stack;
        private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Arrivals(Stack stack) {
            this.stack = stack;
        }

        Arrivals start() {
            thread = new Thread(this::poll, "coach-arrivals");
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }

        private void poll() {
            try (Connection connection = stack.store.connect(); Statement statement = connection.createStatement()) {
                while (running.get()) {
                    try (ResultSet rows = statement.executeQuery("select e.payload from coach_timeline_item t "
                            + "join domain_event_entry e on e.event_identifier = t.item_id::text where t.type = 'set_logged'")) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            UUID setId = Tally.setId(rows.getBytes(1));
                            if (setId != null) {
                                seen.putIfAbsent(setId, now);
                            }
                        }
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            } catch (Exception e) {
                System.err.println("coach arrivals poller stopped: " + e);
            }
        }

        String latencies(Map<UUID, Long> acknowledged) {
            List<Long> millis = new ArrayList<>();
            int missing = 0;
            for (Map.Entry<UUID, Long> ack : acknowledged.entrySet()) {
                Long at = seen.get(ack.getKey());
                if (at == null) {
                    missing++;
                } else {
                    millis.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - ack.getValue())));
                }
            }
            if (millis.isEmpty()) {
                return "none of " + acknowledged.size() + " arrived";
            }
            millis.sort(Long::compare);
            return String.format(Locale.ROOT, "%d sets: p50 %d ms, p99 %d ms, max %d ms; %d never arrived", millis.size(),
                    millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) (millis.size() * 0.99))),
                    millis.get(millis.size() - 1), missing);
        }
    }

    /**
     * A parked sequence as {@code GET /actuator/deadletters} lists it ({@code DeadLetterEndpoint}): an object keyed by
     * processing group, each a list of {@code {"sequence": "<athlete id>", "letters": [{"eventIdentifier": ...}, ...]}}.
     * Found when its sequence is the athlete or one of its letters is the event; {@code events} are its letters' ids.
     */
    record DeadLetter(String group, String sequence, List<String> events) {
        static List<DeadLetter> find(JsonNode root, String eventId, String athleteId) {
            List<DeadLetter> found = new ArrayList<>();
            root.fields().forEachRemaining(group -> {
                for (JsonNode sequence : group.getValue()) {
                    List<String> events = new ArrayList<>();
                    for (JsonNode letter : sequence.path("letters")) {
                        events.add(letter.path("eventIdentifier").asText());
                    }
                    String id = sequence.path("sequence").asText();
                    if (id.equals(athleteId) || events.contains(eventId)) {
                        found.add(new DeadLetter(group.getKey(), id, List.copyOf(events)));
                    }
                }
            });
            return found;
        }
    }
}
