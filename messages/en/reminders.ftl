# hipcoach: reminders, in English.

cmd-reminders = what I'll send you next
cmd-pause = pause reminders (2h, today, 3d, until friday)
cmd-resume = turn reminders back on
cmd-quiet = quiet hours, e.g. /quiet 22:00-07:00
cmd-breaks = movement breaks: /breaks off, /breaks on, or minutes between them (30–120)
cmd-morning = when to ask how you feel after a session day, e.g. /morning 07:30

break-nudge = Time to move! 🚶 Try this at your desk: { $name }
break-nudge-walk = Time to move! Stand up and take a few steps. 🚶
break-done = ✅ Done
break-snooze = Snooze 15 min
break-meeting = In a meeting
break-thanks = Nice, well done! 👍
break-skipped = No problem. Until the next one.
break-snoozed = I'll remind you again in 15 minutes.
break-meeting-ok = Good luck with the meeting. I'll skip the next break.
daily-nudge = Time for today's drills: about { $minutes } minutes. Ready?
start-session = Start
not-today = Not today
not-today-ok = All right. Rest counts too: see you next time.
pause-how-long = How long should I pause? For example /pause 2h, /pause today, /pause 3d, /pause until friday or /pause until 2026-12-01.
paused = Paused. I'll be back on { $until } (your time). /resume turns me on earlier.
pause-not-understood = I didn't get how long. Try /pause 2h, /pause today, /pause 3d or /pause until friday.
resumed = Reminders are on again.
paused-until = Paused until { $until }.
quiet-off = Quiet hours are off.
quiet-set = Quiet hours: { $from } to { $to }. I won't send reminders then.
quiet-how-to = Send quiet hours like /quiet 22:00-07:00, or /quiet off.
breaks-set = Movement breaks every { $minutes } minutes during work.
breaks-how-to = Write /breaks off, /breaks on, or a number of minutes from 30 to 120, e.g. /breaks 45 (now: { $minutes }).
morning-time-set = I'll ask how you feel at { $time } the morning after a session.
morning-time-how-to = Send a time like /morning 07:30. Without one I ask at the start of work (or 09:00).
no-reminders = Nothing is planned. Reminders start once your working hours and program are set.
reminders-title = Coming up (your time):
reminder-line = { $when } · { $kind ->
        [movement_break] movement break
        [daily_session] today's drills
        [weekly_review] the week in review
       *[morning_checkin] morning check-in
    }
reminders-help = /pause, /resume, /quiet and /breaks change them.

# A date as the person reads it: "Wed 10 Feb", with the year when it is not this year,
# and the time when there is one.
date = { $weekday ->
        [1] { weekday-mon }
        [2] { weekday-tue }
        [3] { weekday-wed }
        [4] { weekday-thu }
        [5] { weekday-fri }
        [6] { weekday-sat }
       *[7] { weekday-sun }
    } { $day } { $month ->
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
    }{ $year ->
        [0] { "" }
       *[other] { " " }{ $year }
    }{ $hour ->
        [-1] { "" }
       *[other] , { $time }
    }
nothing-planned = Nothing is planned right now.
drill-time-is-quiet = Your drill time, { $time }, falls in your quiet hours (from { $from }), so no session reminder comes. Change it with /settings, or the quiet hours with /quiet.
