package dev.popcorn.web.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.popcorn.domain.RuleViolation;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;

/** JSON in and out of the API (Gson); instants as ISO-8601 strings, malformed bodies refused. */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapterFactory(new NoNullItems())
            .disableHtmlEscaping()
            .setStrictness(com.google.gson.Strictness.STRICT)
            .create();

    private Json() {
    }

    /**
     * Reads the body as {@code type}: strict JSON that satisfies the route's schema in the API
     * document (types, required fields, lengths, item counts), and no {@code null} inside a list
     * (no list in the API has a place for one); a refusal names what is wrong and where.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        String body = strictBody(ctx);
        T value;
        try {
            value = GSON.fromJson(body, type);
        } catch (JsonParseException e) {
            // The schema let through what the record cannot hold: said without Gson's words.
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.shape");
        }
        if (value == null) {
            throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.empty");
        }
        return value;
    }

    /** The body, once it is known to be strict JSON that satisfies the route's schema (webhooks read it themselves). */
    public static String strictBody(Context ctx) {
        String body = ctx.body();
        RequestSchemas.served().check(ctx.method().name(), ctx.endpointHandlerPath(), body);
        return body;
    }

    /** Lists are read by Gson's own adapter, then refused when they hold a {@code null}, naming the item. */
    private static final class NoNullItems implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (!Collection.class.isAssignableFrom(type.getRawType())) {
                return null;
            }
            TypeAdapter<T> lists = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    lists.write(out, value);
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    String path = in.getPath();
                    T value = lists.read(in);
                    if (value instanceof Collection<?> items && items.contains(null)) {
                        int index = new ArrayList<>(items).indexOf(null);
                        throw new RuleViolation(RuleViolation.Kind.MALFORMED, "request.json.nullItem",
                                path.replaceFirst("^\\$\\.?", "") + "[" + index + "]");
                    }
                    return value;
                }
            };
        }
    }

    public static void write(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json; charset=utf-8");
        if (status >= 300) {
            // A problem stays the context's result: the error mappers look at what was said.
            ctx.result(GSON.toJson(value));
            return;
        }
        // Written at once, with its length: a result would be copied through a buffer of 8 KB made for each answer,
        // a third of what a surge's requests allocate.
        byte[] bytes = GSON.toJson(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.outputStream().write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
