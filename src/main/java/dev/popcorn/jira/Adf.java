package dev.popcorn.jira;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atlassian Document Format, the rich text Jira Cloud's REST v3 expects in descriptions and
 * comments: one paragraph per line, URLs as links. Text goes in as text nodes, so nothing a
 * user typed is ever read as markup.
 */
final class Adf {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private Adf() {
    }

    static JsonObject document(String text) {
        JsonObject doc = new JsonObject();
        doc.addProperty("type", "doc");
        doc.addProperty("version", 1);
        JsonArray content = new JsonArray();
        for (String line : text.split("\\R", -1)) {
            JsonObject paragraph = new JsonObject();
            paragraph.addProperty("type", "paragraph");
            JsonArray runs = new JsonArray();
            Matcher url = URL.matcher(line);
            int from = 0;
            while (url.find()) {
                addText(runs, line.substring(from, url.start()), null);
                addText(runs, url.group(), url.group());
                from = url.end();
            }
            addText(runs, line.substring(from), null);
            if (!runs.isEmpty()) {
                paragraph.add("content", runs);
            }
            content.add(paragraph);
        }
        doc.add("content", content);
        return doc;
    }

    private static void addText(JsonArray runs, String text, String href) {
        if (text.isEmpty()) {
            return;
        }
        JsonObject run = new JsonObject();
        run.addProperty("type", "text");
        run.addProperty("text", text);
        if (href != null) {
            JsonObject link = new JsonObject();
            link.addProperty("type", "link");
            JsonObject attrs = new JsonObject();
            attrs.addProperty("href", href);
            link.add("attrs", attrs);
            JsonArray marks = new JsonArray();
            marks.add(link);
            run.add("marks", marks);
        }
        runs.add(run);
    }

    /** The plain text of a document (or of a Data Center string body), for finding Popcorn's own comments. */
    static String text(JsonElement body) {
        if (body == null || body.isJsonNull()) {
            return "";
        }
        if (body.isJsonPrimitive()) {
            return body.getAsString();
        }
        StringBuilder text = new StringBuilder();
        collect(body, text);
        return text.toString();
    }

    private static void collect(JsonElement node, StringBuilder text) {
        if (node.isJsonArray()) {
            node.getAsJsonArray().forEach(child -> collect(child, text));
        } else if (node.isJsonObject()) {
            JsonObject o = node.getAsJsonObject();
            if (o.has("text") && o.get("text").isJsonPrimitive()) {
                text.append(o.get("text").getAsString());
            }
            if (o.has("content")) {
                collect(o.get("content"), text);
                text.append('\n');
            }
        }
    }
}
