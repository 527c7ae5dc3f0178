package dev.hinge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service started as a user starts it: {@code java -Xmx.. -jar <service>-exec.jar}, configured by environment,
 * its output in a log file. Its pid is written next to the log so {@code benchmarks/run} can stop it even if this
 * program dies; {@link #close()} stops it (SIGTERM, then SIGKILL after 20 s). The fault suite (faults/) starts,
 * kills and restarts the services with it too.
 */
public final class Service implements AutoCloseable {
    /** The JVM flags the services' images run with (their Dockerfiles' JAVA_OPTS), -Xmx standing in for MaxRAMPercentage. */
    public static final String IMAGE_JAVA_OPTIONS = "-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;
    private final int port;
    private final long startedNanos;

    private Service(String name, Process process, Path log, Path pidFile, int port, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    public static Service start(String name, Path jar, int port, List<String> jvmFlags, Map<String, String> env, List<String> args,
                         Path logDir, boolean jfr) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package (benchmarks/run does)");
        }
        Files.createDirectories(logDir);
        String stamp = Long.toString(System.currentTimeMillis());
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmFlags);
        if (jfr) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + logDir.resolve(name + "-" + stamp + ".jfr"));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = logDir.resolve(name + "-" + stamp + ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        Path pidFile = logDir.resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new Service(name, process, log, pidFile, port, started);
    }

    /** The JDK running this program: the services run on the same one. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until {@code /actuator/health} answers 200 and this process's own log says it listens on the port, so
     * an answer from some other process that holds the port is never taken for this service's.
     */
    public Duration awaitHealthy(HttpClient http, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Pattern listening = Pattern.compile("Netty started on port " + port + "\\b");
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; the end of "
                        + log + ":\n" + tail(40));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && lastMatch(listening).isPresent()) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy on its own port " + port + " within " + limit.toSeconds()
                + " s (another process may hold the port); see " + log);
    }

    /** The last {@code lines} lines of the service's log (CI keeps only what was printed). */
    public String tail(int lines) {
        List<String> all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits for a line of the log matching {@code pattern}; empty when the limit passes or the process ends. */
    public Optional<Matcher> awaitLogLine(Pattern pattern, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Matcher> found = lastMatch(pattern);
            if (found.isPresent()) {
                return found;
            }
            if (!process.isAlive()) {
                return Optional.empty();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Optional.empty();
    }

    /** The last log line matching {@code pattern}. */
    Optional<Matcher> lastMatch(Pattern pattern) {
        List<Matcher> all = matches(pattern);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every log line matching {@code pattern}, in order. */
    List<Matcher> matches(Pattern pattern) {
        List<Matcher> found = new ArrayList<>();
        for (String line : logLines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found.add(matcher);
            }
        }
        return found;
    }

    private List<String> logLines() {
        try {
            return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident set size in kB (VmRSS of /proc/&lt;pid&gt;/status), or -1 when unknown. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    long elapsedNanos() {
        return System.nanoTime() - startedNanos;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the pid file only helps benchmarks/run clean up
        }
    }
}
