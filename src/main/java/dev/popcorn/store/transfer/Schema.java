package dev.popcorn.store.transfer;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A database's tables, read from its JDBC metadata rather than from a list kept by hand, so a table a later
 * migration adds is moved and backed up without anyone remembering to; in the order their foreign keys need
 * (a table after every table it refers to). Flyway's history is left out: each database keeps its own.
 */
final class Schema {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Schema() {
    }

    static List<Table> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Map<String, Table> byKey = new TreeMap<>();
        Map<String, Set<String>> refersTo = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, escape(meta, schema), "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                if (("TABLE".equals(type) || "BASE TABLE".equals(type))
                        && !rs.getString("TABLE_NAME").equalsIgnoreCase(FLYWAY_HISTORY)) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        for (String name : names) {
            Table table = new Table(name, columns(meta, catalog, schema, name),
                    primaryKey(meta, catalog, schema, name));
            byKey.put(table.key(), table);
            Set<String> parents = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!parent.equals(table.key())) {
                        parents.add(parent);
                    }
                }
            }
            refersTo.put(table.key(), parents);
        }
        return inDependencyOrder(byKey, refersTo);
    }

    /** Kahn's order: a table once every table it refers to is placed; by name among those ready at once. */
    static List<Table> inDependencyOrder(Map<String, Table> byKey, Map<String, Set<String>> refersTo) {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (ordered.size() < byKey.size()) {
            String next = null;
            for (String key : byKey.keySet()) {
                if (!placed.contains(key)
                        && placed.containsAll(refersTo.get(key).stream().filter(byKey::containsKey).toList())) {
                    next = key;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("the tables' foreign keys go round in a circle: "
                        + byKey.keySet().stream().filter(k -> !placed.contains(k)).toList());
            }
            placed.add(next);
            ordered.add(byKey.get(next));
        }
        return ordered;
    }

    private static List<Column> columns(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, escape(meta, schema), escape(meta, table), "%")) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                int type = rs.getInt("DATA_TYPE");
                columns.add(new Column(rs.getString("COLUMN_NAME"), type, Kind.of(type, rs.getString("TYPE_NAME")),
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        columns.sort(Comparator.comparing(Column::key));
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(key.values());
    }

    /** Names are patterns to getTables and getColumns: an underscore in one matches any character. */
    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The schema version Flyway recorded last ({@code null} for a database it never migrated). */
    static String version(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT \"version\" FROM \"" + FLYWAY_HISTORY + "\" WHERE \"success\""
                        + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The tables of {@code tables} that hold rows, with how many. */
    static Map<String, Long> nonEmpty(Connection connection, List<Table> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : tables) {
            long rows = count(connection, table);
            if (rows > 0) {
                counts.put(table.key(), rows);
            }
        }
        return counts;
    }

    static long count(Connection connection, Table table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(table.count())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
