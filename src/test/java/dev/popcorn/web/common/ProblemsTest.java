package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.app.DeliveryFailure;
import org.junit.jupiter.api.Test;

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
}
