package dev.popcorn.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.popcorn.domain.AuditEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditTextTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Function<Instant, String> WHEN = instant -> "<" + instant + ">";

    private static String detail(AuditEntry entry, Locale locale) {
        return AuditText.detail(entry, locale, WHEN);
    }

    @Test
    void anEntryReadsInTheReadersLanguageWithItsCountsAndTimes() {
        AuditEntry close = new AuditEntry(AT, "lead", "poll.close", "poll:12", "closed early").noted("closedEarly");
        assertThat(AuditText.action(close, Messages.CHINESE)).isEqualTo("投票截止");
        assertThat(AuditText.subject(close, Messages.CHINESE)).isEqualTo("投票 12");
        assertThat(detail(close, Messages.CHINESE)).isEqualTo("负责人提前截止");
        assertThat(AuditText.subject(close, Messages.ENGLISH)).isEqualTo("Poll 12");
        assertThat(detail(close, Messages.ENGLISH)).isEqualTo("Closed early by a lead");

        AuditEntry edited = new AuditEntry(AT, "lead", "announcement.edit", "poll:12", "1543 characters")
                .noted("announcement.characters", 1543);
        assertThat(detail(edited, Messages.ENGLISH)).isEqualTo("The lead's own text, 1,543 characters");
        assertThat(detail(edited, Messages.CHINESE)).isEqualTo("负责人自拟的文本，共 1,543 个字符");
        assertThat(detail(edited.noted("announcement.characters", 1), Messages.ENGLISH))
                .isEqualTo("The lead's own text, 1 character");

        AuditEntry opened = new AuditEntry(AT, "popcorn", "poll.open", "poll:12", "closes 2026-11-24T15:59:00Z")
                .noted("closes", Instant.parse("2026-11-24T15:59:00Z"));
        assertThat(detail(opened, Messages.CHINESE)).as("an instant as the page shows times")
                .isEqualTo("<2026-11-24T15:59:00Z> 截止");

        AuditEntry counted = new AuditEntry(AT, "popcorn", "poll.close", "poll:12", "1 ballots; leading: Night camera")
                .noted("closed.leading", 1, "Night camera");
        assertThat(detail(counted, Messages.ENGLISH))
                .isEqualTo("1 ballot; leading: Night camera; waiting for a lead's review");
        AuditEntry won = new AuditEntry(AT, "lead", "poll.approve", "poll:12", "winner: Night camera (3)")
                .noted("winners", "Night camera", 3, "夜拍相机");
        assertThat(detail(won, Messages.ENGLISH)).isEqualTo("Winner: Night camera (3 votes)");
        assertThat(detail(won, Messages.CHINESE)).as("the project by its Chinese title").isEqualTo("获奖：夜拍相机（3 票）");
        AuditEntry none = new AuditEntry(AT, "lead", "poll.approve", "poll:12", "no votes").noted("winners", "", 0, "");
        assertThat(detail(none, Messages.ENGLISH)).isEqualTo("No votes counted");
        assertThat(detail(none, Messages.CHINESE)).isEqualTo("没有计入的票");
    }

    @Test
    void anEntryWithoutANoteOrOfAnUnknownKindShowsWhatWasWritten() {
        AuditEntry old = new AuditEntry(AT, "lead", "candidate.add", "poll:3", "Night camera (camera)");
        assertThat(detail(old, Messages.CHINESE)).isEqualTo("Night camera (camera)");
        AuditEntry unknown = new AuditEntry(AT, "lead", "something.new", "thing", "as written").noted("no.such.note",
                1);
        assertThat(AuditText.action(unknown, Messages.CHINESE)).isEqualTo("something.new");
        assertThat(AuditText.subject(unknown, Messages.CHINESE)).isEqualTo("thing");
        assertThat(detail(unknown, Messages.ENGLISH)).isEqualTo("as written");
        AuditEntry odd = new AuditEntry(AT, "lead", "announcement.edit", "poll:3", "as written")
                .noted("announcement.characters", "not a number");
        assertThat(detail(odd, Messages.ENGLISH)).as("a note this text cannot format").isEqualTo("as written");
        AuditEntry braces = new AuditEntry(AT, "lead", "team.save", "team:x", "x").noted("teamSaved",
                "{0} 'it''s' {1,choice,x}", 2);
        assertThat(detail(braces, Messages.ENGLISH)).isEqualTo("{0} 'it''s' {1,choice,x}, 2 members");
    }

    @Test
    void aNoteValueCannotSplitTheStoredNote() {
        AuditEntry entry = new AuditEntry(AT, "lead", "team.save", "team:camera", "x").noted("teamSaved",
                "Cam\u001fera", 2);
        assertThat(entry.note()).containsExactly("teamSaved", "Cam era", "2");
        AuditEntry long_ = new AuditEntry(AT, "lead", "candidate.disqualify", "poll:1", "x").noted("disqualified",
                "t".repeat(120), "r".repeat(1000), "w".repeat(3000), 1, "a".repeat(900), "b".repeat(900),
                "c".repeat(900));
        assertThat(String.join(String.valueOf(AuditEntry.SEPARATOR), long_.note()))
                .hasSizeLessThanOrEqualTo(AuditEntry.NOTE_MAX);
        assertThat(long_.note().get(1)).as("a short part stays whole").hasSize(120);
    }

    /** Every action and note the code records has a text in English (and so, by MessagesTest, in Chinese). */
    @Test
    void everyActionAndNoteTheCodeRecordsHasAText() throws IOException {
        Pattern action = Pattern.compile("(?:new AuditEntry\\([^;]*?,[^;]*?,\\s*|entry\\(actor, )"
                + "(?:[\\w.() <>=!]+\\? )?\"([a-zA-Z.]+)\"(?: : \"([a-zA-Z.]+)\")?");
        Set<String> actions = new TreeSet<>();
        Set<String> notes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                collect(action.matcher(code), actions);
                Matcher noted = Pattern
                        .compile("\\.noted\\((?:[\\w.() !]+\\? )?\"([a-zA-Z.]+)\"(?: : \"([a-zA-Z.]+)\")?")
                        .matcher(code);
                collect(noted, notes);
            }
        }
        assertThat(actions).contains("poll.close", "candidate.disqualify", "release.open", "level.promote",
                "level.demote");
        assertThat(notes).contains("closedEarly", "closed.leading", "releaseOpened.build", "teamSaved");
        for (String a : actions) {
            assertThat(Messages.has("audit.action." + a)).as("a text for the action " + a).isTrue();
        }
        for (String n : notes) {
            assertThat(Messages.has("audit.note." + n)).as("a text for the note " + n).isTrue();
        }
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
            if (matcher.group(2) != null) {
                into.add(matcher.group(2));
            }
        }
    }
}
