package dev.hinge.athlete.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's path: with no database configured the service runs on the embedded H2 file store in the data
 * folder (what {@code bin/run} gives). This tests that default itself; every other integration test runs on
 * PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hinge.data-dir=target/embedded-default-store", "server.shutdown=immediate"})
@AutoConfigureWebTestClient(timeout = "PT30S") // the first registration on a cold H2 store, on a busy CI machine
class EmbeddedDefaultStoreTest {
    private static final Path DATA = Path.of("target/embedded-default-store");

    @Autowired
    WebTestClient http;

    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.password}")
    String password;

    @BeforeAll
    static void startFresh() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void runsOnAnH2FileInTheDataFolderAndKeepsTheTokenKeyThere() {
        assertThat(url).startsWith("jdbc:h2:file:" + DATA.toAbsolutePath()).contains("AUTO_SERVER=TRUE");

        JsonNode athlete = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"newcomer@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Newcomer\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = athlete.get("token").asText();
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}")
                .exchange().expectStatus().isCreated();
        await().untilAsserted(() -> http.get().uri("/api/v1/me/timeline").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1));

        assertThat(DATA.resolve("hinge.mv.db")).exists();
        assertThat(Files.exists(DATA.resolve("jwt-secret"))).isTrue();
    }

    /**
     * H2's AUTO_SERVER opens a TCP server for the second process, with "allow others": it must listen on loopback
     * only (the address H2 writes into the lock file is the one it bound), and want the password kept in the data
     * folder, not the empty one.
     */
    @Test
    void theEmbeddedStoresServerListensOnLoopbackOnlyAndWantsTheKeptPassword() throws Exception {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(DATA.resolve("hinge.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server"); // H2 writes its bind address, "localhost" for 127.0.0.1
        assertThat(server).matches("(localhost|127\\.0\\.0\\.1):\\d+");
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(loopback.isConnected()).isTrue();
        }
        List<InetAddress> others = otherAddressesOfThisMachine();
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2000);
                }
            }).as("port %d on %s", port, address).isInstanceOf(ConnectException.class);
        }

        assertThat(DATA.resolve("h2-password")).exists();
        assertThat(password).isNotEmpty();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    private static List<InetAddress> otherAddressesOfThisMachine() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }
}
