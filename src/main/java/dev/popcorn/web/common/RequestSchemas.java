package dev.popcorn.web.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.popcorn.domain.RuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies checked against the API's own document ({@code openapi.json}, the one served at
 * {@code /api/openapi.json}): what the document promises is what is enforced. A body is read as
 * strict JSON (no comments, no single quotes, no repeated names), then checked against its
 * operation's schema; the first thing wrong is refused in words of our own that name the field,
 * never the library's.
 */
public final class RequestSchemas {

    private static final String DOCUMENT = "openapi.json";
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final RequestSchemas SERVED = load();

    private final Map<String, Schema> byOperation;

    private RequestSchemas(Map<String, Schema> byOperation) {
        this.byOperation = byOperation;
    }

    /** The schemas of the served document. */
    public static RequestSchemas served() {
        return SERVED;
    }

    /** The operations ({@code "PUT /api/v1/teams/{slug}"}) whose JSON body has a schema. */
    public java.util.Set<String> operations() {
        return byOperation.keySet();
    }

    /**
     * Reads {@code body} as strict JSON and checks it against the schema of {@code method}
     * {@code path} (the route's path as documented), if the document gives one.
     */
    public JsonNode check(String method, String path, String body) {
        JsonNode tree = parse(body);
        Schema schema = byOperation.get(method.toUpperCase(Locale.ROOT) + " " + path);
        if (schema != null) {
            List<Error> errors = schema.validate(tree);
            if (!errors.isEmpty()) {
                throw refusal(errors.stream().min(Comparator.comparing(RequestSchemas::rank)).orElseThrow());
            }
        }
        return tree;
    }

    /** Strict JSON, or a 400 saying where it stops being JSON. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.empty");
        }
        try {
            JsonNode tree = STRICT.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.malformedAt",
                    at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
        }
    }

    /** Shape before content: a wrong type or a missing field is told before a limit. */
    private static int rank(Error error) {
        return switch (error.getKeyword()) {
            case "type" -> 0;
            case "required" -> 1;
            default -> 2;
        };
    }

    private static RuleViolation refusal(Error error) {
        String where = field(error);
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        JsonNode schema = keywordValue(error);
        return switch (error.getKeyword()) {
            case "type" -> new RuleViolation(RuleViolation.Kind.MALFORMED, typeCode(schema), where);
            case "required" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.required", where);
            case "maxLength" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.maxLength", where,
                    limit(schema));
            case "minLength" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.minLength", where,
                    limit(schema));
            case "maxItems" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.maxItems", where,
                    limit(schema));
            case "minItems" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.minItems", where,
                    limit(schema));
            case "maximum" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.maximum", where,
                    limit(schema));
            case "minimum" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.minimum", where,
                    limit(schema));
            case "enum" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.enum", where,
                    schema != null && schema.isArray() ? join(schema) : "");
            case "additionalProperties" -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.unknown",
                    where + (args.length > 0 ? "." + args[0] : ""));
            default -> new RuleViolation(RuleViolation.Kind.INVALID, "request.field.form", where);
        };
    }

    private static String typeCode(JsonNode type) {
        return switch (type != null && type.isTextual() ? type.asText() : "") {
            case "string" -> "request.field.type.string";
            case "integer" -> "request.field.type.integer";
            case "number" -> "request.field.type.number";
            case "boolean" -> "request.field.type.boolean";
            case "array" -> "request.field.type.array";
            case "object" -> "request.field.type.object";
            default -> "request.field.type.other";
        };
    }

    /** The field in the body's terms: {@code members[2].photoUrl}, or empty for the body itself. */
    private static String field(Error error) {
        StringBuilder path = new StringBuilder();
        var location = error.getInstanceLocation();
        for (int i = 0; location != null && i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path.append(path.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    /** The value the broken keyword has in the schema ({@code 5} for {@code maxItems: 5}). */
    private static JsonNode keywordValue(Error error) {
        JsonNode node = error.getSchemaNode();
        return node != null && node.isObject() && node.has(error.getKeyword()) ? node.get(error.getKeyword()) : node;
    }

    private static long limit(JsonNode value) {
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    private static String join(JsonNode values) {
        StringBuilder text = new StringBuilder();
        values.forEach(v -> text.append(text.length() == 0 ? "" : ", ").append(v.asText()));
        return text.toString();
    }

    private static RequestSchemas load() {
        JsonNode document;
        try (InputStream in = RequestSchemas.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            document = STRICT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30());
        Map<String, Schema> schemas = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                Optional.ofNullable(
                        op.getValue().path("requestBody").path("content").path("application/json").get("schema"))
                        .ifPresent(schema -> schemas.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                registry.getSchema(SchemaLocation.of("classpath:" + DOCUMENT + "#/paths/"
                                        + pointer(path.getKey()) + "/" + op.getKey()
                                        + "/requestBody/content/application~1json/schema"))));
            }
        }
        return new RequestSchemas(Map.copyOf(schemas));
    }

    private static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
