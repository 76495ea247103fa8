-- The intake's answers, one typed column each; NULL until answered.
ALTER TABLE people ADD COLUMN age           INTEGER;          -- years, when typed
ALTER TABLE people ADD COLUMN age_band      TEXT;             -- 'under20' | 'from20_to50' | 'over50'
ALTER TABLE people ADD COLUMN activities    TEXT;             -- comma-separated codes; '' = none
ALTER TABLE people ADD COLUMN sitting_hours INTEGER;
ALTER TABLE people ADD COLUMN work_days     INTEGER;          -- bit 0 = Monday … bit 6 = Sunday
ALTER TABLE people ADD COLUMN work_start    TEXT;             -- 'HH:MM' local time
ALTER TABLE people ADD COLUMN work_end      TEXT;
ALTER TABLE people ADD COLUMN lunch         TEXT;             -- 'HH:MM-HH:MM', or 'none'
ALTER TABLE people ADD COLUMN drill_time    TEXT;             -- 'HH:MM' local time
ALTER TABLE people ADD COLUMN pain_sites    TEXT;             -- comma-separated codes; '' = nowhere
ALTER TABLE people ADD COLUMN usual_pain    INTEGER;          -- 0–10
ALTER TABLE people ADD COLUMN equipment     TEXT;             -- comma-separated codes; '' = none
ALTER TABLE people ADD COLUMN red_flags     TEXT;             -- comma-separated codes; '' = none
ALTER TABLE people ADD COLUMN cleared_at    TEXT;             -- when a professional's check was reported

-- Every run of the self-tests (or the red-flag screen that stopped it): the raw answers
-- and what they meant.
CREATE TABLE assessments (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    taken_at   TEXT    NOT NULL,
    retest     INTEGER NOT NULL,     -- 0 = first assessment, 1 = re-test
    age_band   TEXT    NOT NULL,
    answers    TEXT    NOT NULL,     -- JSON: every raw answer, by test step
    left_ir    INTEGER,
    right_ir   INTEGER,
    left_er    INTEGER,
    right_er   INTEGER,
    asymmetry  INTEGER,
    track      TEXT,
    level      INTEGER,
    test_pain  INTEGER,
    red_flags  TEXT    NOT NULL,     -- comma-separated codes
    result     TEXT    NOT NULL      -- JSON of the whole derived result
) STRICT;
CREATE INDEX assessments_by_person ON assessments (user_id, taken_at);
