# hipcoach: die Übungen, auf Deutsch.
# Ids: `ex-<code>` (der Name) und `ex-<code>-how` (Schritte und ein Tipp); <code> ist der
# snake_case-Code der ExerciseId mit - statt _ (src/core/catalog.rs). `muscle-<code>` für die
# Muskeln. Die Dosis fügt das Programm hinzu, die Texte nennen also nie Anzahl oder Dauer.

## Übungen am Schreibtisch

ex-seated-chair-rotation = Hüftdrehung auf dem Stuhl
ex-seated-chair-rotation-how =
    1. Setz dich aufrecht vorne auf den Stuhl, Füße flach.
    2. Heb einen Fuß ein kleines Stück vom Boden.
    3. Schwenk diesen Fuß nach außen, während das Knie nach innen wandert, dann zurück.
    Tipp: Die Drehung kommt aus der Hüfte. Bleib langsam und locker.

ex-leg-extension-twist = Beinstrecken mit Drehung
ex-leg-extension-twist-how =
    1. Setz dich aufrecht hin und streck ein Bein nach vorne aus.
    2. Dreh das ganze Bein so, dass die Zehen nach innen zeigen.
    3. Dann dreh es so, dass die Zehen nach außen zeigen. Einmal rein und raus ist eine Runde.
    Tipp: Dreh aus der Hüfte, nicht nur aus dem Knöchel.

ex-single-leg-stand-to-sit = Hinsetzen auf einem Bein
ex-single-leg-stand-to-sit-how =
    1. Stell dich vor deinen Stuhl, Füße hüftbreit.
    2. Verlagere dein Gewicht größtenteils auf ein Bein.
    3. Setz dich auf diesem Bein langsam hin und steh wieder auf.
    Tipp: Das Knie bleibt in einer Linie mit den Zehen. Wenn es wehtut, nimm beide Beine.

ex-desk-ankle-circles = Fußkreisen am Schreibtisch
ex-desk-ankle-circles-how =
    1. Setz dich aufrecht hin und heb einen Fuß knapp vom Boden.
    2. Zeichne mit den Zehen langsame Kreise, erst in die eine, dann in die andere Richtung.
    3. Wechsle den Fuß.
    Tipp: Mach die Kreise groß und langsam, und atme weiter.

ex-walking-break = Kleine Gehpause
ex-walking-break-how =
    1. Steh vom Schreibtisch auf.
    2. Geh ein paar Schritte, die Zehen zeigen nach vorne.
    3. Steh kurz aufrecht, bevor du dich wieder hinsetzt.
    Tipp: Lass die Hüften locker mitschwingen. Der Weg zum Wasserglas zählt auch.

## Wenig Innendrehung

ex-seated9090-stretch = 90-90-Dehnung im Sitzen
ex-seated9090-stretch-how =
    1. Setz dich auf den Boden, ein Bein gestreckt. Beug das andere Knie im rechten Winkel, Fuß flach.
    2. Sitz aufrecht, beide Hüften gerade und nach vorne gerichtet.
    3. Lass das gebeugte Knie nach innen sinken, bis du eine Dehnung in der Hüfte spürst.
    4. Atme ruhig und halte, dann wechsle die Seite.
    Tipp: Nur sanfter Druck. Drück das Knie nie mit Gewalt nach unten.

ex-hip-switches9090 = 90/90-Seitenwechsel
ex-hip-switches9090-how =
    1. Setz dich auf den Boden, ein Bein vorne gebeugt, das andere seitlich gebeugt, beide Knie im rechten Winkel.
    2. Heb beide Knie etwas an und dreh sie zur anderen Seite.
    3. Lande spiegelverkehrt auf der anderen Seite, dann wechsle zurück.
    Tipp: Sitz aufrecht. Versuch es ohne Hände, aber stütz dich anfangs ruhig ab.

ex-wall-axial-rotation = Hüftdrehung an der Wand
ex-wall-axial-rotation-how =
    1. Stell dich vor eine Wand, Hände daran. Heb ein Knie im rechten Winkel und leg es locker an die Wand.
    2. Dreh den Oberschenkel nach innen, der Fuß schwingt nach außen, und halte. Dann nach außen drehen und halten.
    3. Erst mit dem Knie tief, dann mittel, dann auf Hüfthöhe. Das ist eine Runde.
    Tipp: Beide Hüften bleiben gerade, das Standbein steht fest.

