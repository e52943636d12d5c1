-- Leaderboards (issue 16): users per release week, per month and all time, and teams.
--
-- A week or a month is a slice of the ledger by time: this index holds every column the board
-- sums, so the database reads only the slice, never the rows themselves.
CREATE INDEX participation_events_by_time ON participation_events (at, user_id, points, revoked_at);

-- All time would read the whole ledger; instead each user's all-time points are kept in one row,
-- written in the same transaction as every grant and every revocation (JdbcParticipation), so the
-- all-time board reads one row per user. Backfilled here from the ledger as it stands.
CREATE TABLE participation_totals (
    user_id VARCHAR(120) PRIMARY KEY,
    points  BIGINT NOT NULL
);
INSERT INTO participation_totals (user_id, points)
    SELECT user_id, SUM(points) FROM participation_events WHERE revoked_at IS NULL GROUP BY user_id;
CREATE INDEX participation_totals_by_points ON participation_totals (points, user_id);

-- The team board counts the ballots of the polls that closed in a period.
CREATE INDEX polls_by_close ON polls (closes_at);
