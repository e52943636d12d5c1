package dev.popcorn.app;

/**
 * The winner announcement as it goes out: the title, the text the lead approved (Markdown), the
 * winner card (PNG) and the public page of the results, where the card can be downloaded too.
 */
public record Announcement(long pollId, String title, String text, byte[] card, String cardUrl, String resultsUrl) {
}
