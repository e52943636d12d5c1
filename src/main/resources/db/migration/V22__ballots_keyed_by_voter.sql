-- Issue 27: fewer B-trees a ballot writes. A first ballot wrote three keyed by the voter or the poll:
-- the primary key (poll_id, user_id), ballots_by_user (user_id, poll_id) for a fan's standing, and
-- ballots_by_candidate (poll_id, candidate_id). With the key led by the voter, the key itself answers
-- "which polls did this fan vote in" and one index goes; the lookups by poll and voter use the whole key,
-- and counting a poll goes over ballots_by_candidate as before. Rebuilt, not altered: neither database
-- moves a primary key in place, and H2 names it on its own.
CREATE TABLE ballots_by_voter (
    user_id      VARCHAR(120) NOT NULL,
    poll_id      BIGINT NOT NULL REFERENCES polls (id),
    candidate_id BIGINT NOT NULL REFERENCES candidates (id),
    cast_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    receipt      VARCHAR(20) NOT NULL,
    CONSTRAINT ballots_key PRIMARY KEY (user_id, poll_id)
);
INSERT INTO ballots_by_voter (user_id, poll_id, candidate_id, cast_at, receipt)
    SELECT user_id, poll_id, candidate_id, cast_at, receipt FROM ballots;
DROP TABLE ballots;
ALTER TABLE ballots_by_voter RENAME TO ballots;
-- The tally is a GROUP BY over this index, never a scan of the table.
CREATE INDEX ballots_by_candidate ON ballots (poll_id, candidate_id);
