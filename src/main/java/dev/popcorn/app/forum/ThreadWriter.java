package dev.popcorn.app.forum;

/**
 * Writes the forum's threads from their facts: the week's release thread, the poll thread and the
 * follow-up to a wish that was done. Every value from users or teams comes out literal: it can
 * neither format the text nor mention anyone.
 */
public interface ThreadWriter {

    String releaseThread(ForumNews.Release news);

    String pollThread(ForumNews.Poll news);

    String wishDone(ForumNews.WishDone news);
}
