-- Issue 28: a badge's page lists the fans who hold each tier, the latest first; without this the question
-- scanned every badge of every user.
CREATE INDEX user_badges_by_badge ON user_badges (badge, granted_at);
