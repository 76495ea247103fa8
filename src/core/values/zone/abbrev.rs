//! Zone abbreviations (`EST`, `CET`, `IST`) and names (`Pacific time`), and the few
//! everyday city names the GeoNames table does not carry (`NYC`). An abbreviation names a
//! real zone that keeps daylight saving: `EST` follows New York's clock, in summer too.

use chrono_tz::Tz;

/// A place whose clock an abbreviation follows: its name as shown, and its zone.
pub type Place = (&'static str, Tz);

const NEW_YORK: Place = ("New York", Tz::America__New_York);
const CHICAGO: Place = ("Chicago", Tz::America__Chicago);
const DENVER: Place = ("Denver", Tz::America__Denver);
const PHOENIX: Place = ("Phoenix", Tz::America__Phoenix);
const LOS_ANGELES: Place = ("Los Angeles", Tz::America__Los_Angeles);
const ANCHORAGE: Place = ("Anchorage", Tz::America__Anchorage);
const HONOLULU: Place = ("Honolulu", Tz::Pacific__Honolulu);
const HALIFAX: Place = ("Halifax", Tz::America__Halifax);
const ST_JOHNS: Place = ("St. John's", Tz::America__St_Johns);
const SAO_PAULO: Place = ("São Paulo", Tz::America__Sao_Paulo);
const LONDON: Place = ("London", Tz::Europe__London);
const DUBLIN: Place = ("Dublin", Tz::Europe__Dublin);
const LISBON: Place = ("Lisbon", Tz::Europe__Lisbon);
const BERLIN: Place = ("Berlin", Tz::Europe__Berlin);
const ATHENS: Place = ("Athens", Tz::Europe__Athens);
const MOSCOW: Place = ("Moscow", Tz::Europe__Moscow);
const JOHANNESBURG: Place = ("Johannesburg", Tz::Africa__Johannesburg);
const JERUSALEM: Place = ("Jerusalem", Tz::Asia__Jerusalem);
const RIYADH: Place = ("Riyadh", Tz::Asia__Riyadh);
const DUBAI: Place = ("Dubai", Tz::Asia__Dubai);
const KARACHI: Place = ("Karachi", Tz::Asia__Karachi);
const KOLKATA: Place = ("Kolkata", Tz::Asia__Kolkata);
const BANGKOK: Place = ("Bangkok", Tz::Asia__Bangkok);
const JAKARTA: Place = ("Jakarta", Tz::Asia__Jakarta);
const SHANGHAI: Place = ("Shanghai", Tz::Asia__Shanghai);
const HONG_KONG: Place = ("Hong Kong", Tz::Asia__Hong_Kong);
const SINGAPORE: Place = ("Singapore", Tz::Asia__Singapore);
const MANILA: Place = ("Manila", Tz::Asia__Manila);
const TOKYO: Place = ("Tokyo", Tz::Asia__Tokyo);
const SEOUL: Place = ("Seoul", Tz::Asia__Seoul);
const PERTH: Place = ("Perth", Tz::Australia__Perth);
const ADELAIDE: Place = ("Adelaide", Tz::Australia__Adelaide);
const BRISBANE: Place = ("Brisbane", Tz::Australia__Brisbane);
const SYDNEY: Place = ("Sydney", Tz::Australia__Sydney);
const AUCKLAND: Place = ("Auckland", Tz::Pacific__Auckland);

/// Abbreviation or zone name (folded: lower case, single spaces) → the places it may mean,
/// the usual one first. One place: asked as that place's clock; several: asked which.
/// Where a zone has summer and winter names, both lead to the same clock. Left out: the
/// ones that are also everyday words (`ET`, `ART`, `EAT`, `WEST`); a city or an offset
/// reaches those zones.
const ABBREVIATIONS: &[(&str, &[Place])] = &[
    ("est", &[NEW_YORK]),
    ("edt", &[NEW_YORK]),
    ("eastern time", &[NEW_YORK]),
    ("eastern standard time", &[NEW_YORK]),
    ("cst", &[CHICAGO, SHANGHAI]),
    ("cdt", &[CHICAGO]),
    ("central time", &[CHICAGO]),
    ("central standard time", &[CHICAGO]),
    ("mst", &[DENVER, PHOENIX]),
    ("mdt", &[DENVER]),
    ("mountain time", &[DENVER]),
    ("pst", &[LOS_ANGELES]),
    ("pdt", &[LOS_ANGELES]),
    ("pacific time", &[LOS_ANGELES]),
    ("pacific standard time", &[LOS_ANGELES]),
    ("akst", &[ANCHORAGE]),
    ("akdt", &[ANCHORAGE]),
    ("hst", &[HONOLULU]),
    ("ast", &[HALIFAX, RIYADH]),
    ("adt", &[HALIFAX]),
    ("atlantic time", &[HALIFAX]),
    ("nst", &[ST_JOHNS]),
    ("ndt", &[ST_JOHNS]),
    ("brt", &[SAO_PAULO]),
    ("gmt", &[LONDON]),
    ("bst", &[LONDON]),
    ("uk time", &[LONDON]),
    ("british time", &[LONDON]),
    ("wet", &[LISBON]),
    ("cet", &[BERLIN]),
    ("cest", &[BERLIN]),
    ("mez", &[BERLIN]),
    ("mesz", &[BERLIN]),
    ("central european time", &[BERLIN]),
    ("central european summer time", &[BERLIN]),
    ("mitteleuropaische zeit", &[BERLIN]),
    ("eet", &[ATHENS]),
    ("eest", &[ATHENS]),
    ("eastern european time", &[ATHENS]),
    ("osteuropaische zeit", &[ATHENS]),
    ("msk", &[MOSCOW]),
    ("moscow time", &[MOSCOW]),
    ("sast", &[JOHANNESBURG]),
    ("ist", &[KOLKATA, DUBLIN, JERUSALEM]),
    ("idt", &[JERUSALEM]),
    ("india time", &[KOLKATA]),
    ("gst", &[DUBAI]),
    ("pkt", &[KARACHI]),
    ("ict", &[BANGKOK]),
    ("wib", &[JAKARTA]),
    ("hkt", &[HONG_KONG]),
    ("sgt", &[SINGAPORE]),
    ("pht", &[MANILA]),
    ("jst", &[TOKYO]),
    ("kst", &[SEOUL]),
    ("awst", &[PERTH]),
    ("acst", &[ADELAIDE]),
    ("acdt", &[ADELAIDE]),
    ("aest", &[SYDNEY, BRISBANE]),
    ("aedt", &[SYDNEY]),
    ("nzst", &[AUCKLAND]),
    ("nzdt", &[AUCKLAND]),
];

/// The places an abbreviation or zone name may mean (`folded` as `cities::fold` gives it,
/// with a trailing "zone" or "zeit" word allowed: "Pacific time zone").
pub fn places(folded: &str) -> Option<&'static [Place]> {
    let key = folded.strip_suffix(" zone").unwrap_or(folded).trim();
    ABBREVIATIONS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, places)| *places)
}

/// Everyday names the city table does not carry (folded).
pub const CITY_ALIASES: &[(&str, Tz)] = &[
    ("nyc", Tz::America__New_York),
    ("new york city", Tz::America__New_York),
    ("washington dc", Tz::America__New_York),
    ("sf", Tz::America__Los_Angeles),
    ("la", Tz::America__Los_Angeles),
    ("saigon", Tz::Asia__Ho_Chi_Minh),
    ("katmandu", Tz::Asia__Kathmandu),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_follow_real_zones() {
        assert_eq!(places("est"), Some(&[NEW_YORK][..]));
        assert_eq!(places("pacific time zone"), Some(&[LOS_ANGELES][..]));
        assert_eq!(places("ist").map(<[_]>::len), Some(3));
        assert_eq!(places("berlin"), None);
        for (name, _) in ABBREVIATIONS {
            assert_eq!(
                ABBREVIATIONS.iter().filter(|(n, _)| n == name).count(),
                1,
                "{name}"
            );
        }
    }
}
