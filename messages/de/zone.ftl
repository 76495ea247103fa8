## Zeitzone: knapp daneben und Abkürzungen

zone-did-you-mean = „{ $input }“ kenne ich nicht. Meinst du { $place } ({ $zone })?
zone-abbreviation-which = „{ $abbrev }“ kann mehr als eine Zeitzone bedeuten. Welche ist deine?
zone-abbreviation-note = { $abbrev } gilt in { $place } und anderswo; ich richte mich nach der Uhr von { $place }, mit Sommerzeit.
zone-abbreviation-note-no-dst = { $abbrev } gilt in { $place } und anderswo; ich richte mich nach der Uhr von { $place }.
zone-choice = { $place } ({ $zone })
zone-none-of-these = Keiner davon
