package dev.popcorn.app;

/**
 * Turns the facts of an award into the two things people see: the announcement text, from the
 * team's editable templates, and the winner card picture.
 */
public interface AnnouncementWriter {

    /** The announcement in Markdown, every user text escaped, in the configured languages. */
    String text(AwardFacts facts);

    /** The winner card, a PNG. */
    byte[] card(AwardFacts facts);
}
