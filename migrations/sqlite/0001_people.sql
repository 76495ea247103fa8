-- People who agreed to be coached. Nothing is stored about anyone before consent.
CREATE TABLE people (
    user_id      INTEGER PRIMARY KEY,          -- Telegram user id = private chat id
    lang         TEXT    NOT NULL,             -- language code of the texts, e.g. 'en'
    consented_at TEXT    NOT NULL,             -- RFC 3339, UTC
    zone         TEXT,                         -- 'Europe/Berlin' or 'UTC+05:45'; NULL until set
    dialog       TEXT    NOT NULL,             -- JSON of core::Dialog: the open question
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
) STRICT;
