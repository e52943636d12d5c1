package dev.popcorn.store.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.stream.Collectors;

/** What H2 and PostgreSQL do differently when a community's rows are copied: inserting, numbering, snapshots. */
enum Engine {
    H2 {
        @Override
        String insertIfAbsent(Table table) {
            // Keyed by the primary key: a row already there is written again with the same values, which changes nothing.
            return "MERGE INTO " + table.quotedName() + " (" + table.columnList() + ") KEY ("
                    + table.primaryKey().stream().map(Table::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                    + marks(table) + ")";
        }

        @Override
        void numberPast(Connection connection, Table table, Column column, long max) throws SQLException {
            try (Statement sql = connection.createStatement()) {
                sql.execute("ALTER TABLE " + table.quotedName() + " ALTER COLUMN " + Table.quote(column.name())
                        + " RESTART WITH " + (max + 1));
            }
        }

        @Override
        void beginSnapshot(Connection connection) throws SQLException {
            // H2's SNAPSHOT level reads every table as it was when the transaction began (READ COMMITTED, its
            // default, would read each table as it is when it is reached, and a backup under load would not add up).
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
            connection.setAutoCommit(false);
        }

        @Override
        long otherSessions(Connection connection) throws SQLException {
            try (Statement sql = connection.createStatement();
                    ResultSet rs = sql.executeQuery(
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    },
    POSTGRESQL {
        @Override
        String insertIfAbsent(Table table) {
            return insert(table) + " ON CONFLICT DO NOTHING";
        }

        @Override
        void numberPast(Connection connection, Table table, Column column, long max) throws SQLException {
            try (PreparedStatement sql = connection
                    .prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, ?)")) {
                sql.setString(1, Table.quote(table.name()));
                sql.setString(2, column.name());
                sql.setLong(3, Math.max(max, 1));
                sql.setBoolean(4, max > 0);
                sql.execute();
            }
        }

        @Override
        void beginSnapshot(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
        }

        @Override
        long otherSessions(Connection connection) {
            // Servers on PostgreSQL are not seen from here: other schemas and databases share the server's sessions.
            return 0;
        }
    };

    /** An insert of one row that leaves a row already there (by its primary key) as it is. */
    abstract String insertIfAbsent(Table table);

    /** Sets the identity of {@code column} so that the next row gets a number above {@code max} (0: none yet). */
    abstract void numberPast(Connection connection, Table table, Column column, long max) throws SQLException;

    /** Starts a read-only transaction that sees the whole database as it was at one moment. */
    abstract void beginSnapshot(Connection connection) throws SQLException;

    /** How many other sessions use the database: a server that writes to it. */
    abstract long otherSessions(Connection connection) throws SQLException;

    String insert(Table table) {
        return "INSERT INTO " + table.quotedName() + " (" + table.columnList() + ") VALUES (" + marks(table) + ")";
    }

    static String marks(Table table) {
        return String.join(", ", Collections.nCopies(table.columns().size(), "?"));
    }

    static Engine of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.toLowerCase(java.util.Locale.ROOT).contains("h2") ? H2 : POSTGRESQL;
    }

    static Engine of(String url) {
        return url.startsWith("jdbc:h2:") ? H2 : POSTGRESQL;
    }
}
