package dev.hinge.kernel.archfixture;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * A kernel-packaged class that breaks the kernel's rule on purpose (it uses {@code java.sql}); test code only,
 * so that the architecture test can show its rule catches such a class.
 */
public final class PersistenceLeak {
    private PersistenceLeak() {
    }

    public static Timestamp stamp(Instant at) {
        return Timestamp.from(at);
    }
}
