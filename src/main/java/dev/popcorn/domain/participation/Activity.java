package dev.popcorn.domain.participation;

/**
 * What a user did over the rolling window of releases a level looks at: the points they earned
 * (revoked grants not counted), the real reports they handed in, and the releases they took part in
 * (a real report, a ballot, or a wish).
 */
public record Activity(long points, int reports, int releases) {

    public Activity {
        if (points < 0 || reports < 0 || releases < 0) {
            throw new IllegalArgumentException("activity cannot be negative");
        }
    }

    public static Activity none() {
        return new Activity(0, 0, 0);
    }
}
