-- Issue 29, item 6: a user who was forgotten (erased) keeps no row under their id, yet the passes they held must stop
-- working at once, on every instance (ADR 0030). Passes name their user and are signed, not stored, so the check needs
-- to recognise the id: it is kept only as a SHA-256 digest, with the instant passes issued until then are refused.
-- No name, no link to the anonymous id their counts moved to.
CREATE TABLE forgotten_passes (
    id_digest          VARCHAR(64) PRIMARY KEY,
    passes_valid_after TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX forgotten_passes_by_time ON forgotten_passes (passes_valid_after);
