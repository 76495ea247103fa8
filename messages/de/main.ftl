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
no = Nein
no-change-it = Nein, ändern
timezone-saved = Gespeichert: { $zone }.

## Rund um das Gespräch

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
under-maintenance = Entschuldige, ich kann gerade nichts speichern: Mit meinem Speicher stimmt etwas nicht, und die Leute, die mich betreiben, wissen Bescheid. Bitte komm später wieder; ich mache dann so gut wie möglich dort weiter, wo wir waren.
cmd-assess = deine Hüften erneut messen
cmd-symptoms = Schwellung, Blockieren, Taubheit oder andere Warnzeichen melden
cmd-profile = sehen, was ich über dich weiß
cmd-settings = eine deiner Antworten ändern
needs-intake = Lass uns zuerst deine Einrichtung abschließen.

## Aufnahme

intake-intro = Jetzt ein paar kurze Fragen, damit ich die Übungen an dich anpassen kann.
ask-age = Wie alt bist du? hipcoach ist für Erwachsene gemacht. Tippe dein Alter ein oder wähle einen Bereich.
age-under20 = Unter 20
age-under18 = Unter 18
age18-to50 = 18 bis 50
age20-to50 = 20 bis 50
age-over50 = Über 50
age-not-understood = Bitte gib dein Alter als Zahl an, zum Beispiel 42, oder wähle einen Bereich.
ask-activities = Was machst du am meisten? Tippe alles an, was passt, dann auf Fertig. Du kannst es auch schreiben, etwa „Büro, Laufen“.
activity-desk-work = Schreibtischarbeit
activity-running = Laufen
activity-cycling = Radfahren
activity-racket = Schlägersport
activity-golf = Golf
activity-team-sports = Fußball oder Mannschaftssport
activity-throwing = Wurfsport
activity-lifting = Krafttraining
activity-other = Anderes
activities-need-one = Bitte wähle mindestens eins aus, oder Anderes.
ask-sitting = Wie viele Stunden sitzt du an einem normalen Tag ungefähr?
sitting-hours = { $hours } Std.
hours-not-understood = Bitte sende die Stunden als Zahl von 0 bis 24, zum Beispiel 8.
ask-working-hours = Wann arbeitest du? Tippe eine Zeit an oder schreib Tage und Uhrzeiten, etwa „Mo-Fr 8:30-17“ oder „So–Do 08:00–16:00“.
working-hours-not-understood = Das konnte ich nicht lesen. Versuch Tage und Uhrzeiten wie „Mo-Fr 9-17“ oder „werktags 10 bis 18“.
ask-lunch = Machst du eine Mittagspause? Dann störe ich dich nicht. Tippe eine an oder schreib sie, etwa 12:30-13:15.
no-lunch = Keine Mittagspause
lunch-not-understood = Bitte sende die Pause wie 12:30-13:15 oder tippe auf „Keine Mittagspause“.
ask-drill-time = Wann soll ich dir deine Übungseinheit schicken? Tippe eine Uhrzeit an oder schreib eine, etwa 19:30.
time-not-understood = Bitte sende eine Uhrzeit wie 7:30 oder 19:30.
ask-training-days = An welchen Tagen möchtest du trainieren? Drei bis fünf Tage pro Woche passen gut, mit Ruhetagen dazwischen, und ein paar Minuten jeden Tag sind auch in Ordnung. Tippe deine Tage an, dann auf Fertig, oder schreib sie, etwa „Mo Mi Fr“ oder „täglich“.
training-days-too-few = Das sind weniger als drei Tage. Das Programm ist auf 3 bis 5 Einheiten pro Woche ausgelegt, such dir also bitte mindestens drei aus; an vollen Tagen reichen ein paar Minuten.
training-days-not-understood = Diese Tage konnte ich nicht lesen. Tippe sie an oder schreib sie wie „Mo Mi Fr“, „Mo-Fr“ oder „täglich“.
every-day = jeden Tag
weekday-mon = Mo
weekday-tue = Di
weekday-wed = Mi
weekday-thu = Do
weekday-fri = Fr
weekday-sat = Sa
weekday-sun = So
ask-pain-sites = Wo hast du Schmerzen? Tippe alles an, was passt, dann auf Fertig.
pain-site-knee-left = Linkes Knie
pain-site-knee-right = Rechtes Knie
pain-site-hip = Hüfte
pain-site-groin = Leiste
pain-site-lower-back = Unterer Rücken
nowhere = Nirgends
ask-usual-pain = Wie stark sind die Schmerzen an einem normalen Tag, von 0 (keine) bis 10 (die schlimmsten)?
pain-not-understood = Bitte sende eine Zahl von 0 (keine Schmerzen) bis 10 (die schlimmsten), zum Beispiel 3.
ask-equipment = Was hast du zu Hause? Tippe alles an, was passt, dann auf Fertig.
equipment-band = Widerstandsband
equipment-wall = Eine freie Wand
equipment-cable = Kabelzug oder Fußmanschette
none-of-these = Nichts davon
ask-red-flags = Noch eine Sicherheitsfrage, bevor wir messen. Trifft davon gerade etwas auf dich zu? Tippe alles an, was passt, dann auf Fertig.
ask-symptoms-now = Trifft davon gerade etwas auf dich zu? Tippe alles an, was passt, dann auf Fertig, oder auf „Nichts davon“.
red-flag-sharp-pain = Stechende oder zunehmende Schmerzen
red-flag-swelling = Schwellung an Knie oder Hüfte
red-flag-locking-or-giving-way = Das Knie blockiert oder knickt weg
red-flag-numbness = Taubheit oder Kribbeln im Bein
red-flag-night-pain = Schmerzen, die dich nachts wecken
red-flag-injury-or-surgery = Eine kürzliche Verletzung oder Operation
red-flag-pain-during-tests = Starke Schmerzen bei den Tests
tap-which-applies = Bitte tippe an, was zutrifft, oder „Nichts davon“.
any-other-signs = Danke, notiert. Und die anderen: Trifft eines davon zu? Tippe es an, oder tippe auf „Nichts davon“.
red-flags-nothing-ticked = Du hast noch nichts angetippt. Tippe alles an, was auf dich zutrifft, oder „Nichts davon“, wenn nichts davon zutrifft.
confirm-flags = Ich frage kurz nach, ob ich dich richtig verstanden habe. Du hast erwähnt:
confirm-flags-right = Stimmt das?
choice-not-understood = Das konnte ich keiner Antwort zuordnen. Bitte tippe auf einen der Knöpfe.
done = Fertig
red-flag-stop = Danke, dass du mir das sagst. Das sollte sich eine Ärztin, ein Arzt oder eine Physiotherapeutin ansehen, bevor du deine Hüften trainierst. Deshalb starte ich die Übungen noch nicht:
red-flag-come-back = Wenn du untersucht wurdest und grünes Licht hast, sag mir einfach Bescheid (oder sende /start), dann machen wir weiter. Deine Antworten sind gespeichert.
ask-cleared = Hat dich seitdem eine Ärztin oder ein Physiotherapeut untersucht, und darfst du trainieren?
cleared-yes = Ja, ich wurde untersucht
cleared-not-yet = Noch nicht
not-yet-cleared = In Ordnung. Pass auf dich auf, und sag mir Bescheid, sobald du untersucht wurdest.
cleared-thanks = Schön zu hören.
ask-language = Welche Sprache soll ich sprechen?
ask-resume = Wir waren mitten in deiner Einrichtung. Dort weitermachen oder neu anfangen?
continue = Weitermachen
start-over = Neu anfangen

