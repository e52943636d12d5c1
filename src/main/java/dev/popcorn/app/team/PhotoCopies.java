package dev.popcorn.app.team;

import java.util.List;

/**
 * Popcorn's own copies of members' photos, so that nothing it shows ever calls out: the
 * addresses are handed over and the call returns at once; copying happens elsewhere and later,
 * and may refuse an address. A photo with no copy is shown as the member's initial.
 */
public interface PhotoCopies {

    /** Asks for a copy of each photo that has none yet; never blocks and never throws. */
    void copy(List<String> urls);

    /** No copies: every photo not served by Popcorn itself is shown as an initial. */
    static PhotoCopies none() {
        return urls -> {};
    }
}