ex-liftoff9090 = 90/90-Fußheben
ex-liftoff9090-how =
    1. Setz dich in die 90/90-Position: ein Bein vorne, eines seitlich gebeugt, beide Knie im rechten Winkel.
    2. Lass das hintere Knie unten und heb den hinteren Fuß vom Boden. Die Drehung kommt aus dem Oberschenkel.
    3. Halte, dann senk den Fuß langsam ab und entspann dich.
    Tipp: Zieh den Oberschenkel gedanklich in die Hüfte. Krämpfe sind anfangs normal. Hör auf, wenn das Knie wehtut.

# Die 10 Sekunden Druck sind die Haltezeit des Seeds, auf jeder Stufe gleich (catalog.rs),
# deshalb darf der Text sie nennen.
ex-ir-pails-rails = Hüftdrehung PAILs/RAILs
ex-ir-pails-rails-how =
    Zwei Haltephasen am Ende deiner Beweglichkeit. PAILs: Du drückst gegen die Dehnung, und nichts bewegt sich. RAILs: Du ziehst mit deinen eigenen Muskeln weiter hinein.
    1. Leg dich auf den Rücken, ein Knie gebeugt, der Fuß flach auf dem Boden. Lass das Knie nach innen fallen, so weit es leicht geht, bis du außen an der Hüfte eine sanfte Dehnung spürst.
    2. PAILs: Leg deine Hand außen an dieses Knie. Drück das Knie sanft nach außen in deine Hand, gegen die Dehnung, etwa 10 Sekunden lang. Die Hand hält dagegen, sodass sich nichts bewegt.
    3. RAILs: Nimm die Hand weg. Zieh das Knie jetzt mit den Muskeln, die den Oberschenkel nach innen drehen, noch etwas weiter nach innen, ganz ohne Hilfe der Hand, und halte ein paar Atemzüge lang. Vielleicht bewegt es sich nur wenig, und ein Krampf ist am Anfang normal.
    4. Lass locker und das Bein zurück zur Mitte kommen.
    Tipp: Bau den Druck sanft auf, nie in den Schmerz, und atme weiter.

ex-kneeling-windmill = Windmühle im Knien
ex-kneeling-windmill-how =
    1. Knie dich auf ein Knie, der andere Fuß steht flach vor dir.
    2. Richte dich auf und dreh deine Brust zum vorderen Knie.
    3. Dreh kontrolliert zurück zur Mitte.
    Tipp: Bleib aufrecht und lass das Becken mitdrehen, damit sich die vordere Hüfte dreht.

ex-band-seated-internal-rotation = Banddrehung im Sitzen
ex-band-seated-internal-rotation-how =
    1. Setz dich auf einen Stuhl, Knie und Füße hüftbreit, ein leichtes Band um beide Knöchel oder tief um die Schienbeine.
    2. Lass die Knie, wo sie sind, und dreh beide Oberschenkel nach innen, sodass die Füße gegen das Band auseinandergehen.
    3. Komm langsam zurück.
    Tipp: Sitz aufrecht, die Drehung kommt aus der Hüfte. Du solltest es tief außen an der Hüfte und in der Leiste spüren.

ex-side-lying-clamshell = Muschel in Seitenlage
ex-side-lying-clamshell-how =
    1. Leg dich auf die Seite, Hüften übereinander, Knie gebeugt.
    2. Lass die Füße zusammen und heb das obere Knie.
    3. Senk es langsam wieder ab.
    Tipp: Dreh aus der Hüfte und lass das Becken nicht nach hinten kippen.

ex-standing-internal-rotation = Hüftdrehung im Stand mit Band
ex-standing-internal-rotation-how =
    1. Befestige ein Band auf Bauchnabelhöhe. Stell dich seitlich dazu und halte es mit beiden Händen.
    2. Geh leicht in die Hocke, Füße etwas weiter als schulterbreit, Rücken lang.
    3. Dreh den ganzen Körper vom Band weg, über dem Bein, das weiter weg steht. Halte, dann langsam zurück.
    Tipp: Halte das Fußgewölbe fest und lass die Drehung aus der Hüfte kommen.

