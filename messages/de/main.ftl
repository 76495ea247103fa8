# hipcoach: jedes Wort des Bots, auf Deutsch.
# Die Ids sind die Namen der `Msg`-Varianten in src/core/msg.rs, in kebab-case.

## Erster Kontakt und Einwilligung

welcome =
    Hallo, ich bin hipcoach. 👋
    Langes Sitzen macht die Hüften steif, und dann tragen die Knie die Last. Ich helfe dir zu prüfen, wie weit sich deine Hüften drehen, gebe dir kurze tägliche Übungen und erinnere dich im Arbeitsalltag daran, dich zu bewegen.
    Ich bin ein Coach, kein Arzt: Ich stelle keine Diagnosen.

    Dafür muss ich einige Gesundheitsdaten speichern: deine Schmerzwerte und die Beweglichkeit deiner Hüften. Ich nutze sie nur für dein Coaching und gebe sie nie weiter. Ist das in Ordnung?
consent-agree = Ja, einverstanden
consent-decline = Nein, danke
consent-declined = In Ordnung, ich habe nichts über dich gespeichert. Wenn du es dir anders überlegst, sende einfach /start.
consent-thanks = Danke! Zuerst deine Zeitzone, damit ich dir zu passenden Zeiten schreibe.
stranger-help = Sende /start, um zu beginnen.

## Zeitzone

ask-timezone = Wo bist du? Sende eine Stadt (Berlin), eine Zeitzone (Europe/Berlin) oder den Abstand zu UTC (+2). Du kannst auch deinen Standort teilen.
share-location = 📍 Standort teilen
timezone-unknown = Zu „{ $input }“ habe ich keine Zeitzone gefunden. Versuch eine Stadt wie Berlin oder Wien, eine Zone wie Europe/Berlin oder einen Abstand wie UTC+2.
timezone-offset-range = Abstände reichen von UTC-12 bis UTC+14. Versuch zum Beispiel +2 oder -05:00, oder sende eine Stadt.
location-unknown = Aus diesem Standort konnte ich keine Zeitzone ablesen. Sendest du mir stattdessen deine Stadt?
location-not-needed = Danke, aber deinen Standort brauche ich gerade nicht.
confirm-timezone = Bei dir ist es also gerade { $time } Uhr ({ $zone }). Stimmt das?
confirm-timezone-again = Tippe auf Ja, wenn die Uhrzeit stimmt, oder sende eine andere Stadt oder einen Abstand.
fixed-offset-note = Ein fester Abstand folgt nicht der Sommerzeit. Wenn bei dir die Uhren umgestellt werden, sende lieber deine Stadt.
yes = Ja
no-change-it = Nein, ändern
timezone-saved = Gespeichert: { $zone }.

## Rund um das Gespräch

setup-done = Das war's fürs Erste. Mit /help siehst du, was ich kann.
welcome-back = Schön, dass du wieder da bist!
help = Das kann ich:
cmd-start = beginnen oder dort weitermachen, wo wir waren
cmd-timezone = deine Zeitzone ändern
cmd-help = diese Liste zeigen
not-understood = Ich bin nicht sicher, was du meinst. Mit /help siehst du, was ich kann.
unknown-command = { $command } kenne ich nicht. Mit /help siehst du alle Befehle.
media-not-supported = Ich kann bisher nur Text und Tipps auf Knöpfe lesen.
edit-not-read = Bearbeitete Nachrichten lese ich nicht. Schick mir deine Antwort bitte als neue Nachricht.
button-expired = Dieser Knopf gehört zu einer früheren Frage.
state-reset = Entschuldige, nach einem Update habe ich den Faden verloren. Machen wir dort weiter.
private-only = Ich arbeite nur in privaten Chats, damit deine Gesundheitsdaten privat bleiben. Schreib mir bitte direkt. Bis bald!
try-again-later = Entschuldige, bei mir ist etwas schiefgelaufen. Bitte versuch es gleich noch einmal.
