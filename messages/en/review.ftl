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
        [review] Week in review
       *[pause] Pause
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
        [review] Should I send you the week in review at the end of your working week? Tap “on” or “off”.
       *[pause] How long should I pause reminders? Send 2h, today, 3d, until friday or until 2026-12-01; “off” turns them back on.
    }
every-minutes = every { $minutes } minutes
setting-off = off
at-start-of-work = at the start of work
until-date = until { $until }
not-paused = not paused

## Values out of range

pain-whole-number = Please use a whole number from 0 to 10, like 4 or 5: the scale has no halves.
hours-out-of-range = A day has only 24 hours. Please send a number from 0 to 24, like 8.
working-hours-out-of-range = Those hours don't fit in a day: the times run from 00:00 to 24:00. Try something like “mon-fri 9-17”.
time-out-of-range = That isn't a time of day: hours go from 0 to 23 and minutes from 0 to 59. Try something like 7:30 or 19:30.
pause-too-long = That's longer than I can pause: a year (366 days) at most. Try /pause 3d, /pause 2w or /pause until friday.

## The week in review, /stats

cmd-stats = your week so far in numbers; /stats off stops the weekly review
review-title = Your week in review, { $from } to { $to }:
review-sessions = Sessions: { $done } of { $planned } planned.
review-breaks = Movement breaks: { $done } done, { $snoozed } snoozed, { $skipped } skipped.
review-pain-during = Pain during sessions: { $trend ->
        [lower] lower at the end of the week than at the start.
        [higher] higher at the end of the week than at the start.
       *[same] about the same all week.
    }
review-pain-morning = Pain the morning after: { $trend ->
        [lower] lower at the end of the week than at the start.
        [higher] higher at the end of the week than at the start.
       *[same] about the same all week.
    }
review-no-change = No change to your program this week: phase { $phase }, level { $level }.
review-quiet = A quiet week: nothing on record. That's all right; a new week starts now, and /today is there whenever you are.
review-footer = /stats shows this any time; /stats off stops the weekly review.
stats-title = This week so far, since { $from }:
stats-quiet = Nothing on record yet this week.
stats-last-week = Last week: { $done } of { $planned } sessions, { $breaks } movement breaks done.
stats-last-week-quiet = Last week: nothing on record.
setting-on = on
review-on = The week in review is on: it comes at the end of your working week. /stats off stops it.
review-off = The week in review is off. /stats still shows your week, and /stats on brings the review back.
stats-how-to = Send /stats for your week so far, /stats off to stop the weekly review, or /stats on to have it again.
