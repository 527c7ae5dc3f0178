package dev.hinge.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a Spring test context its own new PostgreSQL database (so contexts never share processors or tokens)
 * and a fixed token key. Use with {@code @ContextConfiguration(initializers = FreshPostgres.class)}.
 * <p>
 * Spring keeps the contexts of a test run open for reuse, each with its connection pool: a pool that keeps one idle
 * connection, not ten, lets a whole module's contexts share one server's {@code max_connections}.
 */
public class FreshPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String TEST_JWT_SECRET = "aGluZ2UtdGVzdC1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXM=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(properties(TestDatabase.fresh())).applyTo(context);
    }

    public static String[] properties(TestDatabase.Connection db) {
        return new String[]{
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + db.password(),
                "hinge.jwt.secret=" + TEST_JWT_SECRET,
                "hinge.data-dir=target/test-data",
                "server.shutdown=immediate",
                "spring.datasource.hikari.minimum-idle=1",
                "spring.datasource.hikari.idle-timeout=10000"};
    }
}
