-- Every instance reads the passes revoked lately ("sign out everywhere") once a second, instead of asking
-- for each request's user (ADR 0020): an index on when, which holds only the users who ever revoked.
CREATE INDEX users_by_revocation ON users (passes_valid_after);

-- A fan's standing asks which releases they voted in; under a surge it is asked thousands of times a minute,
-- and without this the question scanned every ballot of the poll.
CREATE INDEX ballots_by_user ON ballots (user_id, poll_id);
