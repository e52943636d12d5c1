package dev.popcorn.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.popcorn.TestServer;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls Popcorn's API over real HTTP and checks every request and answer against the OpenAPI
 * document the server itself serves, so the document cannot drift from the code.
 */
final class ApiClient {

    private final TestServer server;
    private final OpenApiInteractionValidator validator;
    final Set<String> exercised = new TreeSet<>();

    ApiClient(TestServer server) {
        this.server = server;
        String spec = server.send("GET", "/api/openapi.json", null, null).body();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
    }

    /** Sends a request the document describes, checks both sides, and returns the JSON answer. */
    JsonElement call(String method, String path, String template, String bearer, String json, int expectedStatus) {
        HttpResponse<String> response = server.send(method, path, bearer, json);
        assertThat(response.statusCode()).as(method + " " + path + " answered " + response.body())
                .isEqualTo(expectedStatus);
        String[] pathAndQuery = path.split("\\?", 2);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, pathAndQuery[0]);
        if (pathAndQuery.length == 2) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(nameAndValue[0],
                        java.net.URLDecoder.decode(nameAndValue.length == 2 ? nameAndValue[1] : "",
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (bearer != null) {
            request.withAuthorization("Bearer " + bearer);
        }
        if (json != null) {
            request.withContentType("application/json").withBody(json);
        }
        SimpleResponse answer = SimpleResponse.Builder.status(response.statusCode())
                .withContentType(response.headers().firstValue("Content-Type").orElse(""))
                .withBody(response.body())
                .build();
        ValidationReport report = expectedStatus < 400
                ? validator.validate(request.build(), answer)
                : validator.validateResponse(pathAndQuery[0], Request.Method.valueOf(method), answer);
        assertThat(report.getMessages()).as(method + " " + path + " against openapi.json").isEmpty();
        exercised.add(method + " " + template);
        return response.body().isEmpty() ? null : JsonParser.parseString(response.body());
    }
}
