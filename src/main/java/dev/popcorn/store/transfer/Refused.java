package dev.popcorn.store.transfer;

/**
 * A move, backup or restore that was not done, or not done right, with the line that says why and the command's exit
 * code: 1 refused (a server uses the database, the target is not empty, a check failed), 2 bad usage (a file that is
 * not a backup, a database that is not there), 3 not reachable.
 */
public class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private final int exitCode;

    public Refused(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public Refused(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Refused because a server uses the embedded database: what it holds can be had from the server instead. */
    public static final class InUse extends Refused {
        private static final long serialVersionUID = 1L;

        InUse(String message, Throwable cause) {
            super(message, REFUSED, cause);
        }
    }
}
