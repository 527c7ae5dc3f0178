package dev.hinge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the services this program starts. A port the kernel hands out for {@code bind(0)} comes from the
 * ephemeral range, the same range every outgoing connection takes its local port from: between choosing it and the
 * service binding it, one of the first service's database connections could take it (CI saw coach-service exit at
 * start once). So the port is chosen below that range, where only explicit binds go, and checked free.
 */
public final class Ports {
    private static final int LOWEST = 10_000;

    private Ports() {
    }

    /** A port nothing listens on, below the ephemeral range (bound once on every address to check, then released). */
    public static int free() {
        return free(0);
    }

    /** {@link #free()}, other than {@code notThis} (a port already chosen for another service). */
    public static int free(int notThis) {
        int below = ephemeralLow();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST, below);
            if (port == notThis) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
    }

    /** The lowest port of the kernel's ephemeral range (Linux's default 32768 where it cannot be read). */
    static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"), StandardCharsets.US_ASCII);
            int low = Integer.parseInt(range.trim().split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
