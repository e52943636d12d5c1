-- Users who follow a wish from its page without backing it: told when it ships, as its supporters are, but
-- earning nothing and not counted among its supporters.
CREATE TABLE wish_followers (
    wish_id     BIGINT NOT NULL REFERENCES wishes (id),
    user_id     VARCHAR(120) NOT NULL,
    followed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (wish_id, user_id)
);
