package dev.hinge.platform.test;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 server for the tests: s3proxy (Maven Central, {@code org.gaul:s3proxy}, copied to
 * {@code target/s3proxy/s3proxy.jar} by the build) started as a process of its own, keeping its objects in a folder
 * (jclouds' filesystem provider). Its own process because its self-contained jar carries Netty, Reactor, Jackson and
 * Logback of other versions than Spring Boot's, unrelocated, and its plain artifact needs Jetty 11 where Spring Boot
 * manages Jetty 12. No jar is a failure, never a skip.
 */
public final class S3Proxy implements AutoCloseable {
    public static final String IDENTITY = "hinge-test-identity";
    public static final String CREDENTIAL = "hinge-test-credential";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private S3Proxy(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts a server keeping its buckets under {@code folder}, and waits until it answers. */
    public static S3Proxy start(Path folder) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No s3proxy at " + JAR.toAbsolutePath() + ": run the tests with Maven "
                    + "(./mvnw -pl platform-support test), which copies it there from Maven Central");
        }
        try {
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path blobs = Files.createDirectories(folder.resolve("blobs"));
            Path properties = folder.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + blobs.toAbsolutePath()));
            Path log = folder.resolve("s3proxy.log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3Proxy server = new S3Proxy(process, endpoint, log);
            server.awaitAnswer(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start s3proxy", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitAnswer(Duration within) throws IOException {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200)).until(this::answers);
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("s3proxy did not answer within " + within + ":\n" + Files.readString(log));
        }
    }

    /** Any answer (403 without credentials) means it is up; a process that ended is a failure at once. */
    private boolean answers() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("s3proxy stopped at start:\n" + Files.readString(log));
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.getResponseCode();
            connection.disconnect();
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
