package dev.hinge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads, each sending its next "log a set" as soon as the previous answer
 * arrived, until {@code commands} were sent or the time limit passed. Client {@code i} logs for athletes
 * {@code i, i + clients, ...}, so no two clients ever write to the same athlete at once (no optimistic-locking
 * conflicts: what is measured is throughput, not retries).
 */
final class Ingest {

    record Step(int clients, int commands, int completed, int errors, double seconds, Latencies latencies,
                boolean truncated, List<String> errorSamples) {
        double perSecond() {
            return seconds <= 0 ? Double.NaN : (completed - errors) / seconds;
        }
    }

    private final HingeClient client;
    private final int port;
    private final List<HingeClient.Account> athletes;

    Ingest(HingeClient client, int port, List<HingeClient.Account> athletes) {
        this.client = client;
        this.port = port;
        this.athletes = athletes;
    }

    Step run(int clients, int commands, java.time.Duration limit) throws InterruptedException {
        if (athletes.size() < clients) {
            throw new IllegalArgumentException("need at least as many athletes (" + athletes.size() + ") as clients (" + clients + ")");
        }
        Latencies latencies = new Latencies();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<HingeClient.Account> own = owned(c, clients);
            Thread thread = new Thread(() -> {
                int turn = 0;
                while (System.nanoTime() < deadline && issued.getAndIncrement() < commands) {
                    HingeClient.Account athlete = own.get(turn++ % own.size());
                    long sent = System.nanoTime();
                    try {
                        HingeClient.Answer answer = this.client.logSet(port, athlete);
                        latencies.recordNanos(System.nanoTime() - sent);
                        if (!answer.is(201)) {
                            errors.incrementAndGet();
                            sample(samples, answer.status() + " " + abbreviate(answer.body()));
                        }
                    } catch (Exception e) {
                        latencies.recordNanos(System.nanoTime() - sent);
                        errors.incrementAndGet();
                        sample(samples, e.toString());
                    }
                    completed.incrementAndGet();
                    lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }, "ingest-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(limit.toMillis() + 70_000);
        }
        double seconds = (Math.max(lastDone.get(), started) - started) / 1e9;
        return new Step(clients, commands, completed.get(), errors.get(), seconds, latencies,
                completed.get() < commands, List.copyOf(samples));
    }

    /** The athletes client {@code c} of {@code clients} logs for: {@code c, c + clients, c + 2 clients, ...}. */
    List<HingeClient.Account> owned(int c, int clients) {
        List<HingeClient.Account> own = new ArrayList<>();
        for (int i = c; i < athletes.size(); i += clients) {
            own.add(athletes.get(i));
        }
        return own;
    }

    static void sample(List<String> samples, String error) {
        if (samples.size() < 5) {
            samples.add(error);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
