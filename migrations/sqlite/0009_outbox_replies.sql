-- Every message goes through the outbox: replies as well as reminders, each written in
-- the same transaction as the state it follows, so a kill after the commit still
-- delivers it. A message with a chart or files becomes several rows (the photo, the
-- text, each document), each sent and retried on its own: a text never waits for its
-- picture.
ALTER TABLE outbox ADD COLUMN part TEXT NOT NULL DEFAULT 'text';  -- text | photo | document | redraw
ALTER TABLE outbox ADD COLUMN file_name TEXT;                     -- photo, document
ALTER TABLE outbox ADD COLUMN file BLOB;                          -- photo, document
ALTER TABLE outbox ADD COLUMN redraw_message INTEGER;             -- redraw: the message replaced
-- A delivery loop claims a row before sending it, so two loops (or a reply and the loop)
-- never send one row twice. A claim runs out, so a row claimed by a process that died is
-- sent by the next one.
ALTER TABLE outbox ADD COLUMN claimed_by INTEGER;
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;              -- Unix seconds
CREATE INDEX outbox_by_person ON outbox (user_id, id);
