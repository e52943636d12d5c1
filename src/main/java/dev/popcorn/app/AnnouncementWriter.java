package dev.popcorn.app;

/**
 * Writes what Popcorn announces: the winner announcement (Markdown text and the winner card)
 * and the forum's release thread, poll thread and wish follow-ups. Every value from users or
 * teams comes out literal: it can neither format the text nor mention anyone.
 */
public interface AnnouncementWriter {

    /** The announcement's Markdown text, in every configured language. */
    String text(AwardFacts facts);

    /** The winner card as a PNG image. */
    byte[] card(AwardFacts facts);

    String releaseThread(ForumNews.Release news);

    String pollThread(ForumNews.Poll news);

    String wishDone(ForumNews.WishDone news);

    /** A member's photo as PNG, for uploading it where the announcement goes; empty when it cannot be had. */
    java.util.Optional<byte[]> photo(String url);
}
