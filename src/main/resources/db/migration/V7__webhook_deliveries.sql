-- Verified webhook bodies, by sender and SHA-256, so that a replayed body is ignored (app.Replays).
CREATE TABLE webhook_deliveries (
    sender      VARCHAR(20) NOT NULL,
    digest      VARCHAR(64) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sender, digest)
);
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries (received_at);
