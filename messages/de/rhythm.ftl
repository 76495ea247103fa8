# hipcoach: Erinnerungen, die zum Leben passen (keine festen Zeiten, Nachtschicht, Pausen an
# und aus, Urlaub, Pausen, die sich anpassen, Wiederkommen), auf Deutsch.

no-fixed-hours = Keine festen Arbeitszeiten
no-fixed-hours-breaks-off = Alles klar: keine Arbeitszeiten, also vorerst keine Bewegungspausen. Deine täglichen Übungen kommen trotzdem. Wenn du Pausen zu Zeiten möchtest, die du wählst, sende /breaks an.
breaks-on = Bewegungspausen sind an: alle { $minutes } Minuten während deiner Arbeitszeit.
breaks-off = Bewegungspausen sind aus. Deine täglichen Übungen und die Frage am Morgen kommen weiter. Mit /breaks an kommen die Pausen zurück.
breaks-are-off = Bewegungspausen sind gerade aus.
breaks-need-hours = Gern: alle { $minutes } Minuten eine Pause. Sie kommen in den Stunden, die du mir nennst.
breaks-too-short = { $minutes } Minuten sind mir zu kurz: wähle { $low } bis { $high }, etwa /breaks 45.
breaks-too-long = { $minutes } Minuten sind mir zu lang: wähle { $low } bis { $high }, etwa /breaks 90.
break-moved = 🚶 Hab mich schon bewegt
break-moved-ok = Super, du hast dich schon von selbst bewegt! Die nächste Pause kommt { $when }.
come-back-check-in = Hallo! Deine letzte Einheit ist { $days } Tage her. Kein Druck: volle Wochen kennt jeder. Magst du heute eine kurze machen? Etwa { $minutes } Minuten, und deine Hüften danken es dir.
less-often-ask = Auf meine Bewegungspausen kam an { $days } Arbeitstagen in Folge keine Antwort. Das ist in Ordnung! Soll ich seltener kommen?
less-often-two-hours = Alle 2 Stunden
less-often-off = Pausen aus
less-often-keep = So lassen
less-often-kept = Gut, ich komme weiter alle { $minutes } Minuten. Mit /breaks kannst du das jederzeit ändern.
quiet-swallows-session = Achtung: Deine Übungen sind um { $time }, also in diesen Ruhezeiten (ab { $from }). Dann könnte ich dich nicht daran erinnern. Soll ich die Einheit kurz vor die Ruhezeiten legen?
move-session-before-quiet = Auf { $time } legen
keep-session-time = So lassen (ohne Erinnerung)
session-moved = Erledigt: Deine Übungen sind jetzt um { $time }.
session-time-kept = Gut, die Zeit bleibt. Während der Ruhezeiten schicke ich keine Erinnerung; mit /today startest du die Einheit, wann du willst.
cmd-vacation = freie Tage ohne Bewegungspausen, z. B. /vacation 2026-12-21..2027-01-03, /vacation 2w, /vacation aus
vacation-set = Schöne freie Tage! Keine Bewegungspausen von { $from } bis { $to }. Deine täglichen Übungen kommen weiter (ein paar Minuten tun den Hüften auch im Urlaub gut); /pause hält auch sie an.
vacation-line = Urlaub: keine Bewegungspausen von { $from } bis { $to }.
vacation-off = Urlaub beendet: An deinen Arbeitstagen kommen wieder Bewegungspausen.
vacation-how-to = Schick mir deine freien Tage wie /vacation 2026-12-21..2027-01-03, /vacation bis 2027-01-03, /vacation 2w oder /vacation 10d (bis zu einem Jahr im Voraus), oder /vacation aus.
