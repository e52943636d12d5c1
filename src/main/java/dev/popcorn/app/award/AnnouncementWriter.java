package dev.popcorn.app.award;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the winner announcement: its Markdown text and the winner card, and the members'
 * photos as PNG for where it goes. Every value from users or teams comes out literal: it can
 * neither format the text nor mention anyone.
 */
public interface AnnouncementWriter {

    /**
     * The announcement's words in every configured language, each with its marker line
     * ({@link dev.popcorn.domain.award.AnnouncementText#marker}) where the result goes: what a lead edits.
     */
    String words(AwardFacts facts);

    /** The result in Markdown per configured language (winners, votes, every candidate, ballots set aside). */
    Map<String, String> results(AwardFacts facts);

    /** The configured languages, each of which needs its marker in the words. */
    List<String> languages();

    /** The winner card as a PNG image. */
    byte[] card(AwardFacts facts);

    /** A member's photo as PNG, for uploading it where the announcement goes; empty when it cannot be had. */
    Optional<byte[]> photo(String url);
}
