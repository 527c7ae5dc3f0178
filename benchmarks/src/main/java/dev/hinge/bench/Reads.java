package dev.hinge.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The reads whose cost could grow with history: an athlete's progress (their own, and as their coach sees it) and a
 * coach's roster, for an athlete with a short against a long history and for a coach with one against many
 * athletes. One client; each round asks every read once, in a fixed order, so drift affects all alike. An answer
 * counts as an error unless it is 200 and holds what the benchmark put there (so a read of someone else's data, or of
 * an empty read model, is never timed as a success).
 */
final class Reads {

    /** One read: its label, the history behind it, the request, and what a right answer holds. */
    record Read(String label, String history, int port, String path, String token, Predicate<JsonNode> holds) {
    }

    record Result(Read read, Latencies latencies, int errors) {
    }

    private final HingeClient client;

    Reads(HingeClient client) {
        this.client = client;
    }

    /** {@code rounds} unmeasured rounds (the services compile their code), then {@code samples} measured ones. */
    List<Result> measure(List<Read> reads, int warmUp, int samples, long deadlineNanos, List<String> errorSamples)
            throws InterruptedException {
        for (int i = 0; i < warmUp; i++) {
            for (Read read : reads) {
                ask(read, null);
            }
        }
        List<Latencies> latencies = new ArrayList<>();
        int[] errors = new int[reads.size()];
        reads.forEach(r -> latencies.add(new Latencies()));
        for (int i = 0; i < samples && System.nanoTime() < deadlineNanos; i++) {
            for (int r = 0; r < reads.size(); r++) {
                long started = System.nanoTime();
                boolean ok = ask(reads.get(r), errorSamples);
                latencies.get(r).recordNanos(System.nanoTime() - started);
                errors[r] += ok ? 0 : 1;
            }
        }
        List<Result> results = new ArrayList<>();
        for (int r = 0; r < reads.size(); r++) {
            results.add(new Result(reads.get(r), latencies.get(r), errors[r]));
        }
        return results;
    }

    private boolean ask(Read read, List<String> errorSamples) throws InterruptedException {
        try {
            HingeClient.Answer answer = client.get(read.port(), read.path(), read.token());
            if (answer.is(200) && read.holds().test(answer.json())) {
                return true;
            }
            if (errorSamples != null) {
                Ingest.sample(errorSamples, read.label() + ": " + answer.status() + " " + Ingest.abbreviate(answer.body()));
            }
        } catch (IOException | RuntimeException e) {
            if (errorSamples != null) {
                Ingest.sample(errorSamples, read.label() + ": " + e);
            }
        }
        return false;
    }
}
