package dev.popcorn.bench;

import dev.popcorn.app.identity.Passes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The load benchmark (issues 17 and 27): the award week under a surge of voters, measured against the
 * machine's own ceilings in the same run.
 *
 * <pre>
 *   bash src/test/bench/surge.sh                 # builds, then runs this class with the test classpath
 *   SURGE_SECONDS=10 SURGE_WARMUP=10 SURGE_FLAT_SECONDS=0 SURGE_PG=off bash src/test/bench/surge.sh # a quick try
 * </pre>
 *
 * <ol>
 * <li>Ceilings: durable single-row commits per second on a fresh H2 file with the server's URL
 *     options, and a bare Javalin endpoint ({@link BareEndpoint}) driven by {@link Wrk} with a first ballot's
 *     request.</li>
 * <li>Main run: {@code java -Xmx256m -jar target/popcorn.jar serve} on a fresh data folder, a release
 *     and a poll opened through the API, a warm-up of the mix, then wrk's runs of first ballots, of reports
 *     and of the mix, each {@code SURGE_SECONDS} at {@code SURGE_CONNECTIONS} connections with fresh users of
 *     its own, and a long run of first ballots ({@code SURGE_FLAT_SECONDS}) whose first and last ten seconds
 *     are compared; rates, latencies, statuses, the CPU of the server, of wrk and of the rest, heap.</li>
 * <li>Crash run: the mix from the project's own generator ({@link LoadGenerator}, which keeps every
 *     acknowledgement) on another fresh folder, {@code kill -9} of the server after {@code SURGE_KILL_AFTER}
 *     seconds, a restart on the same folder, then every acknowledged ballot and report looked for
 *     ({@link Lookups} through the API, {@link Reckoning} in the database).</li>
 * <li>PostgreSQL, when 127.0.0.1:5432 answers (user postgres, database test): its commit ceiling and
 *     the main run's wrk runs (no long one) of {@code SURGE_PG_SECONDS} in the schema {@code popcorn_surge},
 *     dropped afterwards.</li>
 * <li>The targets of issue 27, each PASS or FAIL, as ratios to the ceilings. Exit code 0 whatever the targets
 *     say (this is a measurement), 1 when anything acknowledged was lost or counted twice, 2 when a server failed
 *     to start or a run broke.</li>
 * </ol>
 *
 * <p>Settings, as environment variables or {@code --name=value} options, are listed in {@code surge.sh}.
 * Nothing here is tuned to pass a target.
 */
final class Surge {

    private static final String SERVER_HEAP = "256m";
    private static final int COMMIT_THREADS = 4;
    /** Javalin's request path takes seconds of JIT to reach its pace; the ceiling is its warm pace. */
    private static final Duration BARE_WARMUP = Duration.ofSeconds(5);
    /** The most fresh users' passes minted for one wrk run. */
    private static final int MAX_USERS = 3_000_000;

    private final Map<String, String> settings;
    private final int connections;
    private final Duration seconds;
    /** Load before each measured run, not counted: a cold JVM takes tens of seconds of JIT on two cores. */
    private final Duration warmup;
    private final Duration killAfter;
    private final Duration pgSeconds;
    private final Duration ceilingSeconds;
    private final Duration flatSeconds;
    private final int wrkThreads;
    private final int maxRate;
    private final int[] mix;
    private final Path jar;
    private final Path work;
    private final String adminToken;
    private final Passes passes;
    private final Map<String, String> serverEnv = new LinkedHashMap<>();
    private final List<Server> running = new CopyOnWriteArrayList<>();
    private final long began = System.nanoTime();
    private final List<String[]> targets = new ArrayList<>();
    private boolean broke;
    private boolean lostOrTwice;

