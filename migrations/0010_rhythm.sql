-- Reminders that fit real lives (issue 12): no fixed working hours, movement breaks
-- turned off.
ALTER TABLE people ADD COLUMN work_none  INTEGER NOT NULL DEFAULT 0;  -- 1: no fixed hours
ALTER TABLE people ADD COLUMN breaks_off INTEGER NOT NULL DEFAULT 0;  -- 1: /breaks off
