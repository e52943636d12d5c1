package dev.popcorn.store.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes one table's rows, given as their texts in the table's column order, in JDBC batches each committed on its
 * own: a run stopped half-way leaves whole batches behind, which a second run with {@code ifAbsent} passes over.
 */
final class TableWriter implements AutoCloseable {

    private final Connection connection;
    private final Table table;
    private final PreparedStatement insert;
    private final int batch;
    private int pending;

    TableWriter(Connection connection, Engine engine, Table table, boolean ifAbsent, int batch) throws SQLException {
        this.connection = connection;
        this.table = table;
        this.batch = batch;
        this.insert = connection
                .prepareStatement(ifAbsent && !table.primaryKey().isEmpty() ? engine.insertIfAbsent(table)
                        : engine.insert(table));
    }

    /** Adds a row; returns true when that made a batch, which is then committed. */
    boolean add(List<String> row) throws SQLException {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            String value = row.get(i);
            if (value == null) {
                insert.setNull(i + 1, columns.get(i).sqlType());
            } else {
                columns.get(i).kind().bind(insert, i + 1, value);
            }
        }
        insert.addBatch();
        if (++pending >= batch) {
            flush();
            return true;
        }
        return false;
    }

    /** Commits what is pending; returns how many rows that was. */
    int flush() throws SQLException {
        int rows = pending;
        if (pending > 0) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
