package dev.popcorn.store.transfer;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A table as one database has it: its name as that database spells it, its columns in the order of their names (the
 * same order on both databases, whatever order the migrations added them in) and its primary key.
 */
record Table(String name, List<Column> columns, List<String> primaryKey) {

    /** The table's name in lower case: how a table of one database is matched with the other's. */
    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    List<String> columnKeys() {
        return columns.stream().map(Column::key).toList();
    }

    String quotedName() {
        return quote(name);
    }

    String columnList() {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    /** Every row in primary-key order, so a copy stopped half-way stopped at a place a second run passes again. */
    String selectAll() {
        String order = primaryKey.isEmpty() ? columnList()
                : primaryKey.stream().map(Table::quote).collect(Collectors.joining(", "));
        return "SELECT " + columnList() + " FROM " + quotedName() + " ORDER BY " + order;
    }

    String count() {
        return "SELECT COUNT(*) FROM " + quotedName();
    }

    /** Quoted as the database spells it: H2 keeps unquoted names in capitals, PostgreSQL in lower case. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
