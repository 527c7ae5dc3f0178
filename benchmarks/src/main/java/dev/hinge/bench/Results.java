package dev.hinge.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Everything measured, and the Markdown it becomes. Sections left empty print as not measured. */
final class Results {
    final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Machine machine;
    Duration elapsed;

    final List<Pgbench.Result> ceiling = new ArrayList<>();
    final List<Ingest.Step> ingest = new ArrayList<>();
    final Map<Integer, Long> backlogAfterStep = new LinkedHashMap<>();
    final Map<Integer, Duration> catchUpAfterStep = new LinkedHashMap<>();
    final Map<Integer, Cpu.Usage> cpuByStep = new LinkedHashMap<>();
    Cpu.Usage cpuReplay;
    int registeredAthletes;
    int warmupCommands;

    Lag.Load lagLoad;
    double lagPeak;
    final List<Lag.Result> lag = new ArrayList<>();

    LongHistory.Run historyWithout = LongHistory.Run.NONE;
    LongHistory.Run historyWith = LongHistory.Run.NONE;
    String snapshotNote;

    Replay replay;

    List<Reads.Result> reads = List.of();
    Duration readsCatchUp;

    Pages.Result pages;

    final Map<String, Long> rssIdle = new LinkedHashMap<>();
    final Map<String, Long> rssAfterIngest = new LinkedHashMap<>();
    final Map<String, Long> rssAfterReplay = new LinkedHashMap<>();
    final Map<String, Duration> startup = new LinkedHashMap<>();

    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    /** The replay section's figures. */
    record Replay(long eventsInStore, long generated, double generateSeconds, int processors, long replayedEvents,
                  double appSeconds, double wallSeconds, String unavailable, long timelineRows, long progressRows) {
    }