## Selbsttests

tests-intro = Jetzt messen wir deine Hüften: fünf kurze Tests, etwa 10 Minuten, mit einem Stuhl und etwas Platz auf dem Boden. Hör bei jedem Test auf, der wehtut, und überspringe, was du möchtest.
test-seated =
    Test 1 von 5: im Sitzen.
    Setz dich auf einen Stuhl, Knie im rechten Winkel, Füße flach, Hüfte gerade. Lass eine Ferse am Boden und schwenke diesen Fuß nach außen, sodass sich der Oberschenkel nach innen dreht. Nur so weit, wie es angenehm ist.
    Stell dir dein Schienbein als Stundenzeiger einer Uhr vor, der auf 6 zeigt. Eine Stunde weiter, also auf 5 oder 7, sind 30°, je 20 Minuten also 10°:
    • unter 20°: weniger als 40 Minuten
    • 20–30°: 40 Minuten bis eine Stunde
    • 30–40°: bis zu einer Stunde und 20 Minuten
    • 40–50°: bis zu einer Stunde und 40 Minuten
    • mehr als 50°: noch weiter, auf zwei Stunden zu
    Mit einer Wasserwaagen-App gemessen? Schreib einfach die Zahl.
test-prone-internal =
    Test 2 von 5: in Bauchlage.
    Leg dich auf den Bauch, Knie im rechten Winkel gebeugt, Schienbeine zeigen nach oben. Lass ein Schienbein nach außen fallen, weg vom anderen Bein, so weit es angenehm geht: Dabei dreht sich deine Hüfte nach innen. Dasselbe Uhrenbild, ab 12 Uhr.
