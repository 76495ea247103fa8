-- The days a person trains on (the session reminder comes only then; a break counts
-- missed training days): bit 0 = Monday … bit 6 = Sunday, like work_days. NULL for
-- people who joined before the question was asked: every day, as before.
ALTER TABLE people ADD COLUMN training_days INTEGER;
