-- Telegram updates already handled: one delivered twice (after a crash, or by a retry)
-- records nothing twice. Pruned after a few days by the nightly maintenance.
CREATE TABLE handled_updates (
    update_id  INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL     -- Unix seconds
) STRICT;
