package dev.popcorn.jenkins;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.popcorn.app.release.NoticeReader;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.release.BuildNotice;
import dev.popcorn.domain.release.BuildRef;
import dev.popcorn.domain.release.TestSummary;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Jenkins sends: the Notification plugin's JSON, read into a {@link BuildNotice}. The job is
 * named as Jenkins' {@code JOB_NAME} names it (folders included); anything that is not a usable
 * notice is refused with a {@code jenkins.malformed} violation saying what is missing.
 */
public final class NotificationJson implements NoticeReader {

    /** Reads the Notification plugin's JSON; anything else is refused, saying what is wrong. */
    @Override
    public BuildNotice read(String text) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw malformed("the body is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw malformed("the body is not JSON");
        }
        JsonObject build = object(root, "build").orElseThrow(() -> malformed("no build object"));
        String name = string(root, "name").orElseThrow(() -> malformed("no job name"));
        String job = string(root, "url").map(NotificationJson::fullName).filter(n -> !n.isEmpty()).orElse(name);
        int number;
        try {
            number = build.has("number") ? build.get("number").getAsInt() : 0;
        } catch (RuntimeException e) {
            number = 0;
        }
        if (number < 1) {
            throw malformed("build.number is not a build number");
        }
        String phase = string(build, "phase").orElseThrow(() -> malformed("no build.phase"));
        Map<String, String> parameters = new LinkedHashMap<>();
        object(build, "parameters").ifPresent(p -> p.entrySet().forEach(e -> {
            if (e.getValue().isJsonPrimitive()) {
                parameters.put(e.getKey(), e.getValue().getAsString());
            }
        }));
        Optional<TestSummary> tests = object(build, "test_summary").map(t -> {
            try {
                return TestSummary.of(t.get("total").getAsInt(), t.has("failed") ? t.get("failed").getAsInt() : 0,
                        t.has("skipped") ? t.get("skipped").getAsInt() : 0);
            } catch (RuntimeException e) {
                throw malformed("build.test_summary has no counts");
            }
        });
        BuildRef ref;
        try {
            ref = new BuildRef(job, number, string(build, "full_url").orElse(""));
        } catch (RuleViolation e) {
            throw malformed("the job name or build URL is not usable: " + e.getMessage());
        }
        return new BuildNotice(ref, phase, string(build, "status").orElse(""),
                object(build, "scm").flatMap(scm -> string(scm, "branch")).orElse(""), parameters,
                string(build, "notes").orElse(""), tests);
    }

    /** {@code job/mobile/job/release/} is the job {@code mobile/release}, as Jenkins' JOB_NAME says. */
    private static String fullName(String url) {
        List<String> parts = List.of(url.split("/"));
        StringBuilder name = new StringBuilder();
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            if (!parts.get(i).equals("job")) {
                return "";
            }
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(URLDecoder.decode(parts.get(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return name.toString();
    }

    private static Optional<JsonObject> object(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank()
                ? Optional.of(value.getAsString().strip()) : Optional.empty();
    }

    private static RuleViolation malformed(String what) {
        return new RuleViolation(RuleViolation.Kind.MALFORMED, "jenkins.malformed", what);
    }
}
