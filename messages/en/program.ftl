# hipcoach: the program, sessions, pain scores and decisions, in English.

cmd-today = today's drill session
cmd-progress = your progress as a chart
cmd-history = your last sessions

## The program

program-started = Your program starts in phase 1 (strength and activation) at level { $level }. Send /today for your first session: it takes about { $minutes } minutes.
no-program-yet = First I need to measure your hips, so that I can pick your drills.
session-intro = Today: phase { $phase }, level { $level }. { $count } exercises, about { $minutes } minutes.
session-how-to = Tap Done after each one. Stop any exercise that hurts: a little discomfort is fine, sharp pain is not.
exercise-header = { $number }/{ $total } · { $name }
dose-line = { $sets ->
        [1] { "" }
       *[other] { $sets } × { "" }
    }{ $amount } { $unit ->
        [reps] reps
        [seconds] seconds
        [steps] steps
       *[cycles] cycles
    }{ $per_side ->
        [yes] { " " }per side
       *[no] { "" }
    }{ $hold ->
        [0] { "" }
       *[other] , hold { $hold } s each
    }
works = Works: { $name }
outcome-done = ✅ Done
outcome-too-easy = Too easy
outcome-too-hard = Too hard
outcome-hurts = It hurts
tap-an-outcome = Tap how it went: Done, Too easy, Too hard, It hurts, or Skip.
ask-hurt-score = Sorry it hurts. How much, from 0 to 10?
hurt-choice = Thanks for telling me ({ $score }/10). What would you like to do?
try-easier = Try { $name } instead
skip-this-one = Skip this one
stop-for-today = Stop for today
something-else = Something else: swelling, locking, numbness…
stop-high-pain = { $score }/10 is too much to train through. Let's stop here for today, and rest.
session-well-done = Well done, that's today's session! 🎉
session-over = That was the last exercise on today's list.
ask-session-pain = How much did it hurt during the session, from 0 (not at all) to 10?
session-saved = Saved: { $score }/10. Tomorrow morning I'll ask how your hip and knee feel: that tells us whether the dose is right.
session-already-done = You've done today's session. Rest is part of training: see you tomorrow.
ask-morning-pain = { $greeting ->
        [morning] Good morning!
        [afternoon] Hello!
        [evening] Good evening!
       *[night] Hello!
    } How do your hip and knee feel today, from 0 to 10? On a usual day you said { $usual }.
morning-thanks = Thanks, saved.
morning-skipped = All right, no score this time.
offer-retest = It's been four weeks since you last measured. Re-test now (about 10 minutes), or do the session first?
retest-now = Re-test now
session-first = Session first
program-stopped-come-back = Please have your hip and knee checked by a doctor or physiotherapist. Once they say it's fine to exercise, send /today and I'll start you again gently.
program-resumed = Your program starts again, one step easier. Send /today when you're ready.
program-resumed-gentlest = Your program starts again at the gentlest level. Send /today when you're ready.

## Decisions: one or two sentences on why

rule-stop-repeated-severe = Your pain went over 5 out of 10 twice within two weeks. That is more than exercise should cause, so I'm pausing your program.
rule-regress-high-pain = Pain over 5 out of 10 is too much for these drills. We'll go one step easier: phase { $phase }, level { $level }.
rule-regress-unsettled = This morning was worse than your usual day, which means the dose was a bit high. We'll go one step easier: phase { $phase }, level { $level }.
rule-regress-weekly-rise = Your pain has crept up compared with last week. We'll go one step easier for now: phase { $phase }, level { $level }.
rule-simplify-below-prescription = The last three sessions were hard to finish, so let's make them simpler: phase { $phase }, level { $level }.
rule-simplify-after-break = Welcome back! After a few missed training days, we'll start one step easier: phase { $phase }, level { $level }.
rule-hold-no-morning = Without this morning's score I can't tell if the dose is right, so we stay at level { $level }.
rule-hold-acceptable-pain = Some pain, but within the acceptable range. We stay at level { $level } until it eases to 2 or less.
rule-hold-top = Pain is low and you've reached the last level. Keep it up, and re-test every month or so with /assess.
rule-hold-phase-time = You're at the top level of this phase. Range takes two to three weeks to change, so we stay here a little longer.
rule-hold-needs-retest = You're ready for the next phase on pain. Before moving on, let's measure your hips again: send /assess.
rule-hold-range = Pain is fine, but your range hasn't gained more than a home test can tell apart yet. We stay in this phase and measure again in a few weeks.
rule-advance-phase = Low pain and better range: on to phase { $phase }, level 1. 💪
rule-advance-level = Three good sessions in a row with little pain. On to level { $level }! 💪
rule-hold-keep-going = Good. We stay at level { $level } for now.
rule-retest-track = Your re-test points to the other pattern now, so your drills change to match it: phase { $phase }, level { $level }.
rule-retest-level = Your re-test says to go more gently for now: phase { $phase }, level { $level }.
retest-keeps = Your program stays where it is: phase { $phase }, level { $level }.
gentlest-already = You're already at the gentlest level, so there's no easier step. Keep it light, and if it keeps hurting, have it checked by a doctor or physiotherapist.

## History and progress

history-title = Your last sessions:
history-empty = No sessions yet. Send /today to do your first one.
history-line = { $date } · phase { $phase }, level { $level } · { $done }/{ $planned } done · pain { $during ->
        [none] –
       *[other] { $during }
    }{ $morning ->
        [none] { "" }
       *[other] , next morning { $morning }
    }
progress-title = Your progress
progress-empty = Nothing to show yet. Measure your hips with /assess and do a session with /today.
progress-week = { $sessions ->
        [0] No session yet this week.
        [one] This week: 1 session.
       *[other] This week: { $sessions } sessions.
    }{ $streak ->
        [0] { "" }
        [one] { "" }
       *[other] { " " }{ $streak } days in a row.
    }
progress-side-change = { $side ->
        [left] Left
       *[right] Right
    }: { $kind ->
        [gain] { $sign }{ $change }° since your first test, a real gain.
        [loss] { $sign }{ $change }° since your first test, a real loss.
        [unlike] measured in a different way at first, so I won't compare.
       *[same] { $sign }{ $change }° since your first test: no real change yet (home tests vary more than that).
    }
progress-pain = Pain in your last sessions: { $whole }.{ $tenth } out of 10 on average.
progress-position = You're in phase { $phase }, level { $level }.
chart-range = Inward rotation (°)
chart-pain = Pain (0–10)
chart-left = left
chart-right = right
chart-normal = normal for your age
chart-during = during the session
chart-morning = next morning
# The dates on the chart's time axis: a day ("6 Mar"), the start of a month ("Mar 2025") or
# of a year.
chart-day = { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
chart-month = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }
chart-year = { $year }
