package dev.popcorn.announce;

import dev.popcorn.app.AnnouncementWriter;
import dev.popcorn.app.AwardFacts;

/** The announcement writer: the text from the Markdown templates, the picture from the winner card. */
public final class Announcements implements AnnouncementWriter {

    private final MarkdownTemplates templates;
    private final WinnerCard card;

    public Announcements(MarkdownTemplates templates, WinnerCard card) {
        this.templates = templates;
        this.card = card;
    }

    @Override
    public String text(AwardFacts facts) {
        return templates.render(facts);
    }

    @Override
    public byte[] card(AwardFacts facts) {
        return card.png(facts);
    }
}
