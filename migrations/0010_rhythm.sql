-- Reminders that fit real lives (issue 12): no fixed working hours, movement breaks
-- turned off.
ALTER TABLE people ADD COLUMN work_none  INTEGER NOT NULL DEFAULT 0;  -- 1: no fixed hours
ALTER TABLE people ADD COLUMN breaks_off INTEGER NOT NULL DEFAULT 0;  -- 1: /breaks off
-- The Telegram message id of the latest movement break sent with its buttons: before the
-- next break goes out, the shell takes those buttons away (edits, never deletes).
ALTER TABLE people ADD COLUMN break_message INTEGER;
