-- Issue 15, the Jira side. What Popcorn last wrote onto each ticket, per write (a remote link by its
-- globalId, the feedback property, the labels, the closing comment): a fingerprint of the request,
-- so that a refresh with nothing changed sends nothing. A lead's forced refresh forgets them.
CREATE TABLE ticket_writes (
    ticket_key  VARCHAR(30) NOT NULL,
    write_name  VARCHAR(300) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_key, write_name)
);

-- Patient retries: a wait the other side asked for (429 or 503 with Retry-After) is counted in
-- waits, not in attempts, and bounded by the time since the first try of this round of attempts.
ALTER TABLE outbox ADD COLUMN waits INT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN first_try_at TIMESTAMP WITH TIME ZONE;
-- What a person can do about a failed write (a message code, such as the permission to grant).
ALTER TABLE outbox ADD COLUMN advice VARCHAR(100) NOT NULL DEFAULT '';
