package dev.popcorn.web.json;

import dev.popcorn.app.Check;
import dev.popcorn.app.outbox.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The tracker connection as a lead sees it: which tracker, the outbox's counts and the tasks in trouble. */
public record TrackerJson(String tracker, boolean enabled, Map<OutboxStore.State, Long> outbox, List<Task> troubles) {

    /** A write that is failing or failed. */
    public record Task(String kind, String ref, String state, int attempts, Instant dueAt, String error) {
        public static Task of(OutboxStore.Task t) {
            return new Task(t.kind(), t.ref(), t.state().name(), t.attempts(), t.dueAt(), t.lastError());
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

    /** How many failed writes were sent back to be tried again. */
    public record Retried(int retried) {
    }
}
