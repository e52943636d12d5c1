package dev.popcorn.app.award;

import java.util.Optional;

/**
 * Writes the winner announcement: its Markdown text and the winner card, and the members'
 * photos as PNG for where it goes. Every value from users or teams comes out literal: it can
 * neither format the text nor mention anyone.
 */
public interface AnnouncementWriter {

    /** The announcement's Markdown text, in every configured language. */
    String text(AwardFacts facts);

    /** The winner card as a PNG image. */
    byte[] card(AwardFacts facts);

    /** A member's photo as PNG, for uploading it where the announcement goes; empty when it cannot be had. */
    Optional<byte[]> photo(String url);
}