    private Surge(Map<String, String> settings) throws IOException {
        this.settings = settings;
        connections = integer("SURGE_CONNECTIONS", 64);
        seconds = Duration.ofSeconds(integer("SURGE_SECONDS", 60));
        warmup = Duration.ofSeconds(integer("SURGE_WARMUP", 60));
        killAfter = Duration.ofSeconds(integer("SURGE_KILL_AFTER", 10));
        pgSeconds = Duration.ofSeconds(integer("SURGE_PG_SECONDS", 30));
        ceilingSeconds = Duration.ofSeconds(integer("SURGE_CEILING_SECONDS", 10));
        flatSeconds = Duration.ofSeconds(integer("SURGE_FLAT_SECONDS", 180));
        wrkThreads = integer("SURGE_WRK_THREADS", 1);
        maxRate = integer("SURGE_MAX_RATE", 25_000);
        String[] parts = setting("SURGE_MIX", "70,10,20").split(",");
        mix = new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                Integer.parseInt(parts[2].strip())};
        if (mix[0] + mix[1] + mix[2] != 100 || mix[0] <= 0) {
            throw new IllegalArgumentException(
                    "SURGE_MIX must be three percentages adding up to 100, first ballots above 0");
        }
        jar = Path.of(setting("SURGE_JAR", "target/popcorn.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "no server jar at " + jar + " (mvn -B -q package -DskipTests builds it)");
        }
        work = Files.createTempDirectory("popcorn-surge-");
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String secretText = HexFormat.of().formatHex(secret);
        byte[] token = new byte[16];
        random.nextBytes(token);
        adminToken = "surge-admin-" + HexFormat.of().formatHex(token);
        passes = new Passes(secretText.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        serverEnv.put("POPCORN_SECURITY_SECRET", secretText);
        serverEnv.put("POPCORN_SECURITY_ADMIN_TOKEN", adminToken);
        serverEnv.put("POPCORN_AWARD_BALLOTS_PER_MINUTE", "0");
        serverEnv.put("POPCORN_AWARD_BALLOTS_PER_MINUTE_PER_ADDRESS", "0");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(System.getenv());
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println(
                        "usage: Surge [--seconds=60] [--warmup=60] [--flat-seconds=180] [--wrk-threads=1] [--max-rate=25000] [--connections=64] [--kill-after=10] [--pg-seconds=30]"
                                + " [--ceiling-seconds=5] [--mix=70,10,20] [--pg=auto|off] [--jar=target/popcorn.jar] [--keep=true]");
                System.exit(2);
            }
            String name = "SURGE_" + arg.substring(2, arg.indexOf('=')).toUpperCase(Locale.ROOT).replace('-', '_');
            settings.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Surge surge = new Surge(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(surge::killLeftovers, "surge-cleanup"));
        int code = surge.run();
        System.exit(code);
    }

    private int run() {
        machine();
        CommitCeiling.Figures h2Commits = null;
        Measured bare = null;
        LoadRun h2 = null;
        CrashRun crash = null;
        PgRun pg = null;
        try {
            h2Commits = phase("H2 commit ceiling", this::h2CommitCeiling);
            bare = phase("bare HTTP ceiling", this::bareHttpCeiling);
            if (!setting("SURGE_H2", "on").equals("off")) {
                h2 = phase("H2 main run", () -> {
                    Path data = work.resolve("h2-main");
                    return load("H2 main", data, serverEnv, seconds, flatSeconds, h2(data));
                });
                crash = phase("H2 kill -9 run", this::crashRun);
            }
            pg = phase("PostgreSQL", this::postgres);
        } finally {
            targets(h2Commits, bare, h2, crash, pg);
            killLeftovers();
            if (Boolean.parseBoolean(setting("SURGE_KEEP", "false"))) {
                say("data folders and server logs kept in %s", work);
            } else {
                deleteQuietly(work);
            }
        }
        return lostOrTwice ? 1 : broke ? 2 : 0;
    }

    // ---------------------------------------------------------------- phases

    private interface Phase<T> {
        T run() throws Exception;
    }

    private <T> T phase(String name, Phase<T> phase) {
        say("");
        say("== %s (at %.0f s) ==", name, (System.nanoTime() - began) / 1e9);
        try {
            return phase.run();
        } catch (Exception e) {
            broke = true;
            say("%s broke: %s", name, e);
            return null;
        }
    }

