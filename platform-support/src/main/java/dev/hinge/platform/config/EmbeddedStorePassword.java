package dev.hinge.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

/**
 * The embedded store's password, generated once into {@code h2-password} in the data folder and shared by both
 * services (the second one logs in to the first one's AUTO_SERVER with it). A store created before this had user
 * {@code sa} with an empty password: on its first start with a password file, the password is set.
 */
final class EmbeddedStorePassword {
    static final String FILE = "h2-password";

    private EmbeddedStorePassword() {
    }

    static String keptIn(Path dataDir, String url) {
        boolean earlierStore = Files.exists(dataDir.resolve("hinge.mv.db")) && !Files.exists(dataDir.resolve(FILE));
        String password = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(DataFolderSecret.keptIn(dataDir.resolve(FILE), 24));
        if (earlierStore) {
            setOnEarlierStore(url, password);
        }
        return password;
    }

    private static void setOnEarlierStore(String url, String password) {
        try (Connection ignored = DriverManager.getConnection(url, "sa", password)) {
            return; // the other service set it already
        } catch (SQLException wrongPassword) {
            // still the empty one
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement statement = connection.prepareStatement("alter user sa set password ?")) {
            statement.setString(1, password);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of the embedded store " + url, e);
        }
    }
}
