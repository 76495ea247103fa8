//! The person's time zone: an IANA zone, or a fixed UTC offset for people who gave one.
//!
//! Raw text becomes a [`Zone`] here, once; the rest of the code never sees the string.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where a person lives, as far as clocks are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A zone from the IANA database; follows daylight-saving time.
    Named(Tz),
    /// A fixed offset from UTC, as typed (`+05:45`); never changes.
    Fixed(FixedOffset),
}

/// Why a piece of text is not a time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error("empty input")]
    Empty,
    #[error("offset out of range (UTC-12 to UTC+14)")]
    OffsetOutOfRange,
    #[error("no zone, city or offset matches")]
    Unknown,
}

impl Zone {
    /// UTC itself.
    pub const UTC: Zone = Zone::Named(Tz::UTC);

    /// Reads what a person typed: an IANA name (`Europe/Berlin`), a city (`New York`,
    /// `Kathmandu`), or a UTC offset (`+2`, `UTC-5`, `+05:45`, `GMT+1`).
    pub fn parse(input: &str) -> Result<Zone, ZoneError> {
        let text = input.trim().trim_end_matches(['.', '!', '?']).trim();
        if text.is_empty() {
            return Err(ZoneError::Empty);
        }
        if text.chars().count() > 64 {
            return Err(ZoneError::Unknown);
        }
        if let Some(offset) = parse_offset(text)? {
            return Ok(offset);
        }
        let underscored: String = text.split_whitespace().collect::<Vec<_>>().join("_");
        if let Ok(tz) = Tz::from_str_insensitive(&underscored) {
            return Ok(Zone::Named(tz));
        }
        let key = city_key(text);
        city_index()
            .get(key.as_str())
            .map(|tz| Zone::Named(*tz))
            .ok_or(ZoneError::Unknown)
    }

    /// The zone at a point on Earth (a location shared in Telegram), if any land zone covers it.
    pub fn at_location(latitude: f64, longitude: f64) -> Option<Zone> {
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            return None;
        }
        static FINDER: OnceLock<tzf_rs::EmbeddedFinder> = OnceLock::new();
        let finder = FINDER.get_or_init(tzf_rs::EmbeddedFinder::new);
        let tz = Tz::from_str(finder.get_tz_name(longitude, latitude)).ok()?;
        if tz.name().starts_with("Etc/") {
            // Open sea: `Etc/GMT+2` means UTC-2, which reads backwards. Show the offset.
            let offset = tz
                .offset_from_utc_datetime(&chrono::NaiveDateTime::default())
                .fix();
            return Some(if offset.local_minus_utc() == 0 {
                Zone::UTC
            } else {
                Zone::Fixed(offset)
            });
        }
        Some(Zone::Named(tz))
    }

    /// The stable name used in storage and events: `Europe/Berlin` or `UTC+05:45`.
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_string(),
            Zone::Fixed(offset) => format_offset(offset.local_minus_utc()),
        }
    }

    /// Reads a name produced by [`Zone::name`].
    pub fn from_name(name: &str) -> Option<Zone> {
        if let Some(rest) = name.strip_prefix("UTC")
            && !rest.is_empty()
        {
            return parse_offset(name).ok().flatten();
        }
        Tz::from_str(name).ok().map(Zone::Named)
    }

    /// True when the zone has no daylight-saving rules of its own.
    pub fn is_fixed_offset(&self) -> bool {
        matches!(self, Zone::Fixed(_))
    }

    /// The wall-clock time in this zone at a given instant.
    pub fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        // Total: at the very ends of the calendar, where the local time would fall outside
        // what chrono can hold, the UTC wall time stands in (nothing is ever due there).
        let utc = instant.naive_utc();
        utc.checked_add_offset(self.offset_at(instant))
            .unwrap_or(utc)
    }

    /// The offset from UTC in force at a given instant.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> FixedOffset {
        match self {
            Zone::Named(tz) => tz.offset_from_utc_datetime(&instant.naive_utc()).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Zone::from_name(&name).ok_or_else(|| serde::de::Error::custom("unknown time zone"))
    }
}

fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `Ok(None)` when the text does not look like an offset at all, so that city names
/// can be tried next; `Err` when it looks like one but is impossible.
fn parse_offset(text: &str) -> Result<Option<Zone>, ZoneError> {
    let lower = text.to_ascii_lowercase();
    let (had_prefix, rest) = match lower
        .strip_prefix("utc")
        .or_else(|| lower.strip_prefix("gmt"))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, lower.as_str()),
    };
    if had_prefix && rest.is_empty() {
        return Ok(Some(Zone::UTC));
    }
    let mut chars = rest.chars();
    let sign = match chars.next() {
        Some('+') => 1,
        Some('-') | Some('\u{2212}') | Some('\u{2013}') => -1,
        _ => return Ok(None),
    };
    let body = chars.as_str().trim();
    let (hours, minutes) = if let Some((h, m)) = body.split_once([':', '.', 'h']) {
        (h, m)
    } else if body.len() == 4 && body.bytes().all(|b| b.is_ascii_digit()) {
        body.split_at(2)
    } else {
        (body, "0")
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) {
        return Ok(None);
    }
    let (hours, minutes): (i32, i32) = match (hours.parse(), minutes.parse()) {
        (Ok(h), Ok(m)) => (h, m),
        _ => return Ok(None),
    };
    if minutes >= 60 {
        return Err(ZoneError::OffsetOutOfRange);
    }
    let total = sign * (hours * 3600 + minutes * 60);
    if !(-12 * 3600..=14 * 3600).contains(&total) {
        return Err(ZoneError::OffsetOutOfRange);
    }
    if total == 0 {
        return Ok(Some(Zone::UTC));
    }
    Ok(FixedOffset::east_opt(total).map(Zone::Fixed))
}

