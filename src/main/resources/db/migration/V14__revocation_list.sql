-- Every instance reads the passes revoked lately ("sign out everywhere") once a second, instead of asking
-- for each request's user (ADR 0020): an index on when, which holds only the users who ever revoked.
CREATE INDEX users_by_revocation ON users (passes_valid_after);
