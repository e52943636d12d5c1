package dev.popcorn.store.transfer;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** The schema's migrations (Flyway), for the store that opens a database and for what moves one. */
public final class Migrations {

    private Migrations() {
    }

    /**
     * Where the schema's migrations are: the common folder, and one of each database's own for what its engine has
     * and the other must not get (db/h2/*.sql, db/postgresql/*.sql), a version in one matched in the other.
     */
    public static String[] locations(boolean h2) {
        return new String[] {"classpath:db/migration", h2 ? "classpath:db/h2" : "classpath:db/postgresql"};
    }

    private static Flyway flyway(Database database, String target) {
        var configuration = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(locations(database.engine() == Engine.H2));
        if (target != null) {
            configuration.target(MigrationVersion.fromVersion(target));
        }
        return configuration.load();
    }

    /** Brings the database to {@code target} (null: the newest this build knows). */
    static void migrate(Database database, String target) {
        flyway(database, target).migrate();
    }

    /** The newest schema version this build knows. */
    static String latest(Database database) {
        return Arrays.stream(flyway(database, null).info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(MigrationVersion::compareTo).map(MigrationVersion::getVersion)
                .orElseThrow();
    }

    /** Whether version {@code a} is older than {@code b}. */
    static boolean older(String a, String b) {
        return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)) < 0;
    }
}
