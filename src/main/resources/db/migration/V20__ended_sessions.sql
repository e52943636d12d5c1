-- Sessions their holder signed out of (the pass issued to user_id at issued_at): refused until they would have
-- expired anyway, on every instance. A session pass is otherwise good for security.session-days (issue 26).
CREATE TABLE ended_sessions (
    user_id   VARCHAR(120) NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, issued_at)
);
CREATE INDEX ended_sessions_by_time ON ended_sessions (ended_at);
