-- Reminders that fit real lives (issue 12): no fixed working hours, movement breaks
-- turned off.
ALTER TABLE people ADD COLUMN work_none  INTEGER NOT NULL DEFAULT 0;  -- 1: no fixed hours
ALTER TABLE people ADD COLUMN breaks_off INTEGER NOT NULL DEFAULT 0;  -- 1: /breaks off
-- The Telegram message id of the latest movement break sent with its buttons: before the
-- next break goes out, the shell takes those buttons away (edits, never deletes).
ALTER TABLE people ADD COLUMN break_message INTEGER;
-- Breaks that adapt: working days in a row with every break unanswered, the day of the
-- latest break and whether any break was answered on it, and when "shall I come less
-- often?" was last asked or answered (and whether it is open).
ALTER TABLE people ADD COLUMN ignored_days       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN break_day          TEXT;                        -- 'YYYY-MM-DD' local
ALTER TABLE people ADD COLUMN break_day_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN less_often_at      TEXT;
ALTER TABLE people ADD COLUMN less_often_open    INTEGER NOT NULL DEFAULT 0;
-- /vacation: local dates, both included, without movement breaks.
ALTER TABLE people ADD COLUMN vacation_from TEXT;                       -- 'YYYY-MM-DD'
ALTER TABLE people ADD COLUMN vacation_to   TEXT;
