package dev.hinge.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives a Spring test context its own new PostgreSQL database (so contexts never share processors or tokens)
 * and a fixed token key. Use with {@code @ContextConfiguration(initializers = FreshPostgres.class)}.
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
                "server.shutdown=immediate"};
    }
}
