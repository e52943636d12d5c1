-- An audit entry's detail again as a message for readers of any language: the key, then its values,
-- kept apart by the unit separator (U+001F); empty for entries that have none.
ALTER TABLE audit_log ADD COLUMN note VARCHAR(4000) DEFAULT '' NOT NULL;
