# hipcoach: leaving a question, the settings list, the week in review, in English.

cmd-cancel = leave the open question, nothing changed

cancel = Cancel
cancelled = All right, nothing changed.
nothing-to-cancel = There's no open question to cancel.
cancel-first-intake = I can't cancel these first questions: there's nothing to go back to yet. Once we're through, you can change any answer in /settings.
cancel-not-here = This one can't be cancelled. Answer it, or use its buttons.

## Settings

setting-line =
    { $setting ->
        [breaks] Movement breaks
        [quiet] Quiet hours
        [morning] Morning check-in
       *[pause] Reminders paused
    }
setting-saved-value =
    { $field ->
        [timezone] Time zone
        [age] Age
        [activities] Activities
        [sitting] Sitting per day
        [working_hours] Working hours
        [lunch] Lunch break
        [drill_time] Drill time
        [training_days] Training days
        [pain_sites] Where it hurts
        [usual_pain] Usual pain
        [equipment] Equipment
        [language] Language
        [red_flags] Safety check
       *[assessment] Last test
    } saved: { $value }
ask-setting =
    { $setting ->
        [breaks] How many minutes between movement breaks? Send a number from 30 to 120, like 45.
        [quiet] When should I stay quiet? Send a time span like 22:00-07:00, or “off”.
        [morning] When should I ask how you feel the morning after a session? Send a time like 07:30.
       *[pause] How long should I pause reminders? Send 2h, today, 3d, until friday or until 2026-12-01; “off” turns them back on.
    }
every-minutes = every { $minutes } minutes
setting-off = off
at-start-of-work = at the start of work
until-date = until { $until }
not-paused = not paused
