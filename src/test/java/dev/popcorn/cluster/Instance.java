package dev.popcorn.cluster;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One Popcorn instance of the cluster: {@code java -jar target/popcorn.jar serve --config FILE} in a process of its
 * own, with a data folder and a port of its own on 127.0.0.1 and the settings every instance shares. Its output goes
 * to a log file in the data folder. The process is ended with the test: {@link #kill()} is SIGKILL (nothing of the
 * server's own shutdown runs), {@link #close()} a clean stop, and a JVM shutdown hook ends it if the test JVM itself
 * is stopped first.
 */
final class Instance implements AutoCloseable {

    static final Path JAR = Path.of("target", "popcorn.jar");

    final String name;
    final int port;
    final Path log;
    private final Process process;
    private final Thread reaper;

    private Instance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "reap " + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts an instance in {@code data} with {@code shared} settings and its own port and folder. */
    static Instance start(String name, Path data, Map<String, String> shared) throws IOException {
        Files.createDirectories(data);
        int port = freePort();
        Properties settings = new Properties();
        settings.putAll(new TreeMap<>(shared));
        settings.setProperty("server.port", Integer.toString(port));
        settings.setProperty("data.dir", data.toString());
        Path config = data.resolve("popcorn.properties");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            settings.store(out, "instance " + name + " of ClusterIT");
        }
        Path log = data.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A small heap and the quick compiler: three JVMs share a small machine with the test for a minute.
        ProcessBuilder builder = new ProcessBuilder(
                List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-jar", JAR.toAbsolutePath().toString(), "serve", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the settings written here: none the calling shell carries (a POPCORN_DB_URL, say).
        builder.environment().keySet().removeIf(key -> key.startsWith("POPCORN_"));
        return new Instance(name, port, log, builder.start());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String url(String path) {
        return "http://" + address() + path;
    }

    long pid() {
        return process.pid();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether the health route answers 200; throws with the log's end when the process ended instead. */
    boolean healthy(HttpClient http) throws IOException {
        if (!process.isAlive()) {
            throw new IOException(
                    name + " ended with exit code " + process.exitValue() + " before answering; its log ends:\n"
                            + tail(40));
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url("/api/health")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the process gets no chance to finish a batch, answer, or give a lease up. Answers the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (" + pid() + ") did not die of SIGKILL");
        }
        return process.exitValue();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** A clean stop (SIGTERM, the server's shutdown hook runs), SIGKILL if that takes more than 20 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already: the hook runs.
            }
        }
    }
}
