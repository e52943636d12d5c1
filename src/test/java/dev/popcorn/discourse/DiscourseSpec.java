package dev.popcorn.discourse;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Discourse's own OpenAPI document (src/test/resources/vendor): the fake forum's answers are
 * built from its response schemas ({@link #sample}, every required field, then the values a test
 * cares about), and every request and answer is checked against it ({@link #validator}).
 */
final class DiscourseSpec {

    static final Path SPEC = Path.of("src", "test", "resources", "vendor", "discourse.openapi.json");

    private static JsonObject document;
    private static OpenApiInteractionValidator validator;

    private DiscourseSpec() {
    }

    static synchronized JsonObject document() {
        if (document == null) {
            try {
                document = JsonParser.parseString(Files.readString(SPEC, StandardCharsets.UTF_8)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException("Discourse's OpenAPI document is missing at " + SPEC.toAbsolutePath(),
                        e);
            }
        }
        return document;
    }

    /**
     * The validator, over a copy of the document in OpenAPI 3.0 terms: the validator reads 3.0,
     * and with the 3.1 type lists it would check required fields only, not types or unknown fields.
     */
    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            JsonObject copy = document().deepCopy();
            copy.addProperty("openapi", "3.0.3");
            toOpenApi30(copy);
            Path file = Path.of("target", "discourse.openapi.3.0.json");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, copy.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            validator = OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            // Requests carry Api-Key and Api-Username; the document declares them on some operations only.
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return validator;
    }

    private static void toOpenApi30(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject o = element.getAsJsonObject();
            JsonElement type = o.get("type");
            if (type != null && type.isJsonArray() && type.getAsJsonArray().size() > 0
                    && type.getAsJsonArray().get(0).isJsonPrimitive()) {
                String single = null;
                boolean nullable = false;
                for (JsonElement t : type.getAsJsonArray()) {
                    if ("null".equals(t.getAsString())) {
                        nullable = true;
                    } else if (single == null) {
                        single = t.getAsString();
                    }
                }
                o.addProperty("type", single);
                if (nullable) {
                    o.addProperty("nullable", true);
                }
            }
            if (o.has("type") && o.get("type").isJsonPrimitive() && "array".equals(o.get("type").getAsString())
                    && !o.has("items")) {
                o.add("items", new JsonObject());
            }
            for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
                toOpenApi30(entry.getValue());
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(DiscourseSpec::toOpenApi30);
        }
    }

    /** An answer of {@code method path} with {@code status}: every required field from the schema, then {@code values}. */
    static JsonObject sample(String method, String path, int status, JsonObject values) {
        JsonObject schema = document().getAsJsonObject("paths").getAsJsonObject(path)
                .getAsJsonObject(method.toLowerCase())
                .getAsJsonObject("responses").getAsJsonObject(String.valueOf(status)).getAsJsonObject("content")
                .getAsJsonObject("application/json").getAsJsonObject("schema");
        JsonObject sample = generate(schema).getAsJsonObject();
        merge(sample, values);
        return sample;
    }

    /** An object of {@code schema}: every required field, then {@code values}. */
    static JsonObject generate(JsonObject schema, JsonObject values) {
        JsonObject sample = generate(schema).getAsJsonObject();
        merge(sample, values);
        return sample;
    }

    private static JsonElement generate(JsonObject schema) {
        List<String> types = new ArrayList<>();
        JsonElement type = schema.get("type");
        if (type != null && type.isJsonArray()) {
            type.getAsJsonArray().forEach(t -> types.add(t.getAsString()));
        } else if (type != null) {
            types.add(type.getAsString());
        }
        if (types.contains("null") || types.isEmpty() && !schema.has("properties")) {
            return JsonNull.INSTANCE;
        }
        String first = types.isEmpty() ? "object" : types.get(0);
        switch (first) {
            case "object" : {
                JsonObject object = new JsonObject();
                JsonArray required = schema.has("required") ? schema.getAsJsonArray("required") : new JsonArray();
                JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties")
                        : new JsonObject();
                for (JsonElement name : required) {
                    JsonObject property = properties.getAsJsonObject(name.getAsString());
                    object.add(name.getAsString(), property == null ? JsonNull.INSTANCE : generate(property));
                }
                return object;
            }
            case "array" :
                return new JsonArray();
            case "integer" :
                return new JsonPrimitive(1);
            case "number" :
                return new JsonPrimitive(1.0);
            case "boolean" :
                return new JsonPrimitive(false);
            default :
                if (schema.has("enum")) {
                    return schema.getAsJsonArray("enum").get(0);
                }
                return new JsonPrimitive(
                        "date-time".equals(schema.has("format") ? schema.get("format").getAsString() : "")
                                ? "2026-11-20T10:00:00.000Z" : "x");
        }
    }

    private static void merge(JsonObject into, JsonObject values) {
        for (Map.Entry<String, JsonElement> entry : values.entrySet()) {
            JsonElement existing = into.get(entry.getKey());
            if (existing != null && existing.isJsonObject() && entry.getValue().isJsonObject()) {
                merge(existing.getAsJsonObject(), entry.getValue().getAsJsonObject());
            } else {
                into.add(entry.getKey(), entry.getValue());
            }
        }
    }
}
