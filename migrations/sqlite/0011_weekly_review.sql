-- The week in review, on (1) or off (0) with /stats off, /stats on or /settings. On for
-- everyone from before.
ALTER TABLE people ADD COLUMN weekly_review INTEGER NOT NULL DEFAULT 1;
