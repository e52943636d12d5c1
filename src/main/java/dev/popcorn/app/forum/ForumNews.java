package dev.popcorn.app.forum;

import java.time.LocalDateTime;
import java.util.List;

/** What the forum threads say, as facts; the {@link ThreadWriter} turns them into text. */
public final class ForumNews {

    private ForumNews() {
    }

    /** A feature of the release: its title (and the one Chinese readers read, the same where there is none), ticket and team. */
    public record Feature(String title, String titleZh, String ticket, String team) {
    }

    /** The week's release thread: what is new, where to report, when the poll opens and closes (local times). */
    public record Release(String version, List<Feature> features, String reportUrl, LocalDateTime reportsClose,
            String pollUrl, LocalDateTime pollOpens, LocalDateTime pollCloses) {
        public Release {
            features = List.copyOf(features);
        }
    }

    /** A candidate of the poll thread (its title and pitch in English and for Chinese readers), with the link to vote for it. */
    public record Candidate(String title, String titleZh, String team, String pitch, String pitchZh, String url) {
    }

    /** The poll thread: open until {@code closes}, or closed and waiting for the review. */
    public record Poll(String version, boolean open, LocalDateTime closes, List<Candidate> candidates, String pollUrl) {
        public Poll {
            candidates = List.copyOf(candidates);
        }
    }

    /** A wish that was done: the private follow-up to the users who wanted it. */
    public record WishDone(String wish, String ticket, String shipsIn, String wishUrl) {
    }
}
