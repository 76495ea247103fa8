-- The number of the question a person was last asked: it goes up whenever the open
-- dialog changes, and every inline button carries it, so that a button answers only the
-- question it was sent with. 0 for rows from before: their buttons carry no number and
-- are refused politely, with the open question asked again.
ALTER TABLE people ADD COLUMN asked INTEGER NOT NULL DEFAULT 0;
