-- This database's own id, made the first time Popcorn needs it (one row). What Popcorn writes to Jira and the
-- forum carries it, so that a reinstall with a fresh data folder that keeps the configured installation id knows
-- another database's writes from its own and leaves them alone. A moved or restored database keeps it.
CREATE TABLE database_identity (
    singleton   INTEGER PRIMARY KEY,
    database_id VARCHAR(40) NOT NULL,
    made_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT database_identity_one_row CHECK (singleton = 1)
);
