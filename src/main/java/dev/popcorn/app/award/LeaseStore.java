package dev.popcorn.app.award;

import java.time.Instant;

/**
 * Named leases in the shared database: scheduled work runs on the one instance that holds its
 * lease, and another instance takes over when a holder stops renewing it.
 */
public interface LeaseStore {

    /** Takes or renews the lease for {@code holder} until {@code until}; false while another holder's lease runs. */
    boolean acquire(String name, String holder, Instant now, Instant until);

    /** Gives the lease up (on a clean shutdown), so that another instance need not wait for it to run out. */
    void release(String name, String holder);
}
