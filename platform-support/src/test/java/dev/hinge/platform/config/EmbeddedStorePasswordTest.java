package dev.hinge.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedStorePasswordTest {

    @Test
    void aNewStoreGetsARandomPasswordKeptInTheDataFolderAndBothServicesReadTheSame(@TempDir Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("hinge");
        String first = EmbeddedStorePassword.keptIn(data, url);
        String second = EmbeddedStorePassword.keptIn(data, url);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(data.resolve("h2-password")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aStoreCreatedWithTheEmptyPasswordGetsTheKeptOne(@TempDir Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("hinge");
        try (Connection earlier = DriverManager.getConnection(url, "sa", "")) {
            earlier.createStatement().execute("create table kept (id int)");
        }

        String password = EmbeddedStorePassword.keptIn(data, url);

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
            assertThat(connection.createStatement().executeQuery("select count(*) from kept").next()).isTrue();
        }
    }
}
