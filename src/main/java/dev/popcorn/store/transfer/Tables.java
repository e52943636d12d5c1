package dev.popcorn.store.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a table's rows as texts, their checksums, and setting identities past what was copied. */
final class Tables {

    private Tables() {
    }

    /** Every row of the table, in primary-key order, as the texts of its values. */
    static void eachRow(Connection connection, Table table, RowHandler handler) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(table.selectAll())) {
            select.setFetchSize(1000); // PostgreSQL reads with a cursor (inside a transaction) rather than all at once
            try (ResultSet rs = select.executeQuery()) {
                List<Column> columns = table.columns();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(columns.get(i).kind().read(rs, i + 1));
                    }
                    handler.row(row);
                }
            }
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(List<String> row) throws SQLException;
    }

    /** The count and checksum of each table, read as they are now. */
    static Map<String, Checksum> checksums(Connection connection, List<Table> tables) throws SQLException {
        Map<String, Checksum> sums = new LinkedHashMap<>();
        for (Table table : tables) {
            Checksum sum = new Checksum();
            eachRow(connection, table, sum::add);
            sums.put(table.key(), sum);
        }
        return sums;
    }

    /** Every identity column made to hand out numbers above the highest one copied in, as a new row would need. */
    static void numberPastCopied(Connection connection, Engine engine, List<Table> tables) throws SQLException {
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (column.identity() && column.kind() == Kind.WHOLE) {
                    long max;
                    try (Statement sql = connection.createStatement();
                            ResultSet rs = sql
                                    .executeQuery("SELECT COALESCE(MAX(" + Table.quote(column.name()) + "), 0) FROM "
                                            + table.quotedName())) {
                        rs.next();
                        max = rs.getLong(1);
                    }
                    engine.numberPast(connection, table, column, max);
                }
            }
        }
        connection.commit();
    }

    /** The two databases' tables paired by name; refused when they differ in tables or columns. */
    static Map<Table, Table> paired(List<Table> from, List<Table> to, String fromName, String toName) {
        Map<String, Table> byKey = new LinkedHashMap<>();
        to.forEach(t -> byKey.put(t.key(), t));
        Map<Table, Table> pairs = new LinkedHashMap<>();
        for (Table table : from) {
            Table other = byKey.remove(table.key());
            if (other == null) {
                throw new Refused(toName + " has no table " + table.key() + " that " + fromName + " has",
                        Refused.REFUSED);
            }
            if (!other.columnKeys().equals(table.columnKeys())) {
                throw new Refused(
                        "the table " + table.key() + " has the columns " + table.columnKeys() + " in " + fromName
                                + " but " + other.columnKeys() + " in " + toName,
                        Refused.REFUSED);
            }
            pairs.put(table, other);
        }
        if (!byKey.isEmpty()) {
            throw new Refused(toName + " has tables " + fromName + " has not: " + byKey.keySet(), Refused.REFUSED);
        }
        return pairs;
    }
}
