# hipcoach: the person's data, in English.

cmd-export = get a copy of everything I keep about you
cmd-delete = erase everything I keep about you
export-ready = Here is everything I keep about you: a JSON file with all of it, and a CSV of your measurements that a physiotherapist can open in a spreadsheet.
ask-delete = Erase everything I keep about you: your answers, measurements, sessions, pain scores and reminders? This cannot be undone.
delete-yes = Yes, erase everything
delete-no = No, keep it
deleted = Done: everything about you is erased, and no more reminders will come. If you'd like to start again one day, send /start.
delete-kept = Good, nothing was erased.
nothing-stored = I keep nothing about you. Send /start to begin.
