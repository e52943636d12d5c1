package dev.popcorn.config;

import dev.popcorn.domain.WeekCalendar;
import dev.popcorn.domain.forum.ForumMirrorMap;
import dev.popcorn.domain.participation.PointsRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Popcorn's configuration: one properties file plus environment overrides
 * ({@code POPCORN_} and the key in capitals with dots and dashes as underscores, for example
 * {@code POPCORN_DB_URL}), plus command-line options on top. Every key is a {@link Key} declared beside
 * the section that reads it (the server's here, {@link JiraConfig#KEYS} and the others in their
 * records) and listed in {@link #KEYS}. Secrets that are not configured are generated once into the data folder.
 */
public record Config(
        int port, String baseUrl, List<String> trustedProxies, Path dataDir, String dbUrl, String dbUser,
        String dbPassword, int dbPoolSize,
        String installationId, byte[] secret, String adminToken, Duration linkValidity, Duration sessionValidity,
        Duration apiValidity,
        WeekCalendar calendar, long maxBodyBytes, JiraConfig jira, AwardConfig award, DiscourseConfig discourse,
        JenkinsConfig jenkins, PhotoConfig photos, PointsRules points, LevelsConfig levels, ForumMirrorMap forumMirror,
        LeaderboardConfig leaderboards, WritesConfig writes, ForumMessagesConfig forumMessages, WatchConfig watch) {

    /** The keys of the server itself: port, data, database, security, the week, requests. */
    static final List<Key> SERVER_KEYS = List.of(
            Key.of("server.port", "8080",
                    "HTTP port"),
            Key.of("server.base-url", "",
                    "public URL of Popcorn, used in links (default http://localhost:<port>)"),
            Key.of("server.installation-id", "",
                    "names this installation in everything it writes to Jira and the forum, so that two installations"
                            + " (production and staging) never touch each other's data there; the same for every instance of one"
                            + " installation; letters, digits and '-', up to 32 (generated into data.dir if absent)"),
            Key.of("server.trusted-proxies", "",
                    "addresses or CIDR ranges of the reverse proxies and balancers in front of Popcorn (comma separated,"
                            + " for example 10.0.0.0/8,::1); only a request from one of them is believed about its client"
                            + " (Forwarded or X-Forwarded-For, read from the right through trusted hops); empty: none is"),
            Key.of("data.dir", "popcorn-data",
                    "folder for the embedded database, generated secrets and demo photos"),
            Key.of("db.url", "",
                    "JDBC URL; default embedded H2 in data.dir; jdbc:postgresql://host/db for PostgreSQL"),
            Key.of("db.user", "",
                    "database user"),
            Key.secret("db.password", "",
                    "database password (secret)"),
            Key.of("db.pool-size", "8",
                    "database connections per instance"),
            Key.secret("security.secret", "",
                    "HMAC key for links and sessions, 32+ characters (secret; generated into data.dir if absent)"),
            Key.secret("security.admin-token", "",
                    "token leads sign in with and the lead's CLI sends (secret; generated into data.dir if absent)"),
            Key.of("security.link-days", "14",
                    "how long a personal sign-in link is valid"),
            Key.of("security.session-days", "30",
                    "how long a session lasts"),
            Key.of("security.api-days", "90",
                    "how long a user's API pass (from their page, or popcorn token) is valid"),
            Key.of("week.zone", "Asia/Shanghai",
                    "time zone of the weekly cycle"),
            Key.of("week.release", "FRIDAY 18:00",
                    "when the weekly build is expected"),
            Key.of("week.reports-close", "TUESDAY 23:59",
                    "reports are accepted until this moment after the release"),
            Key.of("week.poll-open", "SATURDAY 10:00",
                    "the award poll opens by itself at this moment after the"
                            + " release (at once if the release came too late for it); leads prepare candidates until then"),
            Key.of("week.poll-close", "THURSDAY 23:59",
                    "the award poll closes at this moment after the release"),
            Key.of("http.max-body-bytes", "65536",
                    "largest request body accepted"));

    /** Every key Popcorn reads, by name, in the README's order: the server's, then each section's. */
    public static final Map<String, Key> KEYS = keys();

    private static Map<String, Key> keys() {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (List<Key> section : List.of(SERVER_KEYS, AwardConfig.KEYS, PhotoConfig.KEYS, JiraConfig.KEYS,
                DiscourseConfig.KEYS, ForumMirrorConfig.KEYS, JenkinsConfig.KEYS, PointsConfig.KEYS, LevelsConfig.KEYS,
                LeaderboardConfig.KEYS, WritesConfig.KEYS, ForumMessagesConfig.KEYS, WatchConfig.KEYS)) {
            section.forEach(key -> keys.put(key.name(), key));
        }
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Loads the configuration: defaults, then {@code file} if given, then the environment, then
     * {@code overrides} (command-line options). Throws {@link ConfigException} naming the key.
     */
    public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((name, key) -> values.put(name, key.defaultValue()));
        if (file != null) {
            readFile(file).forEach(values::put);
        }
        KEYS.keySet().forEach(key -> {
            String value = env.get(envName(key));
            if (value != null) {
                values.put(key, value);
            }
        });
        overrides.forEach((key, value) -> {
            if (!KEYS.containsKey(key)) {
                throw new ConfigException("unknown configuration key '" + key + "'");
            }
            values.put(key, value);
        });
        return build(new Values(values));
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "POPCORN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.containsKey(key)) {
                throw new ConfigException("unknown configuration key '" + key + "' in " + file
                        + " (known keys: " + String.join(", ", KEYS.keySet()) + ")");
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    private static Config build(Values v) {
        int port = v.integer("server.port", 0, 65535);
        Path dataDir = Path.of(v.text("data.dir")).toAbsolutePath();
        String baseUrl = v.text("server.base-url").isEmpty() ? "http://localhost:" + port : v.text("server.base-url");
        Values.httpUrl("server.base-url", baseUrl);
        List<String> trustedProxies = v.list("server.trusted-proxies");
        for (String proxy : trustedProxies) {
            Values.addressOrRange("server.trusted-proxies", proxy);
        }
        String dbUrl = v.text("db.url").isEmpty()
                ? "jdbc:h2:file:" + dataDir.resolve("popcorn") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                : v.text("db.url");
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must start with jdbc:h2: or jdbc:postgresql:");
        }
        String installationId = v.text("server.installation-id");
        if (installationId.isEmpty()) {
            installationId = generated(dataDir, "installation-id", 6);
        } else if (!installationId.matches("[A-Za-z0-9][A-Za-z0-9-]{0,31}")) {
            throw new ConfigException("server.installation-id must be letters, digits and '-' (up to 32), not '"
                    + installationId + "'");
        }
        String secret = v.text("security.secret");
        if (secret.isEmpty()) {
            secret = generated(dataDir, "secret");
        } else if (secret.length() < 32) {
            throw new ConfigException("security.secret must have at least 32 characters");
        }
        String adminToken = v.text("security.admin-token");
        if (adminToken.isEmpty()) {
            adminToken = generated(dataDir, "admin-token");
        } else if (adminToken.length() < 16) {
            throw new ConfigException("security.admin-token must have at least 16 characters");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(v.text("week.zone"));
        } catch (DateTimeException e) {
            throw new ConfigException(
                    "week.zone is not a time zone: '" + v.text("week.zone") + "' (for example Asia/Shanghai)");
        }
        WeekCalendar calendar = new WeekCalendar(zone, v.moment("week.release"), v.moment("week.reports-close"),
                v.moment("week.poll-open"), v.moment("week.poll-close"));
        LevelsConfig levels = LevelsConfig.from(v);
        return new Config(port, Values.stripSlash(baseUrl), trustedProxies, dataDir, dbUrl, v.text("db.user"),
                v.text("db.password"),
                v.integer("db.pool-size", 1, 200), installationId, secret.getBytes(StandardCharsets.UTF_8), adminToken,
                Duration.ofDays(v.integer("security.link-days", 1, 365)),
                Duration.ofDays(v.integer("security.session-days", 1, 365)),
                Duration.ofDays(v.integer("security.api-days", 1, 365)),
                calendar, v.integer("http.max-body-bytes", 1024, 50_000_000), JiraConfig.from(v), AwardConfig.from(v),
                DiscourseConfig.from(v), JenkinsConfig.from(v), PhotoConfig.from(v), PointsConfig.from(v),
                levels, ForumMirrorConfig.from(v, levels.ladder()), LeaderboardConfig.from(v),
                WritesConfig.from(v), ForumMessagesConfig.from(v), WatchConfig.from(v));
    }

    /** Reads a secret generated earlier into the data folder, or generates it (owner-only file). */
    private static String generated(Path dataDir, String name) {
        return generated(dataDir, name, 32);
    }

    /** Reads a value generated earlier into the data folder, or generates one of {@code bytes} random bytes, in hex. */
    private static String generated(Path dataDir, String name, int bytes) {
        Path file = dataDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            privateFolder(dataDir);
            byte[] random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            String value = HexFormat.of().formatHex(random);
            // Created owner-only from its first byte: never readable by others, not even for a moment.
            if (POSIX) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, value, StandardCharsets.UTF_8);
            return value;
        } catch (IOException e) {
            throw new ConfigException("data.dir " + dataDir + " is not writable: " + e.getMessage());
        }
    }

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    /**
     * Creates the data folder owner-only (rwx------) if it does not exist, so that what goes in it (the embedded
     * database, the generated secret and admin token) is private from the start; an existing folder is left as
     * the operator made it.
     */
    public static void privateFolder(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        if (dataDir.getParent() != null) {
            Files.createDirectories(dataDir.getParent());
        }
        if (POSIX) {
            Files.createDirectory(dataDir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dataDir);
        }
    }

    public boolean secureCookies() {
        return baseUrl.startsWith("https:");
    }

    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }

    /** Never prints the secrets: the database URL without its parameters or user part, where a password may be. */
    @Override
    public String toString() {
        String db = dbUrl.split("[;?]")[0].replaceFirst("//[^/@]*@", "//");
        return "Config[port=" + port + ", baseUrl=" + baseUrl + ", installation=" + installationId + ", dataDir="
                + dataDir + ", db=" + db
                + ", zone=" + calendar.zone() + ", " + jira + ", " + award + ", " + discourse + ", " + watch + "]";
    }
}
