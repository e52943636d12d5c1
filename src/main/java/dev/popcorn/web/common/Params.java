package dev.popcorn.web.common;

import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Verdict;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Reading what a request names: ids in the path, required fields, verdicts; a bad value is a clear 4xx. */
public final class Params {

    private Params() {
    }

    /** The {@code {id}} of the path. */
    public static long id(Context ctx) {
        return number(ctx.pathParam("id"));
    }

    /** A path parameter that must be a number. */
    public static long id(Context ctx, String name) {
        return number(ctx.pathParam(name));
    }

    /** A number a request names; anything else is "not found", as no such thing exists. */
    public static long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw RuleViolation.notFound("request.id.invalid", String.valueOf(value));
        }
    }

    /** Refuses a missing or blank field, naming it. */
    public static <T> T require(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw RuleViolation.invalid("request.field.missing", field);
        }
        return value;
    }

    public static <T> List<T> orEmpty(List<T> values) {
        return Optional.ofNullable(values).orElse(List.of());
    }

    public static Verdict verdict(String value) {
        try {
            return Verdict.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("report.verdict.unknown", String.valueOf(value));
        }
    }
}
