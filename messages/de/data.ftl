# hipcoach: die Daten der Person, auf Deutsch.

cmd-export = eine Kopie von allem, was ich über dich speichere
cmd-delete = alles löschen, was ich über dich speichere
export-ready = Hier ist alles, was ich über dich speichere: eine JSON-Datei mit allem und eine CSV-Datei deiner Messwerte, die eine Physiotherapeutin oder ein Physiotherapeut in einer Tabellenkalkulation öffnen kann.
ask-delete = Alles löschen, was ich über dich speichere: deine Antworten, Messwerte, Einheiten, Schmerzwerte und Erinnerungen? Das lässt sich nicht rückgängig machen.
delete-yes = Ja, alles löschen
delete-no = Nein, behalten
deleted = Erledigt: Alles über dich ist gelöscht, und es kommen keine Erinnerungen mehr. Wenn du eines Tages neu anfangen möchtest, schick /start.
delete-kept = Gut, es wurde nichts gelöscht.
nothing-stored = Ich speichere nichts über dich. Schick /start, um zu beginnen.
