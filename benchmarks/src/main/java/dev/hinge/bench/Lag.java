package dev.hinge.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Time from an athlete's 201 to the {@code set_logged} item for that set on a timeline stream, under steady
 * (paced, open-loop) load. Streams are matched by set id: the item's {@code data.id} is the id in the 201.
 */
final class Lag {

    /** One kind of stream: measured, or not available (with why). */
    record Result(String stream, String unavailable, int streams, Latencies lag, int matched, int missing, int early) {
    }

    /** Figures of the paced load itself. */
    record Load(double rate, int sent, int errors, double seconds, List<String> errorSamples) {
    }

    /** Timeline streams of one kind, one per athlete, each read by its own thread. */
    static final class Streams implements AutoCloseable {
        final String name;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final List<InputStream> bodies = Collections.synchronizedList(new ArrayList<>());
        String unavailable;
        final AtomicInteger readErrors = new AtomicInteger();

        Streams(String name) {
            this.name = name;
        }

        /**
         * Opens a stream per athlete with {@code open}; a 404 on the first (after retrying for a while: the other
         * service may not have seen the grant yet) means the route is missing, and the kind is not available.
         */
        void open(List<HingeClient.Account> athletes, StreamOpener open, Duration retry) throws InterruptedException {
            long deadline = System.nanoTime() + retry.toNanos();
            for (int i = 0; i < athletes.size(); i++) {
                HttpResponse<InputStream> response;
                while (true) {
                    try {
                        response = open.open(athletes.get(i));
                    } catch (IOException e) {
                        unavailable = "n/a (stream failed: " + e + ")";
                        return;
                    }
                    if (response.statusCode() == 200) {
                        break;
                    }
                    closeQuietly(response.body());
                    if (System.nanoTime() > deadline) {
                        unavailable = response.statusCode() == 404 ? "n/a (route missing)"
                                : "n/a (stream answered " + response.statusCode() + ")";
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(250);
                }
                read(response.body());
            }
        }

        private void read(InputStream body) {
            bodies.add(body);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            long now = System.nanoTime();
                            JsonNode item = HingeClient.JSON.readTree(line.substring(5));
                            if ("set_logged".equals(item.path("type").asText())) {
                                arrivals.putIfAbsent(item.path("data").path("id").asText(), now);
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (!bodies.isEmpty()) {
                        readErrors.incrementAndGet();
                    }
                }
            }, "sse-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        Result result(Map<String, Long> acknowledged) {
            if (unavailable != null) {
                return new Result(name, unavailable, 0, new Latencies(), 0, 0, 0);
            }
            Latencies lag = new Latencies();
            int matched = 0;
            int missing = 0;
            int early = 0;
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                Long arrived = arrivals.get(ack.getKey());
                if (arrived == null) {
                    missing++;
                    continue;
                }
                matched++;
                long nanos = arrived - ack.getValue();
                if (nanos < 0) {
                    early++;
                }
                lag.recordNanos(Math.max(nanos, 0));
            }
            return new Result(name, null, bodies.size(), lag, matched, missing, early);
        }

        boolean hasAll(Iterable<String> ids) {
            if (unavailable != null) {
                return true;
            }
            for (String id : ids) {
                if (!arrivals.containsKey(id)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            List<InputStream> open;
            synchronized (bodies) {
                open = new ArrayList<>(bodies);
                bodies.clear();
            }
            open.forEach(Lag::closeQuietly);
        }
    }

    @FunctionalInterface
    interface StreamOpener {
        HttpResponse<InputStream> open(HingeClient.Account athlete) throws IOException, InterruptedException;
    }

    /**
     * Sends {@code rate} sets a second for {@code duration} from {@code workers} paced threads (worker {@code w}
     * owns athletes {@code w, w + workers, ...}, so one athlete never has two commands in flight); records when each
     * 201 arrived, by set id, into {@code acknowledged}.
     */
    static Load pacedLoad(HingeClient client, int port, List<HingeClient.Account> athletes, double rate, Duration duration,
                          Map<String, Long> acknowledged) throws InterruptedException {
        int total = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        int workers = Math.min(16, athletes.size());
        AtomicInteger tickets = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long deadline = started + duration.toNanos() + TimeUnit.SECONDS.toNanos(30);
        Function<Integer, Long> due = n -> started + Math.round(n * 1e9 / rate);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<HingeClient.Account> own = new ArrayList<>();
            for (int i = w; i < athletes.size(); i += workers) {
                own.add(athletes.get(i));
            }
            Thread thread = new Thread(() -> {
                int turn = 0;
                int n;
                while ((n = tickets.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    long wait = due.apply(n) - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        HingeClient.Answer answer = client.logSet(port, own.get(turn++ % own.size()));
                        long now = System.nanoTime();
                        if (answer.is(201)) {
                            acknowledged.put(answer.json().get("id").asText(), now);
                        } else {
                            errors.incrementAndGet();
                            Ingest.sample(samples, answer.status() + " " + Ingest.abbreviate(answer.body()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        Ingest.sample(samples, e.toString());
                    }
                    lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }, "paced-" + w);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 70_000));
        }
        int sent = Math.min(tickets.get(), total);
        return new Load(rate, sent, errors.get(), (lastDone.get() - started) / 1e9, List.copyOf(samples));
    }

    static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a stream the server may already have ended
        }
    }
}
