-- Passes with a purpose (ADR 0011): what decides, on every instance, whether a user's passes
-- still hold, and the forum sign-ins that were finished (not the ones merely started).

-- Passes issued at or before this instant are refused ("sign out everywhere", a lead's revocation);
-- NULL while the user never revoked. Whether the user is a lead now: a lead pass is honoured only
-- while this says so (refreshed at each forum sign-in, by the forum's webhooks and by the lead check).
ALTER TABLE users ADD COLUMN passes_valid_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN is_lead BOOLEAN DEFAULT FALSE NOT NULL;

-- Starting a sign-in writes nothing any more (the nonce is signed and bound to a browser cookie);
-- a nonce the forum answered is remembered until it expires, so that it works once.
DROP TABLE sign_in_nonces;
CREATE TABLE used_sign_in_nonces (
    nonce_hash VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_sign_in_nonces_by_expiry ON used_sign_in_nonces (expires_at);