/// Lower case, no accents, single spaces: `São Paulo` and `sao_paulo` meet as `sao paulo`.
fn city_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '_' | '-' | ',' => ' ',
            c => c,
        };
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cities people name that are not the last part of an IANA zone name.
const CITY_ALIASES: &[(&str, Tz)] = &[
    ("munich", Tz::Europe__Berlin),
    ("munchen", Tz::Europe__Berlin),
    ("hamburg", Tz::Europe__Berlin),
    ("frankfurt", Tz::Europe__Berlin),
    ("cologne", Tz::Europe__Berlin),
    ("koln", Tz::Europe__Berlin),
    ("stuttgart", Tz::Europe__Berlin),
    ("dusseldorf", Tz::Europe__Berlin),
    ("leipzig", Tz::Europe__Berlin),
    ("dresden", Tz::Europe__Berlin),
    ("hanover", Tz::Europe__Berlin),
    ("hannover", Tz::Europe__Berlin),
    ("geneva", Tz::Europe__Zurich),
    ("basel", Tz::Europe__Zurich),
    ("bern", Tz::Europe__Zurich),
    ("salzburg", Tz::Europe__Vienna),
    ("graz", Tz::Europe__Vienna),
    ("wien", Tz::Europe__Vienna),
    ("manchester", Tz::Europe__London),
    ("birmingham", Tz::Europe__London),
    ("edinburgh", Tz::Europe__London),
    ("glasgow", Tz::Europe__London),
    ("leeds", Tz::Europe__London),
    ("liverpool", Tz::Europe__London),
    ("bristol", Tz::Europe__London),
    ("cardiff", Tz::Europe__London),
    ("belfast", Tz::Europe__London),
    ("cork", Tz::Europe__Dublin),
    ("lyon", Tz::Europe__Paris),
    ("marseille", Tz::Europe__Paris),
    ("toulouse", Tz::Europe__Paris),
    ("nice", Tz::Europe__Paris),
    ("barcelona", Tz::Europe__Madrid),
    ("valencia", Tz::Europe__Madrid),
    ("seville", Tz::Europe__Madrid),
    ("porto", Tz::Europe__Lisbon),
    ("milan", Tz::Europe__Rome),
    ("milano", Tz::Europe__Rome),
    ("naples", Tz::Europe__Rome),
    ("turin", Tz::Europe__Rome),
    ("florence", Tz::Europe__Rome),
    ("rotterdam", Tz::Europe__Amsterdam),
    ("the hague", Tz::Europe__Amsterdam),
    ("antwerp", Tz::Europe__Brussels),
    ("krakow", Tz::Europe__Warsaw),
    ("gothenburg", Tz::Europe__Stockholm),
    ("st petersburg", Tz::Europe__Moscow),
    ("saint petersburg", Tz::Europe__Moscow),
    ("kiev", Tz::Europe__Kyiv),
    ("new york city", Tz::America__New_York),
    ("nyc", Tz::America__New_York),
    ("boston", Tz::America__New_York),
    ("washington", Tz::America__New_York),
    ("washington dc", Tz::America__New_York),
    ("philadelphia", Tz::America__New_York),
    ("atlanta", Tz::America__New_York),
    ("miami", Tz::America__New_York),
    ("pittsburgh", Tz::America__New_York),
    ("dallas", Tz::America__Chicago),
    ("houston", Tz::America__Chicago),
    ("austin", Tz::America__Chicago),
    ("minneapolis", Tz::America__Chicago),
    ("new orleans", Tz::America__Chicago),
    ("san francisco", Tz::America__Los_Angeles),
    ("sf", Tz::America__Los_Angeles),
    ("la", Tz::America__Los_Angeles),
    ("seattle", Tz::America__Los_Angeles),
    ("san diego", Tz::America__Los_Angeles),
    ("san jose", Tz::America__Los_Angeles),
    ("portland", Tz::America__Los_Angeles),
    ("las vegas", Tz::America__Los_Angeles),
    ("salt lake city", Tz::America__Denver),
    ("calgary", Tz::America__Edmonton),
    ("montreal", Tz::America__Toronto),
    ("ottawa", Tz::America__Toronto),
    ("quebec", Tz::America__Toronto),
    ("rio de janeiro", Tz::America__Sao_Paulo),
    ("rio", Tz::America__Sao_Paulo),
    ("brasilia", Tz::America__Sao_Paulo),
    ("delhi", Tz::Asia__Kolkata),
    ("new delhi", Tz::Asia__Kolkata),
    ("mumbai", Tz::Asia__Kolkata),
    ("bombay", Tz::Asia__Kolkata),
    ("bangalore", Tz::Asia__Kolkata),
    ("bengaluru", Tz::Asia__Kolkata),
    ("chennai", Tz::Asia__Kolkata),
    ("hyderabad", Tz::Asia__Kolkata),
    ("pune", Tz::Asia__Kolkata),
    ("calcutta", Tz::Asia__Kolkata),
    ("beijing", Tz::Asia__Shanghai),
    ("shenzhen", Tz::Asia__Shanghai),
    ("guangzhou", Tz::Asia__Shanghai),
    ("osaka", Tz::Asia__Tokyo),
    ("kyoto", Tz::Asia__Tokyo),
    ("busan", Tz::Asia__Seoul),
    ("hanoi", Tz::Asia__Bangkok),
    ("saigon", Tz::Asia__Ho_Chi_Minh),
    ("ho chi minh city", Tz::Asia__Ho_Chi_Minh),
    ("abu dhabi", Tz::Asia__Dubai),
    ("tel aviv", Tz::Asia__Jerusalem),
    ("canberra", Tz::Australia__Sydney),
    ("wellington", Tz::Pacific__Auckland),
    ("cape town", Tz::Africa__Johannesburg),
    ("katmandu", Tz::Asia__Kathmandu),
];