    private void machine() {
        say("Popcorn surge: %d connections, %d s main run (mix %d%% first ballots, %d%% changes, %d%% reports),"
                + " kill -9 after %d s, PostgreSQL %d s, ceilings %d s", connections, seconds.toSeconds(), mix[0],
                mix[1], mix[2],
                killAfter.toSeconds(), pgSeconds.toSeconds(), ceilingSeconds.toSeconds());
        say("machine: %d cores, %s, Java %s, load average %s", Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.version"), loadAverage());
        say("server: java -Xmx%s -jar %s serve, on 127.0.0.1, fresh data folders under %s", SERVER_HEAP, jar, work);
    }

    private CommitCeiling.Figures h2CommitCeiling() throws Exception {
        Path dir = work.resolve("ceiling-h2");
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("ceiling") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        double gen0 = generatorCpu();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        CommitCeiling.Figures f = CommitCeiling.measure(url, "", "", "surge_commits", COMMIT_THREADS,
                Duration.ofSeconds(1),
                ceilingSeconds);
        double wall = (System.nanoTime() - t0) / 1e9;
        double own = (generatorCpu() - gen0) / wall;
        say("H2 file database, the server's URL options (WRITE_DELAY=0), %d threads, autocommit single-row INSERTs:"
                + " %,.0f commits/s (%,d in %.0f s); CPU %.2f cores, other processes' %.2f", f.threads(), f.perSecond(),
                f.commits(), f.seconds(), own, Math.max(0, (machineBusySeconds() - busy0) / wall - own));
        say("  (H2 writes every commit to the file, so it survives kill -9, but does not fsync each one: not power-loss durable)");
        return f;
    }

    private Measured bareHttpCeiling() throws Exception {
        int port = Server.freePort();
        List<String> command = List.of(Server.java(), "-Xmx" + SERVER_HEAP, "-cp",
                System.getProperty("java.class.path"),
                BareEndpoint.class.getName(), Integer.toString(port));
        Server server = started(Server.spawn(command, Map.of(), port, work.resolve("bare-endpoint.log"), "/health"));
        try {
            server.awaitFirstAnswer(Duration.ofSeconds(60));
            // The same request as a first ballot: a pass in the header, a ballot's body; the endpoint does no work.
            measure("bare warm-up (not counted)", server, null, "0,0,0", BARE_WARMUP, "bare-w");
            Measured bare = measure("bare Javalin PUT /ping", server, null, "0,0,0", ceilingSeconds, "bare");
            return bare;
        } finally {
            server.stop();
            running.remove(server);
        }
    }

    /** One wrk run against one server: what wrk saw, and the CPU of the server, of wrk and of the rest of the machine. */
    private record Measured(String name, Wrk.Result wrk, double serverCores, double others, double serverGcSeconds) {
        double okRate() {
            return wrk.okPerSecond();
        }

        long p99() {
            return wrk.p99();
        }
    }

    /**
     * Drives {@code server} with wrk for {@code length}: {@code mix} (first ballots, changes, reports in %) of fresh
     * users, passes minted for this run only (users {@code <tag>-00000001}, …); with no week, the bare endpoint.
     */
    private Measured measure(String name, Server server, Week week, String mix, Duration length, String tag)
            throws Exception {
        int users = week == null ? 1
                : (int) Math.min(MAX_USERS, Math.max(20_000L, (long) maxRate * length.toSeconds()));
        long t0 = System.nanoTime();
        Path prefix = Wrk.passes(passes, work.resolve("passes-" + tag), "surge-" + tag + "-", 1, users, wrkThreads);
        double mint = (System.nanoTime() - t0) / 1e9;
        List<String> args = week == null
                ? List.of(prefix.toString(), "0", "0", "1", "X", "100,0,0", "/ping")
                : List.of(prefix.toString(), Long.toString(week.pollId()), Long.toString(week.releaseId()),
                        String.join(",", java.util.Arrays.stream(week.candidates()).mapToObj(Long::toString).toList()),
                        String.join(",", week.features()), mix);
        double cpu0 = server.cpuSeconds();
        double gc0 = server.gcSeconds();
        double busy0 = machineBusySeconds();
        long w0 = System.nanoTime();
        Wrk.Result r = Wrk.run("http://" + server.host(), wrkThreads, connections, length, args);
        double wall = (System.nanoTime() - w0) / 1e9;
        double serverCores = (server.cpuSeconds() - cpu0) / wall;
        double gc = server.gcSeconds() - gc0;
        double others = Math.max(0, (machineBusySeconds() - busy0) / wall - serverCores - r.cpuCores());
        for (int t = 0; t < wrkThreads; t++) {
            Files.deleteIfExists(Path.of(prefix + "." + t));
        }
        say("%s: %,.0f answers/s (%,.0f ok/s) over %d s, p50 %s, p90 %s, p99 %s, max %s; sent %,d first ballots, %,d changes,"
                + " %,d reports%s; answers ok %,d, refused %,d, failed %,d, socket errors %,d", name, r.rate(),
                r.okPerSecond(),
                length.toSeconds(), ms(r.p50()), ms(r.p90()), ms(r.p99()), ms(r.max()), r.first(), r.changes(),
                r.reports(),
                r.ranOut() > 0 ? String.format(Locale.ROOT, " (RAN OUT of fresh users %,d times)", r.ranOut()) : "",
                r.ok(), r.refused(), r.failed(), r.socketErrors());
        say("  CPU: server %.2f cores (GC %.1f s), wrk %.2f cores, other processes %.2f; %,d passes minted in %.1f s before",
                serverCores, gc, r.cpuCores(), others, users, mint);
        return new Measured(name, r, serverCores, others, gc);
    }

    /** How to read what a server stored once it has stopped. */
    private record Database(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static Database h2(Path data) {
        return new Database("jdbc:h2:file:" + data.resolve("popcorn") + ";IFEXISTS=TRUE", "", "");
    }

    /** What a server's runs saw: start, first ballots, reports, the mix, and (H2) the long run of ballots. */
    private record LoadRun(double startSeconds, Measured ballots, Measured reports, Measured mix, Measured flat,
            long voters, Server.Heap heap, boolean oom) {
    }

    /**
     * A fresh server on {@code data}: a week opened through the API, a warm-up of the mix (not counted), then
     * first ballots, reports and the mix, each for {@code length} with users of its own; with {@code flatSeconds},
     * a long run of first ballots whose first and last ten seconds are compared.
     */
    private LoadRun load(String label, Path data, Map<String, String> env, Duration length, Duration flatSeconds,
            Database db)
            throws Exception {
        Server server = started(
                Server.popcorn(jar, SERVER_HEAP, data, env, work.resolve(label.replace(' ', '-') + "-server.log")));
        String tag = label.replace(' ', '-').toLowerCase(Locale.ROOT);
        try {
            double start = server.awaitFirstAnswer(Duration.ofSeconds(120));
            say("server pid %d answered GET /api/health %.2f s after it was spawned", server.pid(), start);
            Week week = Week.open(server.host(), adminToken, "surge-" + tag);
            say("release %d with features %s, poll %d open with candidates %s", week.releaseId(), week.features(),
                    week.pollId(),
                    java.util.Arrays.toString(week.candidates()));
            String mixText = mix[0] + "," + mix[1] + "," + mix[2];
            if (!warmup.isZero()) {
                measure("warm-up, the mix (not counted)", server, week, mixText, warmup, tag + "-w");
            }
            Measured ballots = measure("first ballots", server, week, "100,0,0", length, tag + "-b");
            Measured reports = measure("reports (3 verdicts)", server, week, "0,0,100", length, tag + "-r");
            Measured mixed = measure("mix " + mixText, server, week, mixText, length, tag + "-m");
            Measured flat = null;
            if (!flatSeconds.isZero()) {
                flat = measure("long run of first ballots", server, week, "100,0,0", flatSeconds, tag + "-f");
                say("  ok answers/s by 10 s: %s", tens(flat.wrk()));
            }
            Server.Heap heap = server.heap();
            say("server heap after the runs: used %s MB, committed %s MB (-Xmx%s) [%s]; peak RSS %s MB",
                    mb(heap.usedMb()),
                    mb(heap.committedMb()), SERVER_HEAP, heap.line(), mb(server.peakRssMb()));
            int code = server.stop();
            running.remove(server);
            boolean oom = server.ranOutOfHeap();
            say("server stopped (SIGTERM, exit code %d)%s", code, oom ? "; its log shows an OutOfMemoryError" : "");
            long voters;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                voters = Long.parseLong(one(s, "SELECT COUNT(*) FROM ballots WHERE poll_id = " + week.pollId()));
            }
            say("distinct voters stored in the poll: %,d", voters);
            return new LoadRun(start, ballots, reports, mixed, flat, voters, heap, oom);
        } finally {
            server.close();
            running.remove(server);
        }
    }

    /** Ok answers per second in steps of ten seconds (the first second, partial, left out). */
    private static String tens(Wrk.Result r) {
        StringBuilder out = new StringBuilder();
        for (int from = 1; from < r.perSecond().size() - 1; from += 10) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%,.0f",
                    r.okRate(from, Math.min(from + 10, r.perSecond().size() - 1))));
        }
        return out.toString();
    }

    private void printLoad(LoadGenerator.Result r, Voting voting) {
        say("%.1f s measured, %d connections; %,d fresh users (a pass minted for each), %,d answers naming another user"
                + " or candidate than asked", r.windowSeconds(), connections, voting.users.size(), voting.mismatched);
        for (int k = 0; k < r.kinds().size(); k++) {
            LoadGenerator.Stats s = r.kind(k);
            say("  %-15s %,9.0f/s  p50 %s  p99 %s  max %s  answers: %s", s.name, r.rate(k),
                    ms(s.latency.percentile(50)),
                    ms(s.latency.percentile(99)), ms(s.latency.max()), s.statusSummary());
        }
        Histogram all = r.allLatencies();
        say("  %-15s %,9.0f/s  p50 %s  p99 %s  max %s  errors %,d (non-2xx answers and requests without an answer)",
                "all",
                r.rate(0) + r.rate(1) + r.rate(2), ms(all.percentile(50)), ms(all.percentile(99)), ms(all.max()),
                r.errors());
        say("  connections opened %,d, refused %,d, closed by the server %,d; answers without Content-Length %,d, chunked %,d",
                r.connects(), r.connectFailures(), r.serverCloses(), r.answersWithoutLength(), r.chunkedAnswers());
        say("  2xx answers/s in steps of %d s: %s", step(r), timeline(r));
    }

    /** Steps of the timeline: 12 or fewer. */
    private static int step(LoadGenerator.Result r) {
        int seconds = Math.max(1, (int) Math.ceil(r.windowSeconds()));
        return Math.max(1, (seconds + 11) / 12);
    }

    private static String timeline(LoadGenerator.Result r) {
        int step = step(r);
        int seconds = Math.min(r.okBySecond().length, (int) Math.ceil(r.windowSeconds()));
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < seconds; from += step) {
            int to = Math.min(seconds, from + step);
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += r.okBySecond()[i];
            }
            double width = Math.min(to, r.windowSeconds()) - from;
            out.append(out.length() == 0 ? "" : " ")
                    .append(String.format(Locale.ROOT, "%,.0f", width <= 0 ? 0 : sum / width));
        }
        return out.toString();
    }

    private void reckon(Reckoning r) {
        say("stored: %s", r.summary());
        say("  %s", r.details());
        if (r.lost() > 0 || r.countedTwice() > 0) {
            lostOrTwice = true;
        }
    }

    /** What the crash run saw. */
    private record CrashRun(int exitCode, double restartSeconds, Lookups lookups, Reckoning reckoning) {
    }

    private CrashRun crashRun() throws Exception {
        Path data = work.resolve("h2-crash");
        Server server = started(Server.popcorn(jar, SERVER_HEAP, data, serverEnv, work.resolve("H2-crash-server.log")));
        Voting voting;
        int exit;
        try {
            say("server pid %d answered after %.2f s", server.pid(), server.awaitFirstAnswer(Duration.ofSeconds(120)));
            Week week = Week.open(server.host(), adminToken, "surge-crash");
            voting = new Voting(week, passes, server.host(), mix, "surge-", 23);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Object> outcome = new AtomicReference<>();
            LoadGenerator generator = new LoadGenerator(server.address(), connections, Voting.KINDS, voting);
            Thread load = new Thread(() -> {
                try {
                    outcome.set(generator.run(Duration.ZERO, killAfter.plusMinutes(5), stop, Duration.ofSeconds(5)));
                } catch (IOException | RuntimeException e) {
                    outcome.set(e);
                }
            }, "surge-crash-load");
            load.start();
            Thread.sleep(killAfter.toMillis());
            exit = server.kill();
            running.remove(server);
            say("kill -9 of pid %d after %d s of load: exit code %d%s", server.pid(), killAfter.toSeconds(), exit,
                    exit == 137 ? " (128 + 9: SIGKILL)" : " (not SIGKILL's 137!)");
            Thread.sleep(1000);
            stop.set(true);
            load.join();
            if (outcome.get() instanceof Exception e) {
                throw e;
            }
            LoadGenerator.Result r = (LoadGenerator.Result) outcome.get();
            printLoad(r, voting);
        } finally {
            server.close();
            running.remove(server);
        }
        Server again = started(
                Server.popcorn(jar, SERVER_HEAP, data, serverEnv, work.resolve("H2-crash-restart-server.log")));
        double restart;
        Lookups lookups;
        try {
            restart = again.awaitFirstAnswer(Duration.ofSeconds(120));
            say("restarted on the same data folder: pid %d answered after %.2f s", again.pid(), restart);
            lookups = new Lookups(voting, again.host(), 20_000, 29);
            new LoadGenerator(again.address(), connections, Lookups.KINDS, lookups)
                    .run(Duration.ZERO, Duration.ofMinutes(3), new AtomicBoolean(), Duration.ofSeconds(10));
            say("asked the restarted server with each user's own pass, %,d acknowledged users (%s): %,d as acknowledged,"
                    + " %,d stored a later unacknowledged change, lost %,d, no answer %,d%s", lookups.size(),
                    lookups.size() < countAcked(voting) ? "a sample" : "all", lookups.found,
                    lookups.storedUnacknowledged,
                    lookups.lost, lookups.failed, lookups.example == null ? "" : "; e.g. " + lookups.example);
            if (lookups.lost > 0) {
                lostOrTwice = true;
            }
            int code = again.stop();
            running.remove(again);
            say("restarted server stopped (SIGTERM, exit code %d)", code);
        } finally {
            again.close();
            running.remove(again);
        }
        Reckoning reckoning;
        try (Connection c = h2(data).connect()) {
            reckoning = Reckoning.of(c, voting);
        }
        reckon(reckoning);
        return new CrashRun(exit, restart, lookups, reckoning);
    }

    private static long countAcked(Voting voting) {
        return voting.users.stream()
                .filter(u -> u instanceof Voting.Voter v && v.acked() || u instanceof Voting.Reporter r && r.acked)
                .count();
    }

    /** What the PostgreSQL phase saw, or why it was skipped. */
    private record PgRun(String skipped, CommitCeiling.Figures commits, LoadRun load) {
    }

    private PgRun postgres() throws Exception {
        if (setting("SURGE_PG", "auto").equals("off")) {
            say("skipped: SURGE_PG=off");
            return new PgRun("SURGE_PG=off", null, null);
        }
        String url = setting("SURGE_PG_URL", setting("POPCORN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        String user = setting("SURGE_PG_USER", setting("POPCORN_TEST_PG_USER", "postgres"));
        String password = setting("SURGE_PG_PASSWORD", setting("POPCORN_TEST_PG_PASSWORD", ""));
        String schema = "popcorn_surge";
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            say("%s as %s: %s; synchronous_commit %s, fsync %s", url, user,
                    one(s, "SELECT version()").replaceAll(" on .*", ""),
                    one(s, "SHOW synchronous_commit"), one(s, "SHOW fsync"));
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            say("skipped: PostgreSQL is not reachable at %s (%s)", url, e.getMessage());
            return new PgRun("not reachable at " + url, null, null);
        }
        try {
            CommitCeiling.Figures commits = CommitCeiling.measure(schemaUrl, user, password, "surge_commits",
                    COMMIT_THREADS,
                    Duration.ofSeconds(1), ceilingSeconds);
            say("PostgreSQL, %d threads, autocommit single-row INSERTs: %,.0f commits/s (%,d in %.0f s)",
                    commits.threads(),
                    commits.perSecond(), commits.commits(), commits.seconds());
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
                s.execute("CREATE SCHEMA " + schema);
            }
            Map<String, String> env = new LinkedHashMap<>(serverEnv);
            env.put("POPCORN_DB_URL", schemaUrl);
            env.put("POPCORN_DB_USER", user);
            env.put("POPCORN_DB_PASSWORD", password);
            LoadRun load = load("PG main", work.resolve("pg-main"), env, pgSeconds, Duration.ZERO,
                    new Database(schemaUrl, user, password));
            return new PgRun(null, commits, load);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    // ---------------------------------------------------------------- the targets

    private void targets(CommitCeiling.Figures h2Commits, Measured bare, LoadRun h2, CrashRun crash, PgRun pg) {
        say("");
        say("== ratios to this machine's ceilings, measured in this run ==");
        double bareRate = bare == null ? Double.NaN : bare.okRate();
        double commits = h2Commits == null ? Double.NaN : h2Commits.perSecond();
        if (h2 != null) {
            for (Measured m : new Measured[] {h2.ballots(), h2.reports(), h2.mix()}) {
                say("H2 %-22s %,8.0f/s = %.3f x the bare endpoint (%,.0f/s), %.2f x H2's durable single-row commits (%,.0f/s);"
                        + " p99 %s", m.name(), m.okRate(), m.okRate() / bareRate, bareRate, m.okRate() / commits,
                        commits,
                        ms(m.p99()));
            }
        }
        if (pg != null && pg.load() != null) {
            Measured m = pg.load().ballots();
            say("PostgreSQL first ballots %,8.0f/s = %.2f x its durable single-row commits (%,.0f/s), %.3f x the bare endpoint;"
                    + " p99 %s", m.okRate(), m.okRate() / pg.commits().perSecond(), pg.commits().perSecond(),
                    m.okRate() / bareRate,
                    ms(m.p99()));
        }
        if (bare != null) {
            say("the generator: wrk used %.2f cores driving the bare endpoint at %,.0f/s", bare.wrk().cpuCores(),
                    bareRate);
        }
        say("");
        say("== targets ==");
        if (h2 != null) {
            double ballots = h2.ballots().okRate();
            target("H2 ballots/s >= 15,000 (quiet machine)", String.format(Locale.ROOT, "%,.0f", ballots),
                    ballots >= 15_000);
            target("H2 ballots >= 0.35 x bare endpoint", String.format(Locale.ROOT, "%.3f x", ballots / bareRate),
                    ballots >= 0.35 * bareRate);
            target("H2 ballots >= 1.5 x H2 commit ceiling", String.format(Locale.ROOT, "%.2f x", ballots / commits),
                    ballots >= 1.5 * commits);
            double reports = h2.reports().okRate();
            target("H2 reports/s >= 10,000 (quiet machine)", String.format(Locale.ROOT, "%,.0f", reports),
                    reports >= 10_000);
            target("H2 reports >= 0.25 x bare endpoint", String.format(Locale.ROOT, "%.3f x", reports / bareRate),
                    reports >= 0.25 * bareRate);
            double mixed = h2.mix().okRate();
            target("H2 mix >= 0.3 x bare endpoint", String.format(Locale.ROOT, "%.3f x", mixed / bareRate),
                    mixed >= 0.3 * bareRate);
            long p99 = Math.max(h2.ballots().p99(), Math.max(h2.reports().p99(), h2.mix().p99()));
            target("H2 p99 <= 50 ms at " + connections + " connections", ms(p99), p99 <= 50_000 && connections >= 64);
            boolean heapOk = !h2.oom() && h2.heap().committedMb() <= 256 && h2.heap().usedMb() <= 256;
            target("server heap <= 256 MB", Double.isNaN(h2.heap().usedMb()) ? "unknown" : String.format(Locale.ROOT,
                    "used %.0f, committed %.0f MB%s", h2.heap().usedMb(), h2.heap().committedMb(),
                    h2.oom() ? ", OOM" : ""), heapOk);
            target("start to first answer <= 3 s", String.format(Locale.ROOT, "%.2f s", h2.startSeconds()),
                    h2.startSeconds() <= 3);
            if (h2.flat() != null) {
                // Ten-second steps of the long run (its first and last seconds, partial, left out): the last may not
                // fall more than 10 % below the best, with two million voters in the poll by the end.
                Wrk.Result f = h2.flat().wrk();
                int last = f.perSecond().size() - 1;
                double best = 0;
                for (int from = 1; from + 10 <= last; from += 10) {
                    best = Math.max(best, f.okRate(from, from + 10));
                }
                double last10 = f.okRate(last - 10, last);
                target("flat: last 10 s >= 0.9 x best 10 s, 2 M voters", String.format(Locale.ROOT,
                        "%,.0f of %,.0f/s, %,d voters", last10, best, h2.voters()),
                        last10 >= 0.9 * best && h2.voters() >= 2_000_000);
            }
        } else if (setting("SURGE_H2", "on").equals("off")) {
            say(String.format(Locale.ROOT, "  %-46s %-34s %s", "H2 runs and kill -9", "SURGE_H2=off", "SKIPPED"));
        } else {
            target("H2 main run", "broke", false);
        }
        if (crash != null) {
            Reckoning r = crash.reckoning();
            boolean ok = r.lost() == 0 && r.countedTwice() == 0 && crash.lookups().lost == 0 && crash.exitCode() == 137
                    && r.acknowledged() > 0;
            target("kill -9: 0 lost, 0 counted twice", String.format(Locale.ROOT, "acked %,d, lost %,d, twice %,d",
                    r.acknowledged(), r.lost() + crash.lookups().lost, r.countedTwice()), ok);
        } else if (!setting("SURGE_H2", "on").equals("off")) {
            target("kill -9: 0 lost, 0 counted twice", "broke", false);
        }
        if (pg == null) {
            target("PostgreSQL ballots/s >= 10,000", "broke", false);
        } else if (pg.skipped() != null) {
            say(String.format(Locale.ROOT, "  %-46s %-34s %s", "PostgreSQL ballots/s >= 10,000", pg.skipped(),
                    "SKIPPED"));
        } else {
            double ballots = pg.load().ballots().okRate();
            target("PostgreSQL ballots/s >= 10,000", String.format(Locale.ROOT, "%,.0f", ballots), ballots >= 10_000);
            target("PostgreSQL ballots >= 1.2 x its commit ceiling", String.format(Locale.ROOT, "%.2f x",
                    ballots / pg.commits().perSecond()), ballots >= 1.2 * pg.commits().perSecond());
        }
        long passed = targets.stream().filter(t -> t[2].equals("PASS")).count();
        say("%d of %d targets met%s", passed, targets.size(),
                lostOrTwice ? "; SOMETHING ACKNOWLEDGED WAS LOST OR COUNTED TWICE (exit 1)"
                        : broke ? "; a run broke (exit 2)" : "");
    }

    private void target(String what, String measured, boolean met) {
        String result = met ? "PASS" : "FAIL";
        targets.add(new String[] {what, measured, result});
        say(String.format(Locale.ROOT, "  %-46s %-34s %s", what, measured, result));
    }

    // ---------------------------------------------------------------- helpers

    private Server started(Server server) {
        running.add(server);
        return server;
    }

    private void killLeftovers() {
        for (Server server : running) {
            server.close();
        }
        running.clear();
    }

    private String setting(String name, String fallback) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(setting(name, Integer.toString(fallback)));
    }

    private static double generatorCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String ms(long micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }

    private static String mb(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.1f GB memory",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: unknown.
        }
        return "memory unknown";
    }

    /** CPU seconds the whole machine was busy since boot (/proc/stat: user, nice, system, irq, softirq, steal), NaN when unknown. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder.
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