ex-cuff-internal-rotation-pull = Hüftdrehung am Kabelzug
ex-cuff-internal-rotation-pull-how =
    1. Häng ein tiefes Kabel an eine Fußmanschette am Arbeitsbein. Stell dich seitlich, dieses Bein weiter vom Gerät weg.
    2. Halt dich fest und beug das Arbeitsknie, sodass der Fuß hinter dir hochkommt.
    3. Dreh den Oberschenkel nach innen, der Fuß schwingt vom Gerät weg. Langsam zurück.
    Tipp: Die Knie bleiben nebeneinander. Nur der Oberschenkel dreht sich.

ex-lunge = Ausfallschritt
ex-lunge-how =
    1. Stell dich aufrecht hin, Füße hüftbreit.
    2. Mach einen großen Schritt nach vorne und beug beide Knie, bis das hintere Knie fast den Boden berührt.
    3. Drück dich über den vorderen Fuß wieder hoch.
    Tipp: Das vordere Knie bleibt in einer Linie mit den Zehen und kippt nicht nach innen.

ex-squat = Kniebeuge
ex-squat-how =
    1. Stell dich hin, Füße schulterbreit.
    2. Setz dich nach hinten unten, wie auf einen Stuhl, Brust aufrecht.
    3. Geh so tief, wie es sich gut anfühlt, dann steh auf.
    Tipp: Die Knie folgen den Zehen, auf dem Weg nach unten und nach oben.

ex-bulgarian-split-squat = Bulgarische Kniebeuge
ex-bulgarian-split-squat-how =
    1. Stell dich einen großen Schritt vor einen Stuhl, mit dem Rücken zu ihm. Leg den hinteren Fußrücken auf die Sitzfläche.
    2. Senk dich gerade ab, bis der vordere Oberschenkel fast waagerecht ist.
    3. Drück dich über den vorderen Fuß wieder hoch.
    Tipp: Das Gewicht liegt auf dem vorderen Bein, sein Knie in einer Linie mit den Zehen.

ex-supine-windshield-wiper = Scheibenwischer
ex-supine-windshield-wiper-how =
    1. Leg dich auf den Rücken, Knie gebeugt, Füße flach und weiter als hüftbreit.
    2. Lass beide Knie langsam zu einer Seite fallen.
    3. Hol sie zurück und lass sie zur anderen Seite fallen.
    Tipp: Die Schultern bleiben am Boden. Geh nur so weit, wie es leicht geht.

## Nach innen gedrehte Hüfte

ex-kneeling-hip-flexor-stretch = Hüftbeuger-Dehnung im Knien
ex-kneeling-hip-flexor-stretch-how =
    1. Knie dich auf ein Knie, der andere Fuß flach vorne, beide Knie im rechten Winkel.
    2. Halte den Oberkörper aufrecht und kipp das Becken leicht nach hinten.
    3. Schieb die Hüfte sanft nach vorne, bis du vorne an der knienden Hüfte eine Dehnung spürst. Halte.
    Tipp: Ein Kissen unter dem Knie hilft. Mach kein Hohlkreuz.

ex-butterfly-stretch = Schmetterlingsdehnung
ex-butterfly-stretch-how =
    1. Setz dich auf den Boden, Fußsohlen aneinander, Knie zur Seite.
    2. Sitz aufrecht und lass die Knie Richtung Boden sinken.
    3. Drück sie sanft mit den Händen nach unten, wenn du mehr willst. Halte.
    Tipp: Wenn das schwerfällt, setz dich mit weit gegrätschten Beinen hin und lehn dich mit langem Rücken aus der Hüfte nach vorne.

ex-tfl-lean = Seitneigung mit gekreuzten Beinen
ex-tfl-lean-how =
    1. Stell dich aufrecht hin und kreuz ein Bein hinter das andere.
    2. Schieb die Hüfte des hinteren Beins zur Seite und neig den Oberkörper zur anderen Seite.
    3. Halte und spür die Dehnung außen an dieser Hüfte.
    Tipp: Halt dich an einer Wand oder einem Stuhl fest, wenn du wackelst.

ex-figure4-stretch = Vierer-Dehnung
ex-figure4-stretch-how =
    1. Leg dich auf den Rücken, beide Knie gebeugt.
    2. Leg einen Knöchel auf das andere Knie.
    3. Fass den Oberschenkel des unteren Beins und zieh ihn sanft zur Brust. Halte.
    Tipp: Du spürst es im Gesäß des gekreuzten Beins. Der Kopf bleibt unten.

