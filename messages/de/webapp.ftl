# hipcoach: jedes Wort der Messseite (src/webapp/), auf Deutsch.
# Der Server gibt sie der Seite als texts/de.json; eine Variable { $n } kommt dort als {n} an.

app-title = Mit dem Handy messen
app-test-seated = Im Sitzen: Fuß schwingt nach außen
app-test-prone-internal = In Bauchlage: Schienbein fällt nach außen
app-test-prone-external = In Bauchlage: Schienbein fällt nach innen
app-side-left = Linkes Bein
app-side-right = Rechtes Bein
app-setup-seated = Setz dich auf die Kante eines Tischs, eines Betts oder eines hohen Stuhls, sodass dein Fuß frei hängt und das Knie im rechten Winkel gebeugt ist. Halte das Handy flach vorn ans Schienbein oder binde es fest, die lange Kante entlang dem Schienbein. Du schwingst den Fuß nach außen, sodass das Schienbein kippt; der Oberschenkel bleibt flach auf der Sitzfläche und das Becken gerade.
app-setup-prone-internal = Leg dich auf den Bauch, das Knie im rechten Winkel, das Schienbein zeigt nach oben. Halte das Handy flach vorn ans Schienbein oder binde es fest, die lange Kante entlang dem Schienbein. Du lässt das Schienbein nach außen fallen, weg vom anderen Bein.
app-setup-prone-external = Leg dich auf den Bauch, das Knie im rechten Winkel, das Schienbein zeigt nach oben. Halte das Handy flach vorn ans Schienbein oder binde es fest, die lange Kante entlang dem Schienbein. Du lässt das Schienbein nach innen fallen, zum anderen Bein hin.
app-step-zero = Schienbein senkrecht und ruhig halten, dann auf „Null“ tippen.
app-step-turn = Dreh so weit, wie es angenehm ist, und halte still. Sobald das Handy ruhig ist, messe ich.
app-step-back = Zurück zum Anfang und still halten. Das machen wir dreimal und nehmen den mittleren Wert.
app-pain = Wenn die Schmerzen stärker werden: aufhören und im Chat auf „Hat wehgetan“ tippen.
app-zero = Null
app-status-zeroing = Halte still, das Schienbein senkrecht …
app-status-turn = Jetzt so weit drehen, wie es angenehm ist, und still halten.
app-status-back = Hab ich. Zurück zum Anfang und still halten.
app-status-beyond = Das waren mehr als 90°, weiter als eine Hüfte dreht: Vielleicht ist das Handy verrutscht. Prüfe, ob es flach am Schienbein liegt, geh zurück zum Start und dreh noch einmal.
app-status-other-way = Das ging in eine andere Richtung als beim ersten Mal. Dreh in dieselbe Richtung wie vorher oder tippe auf „Neu anfangen“.
app-status-more = Die Messungen liegen mehr als 5° auseinander. Bitte noch einmal: zurück zum Anfang und still halten.
app-now = Jetzt: { $degrees }
app-reading = Messung { $n }: { $degrees }
app-result = Dein Ergebnis
app-uneven = Deine Messungen blieben ungleich, darum habe ich den mittleren Wert aller { $n } genommen. Sieh ihn als groben Wert.
app-send = Senden
app-again = Neu anfangen
app-outside = Öffne diese Seite aus dem Chat mit dem Bot, oder schreib die Zahl dort hinein.
app-bad-link = Dieser Link sagt nicht, welcher Test gemessen werden soll. Schreib die Zahl stattdessen in den Chat.
app-no-sensor = Die Bewegungssensoren dieses Handys lassen sich hier nicht auslesen. Schreib die Zahl stattdessen in den Chat.
app-slow-sensor = Der Bewegungssensor dieses Handys meldet sich zu selten zum Messen. Schreib die Zahl stattdessen in den Chat.
app-sensor-stopped = Der Bewegungssensor sendet nichts mehr. Schreib die Zahl stattdessen in den Chat oder öffne die Seite noch einmal.
app-no-bridge = Telegrams Teil dieser Seite hat nicht geladen; prüfe deine Verbindung. Oder schreib die Zahl stattdessen in den Chat.
app-unsupported = Dieses Gerät hat keinen Bewegungssensor, den Telegram lesen kann. Schreib die Zahl stattdessen in den Chat.
app-sensor-failed = Der Bewegungssensor ließ sich nicht starten. Schreib die Zahl stattdessen in den Chat.
app-permission = Ohne Zugriff auf Bewegung und Ausrichtung kann ich nicht messen. Schreib die Zahl stattdessen in den Chat.