test-prone-external =
    Jetzt die andere Richtung, weiter auf dem Bauch, die Knie im rechten Winkel gebeugt. Lass ein Schienbein nach innen fallen, zum anderen Bein hin und über die Mitte deines Körpers hinaus. Dabei dreht sich deine Hüfte nach außen. Lass beide Hüften auf dem Boden und geh nur so weit, wie es angenehm ist.
    Dasselbe Uhrenbild, ab 12 Uhr.
test-ask-side =
    { $side ->
        [left] Wie weit geht dein linkes Bein?
       *[right] Und dein rechtes Bein?
    }
test-supine =
    Test 3 von 5: in Rückenlage.
    Leg dich auf den Rücken, Beine gestreckt und locker, und lass die Füße fallen. Fallen sie eher nach innen, die Zehen zueinander, als nach außen?
feet-inward = Nach innen
feet-outward = Nach außen
feet-even = Etwa gleich
test-figure4 =
    Test 4 von 5: die Vier.
    Setz dich auf einen Stuhl und leg einen Knöchel auf das andere Knie. Lass das angehobene Knie sinken, drück bei Bedarf sanft nach. Kommt das Schienbein ungefähr waagrecht, auf beiden Seiten?
test-butterfly =
    Test 5 von 5: Schmetterling.
    Setz dich auf den Boden, Fußsohlen aneinander, und lass die Knie zur Seite fallen. Sind beide Knie höchstens etwa 15 cm über dem Boden?
pass-yes = Ja
fail-no = Nein
test-pain = Letzte Frage: Wie sehr haben die Tests wehgetan, von 0 (gar nicht) bis 10 (am schlimmsten)?
ask-usual-pain-now = Und noch eine, weil du neu gemessen hast: Wie stark schmerzen Hüfte und Knie jetzt an einem normalen Tag, von 0 bis 10? Damit vergleiche ich den Morgen nach jeder Einheit.
skip = Überspringen
it-hurt = Hat wehgetan
cannot-position = Komme nicht in die Position
test-hurt-note = Dann lass diesen Test aus, und arbeite nie gegen Schmerzen an. Wenn es stechend war, lass es ärztlich oder physiotherapeutisch ansehen.
degrees-not-understood = Bitte tippe auf einen der Bereiche oder schreib die Grad als Zahl von 0 bis 90, zum Beispiel 35.
# Die Messseite (eine Telegram-Mini-App) für den Sitz- und den Bauchlage-Test.
measure-offer = 📐 Am genauesten: Lass dein Handy in Grad messen. Tippe unter dem Eingabefeld auf „Mit dem Handy messen“. Kein Handy zur Hand? Tippe oben auf einen Bereich oder schreib die Grad.
measure-button = 📐 Mit dem Handy messen
measure-done = 📐 Den Mess-Knopf habe ich erst einmal weggeräumt.
phone-measured =
    📐 Dein Handy hat deine { $side ->
        [left] linke
       *[right] rechte
    } Seite gemessen: { $degrees } (Messungen von { $low } bis { $high }).
phone-wrong-step = Diese Messung war für { $test ->
        [seated] den Sitz-Test
        [prone_internal] den Bauchlage-Test mit dem Unterschenkel nach außen
       *[prone_external] den Bauchlage-Test mit dem Unterschenkel nach innen
    } { $side ->
        [left] links
       *[right] rechts
    }, ich frage aber gerade nach etwas anderem. Darum habe ich sie nicht gespeichert. Miss diese hier oder tippe auf einen Bereich.
