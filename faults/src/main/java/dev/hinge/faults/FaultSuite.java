package dev.hinge.faults;

import dev.hinge.bench.Machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite of issue #9 (item 10), started by {@code faults/run}: each scenario gets a fresh database in the
 * suite's own PostgreSQL cluster and both services' exec jars, does its damage under load, and counts what was
 * acknowledged, stored, projected, lost and doubled. Prints a Markdown table and writes it to {@code --out}.
 * Exit status: 0 when every scenario passed, 1 when one failed, 2 on a bad argument.
 */
public final class FaultSuite {
    private FaultSuite() {
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        Scenarios scenarios = new Scenarios(settings, new Cluster(settings));
        List<Row> rows = new ArrayList<>();
        for (String scenario : settings.scenarios()) {
            System.err.println("== " + scenario);
            Row row = scenarios.run(scenario);
            rows.add(row);
            System.err.println(Row.table(List.of(row)));
        }
        scenarios.closeShared();
        String report = report(settings, rows, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(report);
        Path out = settings.out();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.err.println("written to " + out);
        System.exit(rows.stream().allMatch(Row::passed) ? 0 : 1);
    }

    static String report(Settings settings, List<Row> rows, Duration took) {
        long failed = rows.stream().filter(row -> !row.passed()).count();
        return "# Fault suite results" + (settings.shortRun() ? " (--short)" : "") + "\n\n"
                + "Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " by `faults/run"
                + (settings.shortRun() ? " --short" : "") + (settings.backdate() ? " --backdate" : "") + "`, "
                + took.toSeconds() + " s in all.\n"
                + "Each scenario: a fresh database in the suite's own PostgreSQL cluster, both services' exec jars ("
                + String.join(" ", settings.jvmFlags()) + "), " + settings.clients() + " clients at "
                + settings.ratePerClient() + " sets/s each where there is load. Columns count commands (sets): "
                + "acknowledged = answered 2xx, stored = with a SetLoggedEvent in domain_event_entry, projected = in "
                + "athlete_timeline_item / coach_timeline_item (by event id), lost = acknowledged but not stored or not in "
                + "both timelines after a bounded wait, doubled = stored or projected more than once.\n\n"
                + Row.table(rows) + "\n"
                + (failed == 0 ? "All " + rows.size() + " scenarios passed.\n" : failed + " of " + rows.size() + " scenarios FAILED.\n")
                + "\n## Machine\n\n| | |\n|---|---|\n" + machine(settings);
    }

    private static String machine(Settings settings) {
        StringBuilder md = new StringBuilder();
        Machine.describe(settings.jdbcUrl("postgres"), Cluster.USER, "").facts()
                .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }
}
