# hipcoach: eine Frage verlassen, die Einstellungen, der Wochenrückblick, auf Deutsch.

cmd-cancel = die offene Frage verlassen, ohne etwas zu ändern

cancel = Abbrechen
cancelled = In Ordnung, nichts geändert.
nothing-to-cancel = Gerade ist keine Frage offen, die ich abbrechen könnte.
cancel-first-intake = Diese ersten Fragen kann ich nicht abbrechen: Es gibt noch nichts, wohin wir zurück könnten. Wenn wir durch sind, kannst du jede Antwort unter /settings ändern.
cancel-not-here = Das kann ich hier nicht abbrechen. Beantworte die Frage oder nutze ihre Knöpfe.

## Einstellungen

setting-line =
    { $setting ->
        [breaks] Bewegungspausen
        [quiet] Ruhezeiten
        [morning] Morgen-Check
        [review] Wochenrückblick
       *[pause] Pause
    }
setting-saved-value =
    { $field ->
        [timezone] Zeitzone
        [age] Alter
        [activities] Aktivitäten
        [sitting] Sitzen pro Tag
        [working_hours] Arbeitszeiten
        [lunch] Mittagspause
        [drill_time] Übungszeit
        [training_days] Trainingstage
        [pain_sites] Wo es wehtut
        [usual_pain] Übliche Schmerzen
        [equipment] Ausrüstung
        [language] Sprache
        [red_flags] Sicherheitsfrage
       *[assessment] Letzter Test
    } gespeichert: { $value }
ask-setting =
    { $setting ->
        [breaks] Wie viele Minuten zwischen den Bewegungspausen? Sende eine Zahl von 30 bis 120, etwa 45.
        [quiet] Wann soll ich still sein? Sende eine Zeitspanne wie 22:00-07:00 oder „aus“.
        [morning] Wann soll ich am Morgen nach einer Einheit fragen, wie es dir geht? Sende eine Uhrzeit wie 07:30.
        [review] Soll ich dir am Ende deiner Arbeitswoche den Wochenrückblick schicken? Tippe auf „an“ oder „aus“.
       *[pause] Wie lange soll ich die Erinnerungen pausieren? Sende 2h, heute, 3d, bis freitag oder bis 2026-12-01; „aus“ schaltet sie wieder ein.
    }
every-minutes = alle { $minutes } Minuten
setting-off = aus
at-start-of-work = zu Arbeitsbeginn
until-date = bis { $until }
not-paused = nicht pausiert

## Werte außerhalb des Bereichs

pain-whole-number = Bitte nimm eine ganze Zahl von 0 bis 10, etwa 4 oder 5: Die Skala hat keine halben Werte.
hours-out-of-range = Ein Tag hat nur 24 Stunden. Bitte sende eine Zahl von 0 bis 24, etwa 8.
working-hours-out-of-range = Diese Zeiten passen nicht in einen Tag: Sie reichen von 00:00 bis 24:00. Versuch es etwa mit „mo-fr 9-17“.
time-out-of-range = Das ist keine Uhrzeit: Stunden gehen von 0 bis 23, Minuten von 0 bis 59. Versuch es etwa mit 7:30 oder 19:30.
pause-too-long = So lange kann ich nicht pausieren: höchstens ein Jahr (366 Tage). Versuch es mit /pause 3d, /pause 2w oder /pause bis freitag.

## Der Wochenrückblick, /stats

cmd-stats = deine Woche bisher in Zahlen; /stats off beendet den Wochenrückblick
review-title = Dein Wochenrückblick, { $from } bis { $to }:
review-sessions = Einheiten: { $done } von { $planned } geplanten.
review-breaks = Bewegungspausen: { $done } gemacht, { $snoozed } verschoben, { $skipped } ausgelassen.
review-pain-during = Schmerzen während der Einheiten: { $trend ->
        [lower] am Ende der Woche niedriger als am Anfang.
        [higher] am Ende der Woche höher als am Anfang.
       *[same] die ganze Woche etwa gleich.
    }
review-pain-morning = Schmerzen am Morgen danach: { $trend ->
        [lower] am Ende der Woche niedriger als am Anfang.
        [higher] am Ende der Woche höher als am Anfang.
       *[same] die ganze Woche etwa gleich.
    }
review-no-change = Diese Woche keine Änderung an deinem Programm: Phase { $phase }, Stufe { $level }.
review-quiet = Eine ruhige Woche: Es ist nichts eingetragen. Das ist in Ordnung; jetzt beginnt eine neue Woche, und /today ist da, wann immer du magst.
review-footer = /stats zeigt das jederzeit; /stats off beendet den Wochenrückblick.
stats-title = Diese Woche bisher, seit { $from }:
stats-quiet = Diese Woche ist noch nichts eingetragen.
stats-last-week = Letzte Woche: { $done } von { $planned } Einheiten, { $breaks } Bewegungspausen gemacht.
stats-last-week-quiet = Letzte Woche: nichts eingetragen.
setting-on = an
review-on = Der Wochenrückblick ist an: Er kommt am Ende deiner Arbeitswoche. /stats off beendet ihn.
review-off = Der Wochenrückblick ist aus. /stats zeigt dir deine Woche trotzdem, und /stats on bringt den Rückblick zurück.
stats-how-to = Sende /stats für deine Woche bisher, /stats off, um den Wochenrückblick zu beenden, oder /stats on, um ihn wieder zu bekommen.
