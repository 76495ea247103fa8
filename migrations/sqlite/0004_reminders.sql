-- Reminder settings per person.
ALTER TABLE people ADD COLUMN break_minutes  INTEGER NOT NULL DEFAULT 60;  -- 30–120
ALTER TABLE people ADD COLUMN paused_until   TEXT;                         -- nothing sent before
ALTER TABLE people ADD COLUMN quiet_from     TEXT;                         -- 'HH:MM' local
ALTER TABLE people ADD COLUMN quiet_to       TEXT;
ALTER TABLE people ADD COLUMN morning_time   TEXT;                         -- 'HH:MM' local
ALTER TABLE people ADD COLUMN active         INTEGER NOT NULL DEFAULT 1;   -- 0 after a 403
ALTER TABLE people ADD COLUMN snoozed_until  TEXT;
ALTER TABLE people ADD COLUMN breaks_after   TEXT;
ALTER TABLE people ADD COLUMN last_break     TEXT;                         -- the latest break sent
ALTER TABLE people ADD COLUMN break_answered INTEGER NOT NULL DEFAULT 0;

-- The schedule: the next reminder of each kind for each person, by due time. Rewritten
-- from the person's state after every change; the delivery loop reads the earliest.
CREATE TABLE reminders (
    user_id  INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,     -- movement_break | daily_session | morning_checkin
    due_at   INTEGER NOT NULL,     -- Unix seconds, UTC
    PRIMARY KEY (user_id, kind)
) STRICT, WITHOUT ROWID;
CREATE INDEX reminders_by_due ON reminders (due_at);

-- Messages a reminder produced, waiting to be sent. A row stays until Telegram took it
-- (or refused it for good), so a crash or a network error loses nothing.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    due_at      INTEGER NOT NULL,  -- Unix seconds
    message     TEXT    NOT NULL,  -- JSON: text and buttons, rendered
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL   -- Unix seconds: retry back-off
) STRICT;
CREATE INDEX outbox_by_time ON outbox (not_before);

-- What people answered to movement breaks (adherence).
CREATE TABLE break_answers (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    at        TEXT    NOT NULL,
    answer    TEXT    NOT NULL     -- done | snooze | meeting | skip
) STRICT;
CREATE INDEX break_answers_by_person ON break_answers (user_id, at);
