-- The forum (Discourse): who a user is there, the sign-in round trips under way, and the
-- threads Popcorn keeps on the forum.

-- What the forum told about a user at sign-in or in a webhook; NULL where it never told.
ALTER TABLE users ADD COLUMN forum_username VARCHAR(60);
ALTER TABLE users ADD COLUMN avatar_url VARCHAR(500);
-- The user's forum groups, comma separated; NULL where unknown, '' for none.
ALTER TABLE users ADD COLUMN forum_groups VARCHAR(4000);
CREATE INDEX users_by_forum_username ON users (forum_username);

-- A DiscourseConnect round trip: the nonce sent to the forum, taken (deleted) when it comes back,
-- so that it can be used once; where the user goes afterwards.
CREATE TABLE sign_in_nonces (
    nonce      VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_path  VARCHAR(500) NOT NULL
);
CREATE INDEX sign_in_nonces_by_age ON sign_in_nonces (created_at);

-- Threads on the forum Popcorn created and keeps up to date (release, poll, announcement):
-- where they are, and a fingerprint of the text last posted, so an unchanged text is not re-sent.
CREATE TABLE forum_threads (
    thread_key  VARCHAR(80) PRIMARY KEY,
    topic_id    BIGINT NOT NULL,
    post_id     BIGINT NOT NULL,
    url         VARCHAR(500) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
