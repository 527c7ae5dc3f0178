package dev.hinge.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Adds the defaults both services share (lowest precedence), and the embedded default store: with no
 * {@code spring.datasource.url} configured, both services use one H2 file database in the data folder,
 * opened with {@code AUTO_SERVER=TRUE} so the two processes share it, created on first start and kept.
 * The server H2 opens for the second process listens on 127.0.0.1 only ({@code h2.bindAddress}), and the
 * database's password is generated once into the data folder ({@code h2-password}, owner-only), like the token key.
 */
public class HingeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
    static final String DATA_DIR = "hinge.data-dir";
    static final String H2_BIND_ADDRESS = "h2.bindAddress";
    /** {@code true} when the service runs on the embedded H2 store (no {@code spring.datasource.url} configured). */
    static final String EMBEDDED_STORE = "hinge.embedded-store";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("hingeDefaults", new ClassPathResource("hinge-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Axon reads this switch as a system property.
        System.setProperty("axon.update-check.disabled", "true");
        if (environment.getProperty("spring.datasource.url") == null) {
            Path dataDir = dataDir(environment);
            // Read once by H2 when its first class loads, which is after this: the AUTO_SERVER port is not on *.
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            String url = "jdbc:h2:file:" + dataDir.resolve("hinge") + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            environment.getPropertySources().addFirst(new MapPropertySource("hingeEmbeddedStore", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", EmbeddedStorePassword.keptIn(dataDir, url),
                    EMBEDDED_STORE, "true")));
        }
    }

    /** The absolute data folder: {@code hinge.data-dir} (env HINGE_DATA_DIR), default {@code ./data}. */
    public static Path dataDir(ConfigurableEnvironment environment) {
        return Path.of(environment.getProperty(DATA_DIR, "data")).toAbsolutePath().normalize();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
