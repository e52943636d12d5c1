package dev.popcorn.app;

import java.util.List;

/**
 * The winner announcement as it goes out: the title, the text the lead approved (Markdown), the
 * winner card (PNG), the members' photos the text shows (PNG, by the address the text links
 * them with), and the public page of the results, where the card can be downloaded too.
 */
public record Announcement(long pollId, String title, String text, byte[] card, String cardUrl, String resultsUrl,
        List<Photo> photos) {

    /** A member's photo: their name, the address the text shows it by, and the image. */
    public record Photo(String name, String url, byte[] png) {
    }

    public Announcement {
        photos = List.copyOf(photos);
    }
}
