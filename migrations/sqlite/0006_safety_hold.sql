-- The safety hold (src/core/safety.rs): one fact that every output obeys. While it
-- stands, nothing prescribes a drill. It replaces two implicit holds: red flags not yet
-- cleared, and a program stopped by the stop rule.
ALTER TABLE people ADD COLUMN hold_cause TEXT;  -- intake_red_flags | test_pain | repeated_pain | symptoms | minor
ALTER TABLE people ADD COLUMN hold_since TEXT;
ALTER TABLE people ADD COLUMN hold_flags TEXT;  -- the red flags behind it, 'a,b,c'
ALTER TABLE people ADD COLUMN hold_minor INTEGER NOT NULL DEFAULT 0; -- under 18: no check lifts it

UPDATE people SET hold_cause = 'repeated_pain', hold_since = program_stopped_at, hold_flags = ''
    WHERE program_stopped_at IS NOT NULL;
UPDATE people
    SET hold_cause = CASE WHEN red_flags LIKE '%pain_during_tests%' THEN 'test_pain'
                          ELSE 'intake_red_flags' END,
        hold_since = updated_at, hold_flags = red_flags
    WHERE hold_cause IS NULL AND cleared_at IS NULL AND red_flags IS NOT NULL AND red_flags <> '';
-- Age wins: no check lifts it, whatever else holds.
UPDATE people SET hold_cause = COALESCE(hold_cause, 'minor'), hold_minor = 1,
        hold_since = COALESCE(hold_since, updated_at), hold_flags = COALESCE(hold_flags, '')
    WHERE age IS NOT NULL AND age < 18;

ALTER TABLE people DROP COLUMN program_stopped_at;