/// City name → zone: the aliases above, then the last part of every IANA name
/// (`Kathmandu`, `New York`), preferring the geographic regions over legacy names.
fn city_index() -> &'static HashMap<String, Tz> {
    static INDEX: OnceLock<HashMap<String, Tz>> = OnceLock::new();
    INDEX.get_or_init(|| {
        const REGIONS: [&str; 8] = [
            "Europe/",
            "America/",
            "Asia/",
            "Africa/",
            "Australia/",
            "Pacific/",
            "Atlantic/",
            "Indian/",
        ];
        let mut index: HashMap<String, Tz> = CITY_ALIASES
            .iter()
            .map(|(name, tz)| ((*name).to_string(), *tz))
            .collect();
        let preferred = chrono_tz::TZ_VARIANTS
            .iter()
            .filter(|tz| REGIONS.iter().any(|r| tz.name().starts_with(r)));
        let others = chrono_tz::TZ_VARIANTS
            .iter()
            .filter(|tz| !REGIONS.iter().any(|r| tz.name().starts_with(r)));
        for tz in preferred.chain(others) {
            if let Some(city) = tz.name().rsplit('/').next() {
                index.entry(city_key(city)).or_insert(*tz);
            }
        }
        index
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_documented_form() {
        let cases = [
            ("Europe/Berlin", "Europe/Berlin"),
            ("europe/berlin", "Europe/Berlin"),
            ("Berlin", "Europe/Berlin"),
            ("New York", "America/New_York"),
            ("new york", "America/New_York"),
            ("Kathmandu", "Asia/Kathmandu"),
            ("São Paulo", "America/Sao_Paulo"),
            ("Munich", "Europe/Berlin"),
            ("+2", "UTC+02:00"),
            ("UTC-5", "UTC-05:00"),
            ("+05:45", "UTC+05:45"),
            ("GMT+1", "UTC+01:00"),
            ("utc +5:30", "UTC+05:30"),
            ("-0300", "UTC-03:00"),
            ("UTC", "UTC"),
            ("utc+0", "UTC"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                Zone::parse(input).map(|z| z.name()),
                Ok(expected.to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn rejects_what_is_not_a_zone() {
        for input in ["", "   ", "hello", "2", "+15", "-13", "+05:75", "Atlantis"] {
            assert!(Zone::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn names_round_trip() {
        for input in [
            "Europe/London",
            "+05:45",
            "UTC-03:30",
            "Asia/Kathmandu",
            "UTC",
        ] {
            let zone = Zone::parse(input).unwrap();
            assert_eq!(Zone::from_name(&zone.name()), Some(zone));
        }
    }

    #[test]
    fn finds_the_zone_of_a_shared_location() {
        assert_eq!(
            Zone::at_location(52.52, 13.405).map(|z| z.name()),
            Some("Europe/Berlin".into())
        );
        assert_eq!(
            Zone::at_location(27.7172, 85.324).map(|z| z.name()),
            Some("Asia/Kathmandu".into())
        );
        assert_eq!(
            Zone::at_location(0.0, -30.0).map(|z| z.name()),
            Some("UTC-02:00".into())
        );
        assert_eq!(Zone::at_location(95.0, 0.0), None);
        assert_eq!(Zone::at_location(f64::NAN, 0.0), None);
    }

    #[test]
    fn local_time_follows_daylight_saving() {
        let zone = Zone::parse("Europe/London").unwrap();
        let winter = "2026-01-15T12:00:00Z".parse().unwrap();
        let summer = "2026-07-15T12:00:00Z".parse().unwrap();
        assert_eq!(zone.local(winter).format("%H:%M").to_string(), "12:00");
        assert_eq!(zone.local(summer).format("%H:%M").to_string(), "13:00");
    }
}
