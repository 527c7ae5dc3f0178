package dev.hinge.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgbenchTest {

    private static final String OUTPUT = """
            pgbench (15.20 (Debian 15.20-0+deb12u1))
            transaction type: /tmp/one-command.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 4
            number of threads: 2
            maximum number of tries: 1
            duration: 5 s
            number of transactions actually processed: 9120
            number of failed transactions: 0 (0.000%)
            latency average = 2.190 ms
            initial connection time = 8.270 ms
            tps = 1826.180398 (without initial connection time)
            """;

    @Test
    void readsTransactionsPerSecondLatencyAndFailuresFromPgbenchOutput() {
        Pgbench.Result result = Pgbench.parse(4, 0, OUTPUT);

        assertNull(result.error());
        assertEquals(1826.180398, result.tps(), 1e-6);
        assertEquals(2.190, result.latencyMillis(), 1e-9);
        assertEquals(0, result.failed());
    }

    @Test
    void aFailedRunIsAnErrorWithPgbenchsLastLine() {
        Pgbench.Result result = Pgbench.parse(1, 1, "pgbench: error: connection to server failed\n");

        assertNotNull(result.error());
        assertTrue(result.error().contains("connection to server failed"), result.error());
        assertTrue(Double.isNaN(result.tps()));
    }

    @Test
    void theScriptIsOneTransactionWithAnInsertAndATokenUpdateOfThisClientsRow() {
        String script = Pgbench.script();

        assertTrue(script.startsWith("BEGIN;"));
        assertTrue(script.contains("INSERT INTO bench_event"));
        assertTrue(script.contains("UPDATE bench_token"));
        assertTrue(script.contains("segment = :client_id"));
        assertTrue(script.matches("(?s).*'\\\\x[0-9a-f]{" + 2 * Pgbench.PAYLOAD_BYTES + "}'::bytea.*"), "a 400-byte payload");
        assertTrue(script.strip().endsWith("END;"));
    }
}