    String markdown(Options options) {
        StringBuilder md = new StringBuilder();
        md.append("# Hinge benchmark results\n\n");
        String mode = options.pagesOnly() ? " --pages" : options.readsOnly() ? " --reads" : "";
        md.append("Measured ").append(started).append(" by `benchmarks/run").append(options.smoke() ? " --smoke" : "").append(mode)
                .append("` (").append(options.smoke() ? "smoke run: tiny counts, figures not comparable"
                        : mode.isEmpty() ? "full run" : "one section alone")
                .append(", ").append(elapsed == null ? "?" : String.format(Locale.ROOT, "%.1f min", elapsed.toMillis() / 60_000.0))
                .append("). Everything on this one machine, in one run, against a fresh PostgreSQL database: the load ")
                .append("generator, both services and PostgreSQL share its cores.\n\n");

        if (!options.readsOnly() && !options.pagesOnly()) {
            summary(md);
        }

        md.append("## Machine\n\n| | |\n|---|---|\n");
        if (machine != null) {
            machine.facts().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        }
        md.append("| Services | `java ").append(String.join(" ", options.jvmFlags()))
                .append(" -jar <service>-exec.jar`, production settings ")
                .append("(defaults; no profile), PostgreSQL by `SPRING_DATASOURCE_*` |\n\n");

        if (options.readsOnly()) {
            reads(md, options);
            errors(md);
            return md.toString();
        }
        if (options.pagesOnly()) {
            pages(md);
            errors(md);
            return md.toString();
        }

        md.append("## 1–2. Ceiling and ingest: \"log a set\" (`POST /api/v1/me/sets`)\n\n");
        md.append("| clients | ceiling: pgbench tx/s | ingest commands/s | ingest ÷ ceiling | p50 ms | p99 ms | max ms "
                + "| errors | commands | projection backlog at end (events) | projections caught up after (s) |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int clients : clientCounts()) {
            Optional<Pgbench.Result> pg = ceiling.stream().filter(r -> r.clients() == clients).findFirst();
            Optional<Ingest.Step> step = ingest.stream().filter(s -> s.clients() == clients).findFirst();
            md.append("| ").append(clients).append(" | ")
                    .append(pg.map(r -> r.error() == null ? num(r.tps()) : "failed").orElse("—")).append(" | ")
                    .append(step.map(s -> num(s.perSecond())).orElse("—")).append(" | ")
                    .append(pg.isPresent() && step.isPresent() && pg.get().error() == null
                            ? pct(step.get().perSecond() / pg.get().tps()) : "—").append(" | ")
                    .append(step.map(s -> Latencies.ms(s.latencies().p50Millis())).orElse("—")).append(" | ")
                    .append(step.map(s -> Latencies.ms(s.latencies().p99Millis())).orElse("—")).append(" | ")
                    .append(step.map(s -> Latencies.ms(s.latencies().maxMillis())).orElse("—")).append(" | ")
                    .append(step.map(s -> Integer.toString(s.errors())).orElse("—")).append(" | ")
                    .append(step.map(s -> s.completed() + (s.truncated() ? " of " + s.commands() + " (time limit)" : "")).orElse("—"))
                    .append(" | ").append(Optional.ofNullable(backlogAfterStep.get(clients)).map(Results::integer).orElse("—"))
                    .append(" | ").append(Optional.ofNullable(catchUpAfterStep.get(clients))
                            .map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0)).orElse("—"))
                    .append(" |\n");
        }
        md.append('\n');

        if (!cpuByStep.isEmpty()) {
            md.append("CPU time per set during each ingest step (ms of CPU per successful set, from /proc), and how busy ")
                    .append("the machine's ").append(Runtime.getRuntime().availableProcessors()).append(" cores were:\n\n");
            List<String> parties = List.of("athlete-service", "coach-service", "PostgreSQL", "benchmark client");
            md.append("| clients | cores busy | ").append(String.join(" | ", parties)).append(" | anything else on the machine |\n|---:|---:|---:|");
            parties.forEach(p -> md.append("---:|"));
            md.append('\n');
            cpuByStep.forEach((clients, usage) -> {
                long sets = ingest.stream().filter(s -> s.clients() == clients).mapToLong(s -> s.completed() - s.errors()).sum();
                md.append("| ").append(clients).append(" | ").append(pct(usage.busyShare())).append(" | ");
                for (String party : parties) {
                    Double seconds = usage.seconds().get(party);
                    md.append(seconds == null || sets == 0 ? "—" : String.format(Locale.ROOT, "%.2f", seconds * 1000 / sets)).append(" | ");
                }
                double other = usage.busySeconds() - usage.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
                md.append(sets == 0 ? "—" : String.format(Locale.ROOT, "%.2f", Math.max(0, other) * 1000 / sets)).append(" |\n");
                if (other > 0.15 * usage.busySeconds()) {
                    notes.add(String.format(Locale.ROOT, "During the %d-client ingest step %.0f %% of the busy CPU time was used by "
                            + "processes other than the services, PostgreSQL and the benchmark: something else ran on the machine, "
                            + "so that step's figures are low.", clients, 100 * other / usage.busySeconds()));
                }
            });
            md.append('\n');
        }

        md.append("## 3. Lag: athlete's 201 → the set's item on a timeline stream (SSE)\n\n");
        if (lagLoad != null) {
            md.append(String.format(Locale.ROOT, "Steady load: %s sets/s (half the peak of %s commands/s) for %.1f s from "
                            + "paced clients; %d sent, %d errors.%n%n", num(lagLoad.rate()), num(lagPeak), lagLoad.seconds(),
                    lagLoad.sent(), lagLoad.errors()));
        }
        md.append("| stream | streams | sets matched | p50 ms | p99 ms | max ms | missing | arrived before the 201 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        if (lag.isEmpty()) {
            md.append("| (not measured) | | | | | | | |\n");
        }
        for (Lag.Result r : lag) {
            if (r.unavailable() != null) {
                md.append("| ").append(r.stream()).append(" | ").append(r.unavailable()).append(" | | | | | | |\n");
            } else {
                md.append("| ").append(r.stream()).append(" | ").append(r.streams()).append(" | ").append(r.matched())
                        .append(" | ").append(Latencies.ms(r.lag().p50Millis())).append(" | ")
                        .append(Latencies.ms(r.lag().p99Millis())).append(" | ").append(Latencies.ms(r.lag().maxMillis()))
                        .append(" | ").append(r.missing()).append(" | ").append(r.early()).append(" |\n");
            }
        }
        md.append('\n');

        md.append("## 4. Replay: drop and rebuild every read model (`--hinge.replay=all` on athlete-service)\n\n");
        md.append("| events in store | processors | replay time (s, from its log) | events/s | launch → \"Replay finished\" (s) "
                + "| timeline rows after | progress rows after |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        if (replay == null) {
            md.append("| (not measured) | | | | | | |\n");
        } else if (replay.unavailable() != null) {
            md.append("| ").append(integer(replay.eventsInStore())).append(" | ").append(replay.unavailable()).append(" | | | | | |\n");
        } else {
            md.append("| ").append(integer(replay.eventsInStore())).append(" | ").append(replay.processors()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", replay.appSeconds())).append(" | ")
                    .append(num(replay.replayedEvents() / Math.max(replay.appSeconds(), 1e-9))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", replay.wallSeconds())).append(" | ")
                    .append(integer(replay.timelineRows())).append(" | ").append(integer(replay.progressRows())).append(" |\n");
        }
        md.append('\n');

        if (cpuReplay != null) {
            double other = Math.max(0, cpuReplay.busySeconds()
                    - cpuReplay.seconds().values().stream().mapToDouble(Double::doubleValue).sum());
            md.append(String.format(Locale.ROOT, "CPU during the replay (launch to \"Replay finished\", %.0f s of %d cores): "
                            + "busy %s; athlete-service %.0f s, PostgreSQL %.0f s, anything else on the machine %.0f s of CPU.%n",
                    cpuReplay.totalSeconds() / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), pct(cpuReplay.busyShare()),
                    cpuReplay.seconds().getOrDefault("athlete-service", Double.NaN),
                    cpuReplay.seconds().getOrDefault("PostgreSQL", Double.NaN), other));
            if (other > 0.15 * cpuReplay.busySeconds()) {
                notes.add(String.format(Locale.ROOT, "During the replay %.0f %% of the busy CPU time was used by processes other "
                        + "than athlete-service and PostgreSQL: something else ran on the machine, so the replay figures are low.",
                        100 * other / cpuReplay.busySeconds()));
            }
        }
        md.append('\n');

        md.append("## 5. Long history: one athlete's set, short against long aggregate history (one client)\n\n");
        md.append("| prior events per athlete | athletes | first set after a restart, without snapshots: p50 / p99 / max ms ")
                .append("| with snapshots | later sets (aggregate cached), without snapshots: sets, p50 / p99 / max ms | with snapshots |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        List<LongHistory.Result> without = historyWithout.cached();
        for (int i = 0; i < without.size(); i++) {
            md.append("| ").append(integer(without.get(i).priorEvents())).append(" | ").append(without.get(i).athletes())
                    .append(" | ").append(summary(historyWithout.firstAfterRestart(), i)).append(" | ")
                    .append(summary(historyWith.firstAfterRestart(), i)).append(" | ")
                    .append(without.get(i).latencies().count()).append(": ").append(summary(without, i)).append(" | ")
                    .append(summary(historyWith.cached(), i)).append(" |\n");
        }
        if (without.size() == 2) {
            md.append("| ratio long ÷ short (p50) | | ").append(ratio(historyWithout.firstAfterRestart())).append(" | ")
                    .append(ratio(historyWith.firstAfterRestart())).append(" | ").append(ratio(without)).append(" | ")
                    .append(ratio(historyWith.cached())).append(" |\n");
        }
        if (without.isEmpty()) {
            md.append("| (not measured) | | | | | |\n");
        }
        if (snapshotNote != null) {
            md.append('\n').append(snapshotNote).append('\n');
        }
        md.append('\n');

        md.append("## 6. Footprint: resident memory (VmRSS)\n\n| service | idle, after start | end of ingest | after replay |\n|---|---:|---:|---:|\n");
        for (String service : List.of("athlete-service", "coach-service")) {
            md.append("| ").append(service).append(" | ").append(mib(rssIdle.get(service))).append(" | ")
                    .append(mib(rssAfterIngest.get(service))).append(" | ").append(mib(rssAfterReplay.get(service))).append(" |\n");
        }
        md.append('\n');

        reads(md, options);

        md.append("## Method\n\n");
        method(md, options);
        errors(md);
        return md.toString();
    }

    /** The pages ({@code --pages}): the coach's roster in headless chromium. */
    private void pages(StringBuilder md) {
        md.append("## Pages: the coach's roster in a browser\n\n");
        if (pages == null) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("`").append(pages.path()).append("` on coach-service with ").append(pages.athletes())
                .append(" athletes who granted access (a set each; every fifth in pain, every tenth a red flag), loaded ")
                .append(pages.loads().size()).append(" times in Debian's headless chromium (1280 px wide), signed in by the ")
                .append("session cookie. Milliseconds from the navigation's start, read in the page from the Performance API; ")
                .append("the first, cold load is apart and not counted.\n\n");
        md.append("| | p50 ms | p95 ms | first load ms |\n|---|---:|---:|---:|\n");
        pagesRow(md, "first contentful paint", pages.fcp(), pages.first().firstContentfulPaint());
        pagesRow(md, "first byte (server answer)", pages.firstByte(), pages.first().firstByte());
        pagesRow(md, "DOM content loaded", pages.domContentLoaded(), pages.first().domContentLoaded());
        pagesRow(md, "load", pages.loaded(), pages.first().loaded());
        md.append("\nThe page named ").append(pages.listed()).append(" of the ").append(pages.athletes())
                .append(" athletes").append(pages.problem() == null ? "." : ": " + pages.problem() + ".").append("\n\n");
    }

    private static void pagesRow(StringBuilder md, String label, double[] sorted, double first) {
        md.append("| ").append(label).append(" | ").append(Pages.ms(Pages.percentile(sorted, 50))).append(" | ")
                .append(Pages.ms(Pages.percentile(sorted, 95))).append(" | ").append(Pages.ms(first)).append(" |\n");
    }

    /** Section 7: the progress and roster reads, with the ratio of long to short history per read. */
    private void reads(StringBuilder md, Options options) {
        md.append("## 7. Reads: progress and roster, short against long histories (one client)\n\n");
        md.append("| read | history | samples | p50 ms | p99 ms | max ms | errors |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Reads.Result r : reads) {
            md.append("| ").append(r.read().label()).append(" | ").append(r.read().history()).append(" | ")
                    .append(r.latencies().count()).append(" | ").append(Latencies.ms(r.latencies().p50Millis())).append(" | ")
                    .append(Latencies.ms(r.latencies().p99Millis())).append(" | ").append(Latencies.ms(r.latencies().maxMillis()))
                    .append(" | ").append(r.errors()).append(" |\n");
        }
        if (reads.isEmpty()) {
            md.append("| (not measured) | | | | | | |\n");
        }
        md.append('\n');
        for (String label : reads.stream().map(r -> r.read().label()).distinct().toList()) {
            List<Reads.Result> pair = reads.stream().filter(r -> r.read().label().equals(label)).toList();
            if (pair.size() == 2) {
                md.append("- ").append(label).append(", long ÷ short: p50 ")
                        .append(String.format(Locale.ROOT, "%.2f", pair.get(1).latencies().p50Millis() / pair.get(0).latencies().p50Millis()))
                        .append("×, p99 ")
                        .append(String.format(Locale.ROOT, "%.2f", pair.get(1).latencies().p99Millis() / pair.get(0).latencies().p99Millis()))
                        .append("×\n");
            }
        }
        md.append("\nMethod: athletes registered over HTTP, their sets (deadlift, pain 0, one an hour, the newest an hour ")
                .append("ago) appended with COPY after their registration and their grant of access to their coach (both over HTTP), ")
                .append("from a template of a set the service wrote; the reads start once every processor has caught up")
                .append(readsCatchUp == null ? "" : String.format(Locale.ROOT, " (%.1f s)", readsCatchUp.toMillis() / 1000.0))
                .append(". Unmeasured warm-up rounds, then each round asks every read once in the table's order (one ")
                .append("client, JDK HttpClient, kept-alive HTTP/1.1; request sent to whole answer read). An answer counts only ")
                .append("when it is 200 and holds the generated data (a progress view with a trend; a roster page with the ")
                .append("expected number of athletes).\n\n");
    }

    private void errors(StringBuilder md) {
        md.append("\n## Errors\n\n");
        if (errors.isEmpty()) {
            md.append("None.\n");
        } else {
            synchronized (errors) {
                errors.forEach(e -> md.append("- ").append(e.replace("\n", " ")).append('\n'));
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            synchronized (notes) {
                notes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
    }

    /** The headline figures and ratios; the sections below hold the details. */
    private void summary(StringBuilder md) {
        md.append("## Summary\n\n| figure | value |\n|---|---|\n");
        ingest.stream().filter(s -> !Double.isNaN(s.perSecond())).max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                .ifPresent(peak -> {
                    md.append("| peak ingest (`POST /api/v1/me/sets`) | ").append(num(peak.perSecond()))
                            .append(" commands/s at ").append(peak.clients()).append(peak.clients() == 1 ? " client" : " clients");
                    ceiling.stream().filter(r -> r.clients() == peak.clients() && r.error() == null).findFirst()
                            .ifPresent(r -> md.append(", ").append(pct(peak.perSecond() / r.tps()))
                                    .append(" of the PostgreSQL ceiling (").append(num(r.tps())).append(" tx/s)"));
                    md.append(" |\n");
                });
        ingest.stream().filter(s -> s.clients() == 1).findFirst().ifPresent(one -> md.append("| one client | ")
                .append(num(one.perSecond())).append(" commands/s, p50 ").append(Latencies.ms(one.latencies().p50Millis()))
                .append(" ms |\n"));
        for (Lag.Result r : lag) {
            md.append("| lag to ").append(r.stream().startsWith("coach") ? "the coach's stream (cross-service)" : "the athlete's own stream")
                    .append(", p50 / p99 / max | ")
                    .append(r.unavailable() != null ? r.unavailable() : r.lag().summary() + " ms").append(" |\n");
        }
        if (replay != null) {
            md.append("| replay of every read model | ").append(replay.unavailable() != null ? replay.unavailable()
                    : integer(replay.replayedEvents()) + " events in " + String.format(Locale.ROOT, "%.0f s", replay.appSeconds())
                    + ": " + num(replay.replayedEvents() / Math.max(replay.appSeconds(), 1e-9)) + " events/s").append(" |\n");
        }
        if (historyWithout.cached().size() == 2) {
            List<LongHistory.Result> cached = historyWithout.cached();
            md.append("| long history, p50 with ").append(integer(cached.get(1).priorEvents())).append(" ÷ with ")
                    .append(integer(cached.get(0).priorEvents())).append(" prior events | aggregate cached: ")
                    .append(ratio(cached)).append(" (").append(Latencies.ms(cached.get(1).latencies().p50Millis()))
                    .append(" vs ").append(Latencies.ms(cached.get(0).latencies().p50Millis())).append(" ms); first set after a ")
                    .append("restart: ").append(ratio(historyWithout.firstAfterRestart())).append(" without snapshots, ")
                    .append(ratio(historyWith.firstAfterRestart())).append(" with |\n");
        }
        for (String service : List.of("athlete-service", "coach-service")) {
            if (rssIdle.containsKey(service)) {
                md.append("| ").append(service).append(" RSS, idle → end of ingest | ").append(mib(rssIdle.get(service)))
                        .append(" → ").append(mib(rssAfterIngest.get(service))).append(" |\n");
            }
        }
        md.append("| errors | ").append(errors.isEmpty() ? "none" : errors.size() + " (see Errors)").append(" |\n\n");
    }

    private void method(StringBuilder md, Options options) {
        md.append("- **One command:** `benchmarks/run").append(options.smoke() ? " --smoke" : "").append("` builds with ")
                .append("`./mvnw -q -B -DskipTests package`, drops and creates the databases `").append(options.database())
                .append("` and `").append(options.scratchDatabase()).append("`, and runs `benchmarks/target/benchmarks-*-exec.jar` ")
                .append("(a plain Java program). The client runs on the same cores as the services and PostgreSQL.\n");
        md.append("- **Services:** both exec jars, `").append(String.join(" ", options.jvmFlags()))
                .append("` (the images' JVM flags, `--java-options`), ")
                .append("`SPRING_DATASOURCE_URL=").append(options.jdbcUrl(options.database()))
                .append("` (+ `_USERNAME`, `_PASSWORD`), `HINGE_JWT_SECRET` a fixed benchmark value, `HINGE_DATA_DIR` a temporary ")
                .append("folder, `MALLOC_ARENA_MAX=2` as in the images; every other setting at its default. Startup to healthy: ");
        md.append(String.join(", ", startup.entrySet().stream()
                .map(e -> e.getKey() + String.format(Locale.ROOT, " %.1f s", e.getValue().toMillis() / 1000.0)).toList()));
        md.append(".\n");
        md.append("- **Ceiling:** `pgbench -n -M prepared -c N -j min(N, cores) -T ").append(options.pgbenchSeconds())
                .append("` on the scratch database with a custom script: one transaction = one insert into a table created ")
                .append("from the event store's own DDL (`domain_event_entry` shape: new event id and aggregate id, a ")
                .append(Pgbench.PAYLOAD_BYTES).append("-byte bytea payload, 100-byte metadata) plus one update of a ")
                .append("`token_entry`-shaped row (one row per client). It is what PostgreSQL alone does per second with ")
                .append("one command's writes, with the same durability settings.\n");
        md.append("- **Ingest:** ").append(registeredAthletes).append(" athletes registered over HTTP; ")
                .append(warmupCommands).append(" unmeasured warm-up sets; then for each client count a fixed number of sets ")
                .append("(closed loop: each client sends its next set when the 201 arrives; client i logs for athletes i, i+N, ... ")
                .append("so no two clients write one aggregate at once), each step bounded by ")
                .append(options.stepLimit().toSeconds()).append(" s. JDK `HttpClient`, HTTP/1.1, one kept-alive connection ")
                .append("per client; latency = request sent → whole answer read (HdrHistogram). commands/s = successful sets ÷ step ")
                .append("time. Between steps the benchmark waits until every streaming processor has caught up with the store ")
                .append("(the backlog at the end of a step and the time to catch up are in the table). Histories grow as the ")
                .append("run goes: by the end of the last step each athlete had about ")
                .append(registeredAthletes == 0 ? "?" : Long.toString(2 + (warmupCommands
                        + ingest.stream().mapToLong(Ingest.Step::completed).sum()) / registeredAthletes))
                .append(" events, which every command of theirs loads (no snapshots, no aggregate cache).\n");
        md.append("- **Lag:** a coach registers on coach-service; every athlete grants it access. One coach stream per athlete ")
                .append("(`GET /api/v1/athletes/{id}/timeline/stream`, ").append(options.lagStreams()).append(" athletes) and, ")
                .append("as a same-service reference, the athletes' own streams (`GET /api/v1/me/timeline/stream`); ")
                .append("then sets at half the peak ingest rate for ").append(options.lagDuration().toSeconds())
                .append(" s (open loop: each send is due at start + n/rate). Lag = the SSE `set_logged` item whose `data.id` ")
                .append("is the set id → minus the time its 201 was read; items still missing 15 s after the load are counted missing.\n");
        md.append("- **Replay:** the store is filled to ").append(integer(options.replayEvents())).append(" events by COPY (binary) of ")
                .append("events copied from rows the application wrote (an `AthleteRegisteredEvent` at sequence 0 and ")
                .append("`SetLoggedEvent`s after it, for ").append(integer(options.replayAthletes())).append(" generated athletes, ")
                .append("new event and set ids, consecutive sequence numbers, athletes interleaved), then `ANALYZE` and `CHECKPOINT`; ")
                .append("both services are stopped and athlete-service is started with `--hinge.replay=all`. Its own log line ")
                .append("\"Replay finished: N processors, M events in T s\" gives the replay time; the wall time from launch includes JVM start.\n");
        md.append("- **Long history:** athletes registered over HTTP, then given ").append(options.shortHistory()).append(" or ")
                .append(integer(options.longHistory())).append(" prior events (generated sets). Without snapshots: athlete-service ")
                .append("is restarted with `--").append(options.snapshotProperty()).append("=0` (an empty cache, as after a deploy); ")
                .append("each athlete's first set is timed (it loads the aggregate from the store), then ").append(options.historySamples())
                .append(" sets per group from one client, the groups interleaved (the aggregate is cached by then). With snapshots: ")
                .append("restarted with `--").append(options.snapshotProperty()).append('=').append(options.snapshotThreshold())
                .append("`, one set per athlete (it takes the snapshots), restarted again, and measured the same way, so the first ")
                .append("set loads a snapshot and the events after it.\n");
        md.append("- **Footprint:** VmRSS from `/proc/<pid>/status`: idle = a few seconds after both services were healthy, before any ")
                .append("request; end of ingest = right after the last ingest step; after replay = athlete-service when its replay finished.\n");
    }

    private List<Integer> clientCounts() {
        List<Integer> counts = new ArrayList<>();
        ceiling.forEach(r -> add(counts, r.clients()));
        ingest.forEach(s -> add(counts, s.clients()));
        counts.sort(Integer::compare);
        return counts;
    }

    private static void add(List<Integer> counts, int clients) {
        if (!counts.contains(clients)) {
            counts.add(clients);
        }
    }

    private static String summary(List<LongHistory.Result> results, int i) {
        return i < results.size() ? results.get(i).latencies().summary() : "n/a";
    }

    private static String ratio(List<LongHistory.Result> results) {
        if (results.size() != 2) {
            return "n/a";
        }
        double short_ = results.get(0).latencies().p50Millis();
        double long_ = results.get(1).latencies().p50Millis();
        return Double.isNaN(short_) || Double.isNaN(long_) || short_ == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f×", long_ / short_);
    }

    static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String integer(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String pct(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    static String mib(Long kb) {
        return kb == null || kb < 0 ? "—" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }
}
