# hipcoach: Programm, Einheiten, Schmerzwerte und Entscheidungen, auf Deutsch.

cmd-today = die heutige Übungseinheit
cmd-progress = dein Fortschritt als Grafik
cmd-history = deine letzten Einheiten

## Das Programm

program-started = Dein Programm beginnt in Phase 1 (Kraft und Aktivierung) auf Stufe { $level }. Schick /today für deine erste Einheit: Sie dauert etwa { $minutes } Minuten.
no-program-yet = Zuerst muss ich deine Hüften messen, damit ich deine Übungen auswählen kann.
session-intro = Heute: Phase { $phase }, Stufe { $level }. { $count } Übungen, etwa { $minutes } Minuten.
session-how-to = Tippe nach jeder Übung auf Erledigt. Brich jede Übung ab, die wehtut: Ein leichtes Ziehen ist in Ordnung, stechender Schmerz nicht.
exercise-header = { $number }/{ $total } · { $name }
dose-line = { $sets ->
        [1] { "" }
       *[other] { $sets } × { "" }
    }{ $amount } { $unit ->
        [reps] Wiederholungen
        [seconds] Sekunden
        [steps] Schritte
       *[cycles] Durchgänge
    }{ $per_side ->
        [yes] { " " }pro Seite
       *[no] { "" }
    }{ $hold ->
        [0] { "" }
       *[other] , jeweils { $hold } s halten
    }
works = Trainiert: { $name }
outcome-done = ✅ Erledigt
outcome-too-easy = Zu leicht
outcome-too-hard = Zu schwer
outcome-hurts = Tut weh
tap-an-outcome = Tippe, wie es lief: Erledigt, Zu leicht, Zu schwer, Tut weh oder Überspringen.
ask-hurt-score = Das tut mir leid. Wie stark, von 0 bis 10?
hurt-choice = Danke, dass du es sagst ({ $score }/10). Wie möchtest du weitermachen?
try-easier = Lieber { $name }
skip-this-one = Diese überspringen
stop-for-today = Für heute aufhören
something-else = Etwas anderes: Schwellung, Blockieren, Taubheit …
stop-high-pain = { $score }/10 ist zu viel, um weiterzutrainieren. Lass uns für heute aufhören und ausruhen.
session-well-done = Gut gemacht, das war die heutige Einheit! 🎉
session-over = Das war die letzte Übung auf der Liste für heute.
ask-session-pain = Wie stark waren die Schmerzen während der Einheit, von 0 (gar nicht) bis 10?
session-saved = Gespeichert: { $score }/10. Morgen früh frage ich, wie sich Hüfte und Knie anfühlen: Daran sehen wir, ob die Dosis stimmt.
session-already-done = Du hast die heutige Einheit schon gemacht. Pausen gehören zum Training: bis morgen.
ask-morning-pain = { $greeting ->
        [morning] Guten Morgen!
        [afternoon] Hallo!
        [evening] Guten Abend!
       *[night] Hallo!
    } Wie fühlen sich Hüfte und Knie heute an, von 0 bis 10? An einem normalen Tag hattest du { $usual } gesagt.
morning-thanks = Danke, gespeichert.
morning-skipped = In Ordnung, diesmal ohne Wert.
offer-retest = Deine letzte Messung ist vier Wochen her. Jetzt neu messen (etwa 10 Minuten) oder zuerst die Einheit?
retest-now = Jetzt messen
session-first = Zuerst die Einheit
program-stopped-come-back = Bitte lass Hüfte und Knie von einer Ärztin, einem Arzt oder in der Physiotherapie ansehen. Sobald sie sagen, dass Training in Ordnung ist, schick /today, und ich fange sanft wieder mit dir an.
program-resumed = Dein Programm geht weiter, eine Stufe leichter. Schick /today, wenn du bereit bist.
program-resumed-gentlest = Dein Programm geht auf der leichtesten Stufe weiter. Schick /today, wenn du bereit bist.

## Entscheidungen: ein, zwei Sätze zum Warum

