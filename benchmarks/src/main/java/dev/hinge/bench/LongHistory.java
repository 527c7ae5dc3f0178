package dev.hinge.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of a long history: logging a set for athletes whose aggregate has ~10 prior events against ones with
 * ~10,000 (generated with COPY). One client; measured sets are interleaved between the two groups so drift affects
 * both alike.
 */
final class LongHistory {

    record Group(int priorEvents, List<HingeClient.Account> athletes) {
    }

    record Result(int priorEvents, int athletes, Latencies latencies, int errors) {
    }

    /** One configuration's figures: each athlete's first set after a restart, then sets with the aggregate cached. */
    record Run(List<Result> firstAfterRestart, List<Result> cached) {
        static final Run NONE = new Run(List.of(), List.of());
    }

    private final HingeClient client;
    private final int port;

    LongHistory(HingeClient client, int port) {
        this.client = client;
        this.port = port;
    }

    /**
     * One set per athlete, timed, the groups interleaved: right after a restart this is the set that loads the
     * aggregate from the store (from its events, or its last snapshot and the events after it); after that it sits
     * in the service's cache.
     */
    List<Result> firstSets(List<Group> groups, List<String> errorSamples) throws InterruptedException {
        List<Latencies> latencies = new ArrayList<>();
        int[] errors = new int[groups.size()];
        groups.forEach(g -> latencies.add(new Latencies()));
        int most = groups.stream().mapToInt(g -> g.athletes().size()).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (int g = 0; g < groups.size(); g++) {
                List<HingeClient.Account> athletes = groups.get(g).athletes();
                if (i < athletes.size()) {
                    long started = System.nanoTime();
                    errors[g] += send(athletes.get(i), errorSamples);
                    latencies.get(g).recordNanos(System.nanoTime() - started);
                }
            }
        }
        return results(groups, latencies, errors);
    }

    /** Unmeasured sets for other athletes, so the service's code is compiled before anything is timed. */
    void warmUp(List<HingeClient.Account> others, int sets) throws InterruptedException {
        for (int i = 0; i < sets; i++) {
            send(others.get(i % others.size()), null);
        }
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
        return results(groups, latencies, errors);
    }

    private static List<Result> results(List<Group> groups, List<Latencies> latencies, int[] errors) {
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
