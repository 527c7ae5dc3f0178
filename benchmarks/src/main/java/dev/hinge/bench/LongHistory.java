package dev.hinge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of a long history: logging a set for athletes whose aggregate has ~10 prior events against ones with
 * ~10,000 (generated with COPY). One client, commands interleaved between the two groups so drift affects both alike.
 */
final class LongHistory {

    record Group(int priorEvents, List<HingeClient.Account> athletes) {
    }

    record Result(int priorEvents, int athletes, Latencies latencies, int errors) {
    }

    private final HingeClient client;
    private final int port;

    LongHistory(HingeClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /** One unmeasured set per athlete first (JIT, connection, and the snapshot when snapshots are on). */
    int warmUp(List<Group> groups) throws InterruptedException {
        int errors = 0;
        for (Group group : groups) {
            for (HingeClient.Account athlete : group.athletes()) {
                errors += send(athlete, null);
            }
        }
        return errors;
    }

    /** {@code samples} measured sets per group, round-robin over each group's athletes, groups interleaved. */
    List<Result> measure(List<Group> groups, int samples, long deadlineNanos, List<String> errorSamples)
            throws InterruptedException {
        List<Latencies> latencies = new ArrayList<>();
        int[] errors = new int[groups.size()];
        groups.forEach(g -> latencies.add(new Latencies()));
        for (int i = 0; i < samples && System.nanoTime() < deadlineNanos; i++) {
            for (int g = 0; g < groups.size(); g++) {
                List<HingeClient.Account> athletes = groups.get(g).athletes();
                long started = System.nanoTime();
                int failed = send(athletes.get(i % athletes.size()), errorSamples);
                latencies.get(g).recordNanos(System.nanoTime() - started);
                errors[g] += failed;
            }
        }
        List<Result> results = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            results.add(new Result(groups.get(g).priorEvents(), groups.get(g).athletes().size(), latencies.get(g), errors[g]));
        }
        return results;
    }

    private int send(HingeClient.Account athlete, List<String> errorSamples) throws InterruptedException {
        try {
            HingeClient.Answer answer = client.logSet(port, athlete);
            if (answer.is(201)) {
                return 0;
            }
            if (errorSamples != null) {
                Ingest.sample(errorSamples, answer.status() + " " + Ingest.abbreviate(answer.body()));
            }
        } catch (java.io.IOException e) {
            if (errorSamples != null) {
                Ingest.sample(errorSamples, e.toString());
            }
        }
        return 1;
    }
}
