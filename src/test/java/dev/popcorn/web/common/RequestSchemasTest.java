package dev.popcorn.web.common;

import static dev.popcorn.domain.RuleViolationAssert.assertThatViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.popcorn.domain.RuleViolation.Kind;
import org.junit.jupiter.api.Test;

/** Bodies are checked against the served API document: the attacks the fuzzer found, one by one. */
class RequestSchemasTest {

    private final RequestSchemas schemas = RequestSchemas.served();

    @Test
    void everyOperationWithAJsonBodyHasItsSchema() {
        assertThat(schemas.operations()).contains("POST /api/v1/releases", "PUT /api/v1/teams/{slug}",
                "PUT /api/v1/releases/{id}/report", "POST /api/v1/hooks/jira", "POST /api/v1/hooks/jenkins");
    }

    @Test
    void onlyStrictJsonIsRead() {
        for (String lenient : new String[] {"{'webhookEvent': 'x'}", "{\"webhookEvent\": \"x\" /* c */}",
                "{\"webhookEvent\": \"x\",}", "{\"webhookEvent\": \"a\", \"webhookEvent\": \"b\"}", "{webhookEvent: 1}",
                "{\"webhookEvent\": \"x\"} {\"webhookEvent\": \"y\"}"}) {
            assertThatViolation(() -> schemas.check("POST", "/api/v1/hooks/jira", lenient)).as(lenient)
                    .is(Kind.MALFORMED, "request.json.malformedAt");
        }
        assertThatViolation(() -> schemas.check("POST", "/api/v1/hooks/jira", " ")).is(Kind.MALFORMED,
                "request.json.empty");
        assertThatViolation(() -> schemas.check("POST", "/api/v1/hooks/jira", "{\n  \"a\": tru }"))
                .is(Kind.MALFORMED, "request.json.malformedAt").withArgs(2, 8);
    }

    @Test
    void typesAreAsDocumented() {
        assertThatViolation(
                () -> schemas.check("POST", "/api/v1/releases", "{\"version\": \"1\", \"dryRun\": \"yes\"}"))
                .is(Kind.MALFORMED, "request.field.type.boolean").withArgs("dryRun");
        assertThatViolation(() -> schemas.check("POST", "/api/v1/releases", "{\"version\": 12}"))
                .is(Kind.MALFORMED, "request.field.type.string").withArgs("version");
        assertThatViolation(() -> schemas.check("PUT", "/api/v1/releases/{id}/report", "{\"wishes\": [1, null]}"))
                .is(Kind.MALFORMED, "request.field.type.integer").withArgs("wishes[1]");
        assertThatViolation(() -> schemas.check("PUT", "/api/v1/teams/{slug}", "[]"))
                .is(Kind.MALFORMED, "request.field.type.object").withArgs("(body)");
    }

    @Test
    void requiredFieldsAndLimitsAreAsDocumented() {
        assertThatViolation(() -> schemas.check("PUT", "/api/v1/teams/{slug}",
                "{\"name\": \"Camera\", \"members\": [{\"name\": \"Lin\"}]}"))
                .is(Kind.INVALID, "request.field.required").withArgs("members[0].photoUrl");
        String many = "\"wish\", ".repeat(6) + "\"wish\"";
        assertThatViolation(
                () -> schemas.check("PUT", "/api/v1/releases/{id}/report", "{\"newWishes\": [" + many + "]}"))
                .is(Kind.INVALID, "request.field.maxItems").withArgs("newWishes", 5L);
        assertThatViolation(() -> schemas.check("PUT", "/api/v1/teams/{slug}",
                "{\"name\": \"Camera\", \"members\": [{\"name\": \"Lin\", \"photoUrl\": \"" + "x".repeat(60_000)
                        + "\"}]}"))
                .is(Kind.INVALID, "request.field.maxLength").withArgs("members[0].photoUrl", 500L);
        assertThatViolation(() -> schemas.check("PUT", "/api/v1/releases/{id}/report",
                "{\"verdicts\": [{\"feature\": \"MIUI-1\", \"verdict\": \"MEH\"}]}"))
                .is(Kind.INVALID, "request.field.enum").withArgs("verdicts[0].verdict", "LIKE, NOT_GOOD_ENOUGH");
        assertThatCode(() -> schemas.check("PUT", "/api/v1/teams/{slug}",
                "{\"name\": \"Camera\", \"members\": [{\"name\": \"Lin\", \"photoUrl\": \"\", \"userId\": \"lin\"}]}"))
                .doesNotThrowAnyException();
    }

    @Test
    void theMessagesNameTheFieldInBothLanguages() {
        assertThat(Messages.text(Messages.ENGLISH, "error.request.field.maxItems", "newWishes", 5L))
                .isEqualTo("\"newWishes\" may have at most 5 items.");
        assertThat(Messages.text(Messages.ENGLISH, "error.request.field.maxLength", "name", 1L))
                .isEqualTo("\"name\" may have at most 1 character.");
        assertThat(Messages.text(Messages.CHINESE, "error.request.field.maxItems", "newWishes", 5L))
                .isEqualTo("“newWishes”最多 5 项。");
        assertThat(Messages.text(Messages.ENGLISH, "error.request.json.malformedAt", 1200, 3))
                .endsWith("line 1200, column 3.");
    }
}
