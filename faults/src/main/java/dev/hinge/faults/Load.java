package dev.hinge.faults;

import dev.hinge.bench.HingeClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients logging sets as a careful app does: each set carries its own id and an {@code Idempotency-Key}, and a set
 * is sent again, unchanged, until it is acknowledged (2xx): after a refused connection, a timeout, a 5xx, a 409
 * (the key's first request still "in progress") or a 429. Any other answer is a refusal and is not retried. Each
 * client is paced ({@code ratePerClient} sets a second) so the suite leaves CPU to others on the machine.
 */
final class Load {
    private final HingeClient client;
    private final int port;
    private final List<HingeClient.Account> athletes;
    private final int ratePerClient;
    private final Duration retryLimit;
    private final AtomicBoolean issuing = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    /** Set id -> nanoTime of its acknowledgement. */
    final Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
    /** Set ids given up on: never acknowledged within the retry limit, or refused with a 4xx. */
    final Set<UUID> unacknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    Load(HingeClient client, int port, List<HingeClient.Account> athletes, int ratePerClient, Duration retryLimit) {
        this.client = client;
        this.port = port;
        this.athletes = athletes;
        this.ratePerClient = ratePerClient;
        this.retryLimit = retryLimit;
    }

    /** Starts one client thread per athlete. */
    Load start() {
        for (HingeClient.Account athlete : athletes) {
            Thread thread = new Thread(() -> run(athlete), "fault-client");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Stops issuing new sets and waits until every client has its last set acknowledged or given up. */
    Load finish() throws InterruptedException {
        issuing.set(false);
        for (Thread thread : threads) {
            thread.join(retryLimit.toMillis() + 70_000);
        }
        return this;
    }

    /** Answers that were not acknowledgements, by kind ("500", "409", "connection refused"...), sorted. */
    String failures() {
        return failures.isEmpty() ? "none" : new TreeMap<>(failures).toString().replaceAll("[{}]", "");
    }

    private void run(HingeClient.Account athlete) {
        long pauseNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, ratePerClient);
        try {
            while (issuing.get()) {
                long started = System.nanoTime();
                send(athlete, UUID.randomUUID());
                long left = pauseNanos - (System.nanoTime() - started);
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one set until it is acknowledged; true when it was. */
    boolean send(HingeClient.Account athlete, UUID setId) throws InterruptedException {
        String body = withId(HingeClient.setBody(null), setId);
        Map<String, String> headers = Map.of("Idempotency-Key", "set-" + setId);
        long deadline = System.nanoTime() + retryLimit.toNanos();
        while (System.nanoTime() < deadline) {
            String failure;
            try {
                HingeClient.Answer answer = client.post(port, "/api/v1/me/sets", athlete.token(), body, headers);
                if (answer.status() / 100 == 2) {
                    acknowledged.put(setId, System.nanoTime());
                    return true;
                }
                failure = Integer.toString(answer.status());
                if (answer.status() / 100 == 4 && answer.status() != 409 && answer.status() != 429) {
                    failures.merge("refused " + failure, 1, Integer::sum);
                    unacknowledged.add(setId);
                    return false;
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            }
            failures.merge(failure, 1, Integer::sum);
            TimeUnit.MILLISECONDS.sleep(250);
        }
        unacknowledged.add(setId);
        return false;
    }

    /** A set body with the client's own id (so a repeat is the same set). */
    static String withId(String body, UUID id) {
        return "{\"id\":\"" + id + "\"," + body.substring(1);
    }
}
