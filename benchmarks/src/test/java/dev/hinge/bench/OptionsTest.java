package dev.hinge.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void withoutArgumentsItIsTheFullRunAgainstLocalPostgres() {
        Options options = Options.parse(new String[0], Map.of());

        assertEquals("jdbc:postgresql://127.0.0.1:5432/hinge_bench", options.jdbcUrl(options.database()));
        assertEquals("postgres", options.pgUser());
        assertEquals(List.of(1, 4, 16, 64), options.ingestClients());
        assertEquals(1_000_000, options.replayEvents());
        assertEquals(500, options.snapshotThreshold());
        assertEquals("benchmarks/RESULTS.md", options.out().toString());
    }

    @Test
    void smokeIsOneClientAndASmallReplayWrittenOutsideTheCommittedResults() {
        Options options = Options.parse(new String[]{"--smoke"}, Map.of());

        assertTrue(options.smoke());
        assertEquals(List.of(1), options.ingestClients());
        assertEquals(List.of(1), options.pgbenchClients());
        assertEquals(5_000, options.replayEvents());
        assertTrue(options.out().toString().contains("target"));
    }

    @Test
    void theDatabaseComesFromTheEnvironmentAndTheSnapshotHookFromAnArgument() {
        Options options = Options.parse(new String[]{"--snapshot-threshold=50"},
                Map.of("HINGE_BENCH_DB", "other", "HINGE_BENCH_PGUSER", "bench"));

        assertEquals("other", options.database());
        assertEquals("other_pgbench", options.scratchDatabase());
        assertEquals("bench", options.pgUser());
        assertEquals(50, options.snapshotThreshold());
        assertEquals("hinge.snapshot-threshold", options.snapshotProperty());
    }

    @Test
    void pagesIsTheRosterInABrowserWithFiftyAthletesWrittenOutsideTheCommittedResults() {
        Options options = Options.parse(new String[]{"--pages", "--pages-samples=7"}, Map.of());

        assertTrue(options.pagesOnly());
        assertEquals(50, options.pagesAthletes());
        assertEquals(7, options.pagesSamples());
        assertEquals("benchmarks/target/RESULTS-pages.md", options.out().toString());
    }

    @Test
    void onlyThisMachineIsEverContacted() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--pg-host=db.example.com"}, Map.of()));
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--clinets=4"}, Map.of()));
    }

    @Test
    void readsAloneIsAnOptionWrittenOutsideTheCommittedResults() {
        Options options = Options.parse(new String[]{"--reads"}, Map.of());

        assertTrue(options.readsOnly());
        assertEquals(200, options.rosterAthletes());
        assertEquals(10_000, options.longHistory());
        assertTrue(options.out().toString().contains("target"));
    }

    @Test
    void portsAreFreeOnesOutsideTheEphemeralRangeUnlessGiven() throws Exception {
        Options options = Options.parse(new String[0], Map.of());

        assertNotEquals(options.athletePort(), options.coachPort());
        for (int port : List.of(options.athletePort(), options.coachPort())) {
            // outgoing connections (the first service's database pool) take their local ports from the ephemeral range
            assertTrue(port >= 10_000 && port < Ports.ephemeralLow(), "port " + port);
            try (java.net.ServerSocket taken = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertEquals(port, taken.getLocalPort());
            }
        }
        assertEquals(9999, Options.parse(new String[]{"--athlete-port=9999"}, Map.of()).athletePort());
    }
}
