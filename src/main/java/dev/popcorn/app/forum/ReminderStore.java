package dev.popcorn.app.forum;

import java.time.Instant;
import java.util.List;

/**
 * What each fan asked of Popcorn's private messages on the forum (issue 28): whether to be reminded before the
 * week's reports close, and the language they chose it in, which the messages are written in. A fan who never chose
 * gets no reminders and messages in both languages.
 */
public interface ReminderStore {

    /** A fan's choice: reminders on or off, and the language they chose it in ({@code en}, {@code zh-CN}; empty: unknown). */
    record Choice(boolean remind, String language) {

        /** A fan who never chose: no reminders, no known language. */
        public static final Choice NONE = new Choice(false, "");

        public Choice {
            language = language == null ? "" : language;
        }
    }

    /** The fan's choice, {@link Choice#NONE} when they never made one. */
    Choice choice(String userId);

    /** Keeps the fan's choice, made at {@code at}, in place of any earlier one (the last reminder is remembered). */
    void choose(String userId, boolean remind, String language, Instant at);

    /**
     * Up to {@code limit} fans, by id, who asked for reminders, have a forum user name, have not reported on
     * {@code releaseId}, and were not reminded of {@code deadline} or a later one.
     */
    List<String> due(long releaseId, Instant deadline, int limit);

    /**
     * Records that the fan is reminded of {@code deadline}, unless they were reminded of it or a later one already, or
     * no longer ask for reminders: true if this call did, so that of two planners only one files the reminder.
     */
    boolean remind(String userId, Instant deadline);
}
