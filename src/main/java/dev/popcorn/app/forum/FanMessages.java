package dev.popcorn.app.forum;

import dev.popcorn.app.ReleaseStore;
import dev.popcorn.app.ReportStore;
import dev.popcorn.app.Transactions;
import dev.popcorn.app.UserStore;
import dev.popcorn.app.outbox.OutboxStore;
import dev.popcorn.app.participation.StandingStore;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.User;
import dev.popcorn.domain.release.Release;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Private messages to one fan on the forum (issue 28), each an outbox task like every forum write (paced, retried)
 * and named on the forum by its key, so a delivery repeated after a restart or a lost answer sends nothing twice:
 * <ul>
 * <li>the news of a promotion or a new badge tier ({@code forum.standing-messages}, off by default), filed by the
 * {@link StandingMirror} in the review that writes the notice, for a fan with a forum account;</li>
 * <li>a reminder before the week's reports close ({@code forum.reminder-hours}), for the fans who asked for it on
 * their page, have a forum account and have not reported yet: at most one per fan and report deadline, so at most one
 * a week ({@link #planReminders}).</li>
 * </ul>
 * A message is written in the language the fan chose their reminders in, else in both; what it says is read when it
 * is delivered, so a fan who reported or turned reminders off meanwhile is sent nothing.
 */
public final class FanMessages {

    /** A standing notice told on the forum; ref {@code <user id>/<notice id>}. */
    public static final String NOTICE = "forum.notice";
    /** A reminder to report on a release; ref {@code <user id>/<release id>}. */
    public static final String REMINDER = "forum.reminder";

    /** How many fans one planning step reads at a time. */
    private static final int BATCH = 200;

    /** Both languages, in the order the forum's texts put them, for a fan whose language is not known. */
    private static final List<Locale> BOTH = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /** A private message: its title and its Markdown, every value in it literal. */
    public record Letter(String title, String text) {
    }

    /** Writes the messages in words, in the given languages; where the texts of pages and notices are. */
    public interface Letters {

        /** The notice in words with a link to {@code pageUrl}, or empty when it names what the ladder or badges no longer have. */
        Optional<Letter> notice(String userId, StandingStore.Notice notice, List<Locale> languages, String pageUrl);

        /** The reminder to report on {@code release} at {@code reportUrl}, saying where reminders are turned off ({@code pageUrl}). */
        Letter reminder(String userId, Release release, List<Locale> languages, String reportUrl, String pageUrl);
    }

    /** What the operator configured: standing notices told on the forum; how long before reports close fans are reminded (zero: not offered). */
    public record Settings(boolean standing, Duration reminderLead) {
    }

    /** Where the facts come from. */
    public record Stores(ReminderStore reminders, StandingStore notices, UserStore users, ReleaseStore releases,
            ReportStore reports, OutboxStore outbox, Transactions transactions) {
    }

    /** What a fan's page says of reminders: offered at all, asked for, and whether they have the forum account they need. */
    public record Reminders(boolean offered, boolean remind, boolean forumAccount, Duration lead) {

        /** How many hours before reports close the reminder comes. */
        public long leadHours() {
            return lead.toHours();
        }
    }

    private final Forum forum;
    private final Stores stores;
    private final Letters letters;
    private final Settings settings;
    private final Supplier<String> baseUrl;
    private final boolean forumSignIn;
    private final ForumKeys keys;
    private final Clock clock;

    /** {@code forumSignIn}: links pass through the forum sign-in, so the fan arrives signed in. */
    public FanMessages(Forum forum, Stores stores, Letters letters, Settings settings, Supplier<String> baseUrl,
            boolean forumSignIn, ForumKeys keys, Clock clock) {
        this.forum = forum;
        this.stores = stores;
        this.letters = letters;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.forumSignIn = forumSignIn;
        this.keys = keys;
        this.clock = clock;
    }

    /** Whether fans are offered reminders: configured, and a forum Popcorn posts to. */
    public boolean offersReminders() {
        return forum.enabled() && !settings.reminderLead().isZero();
    }

    /** The fan's reminders as their page shows them. */
    public Reminders reminders(String userId) {
        return new Reminders(offersReminders(), stores.reminders().choice(userId).remind(),
                forumUsername(userId).isPresent(),
                settings.reminderLead());
    }

    /**
     * The fan turns reminders on or off from their page, in {@code language} ({@code en}, {@code zh-CN}), which their
     * messages are written in from now on. Turning them on is refused (409) where none are offered and for a fan with
     * no forum account (the messages go there); turning them off always works.
     */
    public Reminders remind(String userId, boolean on, String language) {
        if (on && !offersReminders()) {
            throw RuleViolation.conflict("reminders.off");
        }
        if (on && forumUsername(userId).isEmpty()) {
            throw RuleViolation.conflict("reminders.forumAccount");
        }
        stores.reminders().choose(userId, on, language, clock.instant());
        return reminders(userId);
    }

    /**
     * Whether fans are reminded of {@code release} at {@code now}: its reports close within {@code lead} and have not
     * closed yet.
     */
    static boolean remindsAt(Release release, Instant now, Duration lead) {
        return !lead.isZero() && release.acceptsReportsAt(now) && !now.isBefore(release.reportsCloseAt().minus(lead))
                && !now.isBefore(release.shippedAt());
    }

    /**
     * Files a reminder for each fan due one now: the latest release's reports close within the lead time, and the fan
     * asked for reminders, has a forum account, has not reported on it and was not reminded of this deadline. Each is
     * recorded against the deadline in the transaction that files it, so instances planning at once, restarts and a
     * second release with the same deadline never remind a fan twice in a week. Answers how many were filed.
     */
    public int planReminders() {
        if (!offersReminders()) {
            return 0;
        }
        Instant now = clock.instant();
        Optional<Release> latest = stores.releases().recent(1).stream().findFirst()
                .filter(r -> remindsAt(r, now, settings.reminderLead()));
        if (latest.isEmpty()) {
            return 0;
        }
        Release release = latest.get();
        Instant deadline = release.reportsCloseAt();
        int filed = 0;
        while (true) {
            List<String> due = stores.reminders().due(release.id(), deadline, BATCH);
            int round = 0;
            for (String userId : due) {
                boolean mine = stores.transactions().inTransaction(() -> {
                    if (!stores.reminders().remind(userId, deadline)) {
                        return false;
                    }
                    stores.outbox().enqueue(REMINDER, userId + "/" + release.id(), now);
                    return true;
                });
                round += mine ? 1 : 0;
            }
            filed += round;
            if (due.size() < BATCH || round == 0) {
                return filed;
            }
        }
    }

    /** The outbox handler of {@link #NOTICE}: the notice in the fan's language, unless messages were turned off since. */
    public void deliverNotice(String ref) {
        int slash = ref.lastIndexOf('/');
        String userId = ref.substring(0, slash);
        long noticeId = Long.parseLong(ref.substring(slash + 1));
        if (!settings.standing() || !forum.enabled()) {
            return;
        }
        Optional<String> username = forumUsername(userId);
        Optional<StandingStore.Notice> notice = stores.notices().notice(userId, noticeId);
        if (username.isEmpty() || notice.isEmpty()) {
            return;
        }
        letters.notice(userId, notice.get(), languages(userId), link("/me"))
                .ifPresent(letter -> forum.tell(keys.notice(noticeId), List.of(username.get()), letter.title(),
                        letter.text()));
    }

    /**
     * The outbox handler of {@link #REMINDER}: the reminder, unless meanwhile the reports closed, the fan reported or
     * turned reminders off, or reminders are no longer offered.
     */
    public void deliverReminder(String ref) {
        int slash = ref.lastIndexOf('/');
        String userId = ref.substring(0, slash);
        long releaseId = Long.parseLong(ref.substring(slash + 1));
        if (!offersReminders()) {
            return;
        }
        Optional<Release> release = stores.releases().find(releaseId).filter(r -> r.acceptsReportsAt(clock.instant()));
        Optional<String> username = forumUsername(userId);
        if (release.isEmpty() || username.isEmpty() || !stores.reminders().choice(userId).remind()
                || stores.reports().find(releaseId, userId).isPresent()) {
            return;
        }
        Letter letter = letters.reminder(userId, release.get(), languages(userId), link("/releases/" + releaseId),
                link("/me"));
        forum.tell(keys.reminder(releaseId, userId), List.of(username.get()), letter.title(), letter.text());
    }

    /** The fan's language as they chose their reminders in, else both. */
    private List<Locale> languages(String userId) {
        return switch (stores.reminders().choice(userId).language()) {
            case "en" -> List.of(Locale.ENGLISH);
            case "zh-CN" -> List.of(Locale.SIMPLIFIED_CHINESE);
            default -> BOTH;
        };
    }

    private Optional<String> forumUsername(String userId) {
        return stores.users().find(userId).map(User::forumUsername).filter(n -> n != null && !n.isBlank());
    }

    /** A page of Popcorn; through the forum sign-in when there is one, so the reader arrives signed in. */
    private String link(String path) {
        if (!forumSignIn) {
            return baseUrl.get() + path;
        }
        return baseUrl.get() + "/signin/forum?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
