package dev.popcorn.app.backup;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A backup of the whole database taken while the server runs (issue 29): only the server may read an embedded
 * database it holds, so the CLI asks it for one over the API.
 */
public interface Backups {

    /** Writes a consistent snapshot of every table, in the backup file's format, onto {@code out}. */
    void writeTo(OutputStream out) throws IOException;
}
