-- Issue 28, item 3: a fan may ask to be reminded on the forum (a private message) before the week's reports close,
-- at most once a week. One row per fan who chose: whether they want reminders, the language they chose it in (the
-- language of their private messages; none: both), and the report deadline they were last reminded of, which a
-- planner moves forward with a conditional update, so that instances and restarts never remind twice for one week.
CREATE TABLE forum_reminders (
    user_id      VARCHAR(120) PRIMARY KEY,
    opted_in     BOOLEAN NOT NULL,
    lang         VARCHAR(10),
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_for TIMESTAMP WITH TIME ZONE
);
CREATE INDEX forum_reminders_opted_in ON forum_reminders (opted_in, reminded_for);
