package dev.popcorn.config;

import java.time.Duration;
import java.util.List;

/**
 * The private messages Popcorn sends fans on the forum (issue 28): a fan's promotion or new badge tier
 * ({@code forum.standing-messages}, off by default), and, for fans who ask for it on their page, a reminder
 * {@code forum.reminder-hours} before the week's reports close (0: no reminders are offered). Both need a forum
 * Popcorn posts to ({@code discourse.api-key}) and a fan who signed in through it.
 */
public record ForumMessagesConfig(boolean standing, Duration reminderLead) {

    /** The forum.* keys of private messages. */
    public static final List<Key> KEYS = List.of(
            Key.of("forum.standing-messages", "false",
                    "true: a fan promoted to a level or earning a new badge tier is also told in a private message on the"
                            + " forum (needs discourse.api-key; fans who signed in through the forum)"),
            Key.of("forum.reminder-hours", "24",
                    "how many hours before the week's reports close fans who asked for it on their page get a private"
                            + " message on the forum, if they have not reported (0: reminders are not offered)"));

    public static ForumMessagesConfig from(Values v) {
        return new ForumMessagesConfig(v.bool("forum.standing-messages"),
                Duration.ofHours(v.integer("forum.reminder-hours", 0, 144)));
    }

    /** Whether fans are offered reminders. */
    public boolean reminders() {
        return !reminderLead.isZero();
    }
}
