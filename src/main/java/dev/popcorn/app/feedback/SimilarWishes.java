package dev.popcorn.app.feedback;

import dev.popcorn.app.ReportStore;
import dev.popcorn.app.TicketStore;
import dev.popcorn.app.feedback.WishTickets.Match;
import dev.popcorn.domain.RuleViolation;
import dev.popcorn.domain.feedback.Similarity;
import dev.popcorn.domain.feedback.Ticket;
import dev.popcorn.domain.feedback.Wish;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Is it one of these?": the open wishes and tickets a new wish resembles, and the rule that goes with them — a new
 * wish that resembles some is filed only once the fan has seen them (the page shows them, the API answers them in a
 * 409 problem), so that fans back one wish instead of filing the same one in other words.
 */
public final class SimilarWishes {

    /** The most matches each new wish brings. */
    static final int PER_WISH = 5;

    private final ReportStore reports;
    private final TicketStore tickets;

    SimilarWishes(ReportStore reports, TicketStore tickets) {
        this.reports = reports;
        this.tickets = tickets;
    }

    /** Refused: the new wishes resemble these wishes or tickets, which the fan has not seen yet (nothing was written). */
    public static final class Unseen extends RuleViolation {
        private final transient List<Match> similar;

        Unseen(List<Match> similar) {
            super(Kind.CONFLICT, "report.wishes.similar", similar.size());
            this.similar = List.copyOf(similar);
        }

        /** What the new wishes resemble, each wish or ticket once. */
        public List<Match> similar() {
            return similar;
        }

        /** The API's caller gets them as the problem's {@code similar}. */
        @Override
        public java.util.Map<String, Object> details() {
            return java.util.Map.of("similar", similar);
        }
    }

    /** The wishes and open tickets most like {@code text}, best first, at most {@code limit}. */
    public List<Match> to(String text, int limit) {
        List<Match> matches = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return matches;
        }
        for (Wish wish : reports.openWishes(500)) {
            double score = Similarity.score(text, wish.text());
            if (score >= Similarity.MATCH) {
                matches.add(new Match("wish", wish.id(), wish.ticketKey(), wish.text(), wish.supporters(), score));
            }
        }
        for (Ticket ticket : tickets.open(1000)) {
            double score = Similarity.score(text, ticket.summary());
            boolean wishedAlready = matches.stream().anyMatch(m -> m.ticketKey().equals(ticket.key()));
            if (score >= Similarity.MATCH && !wishedAlready) {
                matches.add(new Match("ticket", 0, ticket.key(), ticket.summary(), 0, score));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::supporters,
                Comparator.reverseOrder()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    /** What any of these new wishes resembles: the best few of each, each wish or ticket once. */
    public List<Match> toAny(List<String> texts) {
        List<Match> matches = new ArrayList<>();
        for (String text : texts) {
            to(text, PER_WISH).stream()
                    .filter(m -> matches.stream().noneMatch(known -> known.wishId() == m.wishId()
                            && known.ticketKey().equals(m.ticketKey())))
                    .forEach(matches::add);
        }
        return matches;
    }

    /**
     * Refuses wishes about to be filed ({@code filing}) that resemble wishes or tickets, unless the fan saw what these
     * very wishes resemble ({@code seenFor}: the wishes they were shown for, as the report reads them).
     */
    void check(List<String> filing, List<String> seenFor) {
        if (filing.isEmpty() || seenFor.containsAll(filing)) {
            return;
        }
        List<Match> matches = toAny(filing);
        if (!matches.isEmpty()) {
            throw new Unseen(matches);
        }
    }
}
