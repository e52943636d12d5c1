package dev.popcorn.announce;

import dev.popcorn.app.award.AwardFacts;
import dev.popcorn.domain.award.AnnouncementText;
import dev.popcorn.domain.award.Place;
import dev.popcorn.domain.award.PollResult;
import dev.popcorn.domain.team.Member;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The announcement text from the team's templates ({@code plugin-resources/templates/
 * announcement.<language>.md}, Pebble syntax): from a configured folder, which a team edits
 * without a build, or the copies packed into the jar. Every value is escaped for Markdown
 * (so a team name cannot start a heading, a link or HTML); one text per configured language,
 * separated by a rule. The same goes for the forum threads' templates ({@link #TEMPLATES}); an
 * {@code @} is followed by a zero-width space, so that no value mentions a forum user.
 */
public final class MarkdownTemplates {

    /** The winner announcement's words, with {@code {{ result }}} on a line of its own. */
    public static final String ANNOUNCEMENT = "announcement";
    /** The winner announcement's result, written from the tally into the words' {@code {{ result }}}. */
    public static final String RESULT = "announcement-result";
    /** Every template, each in {@code <name>.<language>.md}. */
    public static final List<String> TEMPLATES = List.of(ANNOUNCEMENT, RESULT, "release-thread", "poll-thread",
            "wish-done");
    /** Where a template's words hold the result. */
    private static final java.util.regex.Pattern RESULT_LINE = java.util.regex.Pattern
            .compile("(?m)^\\{\\{\\s*result\\s*}}\\s*$");

    private final PebbleEngine engine;
    private final List<String> languages;

