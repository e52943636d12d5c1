package dev.popcorn.domain;

import java.util.List;

/**
 * A request that breaks a rule of the weekly loop. It carries a message key (resolved in the
 * user's language by the caller) and its arguments, and never leaves anything half-changed:
 * rules are checked before anything is written.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of rule was broken, so that adapters can answer in their own terms. */
    public enum Kind {
        /** The request cannot be read at all (for example malformed JSON). */
        MALFORMED,
        /** The request is readable but breaks a rule of the loop. */
        INVALID,
        NOT_FOUND,
        /** A deadline passed or a state does not allow it any more. */
        CLOSED,
        CONFLICT,
        /** Who is asking is unknown: no identity, or a tampered, expired or wrong one. */
        UNAUTHENTICATED,
        /** Who is asking is known but may not do this. */
        FORBIDDEN,
        /** Too many requests from this identity or address; the first argument is the seconds to wait. */
        TOO_MANY,
        /** Popcorn cannot take it now (its write queue is full); the first argument is the seconds to wait. */
        BUSY
    }

    private final Kind kind;
    private final String code;
    private final List<Object> args;

    public RuleViolation(Kind kind, String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + List.of(args)));
        this.kind = kind;
        this.code = code;
        this.args = List.of(args);
    }

    public static RuleViolation invalid(String code, Object... args) {
        return new RuleViolation(Kind.INVALID, code, args);
    }

    public static RuleViolation notFound(String code, Object... args) {
        return new RuleViolation(Kind.NOT_FOUND, code, args);
    }

    public static RuleViolation closed(String code, Object... args) {
        return new RuleViolation(Kind.CLOSED, code, args);
    }

    public static RuleViolation unauthenticated(String code, Object... args) {
        return new RuleViolation(Kind.UNAUTHENTICATED, code, args);
    }

    public static RuleViolation forbidden(String code, Object... args) {
        return new RuleViolation(Kind.FORBIDDEN, code, args);
    }

    public static RuleViolation tooMany(String code, long waitSeconds) {
        return new RuleViolation(Kind.TOO_MANY, code, waitSeconds);
    }

    public static RuleViolation busy(String code, long waitSeconds) {
        return new RuleViolation(Kind.BUSY, code, waitSeconds);
    }

    public static RuleViolation conflict(String code, Object... args) {
        return new RuleViolation(Kind.CONFLICT, code, args);
    }

    /**
     * What a program may act on beyond the message, by name (none here): a refusal that lists what it found says so
     * in its own kind (an API answers them as the problem's extension members).
     */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }

    public Kind kind() {
        return kind;
    }

    /** The message key, for example {@code poll.closed}. */
    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
