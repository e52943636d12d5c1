package dev.popcorn.domain.award;

import dev.popcorn.domain.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The winner announcement as a lead edits it: their own words, with one marker line per language
 * ({@code [[result:en]]}, {@code [[result:zh-CN]]}) where the result goes. The result itself (the
 * winners, their votes, every candidate's count, the ballots set aside) is never typed: it is
 * written from the tally when the text is shown and when it is approved, so that no announcement
 * can carry numbers or a winner from before a disqualification. The words may not contradict it:
 * {@link #check} refuses words that lost a marker, carry vote counts or a table of their own, or
 * name a project that is out of the poll or did not win.
 */
public final class AnnouncementText {

    private static final Pattern MARKER = Pattern.compile("\\[\\[result:([A-Za-z-]+)]]");
    /** A count of votes, ballots, voters or a share, as either language writes one. */
    private static final Pattern COUNTS = Pattern.compile(
            "\\d[\\d,.]*\\s*(?:votes?\\b|ballots?\\b|voters?\\b|%|％|票|位|张)", Pattern.CASE_INSENSITIVE);
    /** Longest excerpt of a refused line quoted back to the lead. */
    private static final int QUOTE = 80;

    private AnnouncementText() {
    }

    /** The marker line of {@code language}: where that language's result goes. */
    public static String marker(String language) {
        return "[[result:" + language + "]]";
    }

    /** The words with every marker replaced by its language's result; a marker of no given language stays as typed. */
    public static String fill(String words, Map<String, String> results) {
        return MARKER.matcher(words).replaceAll(m -> {
            String result = results.get(m.group(1));
            return java.util.regex.Matcher.quoteReplacement(result == null ? m.group() : result.strip());
        });
    }

    /**
     * Refuses (409) words that would publish something the result does not say, the first reason found: the
     * words outside the markers may not count votes or hold a table ({@code announcement.result.numbers},
     * quoting the line), nor name a project set aside ({@code announcement.result.setAside}, then 1 when it was
     * disqualified, 0 when withdrawn) or one that did not win ({@code announcement.result.notWinner}, with the
     * winners; titles are given in English, then in Chinese); and each of {@code languages} needs its marker
     * ({@code announcement.result.missing}). Titles are matched in
     * English and Chinese, case and Markdown escapes aside.
     */
    public static void check(String words, List<String> languages, PollResult result) {
        String own = MARKER.matcher(words).replaceAll("");
        for (String line : own.split("\\R")) {
            String plain = plain(line);
            if (plain.startsWith("|") || COUNTS.matcher(plain).find()) {
                throw RuleViolation.conflict("announcement.result.numbers", quote(plain));
            }
        }
        String said = plain(own).toLowerCase(Locale.ROOT);
        for (PollResult.SetAside aside : result.setAside()) {
            for (String title : titles(aside.candidate())) {
                if (said.contains(title)) {
                    throw RuleViolation.conflict("announcement.result.setAside", aside.candidate().title(),
                            aside.candidate().titleFor(Locale.SIMPLIFIED_CHINESE),
                            aside.candidate().status() == CandidateStatus.DISQUALIFIED ? 1 : 0);
                }
            }
        }
        Set<Long> winners = new LinkedHashSet<>();
        result.winners().forEach(s -> winners.add(s.candidate().id()));
        for (Place standing : result.standings()) {
            if (winners.contains(standing.candidate().id())) {
                continue;
            }
            for (String title : titles(standing.candidate())) {
                if (said.contains(title) && !namesAWinner(said, title, result)) {
                    throw RuleViolation.conflict("announcement.result.notWinner", standing.candidate().title(),
                            winnerTitles(result, Locale.ENGLISH),
                            standing.candidate().titleFor(Locale.SIMPLIFIED_CHINESE),
                            winnerTitles(result, Locale.SIMPLIFIED_CHINESE));
                }
            }
        }
        for (String language : languages) {
            if (!words.contains(marker(language))) {
                throw RuleViolation.conflict("announcement.result.missing", marker(language));
            }
        }
    }

    private static String winnerTitles(PollResult result, Locale language) {
        return String.join(", ", result.winners().stream().map(s -> s.candidate().titleFor(language)).toList());
    }

    /** Whether {@code title} is only found inside a winner's longer title (a project named "Portrait" beside "Portrait mode"). */
    private static boolean namesAWinner(String said, String title, PollResult result) {
        String rest = said;
        for (Place winner : result.winners()) {
            for (String longer : titles(winner.candidate())) {
                if (longer.length() > title.length() && longer.contains(title)) {
                    rest = rest.replace(longer, " ");
                }
            }
        }
        return !rest.contains(title);
    }

    /** A candidate's titles as they are matched: lower case, in both languages, each at least two characters. */
    private static List<String> titles(Candidate candidate) {
        List<String> titles = new ArrayList<>();
        for (String title : new String[] {candidate.title(), candidate.titleFor(Locale.SIMPLIFIED_CHINESE)}) {
            String t = plain(title).toLowerCase(Locale.ROOT);
            if (t.codePointCount(0, t.length()) >= 2 && !titles.contains(t)) {
                titles.add(t);
            }
        }
        return titles;
    }

    /** Text without Markdown's backslash escapes, spaces run together. */
    private static String plain(String text) {
        return text.replaceAll("\\\\(\\p{Punct})", "$1").replaceAll("\\s+", " ").strip();
    }

    private static String quote(String line) {
        return line.codePointCount(0, line.length()) <= QUOTE ? line
                : line.substring(0, line.offsetByCodePoints(0, QUOTE - 1)) + "…";
    }
}
