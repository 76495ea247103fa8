## Time zone: near misses and abbreviations

zone-did-you-mean = I don't know “{ $input }”. Did you mean { $place } ({ $zone })?
zone-did-you-mean-one-of = I don't know “{ $input }”. Did you mean one of these?
zone-abbreviation-which = { $abbrev } is used in more than one place. Which one is yours?
zone-abbreviation-note = { $abbrev } is used in { $place } and other places; I'll follow { $place }'s clock, daylight saving included.
zone-choice = { $place } ({ $zone })
zone-none-of-these = None of these
