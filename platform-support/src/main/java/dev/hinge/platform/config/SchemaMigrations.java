package dev.hinge.platform.config;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Flyway: first the platform's shared schema (event store, accounts), then the service's own read models, each with
 * its own history table so both services can migrate one database.
 * <p>
 * On PostgreSQL Flyway serializes concurrent migrations itself (an advisory lock). The embedded H2 store does not:
 * two services started at once on a new data folder raced to create it and both failed. There the migrations run
 * under a file lock in the data folder, one service after the other.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    @Bean
    public FlywayMigrationStrategy platformThenService(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        return serviceFlyway -> {
            Runnable migrate = () -> {
                Flyway.configure()
                        .configuration(serviceFlyway.getConfiguration())
                        .locations(postgres ? new String[]{"classpath:db/platform", "classpath:db/platform-postgresql"}
                                : new String[]{"classpath:db/platform"})
                        .table("platform_schema_history")
                        .load()
                        .migrate();
                serviceFlyway.migrate();
            };
            if (postgres) {
                migrate.run();
            } else {
                underFileLock(HingeEnvironmentPostProcessor.dataDir(environment).resolve("migrations.lock"), migrate);
            }
        };
    }

    private static void underFileLock(Path lockFile, Runnable work) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + " for the schema migrations", e);
        }
    }
}
