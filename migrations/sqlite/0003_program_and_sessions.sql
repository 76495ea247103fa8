-- The drill program: where the person stands. NULL until an assessment without red flags.
ALTER TABLE people ADD COLUMN program_track      TEXT;     -- 'limited_internal_rotation' | 'internally_rotated_hip'
ALTER TABLE people ADD COLUMN program_phase      INTEGER;  -- 1 activation, 2 movement, 3 loaded
ALTER TABLE people ADD COLUMN program_level      INTEGER;  -- 1–3
ALTER TABLE people ADD COLUMN program_started_at TEXT;
ALTER TABLE people ADD COLUMN program_since      TEXT;     -- when the position last changed
ALTER TABLE people ADD COLUMN phase_since        TEXT;     -- when the phase began
ALTER TABLE people ADD COLUMN program_stopped_at TEXT;     -- stopped by a safety rule

-- Every drill session: the plan, how each exercise went, and the pain during it and the
-- next morning. One row per session, keyed by when it started.
CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    started_at     TEXT    NOT NULL,
    local_date     TEXT    NOT NULL,    -- 'YYYY-MM-DD' in the person's zone
    track          TEXT    NOT NULL,
    phase          INTEGER NOT NULL,
    level          INTEGER NOT NULL,
    plan           TEXT    NOT NULL,    -- JSON: exercises with their doses
    outcomes       TEXT    NOT NULL,    -- JSON: one outcome per exercise done
    stopped_early  INTEGER NOT NULL,
    completed_at   TEXT,
    pain_during    INTEGER,             -- 0–10
    pain_morning   INTEGER,             -- 0–10, the next morning
    morning_skipped INTEGER NOT NULL DEFAULT 0, -- the person chose not to give it
    UNIQUE (user_id, started_at)
) STRICT;
CREATE INDEX sessions_by_person ON sessions (user_id, started_at);

-- Every progression decision, with the rule that fired.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    decided_at TEXT    NOT NULL,
    decision   TEXT    NOT NULL,        -- advance | hold | regress | stop
    rule       TEXT    NOT NULL,
    from_step  TEXT    NOT NULL,        -- 'phase.level'
    to_step    TEXT    NOT NULL
) STRICT;
CREATE INDEX decisions_by_person ON decisions (user_id, decided_at);
