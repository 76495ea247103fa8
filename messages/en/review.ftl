# hipcoach: leaving a question, the settings list, the week in review, in English.

cmd-cancel = leave the open question, nothing changed

cancel = Cancel
cancelled = All right, nothing changed.
nothing-to-cancel = There's no open question to cancel.
cancel-first-intake = I can't cancel these first questions: there's nothing to go back to yet. Once we're through, you can change any answer in /settings.
cancel-not-here = This one can't be cancelled. Answer it, or use its buttons.
