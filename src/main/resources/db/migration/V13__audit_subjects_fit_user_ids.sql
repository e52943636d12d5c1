-- An audit entry's subject names a user ("user:<id>", "report:<release>/<user>/<ticket>"), and a user
-- id may have 120 characters: the subject holds what it names (issue 16's security read).
ALTER TABLE audit_log ALTER COLUMN subject SET DATA TYPE VARCHAR(200);
