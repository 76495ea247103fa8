# hipcoach: reminders that fit real lives (irregular hours, night shifts, breaks on and off,
# vacation, breaks that adapt, coming back), in English.

no-fixed-hours = I don't have fixed hours
no-fixed-hours-breaks-off = Got it: no working hours, so no movement breaks for now. Your daily drills still come. If you'd like breaks on hours you choose, send /breaks on.
breaks-on = Movement breaks are on: every { $minutes } minutes during your working hours.
breaks-off = Movement breaks are off. Your daily drills and the morning check-in still come. /breaks on brings the breaks back.
breaks-are-off = Movement breaks are off right now.
breaks-need-hours = Happy to: a break every { $minutes } minutes. They come during the hours you give me.
breaks-too-short = { $minutes } minutes is shorter than I go: choose { $low } to { $high }, e.g. /breaks 45.
breaks-too-long = { $minutes } minutes is longer than I go: choose { $low } to { $high }, e.g. /breaks 90.
break-moved = 🚶 I already moved
break-moved-ok = Great, you moved on your own! The next break comes { $when }.
come-back-check-in = Hi! It's been { $days } days since your last session. No pressure: busy weeks happen to everyone. Shall we do a short one today? About { $minutes } minutes, and your hips will thank you.
less-often-ask = My movement breaks have gone unanswered for { $days } working days in a row. That's fine! Shall I come less often?
less-often-two-hours = Every 2 hours
less-often-off = Breaks off
less-often-keep = Keep as is
less-often-kept = All right, I'll keep coming every { $minutes } minutes. /breaks changes it any time.
quiet-swallows-session = Heads-up: your drills are at { $time }, inside these quiet hours (from { $from }), so I couldn't remind you of them. Shall I move the session to just before the quiet hours?
move-session-before-quiet = Move it to { $time }
keep-session-time = Keep it (no reminder)
session-moved = Done: your drills are now at { $time }.
session-time-kept = All right, the time stays. I won't send a daily reminder during quiet hours; /today starts the session whenever you like.
cmd-vacation = days off work without movement breaks, e.g. /vacation 2026-12-21..2027-01-03, /vacation 2w, /vacation off
vacation-set = Enjoy your time off! No movement breaks from { $from } to { $to }. Your daily drills still come (a few minutes keep your hips happy on holiday too); /pause stops them as well.
vacation-line = Vacation: no movement breaks from { $from } to { $to }.
vacation-off = Vacation is off: movement breaks come on your working days again.
vacation-how-to = Send your days off like /vacation 2026-12-21..2027-01-03, /vacation until 2027-01-03, /vacation 2w or /vacation 10d (up to a year ahead), or /vacation off.
