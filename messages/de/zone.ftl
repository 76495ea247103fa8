## Zeitzone: knapp daneben und Abkürzungen

zone-did-you-mean = „{ $input }“ kenne ich nicht. Meinst du { $place } ({ $zone })?
zone-did-you-mean-one-of = „{ $input }“ kenne ich nicht. Meinst du einen dieser Orte?
zone-abbreviation-which = { $abbrev } gibt es an mehr als einem Ort. Welcher ist deiner?
zone-abbreviation-note = { $abbrev } gilt in { $place } und anderswo; ich richte mich nach der Uhr von { $place }, mit Sommerzeit.
zone-choice = { $place } ({ $zone })
zone-none-of-these = Keiner davon
