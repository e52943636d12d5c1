package dev.popcorn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in a process of its own ({@code java -Xmx… -jar popcorn.jar serve}, or any
 * main class for the bare endpoint), on a free port of 127.0.0.1, its output in a log file. It
 * measures the time from spawning the process to the first 200 of its health route, and reads the
 * process's CPU time and memory from {@code /proc} and its heap with {@code jcmd}.
 */
final class Server implements AutoCloseable {

    /** CPU ticks per second in /proc/PID/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    final int port;
    final Path log;
    final Process process;
    final long startNanos;
    private final String healthPath;

    private Server(int port, Path log, Process process, long startNanos, String healthPath) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.startNanos = startNanos;
        this.healthPath = healthPath;
    }

    /** Spawns {@code command} with these extra environment variables, output to {@code log}. */
    static Server spawn(List<String> command, Map<String, String> env, int port, Path log, String healthPath)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the settings given here: none the calling shell happens to carry (a POPCORN_DB_URL, say).
        builder.environment().keySet().removeIf(name -> name.startsWith("POPCORN_"));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        return new Server(port, log, process, started, healthPath);
    }

    /** {@code java -Xmx<heap> [SURGE_SERVER_OPTS] -jar <jar> serve --port <port> --data <data>}. */
    static Server popcorn(Path jar, String heap, Path data, Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        // SURGE_SERVER_OPTS: more JVM options for the server (a flight recording, a collector), split at spaces;
        // {server} stands for the server's name (its log's, without .log), e.g. filename=/tmp/{server}.jfr.
        String more = System.getenv("SURGE_SERVER_OPTS");
        if (more != null && !more.isBlank()) {
            String name = log.getFileName().toString().replaceAll("\\.log$", "");
            command.addAll(List.of(more.strip().replace("{server}", name).split("\\s+")));
        }
        command.addAll(
                List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data", data.toString()));
        return spawn(command, env, port, log, "/api/health");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the health route answers 200 and answers the seconds since the spawn; throws,
     * with the end of the log, when the process ends first or {@code limit} passes.
     */
    double awaitFirstAnswer(Duration limit) throws IOException, InterruptedException {
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "the server ended with exit code " + process.exitValue() + " before answering; its log "
                                + log + " ends:\n" + tail(30));
            }
            if (healthy()) {
                return (System.nanoTime() - startNanos) / 1e9;
            }
            Thread.sleep(5);
        }
        throw new IOException(
                "the server did not answer " + healthPath + " within " + limit.toSeconds() + " s; its log "
                        + log + " ends:\n" + tail(30));
    }

    private boolean healthy() {
        try (Socket socket = new Socket()) {
            socket.connect(address(), 200);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + healthPath + " HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(12);
            return new String(first, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** CPU seconds (user + system) the process used so far, from /proc/PID/stat. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The process's peak resident memory in MB (VmHWM), NaN when unknown. */
    double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone or not Linux: unknown.
        }
        return Double.NaN;
    }

    /** The heap as {@code jcmd PID GC.heap_info} tells it: used and committed in MB, and its first line. */
    record Heap(double usedMb, double committedMb, String line) {
    }

    Heap heap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
            if (m.find()) {
                String line = out.lines().filter(l -> l.contains("total ")).findFirst().orElse("").strip();
                return new Heap(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0, line);
            }
            return new Heap(Double.NaN, Double.NaN, out.strip());
        } catch (IOException e) {
            return new Heap(Double.NaN, Double.NaN, "jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Heap(Double.NaN, Double.NaN, "interrupted");
        }
    }

    /** Seconds the process spent in garbage collection so far ({@code jstat -gcutil}'s GCT), NaN when unknown. */
    double gcSeconds() {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process p = new ProcessBuilder(jstat.toString(), "-gcutil", Long.toString(pid())).redirectErrorStream(true)
                    .start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            p.waitFor(30, TimeUnit.SECONDS);
            if (lines.size() < 2) {
                return Double.NaN;
            }
            String[] names = lines.get(0).strip().split("\\s+");
            String[] values = lines.get(1).strip().split("\\s+");
            for (int i = 0; i < names.length && i < values.length; i++) {
                if (names[i].equals("GCT")) {
                    return Double.parseDouble(values[i]);
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Whether the log says the heap ran out. */
    boolean ranOutOfHeap() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}: Process.destroyForcibly is SIGKILL on Linux; the exit code 137 (128 + 9) proves it. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server " + pid() + " did not die of SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM, the shutdown hooks run (the database closed cleanly); SIGKILL after a minute. Answers the exit code. */
    int stop() throws InterruptedException {
        if (!process.isAlive()) {
            return process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
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

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
