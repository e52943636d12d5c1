-- When a user's current level was reached by a promotion (null: by a demotion, a lead's lock, the forum or a lock
-- undone). The grace that keeps a level counts from a promotion only; a demotion or a lock earns none (issue 26).
ALTER TABLE user_levels ADD COLUMN promoted_at TIMESTAMP WITH TIME ZONE;
-- Rows from before: their level's change is taken for a promotion, as it was counted then (the grace ends in 14 days).
UPDATE user_levels SET promoted_at = since WHERE locked = FALSE;
