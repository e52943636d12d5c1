package dev.popcorn.bench;

import dev.popcorn.app.identity.Passes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of reference: {@code wrk} from Debian's packages, driven by {@code src/test/bench/surge.lua}
 * with a file of fresh users' API passes. Measures what wrk sees (requests/s, latency percentiles, statuses, what
 * was sent per kind, ok answers per second) and wrk's own CPU, read from {@code /proc} while it runs.
 */
final class Wrk {

    static final Path SCRIPT = Path.of("src/test/bench/surge.lua");

    /** What one wrk run measured. Latencies in microseconds; {@code perSecond} counts ok answers by wall-clock second. */
    record Result(double seconds, long requests, double rate, long p50, long p90, long p99, long max, long first,
            long changes, long reports, long ranOut, long ok, long refused, long failed, long socketErrors,
            double cpuCores, List<Long> perSecond, String raw) {

        /** Ok answers per second over seconds {@code from} (inclusive) to {@code to} (exclusive) of the run. */
        double okRate(int from, int to) {
            long sum = 0;
            int n = 0;
            for (int i = Math.max(0, from); i < Math.min(to, perSecond.size()); i++) {
                sum += perSecond.get(i);
                n++;
            }
            return n == 0 ? 0 : (double) sum / n;
        }

        /** Requests per second that were answered 2xx. */
        double okPerSecond() {
            return requests == 0 ? 0 : rate * ok / Math.max(1, ok + refused + failed);
        }
    }

    private Wrk() {
    }

    /** The wrk command, installed from Debian's packages when missing (as {@code .ci/run} does for Chromium). */
    static String command() throws IOException, InterruptedException {
        if (onPath("wrk")) {
            return "wrk";
        }
        System.out.println("wrk is missing: installing it from Debian's packages (apt-get install wrk)...");
        Process install = new ProcessBuilder("sh", "-c",
                "export DEBIAN_FRONTEND=noninteractive; (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk))"
                        + " >/dev/null")
                .inheritIO().start();
        if (install.waitFor() != 0 || !onPath("wrk")) {
            throw new IOException(
                    "wrk is not installed and apt-get could not install it (run as root, or apt-get install wrk)");
        }
        return "wrk";
    }

    private static boolean onPath(String name) throws InterruptedException {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + name).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code count} fresh users' API passes, numbered from {@code from}, one file per wrk thread
     * ({@code prefix.0}, {@code prefix.1}, …); answers the prefix.
     */
    static Path passes(Passes passes, Path prefix, String userPrefix, int from, int count, int threads)
            throws IOException {
        List<BufferedWriter> files = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                files.add(Files.newBufferedWriter(Path.of(prefix + "." + t), StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < count; i++) {
                String id = userPrefix + String.format("%08d", from + i);
                BufferedWriter out = files.get(i % threads);
                out.write(passes.issue(Passes.Kind.API, id, id, Passes.Role.USER, Duration.ofDays(2)));
                out.newLine();
            }
        } finally {
            for (BufferedWriter file : files) {
                file.close();
            }
        }
        return prefix;
    }

    /**
     * Runs wrk for {@code length} against {@code url} with the script's arguments; answers what it measured.
     * {@code args}: passes prefix, poll, release, candidates, features, mix, and for the bare endpoint its path.
     */
    static Result run(String url, int threads, int connections, Duration length, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(command(), "-t" + threads, "-c" + connections,
                "-d" + length.toSeconds() + "s", "--latency", "--timeout", "10s", "-s", SCRIPT.toString(), url, "--"));
        command.addAll(args);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        long started = System.nanoTime();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append("(reading wrk's output failed: ").append(e).append(")");
            }
        }, "wrk-output");
        reader.start();
        double cpu = 0;
        double firstCpu = -1;
        long firstAt = 0;
        long lastAt = 0;
        Path stat = Path.of("/proc/" + wrk.pid() + "/stat");
        while (wrk.isAlive()) {
            double now = cpuSeconds(stat);
            if (now >= 0) {
                if (firstCpu < 0) {
                    firstCpu = now;
                    firstAt = System.nanoTime();
                }
                cpu = now;
                lastAt = System.nanoTime();
            }
            Thread.sleep(100);
        }
        int code = wrk.waitFor();
        reader.join();
        double wall = (System.nanoTime() - started) / 1e9;
        String text = out.toString();
        if (code != 0 || !text.contains("surge-counts")) {
            throw new IOException("wrk exited with " + code + ": " + text);
        }
        double cores = lastAt > firstAt ? (cpu - firstCpu) / ((lastAt - firstAt) / 1e9) : 0;
        Map<String, Long> counts = numbers(line(text, "surge-counts"));
        Map<String, Long> latency = numbers(line(text, "surge-latency"));
        List<Long> perSecond = new ArrayList<>();
        for (String n : line(text, "surge-seconds").replace("surge-seconds", "").strip().split(",")) {
            if (!n.isBlank()) {
                perSecond.add(Long.parseLong(n.strip()));
            }
        }
        long requests = Long.parseLong(find(text, "(\\d+) requests in"));
        double rate = Double.parseDouble(find(text, "Requests/sec:\\s+([0-9.]+)"));
        long socketErrors = 0;
        Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(text);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(errors.group(g));
            }
        }
        return new Result(wall, requests, rate, latency.get("p50"), latency.get("p90"), latency.get("p99"),
                latency.get("max"),
                counts.get("first"), counts.get("changes"), counts.get("reports"), counts.get("ranout"),
                counts.get("ok"),
                counts.get("refused"), counts.get("failed"), socketErrors, cores, perSecond, text);
    }

    /** user + system seconds of a live process; -1 once it is gone. */
    private static double cpuSeconds(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String line(String text, String start) throws IOException {
        for (String line : text.split("\n")) {
            if (line.startsWith(start)) {
                return line;
            }
        }
        throw new IOException("wrk printed no " + start + " line: " + text);
    }

    private static Map<String, Long> numbers(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(\\d+)").matcher(line);
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }

    private static String find(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("wrk's output has no " + regex + ": " + text);
        }
        return m.group(1);
    }
}