phone-out-of-range = Die Seite hat { $degrees }° geschickt, mehr als eine Hüfte dreht (0 bis 90°). Vielleicht ist das Handy verrutscht. Ich habe nichts gespeichert: Miss noch einmal oder schreib die Zahl.
phone-too-late = Diese Messung kommt von einer Seite, die für eine frühere Frage geöffnet wurde, darum habe ich sie nicht gespeichert.
phone-unreadable = Ich konnte nicht lesen, was die Messseite geschickt hat, und habe nichts gespeichert. Miss noch einmal oder schreib die Grad als Zahl.
measure-not-asked = Diese Messung gehört zu keiner Frage, die gerade offen ist, darum habe ich sie nicht gespeichert.

band-under20 = unter 20°
band-from20-to30 = 20–30°
band-from30-to40 = 30–40°
band-over40 = 40–50°
band-over50 = mehr als 50°

## Das Ergebnis

result-title = Dein Ergebnis
result-side =
    { $side ->
        [left] Links
       *[right] Rechts
    }: { $how ->
        [band] etwa { $degrees }°
        [phone] { $degrees }° (per Handy)
       *[typed] { $degrees }°
    }, { $verdict ->
        [below] unter den
        [above] über den
       *[within] innerhalb der
    } für dein Alter üblichen { $low }–{ $high }°.
result-side-missing =
    { $side ->
        [left] Links
       *[right] Rechts
    }: nicht gemessen.
result-asymmetry = Deine Seiten unterscheiden sich um { $difference }°. Ab 10° lohnt es sich, das auszugleichen, und die Übungen trainieren jede Seite.
result-even = Deine beiden Seiten liegen nah beieinander: { $difference }° Unterschied.
result-track =
    { $track ->
        [internally_rotated_hip] Was das heißt: Deine Hüfte ist eher nach innen gedreht, und die Drehung nach außen ist eingeschränkt. Die Übungen kräftigen die Muskeln, die die Hüfte nach außen drehen, und lockern die, die sie nach innen ziehen.
       *[limited_internal_rotation] Was das heißt: Deine Hüften drehen weniger weit nach innen, als sie könnten, also fangen oft die Knie die Drehung ab. Die Übungen holen diese Drehung zurück, zuerst mit Kraft.
    }
result-track-fine = Was das heißt: Deine Hüften drehen gut. Die Übungen halten das so und kräftigen die Muskeln drumherum.
result-level = Du startest auf Stufe { $level } von 3.
result-hurt-note = Einer der Tests hat wehgetan: Geh es sanft an, und wenn der Schmerz stechend war, lass ihn untersuchen.
result-stop = Die Tests haben stark wehgetan ({ $score }/10). Das sollte sich eine Ärztin, ein Arzt oder eine Physiotherapeutin ansehen, bevor du trainierst. Deshalb starte ich die Übungen noch nicht. Wenn du untersucht wurdest, sag mir einfach Bescheid.
result-next = Ich habe das gespeichert. Mit /assess kannst du jederzeit neu messen, und ich vergleiche es mit heute.
result-change =
    { $side ->
        [left] Links
       *[right] Rechts
    }: { $kind ->
        [gain] { $sign }{ $change }° seit dem letzten Test, ein echter Zugewinn.
        [loss] { $sign }{ $change }° seit dem letzten Test, ein echter Verlust.
        [unlike] beim letzten Mal anders gemessen (geschätzt statt genau), deshalb vergleiche ich das nicht.
       *[same] { $sign }{ $change }° seit dem letzten Test: keine echte Veränderung, denn Tests zu Hause schwanken stärker.
    }
track-limited-internal-rotation = steife Hüften (zu wenig Innendrehung)
track-internally-rotated-hip = nach innen gedrehte Hüfte

## Profil und Einstellungen

profile-title = Das weiß ich über dich:
profile-footer = Jede Antwort kannst du mit /settings ändern.
profile-line =
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
    }
not-answered = noch nicht beantwortet
settings-menu = Was möchtest du ändern?
language-name = Deutsch

## Die Sicherheitspause