rule-stop-repeated-severe = Deine Schmerzen lagen zweimal innerhalb von zwei Wochen über 5 von 10. Das ist mehr, als Training auslösen sollte, deshalb pausiere ich dein Programm.
rule-regress-high-pain = Schmerzen über 5 von 10 sind zu viel für diese Übungen. Wir gehen eine Stufe leichter: Phase { $phase }, Stufe { $level }.
rule-regress-unsettled = Heute Morgen ging es dir schlechter als an einem normalen Tag, die Dosis war also etwas hoch. Wir gehen eine Stufe leichter: Phase { $phase }, Stufe { $level }.
rule-regress-weekly-rise = Deine Schmerzen sind im Vergleich zur letzten Woche gestiegen. Wir gehen vorerst eine Stufe leichter: Phase { $phase }, Stufe { $level }.
rule-simplify-below-prescription = Die letzten drei Einheiten waren schwer zu schaffen, also machen wir sie einfacher: Phase { $phase }, Stufe { $level }.
rule-simplify-after-break = Willkommen zurück! Nach ein paar ausgelassenen Trainingstagen fangen wir eine Stufe leichter an: Phase { $phase }, Stufe { $level }.
rule-hold-no-morning = Ohne den Wert von heute Morgen kann ich nicht sagen, ob die Dosis stimmt, also bleiben wir auf Stufe { $level }.
rule-hold-acceptable-pain = Etwas Schmerz, aber im vertretbaren Bereich. Wir bleiben auf Stufe { $level }, bis er auf 2 oder weniger sinkt.
rule-hold-top = Wenig Schmerz, und du hast die letzte Stufe erreicht. Weiter so, und miss etwa jeden Monat mit /assess nach.
rule-hold-phase-time = Du bist auf der höchsten Stufe dieser Phase. Beweglichkeit braucht zwei bis drei Wochen, also bleiben wir noch etwas hier.
rule-hold-needs-retest = Von den Schmerzen her bist du bereit für die nächste Phase. Vorher messen wir deine Hüften noch einmal: Schick /assess.
rule-hold-range = Die Schmerzen passen, aber deine Beweglichkeit hat noch nicht mehr zugelegt, als ein Test zu Hause unterscheiden kann. Wir bleiben in dieser Phase und messen in ein paar Wochen wieder.
rule-advance-phase = Wenig Schmerz und mehr Beweglichkeit: weiter zu Phase { $phase }, Stufe 1. 💪
rule-advance-level = Drei gute Einheiten in Folge mit wenig Schmerz. Weiter zu Stufe { $level }! 💪
rule-hold-keep-going = Gut. Wir bleiben vorerst auf Stufe { $level }.
rule-retest-track = Dein neuer Test zeigt jetzt das andere Muster, deshalb passen wir die Übungen daran an: Phase { $phase }, Stufe { $level }.
rule-retest-level = Dein neuer Test rät, es vorerst behutsamer anzugehen: Phase { $phase }, Stufe { $level }.
retest-keeps = Dein Programm bleibt, wo es ist: Phase { $phase }, Stufe { $level }.
gentlest-already = Du bist schon auf der leichtesten Stufe, leichter geht es nicht. Mach es locker, und wenn es weiter wehtut, lass es von einer Ärztin oder einem Physiotherapeuten ansehen.

## Verlauf und Fortschritt

history-title = Deine letzten Einheiten:
history-empty = Noch keine Einheiten. Schick /today für deine erste.
history-line = { $date } · Phase { $phase }, Stufe { $level } · { $done }/{ $planned } erledigt · Schmerz { $during ->
        [none] –
       *[other] { $during }
    }{ $morning ->
        [none] { "" }
       *[other] , am Morgen danach { $morning }
    }
progress-title = Dein Fortschritt
progress-empty = Noch nichts zu zeigen. Miss deine Hüften mit /assess und mach eine Einheit mit /today.
progress-week = { $sessions ->
        [0] Diese Woche noch keine Einheit.
        [one] Diese Woche: 1 Einheit.
       *[other] Diese Woche: { $sessions } Einheiten.
    }{ $streak ->
        [0] { "" }
        [one] { "" }
       *[other] { " " }{ $streak } Tage in Folge.
    }
progress-side-change = { $side ->
        [left] Links
       *[right] Rechts
    }: { $kind ->
        [gain] { $sign }{ $change }° seit deinem ersten Test, ein echter Zugewinn.
        [loss] { $sign }{ $change }° seit deinem ersten Test, ein echter Verlust.
        [unlike] anfangs anders gemessen, deshalb vergleiche ich das nicht.
       *[same] { $sign }{ $change }° seit deinem ersten Test: noch keine echte Veränderung (Tests zu Hause schwanken stärker).
    }
progress-pain = Schmerz in deinen letzten Einheiten: im Schnitt { $whole },{ $tenth } von 10.
progress-position = Du bist in Phase { $phase }, Stufe { $level }.
chart-range = Innenrotation (°)
chart-pain = Schmerz (0–10)
chart-left = links
chart-right = rechts
chart-normal = normal für dein Alter
chart-during = während der Einheit
chart-morning = am Morgen danach
# Die Daten auf der Zeitachse des Diagramms: ein Tag („6. März“), ein Monatsanfang
# („März 2025“) oder ein Jahresanfang, mit den üblichen Abkürzungen der Monate.
chart-day = { $day }. { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sept.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    }
chart-month = { $month ->
        [1] Jan.
        [2] Feb.
        [3] März
        [4] Apr.
        [5] Mai
        [6] Juni
        [7] Juli
        [8] Aug.
        [9] Sept.
        [10] Okt.
        [11] Nov.
       *[12] Dez.
    } { $year }
chart-year = { $year }