    /** {@code folder} null: the templates packed into the jar. Every language's template must exist. */
    public MarkdownTemplates(Path folder, List<String> languages) {
        ClasspathLoader classpath = new ClasspathLoader();
        classpath.setPrefix("announcement-templates");
        Loader<?> loader = classpath;
        if (folder != null) {
            for (String language : languages) {
                Path file = folder.resolve(fileName(ANNOUNCEMENT, language));
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("no announcement template " + file);
                }
                requireResultLine(file);
            }
            FileLoader files = new FileLoader();
            files.setPrefix(folder.toAbsolutePath().toString());
            // The team's own folder first; the forum threads' templates it lacks come from the jar.
            loader = new DelegatingLoader(List.of(files, classpath));
        }
        loader.setCharset("UTF-8");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .addEscapingStrategy("markdown", MarkdownTemplates::escape)
                .defaultEscapingStrategy("markdown")
                .autoEscaping(true)
                .strictVariables(true)
                .newLineTrimming(false)
                .cacheActive(folder == null)
                .build();
        this.languages = List.copyOf(languages);
        // Fail at start-up, not at the first approval, when a template does not compile.
        for (String template : TEMPLATES) {
            languages.forEach(language -> engine.getTemplate(fileName(template, language)));
        }
    }

    /** The configured languages, in the order their texts follow each other. */
    public List<String> languages() {
        return languages;
    }

    /** The announcement's words in every language, each with its language's marker line where the result goes. */
    public String words(AwardFacts facts) {
        List<String> texts = new ArrayList<>();
        Map<String, Object> model = new LinkedHashMap<>(model(facts));
        for (String language : languages) {
            model.put("result", new SafeString(AnnouncementText.marker(language)));
            texts.add(evaluate(ANNOUNCEMENT, language, model));
        }
        return String.join("\n\n---\n\n", texts) + "\n";
    }

    /** The result of the award in each language, as the words' markers are filled with it. */
    public Map<String, String> results(AwardFacts facts) {
        Map<String, Object> model = model(facts);
        Map<String, String> results = new LinkedHashMap<>();
        for (String language : languages) {
            results.put(language, evaluate(RESULT, language, model));
        }
        return results;
    }

    /** The whole announcement as the templates write it: the words with the result in place. */
    public String render(AwardFacts facts) {
        return AnnouncementText.fill(words(facts), results(facts));
    }

    /** Renders {@code template} ({@link #TEMPLATES}) with {@code model}, in every configured language. */
    public String render(String template, Map<String, Object> model) {
        List<String> texts = new ArrayList<>();
        for (String language : languages) {
            texts.add(evaluate(template, language, model));
        }
        return String.join("\n\n---\n\n", texts) + "\n";
    }

    private String evaluate(String template, String language, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        String name = fileName(template, language);
        try {
            engine.getTemplate(name).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PebbleException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
        // Tags on lines of their own leave blank lines behind; Markdown needs at most one.
        return out.toString().replaceAll("(?m)[ \t]+$", "").replaceAll("\n{3,}", "\n\n").strip();
    }

    /**
     * Refuses a team's announcement template without {@code {{ result }}} on a line of its own (one written before
     * the result was generated): its numbers would be typed, and could go stale before approval.
     */
    private static void requireResultLine(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = source.replaceAll("(?s)\\{#.*?#}", "");
        if (!RESULT_LINE.matcher(withoutComments).find()) {
            throw new IllegalArgumentException("the announcement template " + file + " has no line {{ result }}: the"
                    + " winners, votes and table are written there from the tally (see " + RESULT + ".<language>.md"
                    + " beside the templates packed into the jar)");
        }
    }

    static String fileName(String template, String language) {
        return template + "." + language + ".md";
    }

    private static Map<String, Object> model(AwardFacts facts) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", facts.version());
        model.put("week", facts.weekOf().toString());
        model.put("shared", facts.shared());
        model.put("tieBroken", facts.result().tieBroken());
        model.put("tieRule", facts.result().rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        model.put("ballots", facts.result().ballots());
        model.put("voters", facts.result().cast());
        model.put("setAsideVotes", facts.result().setAsideVotes());
        List<Map<String, Object>> setAside = new ArrayList<>();
        for (PollResult.SetAside aside : facts.result().setAside()) {
            setAside.add(Map.of("title", aside.candidate().title(), "titleZh", zh(aside.candidate()), "team",
                    facts.teamName(aside.candidate().teamSlug()),
                    "votes", aside.votes(), "reason", aside.candidate().reason(),
                    "reasonZh", aside.candidate().reasonFor(java.util.Locale.SIMPLIFIED_CHINESE),
                    "withdrawn", aside.candidate().status() == dev.popcorn.domain.award.CandidateStatus.WITHDRAWN));
        }
        model.put("setAside", setAside);
        model.put("onlyDisqualified", facts.result().onlyDisqualified());
        model.put("resultsUrl", facts.resultsUrl());
        model.put("cardUrl", facts.cardUrl());
        List<Map<String, Object>> winners = new ArrayList<>();
        for (AwardFacts.Winner winner : facts.winners()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("team", winner.teamName());
            w.put("title", winner.title());
            w.put("titleZh", winner.titleZh());
            w.put("pitch", winner.pitch());
            w.put("pitchZh", winner.pitchZh());
            w.put("votes", winner.votes());
            w.put("percent", Math.round(winner.share() * 100));
            List<Map<String, Object>> members = new ArrayList<>();
            for (Member member : winner.members()) {
                members.add(Map.of("name", member.name(), "photo", member.photoUrl()));
            }
            w.put("members", members);
            winners.add(w);
        }
        model.put("winners", winners);
        List<Map<String, Object>> standings = new ArrayList<>();
        for (Place standing : facts.result().standings()) {
            standings.add(Map.of("rank", standing.rank(), "title", standing.candidate().title(), "titleZh",
                    zh(standing.candidate()),
                    "team", facts.teamName(standing.candidate().teamSlug()), "votes", standing.votes(),
                    "percent", Math.round(standing.share() * 100)));
        }
        model.put("standings", standings);
        return model;
    }

    private static String zh(dev.popcorn.domain.award.Candidate candidate) {
        return candidate.titleFor(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    /** Makes any text literal in Markdown ({@link dev.popcorn.domain.MarkdownLiteral}). */
    static String escape(String text) {
        return dev.popcorn.domain.MarkdownLiteral.of(text);
    }
}
