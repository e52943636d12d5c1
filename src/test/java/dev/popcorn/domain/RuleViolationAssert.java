package dev.popcorn.domain;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * AssertJ for broken rules: {@code assertThatViolation(() -> poll.close(now)).is(CLOSED, "poll.close.notOpen")}.
 * Fails when the call returns normally or throws anything but a {@link RuleViolation}.
 */
public final class RuleViolationAssert extends AbstractObjectAssert<RuleViolationAssert, RuleViolation> {

    private RuleViolationAssert(RuleViolation actual) {
        super(actual, RuleViolationAssert.class);
    }

    /** The violation {@code call} throws. */
    public static RuleViolationAssert assertThatViolation(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown == null) {
            throw new AssertionError("Expected a broken rule, but the call succeeded");
        }
        if (!(thrown instanceof RuleViolation violation)) {
            throw new AssertionError("Expected a broken rule, but got " + thrown, thrown);
        }
        return new RuleViolationAssert(violation);
    }

    /** Checks the kind of rule and its message key. */
    public RuleViolationAssert is(RuleViolation.Kind kind, String code) {
        isNotNull();
        if (actual.kind() != kind || !actual.code().equals(code)) {
            failWithMessage("Expected the rule <%s %s> to be broken, but <%s %s> was (%s)", kind, code, actual.kind(),
                    actual.code(), actual.args());
        }
        return this;
    }

    /** Checks the arguments the message is written with (what a person reads). */
    public RuleViolationAssert withArgs(Object... args) {
        isNotNull();
        if (!actual.args().equals(List.of(args))) {
            failWithMessage("Expected <%s> to carry %s, but it carries %s", actual.code(), List.of(args),
                    actual.args());
        }
        return this;
    }
}
