## Time zone: near misses and abbreviations

zone-did-you-mean = I don't know “{ $input }”. Did you mean { $place } ({ $zone })?
zone-abbreviation-which = “{ $abbrev }” can mean more than one time zone. Which one is yours?
zone-abbreviation-note = { $abbrev } is used in { $place } and other places; I'll follow { $place }'s clock, daylight saving included.
zone-abbreviation-note-no-dst = { $abbrev } is used in { $place } and other places; I'll follow { $place }'s clock.
zone-choice = { $place } ({ $zone })
zone-none-of-these = None of these
