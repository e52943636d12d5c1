package dev.popcorn.app.participation;

import dev.popcorn.domain.ParticipationEvent;

/** The participation log behind points and levels. */
public interface ParticipationStore {

    /** Records the event unless the same user, kind and ref is recorded already; true if it was new. */
    boolean record(ParticipationEvent event);

    long points(String userId);
}
