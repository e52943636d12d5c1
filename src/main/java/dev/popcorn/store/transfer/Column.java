package dev.popcorn.store.transfer;

import java.util.Locale;

/** A column as the database reports it; {@code key} is its name in lower case, the same on H2 and PostgreSQL. */
record Column(String name, int sqlType, Kind kind, boolean identity) {

    String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
