# hipcoach: eine Frage verlassen, die Einstellungen, der Wochenrückblick, auf Deutsch.

cmd-cancel = die offene Frage verlassen, ohne etwas zu ändern

cancel = Abbrechen
cancelled = In Ordnung, nichts geändert.
nothing-to-cancel = Gerade ist keine Frage offen, die ich abbrechen könnte.
cancel-first-intake = Diese ersten Fragen kann ich nicht abbrechen: Es gibt noch nichts, wohin wir zurück könnten. Wenn wir durch sind, kannst du jede Antwort unter /settings ändern.
cancel-not-here = Das kann ich hier nicht abbrechen. Beantworte die Frage oder nutze ihre Knöpfe.