hold-note = { $cause ->
        [minor] hipcoach ist für Erwachsene, deshalb gibt es kein Programm für dich: Knieschmerzen mit steifen Hüften im Wachstum sollte zuerst eine Ärztin oder ein Arzt ansehen.
        [test_pain] Die Übungen pausieren, weil der Selbsttest mehr als 5 von 10 wehgetan hat; sobald dich eine Ärztin oder ein Physiotherapeut untersucht hat, sag mir Bescheid, dann machen wir behutsam weiter.
        [repeated_pain] Die Übungen pausieren, weil Einheiten zweimal in zwei Wochen mehr als 5 von 10 wehgetan haben; sobald dich eine Ärztin oder ein Physiotherapeut untersucht hat, sag mir Bescheid, dann machen wir behutsam weiter.
       *[other] Die Übungen pausieren, bis eine Ärztin oder ein Physiotherapeut sich angesehen hat, was du mir erzählt hast; sag mir danach Bescheid, dann machen wir behutsam weiter.
    }
minor-referral = Danke. hipcoach ist für Erwachsene gemacht, deshalb richte ich kein Programm ein und schicke keine Erinnerungen. Solange der Körper noch wächst, können Knieschmerzen mit steifen Hüften von der Wachstumsfuge der Hüfte kommen, und das sollte zuerst eine Ärztin oder ein Arzt ansehen. Falls du dich beim Alter vertippt hast, ändere es unter /settings.
symptoms-intro = Schauen wir, wie es dir jetzt geht.
symptoms-none = Gut, nichts davon. Es ändert sich nichts: mach weiter wie geplant.
flags-not-noted = In Ordnung, ich habe nichts notiert. Wenn so etwas auftritt, sag es mir oder schick /symptoms.
result-nothing-measured = Alle Tests wurden übersprungen, daher kann ich noch nichts über deine Hüften sagen. Du beginnst behutsam mit Stufe 1; miss, sobald du kannst, mit /assess, dann passe ich das Programm an das Ergebnis an.
retest-nothing-measured = Diesmal wurden alle Tests übersprungen, es gibt also nichts Neues zu vergleichen. Miss wieder, sobald du kannst, mit /assess.
range-dropped = Deine Beweglichkeit ist seit dem letzten Test gesunken, und zwar stärker, als Tests zu Hause schwanken. Ist etwas passiert, etwa ein Sturz, ein Verdrehen, neue Schmerzen oder eine Schwellung?
check-symptoms = Beschwerden prüfen
nothing-happened = Nichts passiert
drop-noted = In Ordnung. Eine einzelne Messung kann danebenliegen; wir sehen beim nächsten Test weiter. Wenn Knie oder Hüfte anfangen wehzutun, anschwellen oder blockieren, schick /symptoms.

## Werte in einer Zeile

work-times = { $days } { $from }–{ $to }
time-span = { $from }–{ $to }
clock = { $time }
out-of-ten = { $score }/10
range-summary = { $date } · L { $left } · R { $right }

## Freier Text, der für sich etwas bedeutet.
stop-offer = Verstanden. Was passt dir am besten? Mit /pause kannst du mich auch jederzeit für eine Weile stummschalten.
stop-pause-week = Eine Woche Pause von allem
stop-breaks-off = Keine Bewegungspausen mehr
stop-delete = Alle meine Daten löschen
stop-carry-on = Weiter wie bisher
stop-carrying-on = Gut, alles bleibt, wie es ist.
youre-welcome = Gern geschehen! 😊
hello = { $greeting ->
        [morning] Guten Morgen!
        [afternoon] Hallo!
        [evening] Guten Abend!
       *[night] Hallo, du bist ja noch spät wach!
    }
next-session = Deine Einheit für heute ist bereit, wenn du es bist: schick /today (etwa { $minutes } Minuten).
next-rest-day = Heute ist ein Ruhetag. Wenn du dich trotzdem bewegen möchtest, gibt dir /today eine Einheit.
next-done-today = Die Einheit für heute ist erledigt. /progress zeigt dir, wie es vorangeht.
next-assess = Nächster Schritt: Miss deine Hüften mit /assess (etwa 10 Minuten), dann stelle ich dein Programm daraus zusammen.
next-help = Mit /help siehst du alles, was ich kann.
stop-offer-new = Verstanden. Bis wir mit der Einrichtung fertig sind, antworte ich nur, wenn du mir schreibst; von selbst kommt also nichts. Soll ich löschen, was du mir bisher erzählt hast?
