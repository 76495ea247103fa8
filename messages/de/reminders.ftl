# hipcoach: Erinnerungen, auf Deutsch.

cmd-reminders = was ich dir als Nächstes schicke
cmd-pause = Erinnerungen pausieren (2h, heute, 3d, bis freitag)
cmd-resume = Erinnerungen wieder einschalten
cmd-quiet = Ruhezeiten, z. B. /quiet 22:00-07:00
cmd-breaks = Bewegungspausen: /breaks aus, /breaks an oder Minuten dazwischen (30–120)
cmd-morning = wann ich nach einem Übungstag frage, wie es dir geht, z. B. /morning 07:30

break-nudge = Zeit für Bewegung! 🚶 Probier das am Schreibtisch: { $name }
break-nudge-walk = Zeit für Bewegung! Steh auf und geh ein paar Schritte. 🚶
break-done = ✅ Erledigt
break-snooze = In 15 Min.
break-meeting = Im Meeting
break-thanks = Super, gut gemacht! 👍
break-skipped = Kein Problem. Bis zur nächsten.
break-snoozed = Ich erinnere dich in 15 Minuten wieder.
break-meeting-ok = Viel Erfolg im Meeting. Die nächste Pause lasse ich aus.
daily-nudge = Zeit für deine Übungen von heute: etwa { $minutes } Minuten. Bereit?
start-session = Los
not-today = Heute nicht
not-today-ok = In Ordnung. Pausen zählen auch: bis zum nächsten Mal.
pause-how-long = Wie lange soll ich pausieren? Zum Beispiel /pause 2h, /pause heute, /pause 3d, /pause bis freitag oder /pause bis 2026-12-01.
paused = Pausiert. Ich melde mich wieder am { $until } (deine Zeit). Mit /resume früher.
pause-not-understood = Ich habe die Dauer nicht verstanden. Versuch /pause 2h, /pause heute, /pause 3d oder /pause bis freitag.
resumed = Die Erinnerungen sind wieder an.
paused-until = Pausiert bis { $until }.
quiet-off = Ruhezeiten sind aus.
quiet-set = Ruhezeiten: { $from } bis { $to }. Dann schicke ich keine Erinnerungen.
quiet-how-to = Schick Ruhezeiten wie /quiet 22:00-07:00, oder /quiet aus.
breaks-set = Bewegungspausen alle { $minutes } Minuten während der Arbeit.
breaks-how-to = Schreib /breaks aus, /breaks an oder eine Zahl von 30 bis 120 Minuten, etwa /breaks 45 (jetzt: { $minutes }).
morning-time-set = Am Morgen nach einer Einheit frage ich um { $time }, wie es dir geht.
morning-time-how-to = Schick eine Uhrzeit wie /morning 07:30. Ohne frage ich zu Arbeitsbeginn (oder um 09:00).
no-reminders = Nichts geplant. Erinnerungen beginnen, sobald Arbeitszeiten und Programm stehen.
reminders-title = Als Nächstes (deine Zeit):
reminder-line = { $when } · { $kind ->
        [movement_break] Bewegungspause
        [daily_session] Übungen von heute
        [weekly_review] Wochenrückblick
       *[morning_checkin] Morgen-Check
    }
reminders-help = Mit /pause, /resume, /quiet und /breaks änderst du sie.

# Ein Datum, wie die Person es liest: „Mi., 10. Februar“, mit dem Jahr, wenn es nicht dieses
# Jahr ist, und mit der Uhrzeit, wenn es eine gibt.
date = { $weekday ->
        [1] { weekday-mon }
        [2] { weekday-tue }
        [3] { weekday-wed }
        [4] { weekday-thu }
        [5] { weekday-fri }
        [6] { weekday-sat }
       *[7] { weekday-sun }
    }., { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    }{ $year ->
        [0] { "" }
       *[other] { " " }{ $year }
    }{ $hour ->
        [-1] { "" }
       *[other] , { $time }
    }
nothing-planned = Gerade ist nichts geplant.
drill-time-is-quiet = Deine Übungszeit, { $time }, liegt in deinen Ruhezeiten (ab { $from }), deshalb kommt keine Erinnerung an die Einheit. Ändere sie mit /settings oder die Ruhezeiten mit /quiet.
