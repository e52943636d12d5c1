package dev.popcorn.app;

/**
 * The forum as the award sees it: where the approved announcement is posted, with the card and
 * the members' photos. The Discourse adapter implements it; without a forum nothing is posted
 * there and the announcement is on Popcorn's own results page.
 */
public interface Forum {

    boolean enabled();

    /**
     * Posts the announcement; throws {@link DeliveryFailure} when it could not. Called again
     * after a failure or a crash, so it must find an earlier post of the same poll rather than
     * post twice.
     */
    void announceWinners(Announcement announcement);

    static Forum none() {
        return new Forum() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public void announceWinners(Announcement announcement) {
                throw new IllegalStateException("no forum is configured");
            }
        };
    }
}