ex-banded-clamshell = Muschel mit Band
ex-banded-clamshell-how =
    1. Leg dich auf die Seite, Hüften übereinander, Knie im rechten Winkel, ein Band knapp über den Knien.
    2. Lass die Füße zusammen und öffne das obere Knie zur Decke.
    3. Schließ es langsam gegen das Band.
    Tipp: Arbeite aus dem Gesäß und halte den unteren Rücken ruhig.

ex-side-lying-leg-raise = Beinheben in Seitenlage
ex-side-lying-leg-raise-how =
    1. Leg dich auf die Seite, Beine gestreckt übereinander, Kopf auf dem Arm.
    2. Heb das obere Bein zur Decke.
    3. Senk es langsam ab.
    Tipp: Die Zehen zeigen nach vorne, die Hüfte kippt nicht nach hinten.

ex-banded-lateral-walk = Seitschritte mit Band
ex-banded-lateral-walk-how =
    1. Leg ein Band um die Knöchel oder knapp über die Knie.
    2. Stell dich schulterbreit hin, Knie und Hüfte leicht gebeugt.
    3. Mach kleine Schritte zur Seite, das Band bleibt gespannt. Dann geh zurück.
    Tipp: Halte die Hüfte gerade und schaukle nicht hin und her.

ex-glute-bridge = Gesäßbrücke
ex-glute-bridge-how =
    1. Leg dich auf den Rücken, Knie gebeugt, Füße flach und hüftbreit.
    2. Spann das Gesäß an und heb die Hüfte, bis Knie, Hüfte und Schultern eine Linie bilden.
    3. Senk dich langsam ab.
    Tipp: Drück dich über die Fersen hoch. Du solltest es im Gesäß spüren, nicht im Rücken.

ex-single-leg-glute-bridge = Einbeinige Gesäßbrücke
ex-single-leg-glute-bridge-how =
    1. Leg dich auf den Rücken, Knie gebeugt, Füße flach.
    2. Streck ein Bein, in einer Linie mit dem anderen Oberschenkel.
    3. Drück dich über die andere Ferse hoch, dann senk dich langsam ab.
    Tipp: Die Hüfte bleibt gerade. Lass keine Seite absacken.

ex-bird-dog = Vierfüßlerstand mit Strecken
ex-bird-dog-how =
    1. Geh in den Vierfüßlerstand, Hände unter den Schultern, Knie unter der Hüfte.
    2. Streck einen Arm nach vorne und das andere Bein nach hinten, bis beide gerade sind.
    3. Halte kurz inne, hol beide zurück und wechsle die Seite.
    Tipp: Rücken flach, Hüfte gerade, als stünde eine Tasse Tee darauf.

ex-banded-squat = Kniebeuge mit Band
ex-banded-squat-how =
    1. Leg ein Band knapp über den Knien um die Beine. Stell dich schulterbreit hin.
    2. Geh langsam in die Hocke und drück die Knie sanft gegen das Band nach außen.
    3. Steh wieder auf, das Band bleibt gespannt.
    Tipp: Die Knie zeigen in dieselbe Richtung wie die Zehen, nach unten und nach oben.

ex-single-leg-balance = Einbeinstand
ex-single-leg-balance-how =
    1. Stell dich aufrecht neben eine Wand oder einen Stuhl.
    2. Heb einen Fuß und balanciere auf dem anderen Bein, Knie locker.
    3. Die Kniescheibe zeigt nach vorne, die Hüfte bleibt gerade. Halte.
    Tipp: Wenn es dir leichtfällt, greif mit den Armen oder dem freien Bein nach vorne, während du balancierst.

## Muskeln

muscle-glute-max = Gesäß
muscle-glute-med-min = seitliche Hüfte
muscle-deep-rotators = tiefe Hüftdreher
muscle-internal-rotators = Innendreher der Hüfte
muscle-hip-flexors = Hüftbeuger
muscle-adductors = Innenseite der Oberschenkel
muscle-tfl = vordere Außenseite der Hüfte
muscle-hamstrings = Rückseite der Oberschenkel
muscle-quadriceps = Vorderseite der Oberschenkel
muscle-core = Rumpf
muscle-ankle-calf = Knöchel und Waden
