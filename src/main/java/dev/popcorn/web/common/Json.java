package dev.popcorn.web.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;

/** JSON in and out of the API (Gson); instants as ISO-8601 strings, malformed bodies refused. */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .disableHtmlEscaping()
            .setStrictness(com.google.gson.Strictness.STRICT)
            .create();

    private Json() {
    }

    /**
     * Reads the body as {@code type}: strict JSON, and no {@code null} inside a list (no list in the
     * API has a place for one); a refusal names what is wrong and where.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        T value;
        try {
            JsonElement tree = GSON.fromJson(body, JsonElement.class);
            if (tree != null) {
                refuseNullItems(tree, "");
            }
            value = GSON.fromJson(tree, type);
        } catch (JsonParseException e) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.malformed", shorten(e.getMessage()));
        }
        if (value == null) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.empty");
        }
        return value;
    }

    private static void refuseNullItems(JsonElement element, String path) {
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isJsonNull()) {
                    throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.nullItem", path + "[" + i + "]");
                }
                refuseNullItems(array.get(i), path + "[" + i + "]");
            }
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet()
                    .forEach(e -> refuseNullItems(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        }
    }

    public static void write(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(GSON.toJson(value));
    }

    private static String shorten(String message) {
        String text = message == null ? "" : message.replaceFirst("^[\\w.]+Exception: ", "");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
