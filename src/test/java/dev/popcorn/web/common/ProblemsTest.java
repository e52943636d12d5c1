package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.DeliveryFailure;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ProblemsTest {

    @Test
    void aFailureBehindPopcornIsToldWithoutAddressesOrClassNames() {
        DeliveryFailure failure = new DeliveryFailure("POST /rest/api/3/search/jql: cannot reach Jira at"
                + " https://jira.corp.internal:8443 (java.net.ConnectException: Connection refused)", true, null, null);
        Problems.Problem problem = Problems.of(failure);
        assertThat(problem.status()).isEqualTo(502);
        String said = String.valueOf(problem.args().get(0));
        assertThat(said).contains("cannot reach Jira").contains("Connection refused")
                .doesNotContain("jira.corp.internal").doesNotContain("java.net").doesNotContain("https://");
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedNotAFailure() {
        RuntimeException failure = new RuntimeException("insert failed",
                new java.sql.SQLException("Value too long for column \"SUMMARY_ZH CHARACTER VARYING(255)\"", "22001"));
        Problems.Problem problem = Problems.of(failure);
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.code()).isEqualTo("request.valueTooLong");
    }

    @Test
    void aFailureWhileAnsweringAProblemEndsInOnePlainServerErrorAndNeverComesBack() {
        // The page's session cannot be read (any unexpected failure): the error page would read it again.
        Map<String, Object> attributes = new HashMap<>();
        int[] sessionReads = {0};
        Context ctx = Mockito.mock(Context.class, invocation -> {
            String name = invocation.getMethod().getName();
            Object[] args = invocation.getArguments();
            if (name.equals("attribute") && args.length == 2) {
                attributes.put((String) args[0], args[1]);
                return null;
            }
            if (name.equals("attribute")) {
                return attributes.get((String) args[0]);
            }
            if (name.equals("cookie")) {
                sessionReads[0]++;
                throw new IllegalStateException("the session store is gone");
            }
            if (name.equals("path")) {
                return "/me";
            }
            return Context.class.isAssignableFrom(invocation.getMethod().getReturnType()) ? invocation.getMock() : null;
        });
        Problems problems = new Problems(new Chrome(null, new Templates(java.time.ZoneOffset.UTC), false,
                (user, locale) -> java.util.List.of()));

        problems.handle(new IllegalStateException("the session store is gone"), ctx);

        Mockito.verify(ctx, Mockito.atLeastOnce()).status(500);
        Mockito.verify(ctx, Mockito.times(1)).result("500 Internal Server Error\n");
        assertThat(sessionReads[0]).as("the failing read is tried once, not in a loop").isEqualTo(1);
    }
}
