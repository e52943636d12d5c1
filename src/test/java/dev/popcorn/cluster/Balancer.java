package dev.popcorn.cluster;

import dev.popcorn.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * HAProxy in front of the instances, started as a child process ({@code haproxy -f cfg -db}) with the configuration
 * the README shows ({@code src/test/resources/cluster/haproxy.cfg}), its addresses given through the environment.
 * Where no haproxy is installed the cluster test is skipped with a message, unless {@code CI=true}, where it fails.
 */
final class Balancer implements AutoCloseable {

    /** The configuration the README shows, word for word. */
    static final String CONFIG = "/cluster/haproxy.cfg";

    final int port;
    final Path log;
    private final Process process;
    private final Thread reaper;

    private Balancer(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "reap haproxy");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The haproxy binary: Debian's, or the first on the PATH. */
    static Path binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder, "haproxy");
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String why = "HAProxy is not installed (apt-get install haproxy)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + ", and the cluster test is required when CI=true");
        }
        Assumptions.abort(why + "; skipping the cluster test. It is required when CI=true.");
        throw new IllegalStateException(why);
    }

    /** Starts HAProxy on {@code port} of 127.0.0.1 in front of {@code instances}; answers once the frontend accepts. */
    static Balancer start(Path haproxy, Path folder, List<Instance> instances, int port)
            throws IOException, InterruptedException {
        if (instances.size() != 3) {
            throw new IllegalArgumentException("the tested configuration names three instances");
        }
        Path config = folder.resolve("haproxy.cfg");
        try (InputStream tested = Balancer.class.getResourceAsStream(CONFIG)) {
            Files.copy(tested, config, StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = folder.resolve("haproxy.log");
        ProcessBuilder builder = new ProcessBuilder(haproxy.toString(), "-f", config.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("POPCORN_FRONT", "127.0.0.1:" + port);
        for (int i = 0; i < instances.size(); i++) {
            builder.environment().put("POPCORN_" + (i + 1), instances.get(i).address());
        }
        Balancer balancer = new Balancer(port, log, builder.start());
        try {
            // Listening, or gone: a configuration HAProxy refuses ends the process at once.
            Eventually.holds("HAProxy listening on " + port, Duration.ofSeconds(60),
                    () -> !balancer.process.isAlive() || balancer.accepts());
        } catch (AssertionError notYet) {
            balancer.close();
            throw notYet;
        }
        if (!balancer.process.isAlive()) {
            balancer.close();
            throw new IOException("HAProxy did not start: " + Files.readString(log));
        }
        return balancer;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * From HAProxy's request log: how many requests whose line matches {@code request} (for example
     * {@code PUT /api/v1/polls/1/ballot}) each instance answered with {@code status}.
     */
    java.util.Map<String, Long> answered(String request, int status) throws IOException {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                " instances/(\\S+) \\S+ " + status + " .*\"" + java.util.regex.Pattern.quote(request) + " HTTP");
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (String entry : Files.readAllLines(log)) {
            java.util.regex.Matcher m = line.matcher(entry);
            if (m.find()) {
                counts.merge(m.group(1), 1L, Long::sum);
            }
        }
        return counts;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
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
