-- Members named by their forum user name (issue 15): what the forum said about each name a team
-- member carries, so recognition and the own-team voting rule find the forum account and the
-- Popcorn user behind it. One row per name (case-insensitive, as Discourse compares user names).
CREATE TABLE forum_accounts (
    name_lower     VARCHAR(120) PRIMARY KEY,
    name           VARCHAR(120) NOT NULL,
    -- LINKED: the forum has this user; MISSING: it answered that it has none; UNAVAILABLE: it could not be asked
    state          VARCHAR(12) NOT NULL,
    forum_user_id  BIGINT,
    forum_username VARCHAR(120),
    user_id        VARCHAR(120),
    problem        VARCHAR(500) NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX forum_accounts_by_user ON forum_accounts (user_id);
CREATE INDEX forum_accounts_by_forum_id ON forum_accounts (forum_user_id);
