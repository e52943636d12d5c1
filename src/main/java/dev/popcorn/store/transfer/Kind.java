package dev.popcorn.store.transfer;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * What a column holds, as both databases can be told apart by their metadata, and the one text each value is written
 * as: in a backup file, in a checksum and on its way from one database to the other. H2 and PostgreSQL name and
 * report their types differently (PostgreSQL says TIMESTAMP and BIT where H2 says TIMESTAMP WITH TIME ZONE and
 * BOOLEAN); the text is the same for the same value on both, so their checksums can be compared.
 */
enum Kind {
    TEXT {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            return rs.getString(i);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setString(i, text);
        }
    },
    WHOLE {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            long value = rs.getLong(i);
            return rs.wasNull() ? null : Long.toString(value);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setLong(i, Long.parseLong(text));
        }
    },
    DECIMAL {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            BigDecimal value = rs.getBigDecimal(i);
            // 1.50 on one side and 1.5 on the other are one value.
            return value == null ? null : value.stripTrailingZeros().toPlainString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBigDecimal(i, new BigDecimal(text));
        }
    },
    FLOATING {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            double value = rs.getDouble(i);
            return rs.wasNull() ? null : Double.toString(value);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setDouble(i, Double.parseDouble(text));
        }
    },
    BOOLEAN {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            boolean value = rs.getBoolean(i);
            return rs.wasNull() ? null : Boolean.toString(value);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBoolean(i, Boolean.parseBoolean(text));
        }
    },
    /** A timestamp with time zone: the instant, in UTC, whatever zone either database keeps it in. */
    INSTANT {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
            return value == null ? null : value.toInstant().toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, Instant.parse(text).atOffset(ZoneOffset.UTC));
        }
    },
    LOCAL_TIMESTAMP {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            LocalDateTime value = rs.getObject(i, LocalDateTime.class);
            return value == null ? null : value.toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, LocalDateTime.parse(text));
        }
    },
    DATE {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            LocalDate value = rs.getObject(i, LocalDate.class);
            return value == null ? null : value.toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, LocalDate.parse(text));
        }
    },
    BYTES {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            byte[] value = rs.getBytes(i);
            return value == null ? null : Base64.getEncoder().encodeToString(value);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBytes(i, Base64.getDecoder().decode(text));
        }
    };

    /** The column's value in the current row as its one text, or null. */
    abstract String read(ResultSet rs, int i) throws SQLException;

    /** Binds a value given as its text (not null). */
    abstract void bind(PreparedStatement ps, int i, String text) throws SQLException;

    static Kind of(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> WHOLE;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> FLOATING;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
            // PostgreSQL's driver reports timestamptz as TIMESTAMP; its name tells them apart.
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? INSTANT : LOCAL_TIMESTAMP;
            case Types.DATE -> DATE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            default -> TEXT;
        };
    }
}
