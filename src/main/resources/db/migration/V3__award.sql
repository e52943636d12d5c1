-- The Popcorn Award: who may vote for their own team, when a poll's close was recorded, the
-- lead's announcement text, the frozen winners of approved polls, and the leases that let
-- exactly one instance run the scheduled work at a time.

-- The identity of a team member (the forum user name), so that nobody votes for their own team.
ALTER TABLE members ADD COLUMN user_id VARCHAR(120);
CREATE INDEX members_by_user ON members (user_id);

-- The forum's trust level of a user where the forum told us; NULL where unknown.
ALTER TABLE users ADD COLUMN trust_level INT;

-- When the close of the poll was recorded (by the schedule or a lead): the review waits from then on.
ALTER TABLE polls ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
-- The announcement as the lead edited it; empty means "rendered from the template".
ALTER TABLE polls ADD COLUMN announcement VARCHAR(20000) NOT NULL DEFAULT '';
CREATE INDEX polls_by_state ON polls (state, closes_at);

-- The winners of an approved poll, kept as they were approved: the history and the leaderboard.
CREATE TABLE awards (
    poll_id      BIGINT NOT NULL REFERENCES polls (id),
    candidate_id BIGINT NOT NULL REFERENCES candidates (id),
    team_slug    VARCHAR(40) NOT NULL REFERENCES teams (slug),
    votes        BIGINT NOT NULL,
    approved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (poll_id, candidate_id)
);
CREATE INDEX awards_by_team ON awards (team_slug, approved_at);

-- A lease per piece of scheduled work: held by one instance until it runs out.
CREATE TABLE leases (
    name         VARCHAR(60) PRIMARY KEY,
    holder       VARCHAR(80) NOT NULL,
    leased_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A delivery that was started and never finished (the instance stopped mid-way) shows here:
-- writes that must not be repeated blindly (a chat message) then wait for a person.
ALTER TABLE outbox ADD COLUMN claims INT NOT NULL DEFAULT 0;
