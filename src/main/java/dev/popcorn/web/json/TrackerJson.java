package dev.popcorn.web.json;

import dev.popcorn.app.Check;
import dev.popcorn.app.outbox.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The tracker connection as a lead sees it: which tracker, the outbox's counts and the tasks in trouble. */
public record TrackerJson(String tracker, boolean enabled, Map<OutboxStore.State, Long> outbox, List<Task> troubles) {

    /**
     * A write that is failing, failed or waiting because the other side asked it to: {@code waits} counts
     * those waits (they spend no attempt), {@code advice} says in the caller's language what a person
     * can do (grant a permission, say), or is absent.
     */
    public record Task(String kind, String ref, String state, int attempts, int waits, Instant dueAt, String error,
            String advice) {
        public static Task of(OutboxStore.Task t, Function<String, String> text) {
            return new Task(t.kind(), t.ref(), t.state().name(), t.attempts(), t.waits(), t.dueAt(), t.lastError(),
                    t.advice().isEmpty() ? null : text.apply(t.advice()));
        }
    }

    /** The result of a connection check, each line in the caller's language. */
    public record Checks(boolean ok, List<Line> checks) {
        public static Checks of(List<Check> checks, Function<Check, String> text) {
            return new Checks(checks.stream().allMatch(Check::ok),
                    checks.stream().map(c -> new Line(c.code(), c.ok(), text.apply(c), c.args())).toList());
        }
    }

    /** One line of a check: its message in the caller's language, and the values it is written with. */
    public record Line(String code, boolean ok, String message, List<String> args) {
    }

    /** How many write-backs a lead's full refresh filed. */
    public record Refreshed(int filed) {
    }

    /** How many failed writes were sent back to be tried again. */
    public record Retried(int retried) {
    }
}
