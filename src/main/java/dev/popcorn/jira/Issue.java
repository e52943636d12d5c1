package dev.popcorn.jira;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A Jira issue with the fields Popcorn asks for ({@link #FIELDS}), read the same way from REST v2 and v3. */
record Issue(String id, String key, String summary, String status, String statusCategory, String resolution,
        String project, List<String> components, List<String> labels, List<String> fixVersions) {

    /** The fields Popcorn requests; Cloud's search returns only {@code id} unless fields are named. */
    static final List<String> FIELDS = List.of("summary", "status", "resolution", "project", "components", "labels",
            "fixVersions");

    boolean done() {
        return "done".equals(statusCategory) || !resolution.isEmpty();
    }

    static Issue from(JsonObject json) {
        JsonObject fields = json.has("fields") && json.get("fields").isJsonObject() ? json.getAsJsonObject("fields")
                : new JsonObject();
        JsonObject status = object(fields, "status");
        return new Issue(string(json, "id"), string(json, "key"), string(fields, "summary"), string(status, "name"),
                string(object(status, "statusCategory"), "key"), string(object(fields, "resolution"), "name"),
                string(object(fields, "project"), "key"), names(fields, "components"), strings(fields, "labels"),
                names(fields, "fixVersions"));
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    private static List<String> names(JsonObject o, String name) {
        List<String> names = new ArrayList<>();
        array(o, name).forEach(e -> {
            if (e.isJsonObject()) {
                names.add(string(e.getAsJsonObject(), "name"));
            }
        });
        return names;
    }

    private static List<String> strings(JsonObject o, String name) {
        List<String> values = new ArrayList<>();
        array(o, name).forEach(e -> {
            if (e.isJsonPrimitive()) {
                values.add(e.getAsString());
            }
        });
        return values;
    }

    private static JsonArray array(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
