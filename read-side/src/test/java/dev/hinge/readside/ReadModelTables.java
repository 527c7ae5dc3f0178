package dev.hinge.readside;

import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new PostgreSQL database with the tables the read side writes to, made the way the services make them: the
 * platform's migrations, then each service's own ({@code db/athlete}, {@code db/coach}). Those tables belong to the
 * services (each service's Flyway history creates them), so the very files they deploy are read here, from the
 * services' source folders: this module is tested against the schema that runs, not a copy of it.
 */
public final class ReadModelTables {
    private ReadModelTables() {
    }

    public static HikariDataSource fresh() {
        TestDatabase.Connection db = TestDatabase.fresh();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform", "classpath:db/platform-postgresql")
                .table("platform_schema_history").load().migrate();
        for (String service : new String[]{"athlete", "coach"}) {
            Path migrations = Path.of("..", service + "-service", "src", "main", "resources", "db", service).toAbsolutePath().normalize();
            if (!Files.isDirectory(migrations)) {
                throw new IllegalStateException("No " + service + "-service migrations at " + migrations
                        + ": the read side's tests run from the read-side folder of the repository");
            }
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations)
                    .table(service + "_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        }
        return dataSource;
    }
}
