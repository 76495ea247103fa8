//! What the measuring page sends back (a Telegram `web_app_data` message): untrusted JSON,
//! read strictly. The shape is part of the scripting interface (README, "The measuring
//! page"):
//!
//! ```json
//! {"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}
//! ```
//!
//! `test` is `seated`, `prone_internal` or `prone_external`; `side` is `left` or `right`;
//! `degrees` is the median of the `readings`, three to five whole degrees in the order
//! taken. An optional `"q"` is the bot's question number from the page's URL: then the answer
//! is taken only while that question is open. Extra fields are ignored (a later page may add
//! some); every named one must be there and right.

use serde::Deserialize;

use crate::core::values::measures::{Degrees, PhoneTest, Side};

/// Longer than this is refused before it is parsed (ours: the answer is under 120 bytes;
/// Telegram allows up to 4096).
pub const MAX_BYTES: usize = 1024;

/// The page takes three readings per side and at most two more when they disagree.
pub const READINGS: std::ops::RangeInclusive<usize> = 3..=5;

/// A measurement the page took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneReading {
    pub test: PhoneTest,
    pub side: Side,
    pub degrees: u8,
    pub readings: Vec<u8>,
    /// The question number the page was opened for, if it says (`q`).
    pub asked: Option<u32>,
}

impl PhoneReading {
    /// The lowest and the highest reading.
    pub fn low_high(&self) -> (u8, u8) {
        let low = self.readings.iter().min().copied().unwrap_or(self.degrees);
        let high = self.readings.iter().max().copied().unwrap_or(self.degrees);
        (low, high)
    }
}

/// Why an answer from the page was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not the page's JSON: too long, malformed, another version, a field missing or
    /// wrong, or a median that does not match its readings.
    Unreadable,
    /// A number beyond what a hip turns (more than [`Degrees::MAX`]).
    OutOfRange { degrees: i64 },
}

#[derive(Deserialize)]
struct Wire {
    v: u32,
    test: PhoneTest,
    side: Side,
    degrees: f64,
    readings: Vec<f64>,
    method: String,
    /// The question number the page was opened for (from its URL), when it says.
    #[serde(default)]
    q: Option<u32>,
}

/// Reads the page's answer. Total: any string gives a reading or a refusal.
pub fn read(data: &str) -> Result<PhoneReading, Refused> {
    if data.len() > MAX_BYTES {
        return Err(Refused::Unreadable);
    }
    let wire: Wire = serde_json::from_str(data).map_err(|_| Refused::Unreadable)?;
    if wire.v != 1 || wire.method != "phone" || !READINGS.contains(&wire.readings.len()) {
        return Err(Refused::Unreadable);
    }
    let whole = |n: f64| -> Result<u8, Refused> {
        if !n.is_finite() || n.fract() != 0.0 {
            return Err(Refused::Unreadable);
        }
        // Finite and whole: the cast is exact up to the saturation at i64's ends.
        let n = n as i64;
        match u8::try_from(n).ok().and_then(Degrees::new) {
            Some(d) => Ok(d.value()),
            None => Err(Refused::OutOfRange { degrees: n }),
        }
    };
    let degrees = whole(wire.degrees)?;
    let readings = wire
        .readings
        .iter()
        .map(|r| whole(*r))
        .collect::<Result<Vec<u8>, Refused>>()?;
    // The number stored is the readings' median (rounded half up between two middles):
    // a page, or a person typing JSON, cannot send a number its readings do not give.
    if median(&readings) != degrees {
        return Err(Refused::Unreadable);
    }
    Ok(PhoneReading {
        test: wire.test,
        side: wire.side,
        degrees,
        readings,
        asked: wire.q,
    })
}

/// The median of whole degrees; between two middle values, their mean rounded half up.
fn median(readings: &[u8]) -> u8 {
    let mut sorted = readings.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        let sum = u16::from(sorted[n / 2 - 1]) + u16::from(sorted[n / 2]);
        u8::try_from(sum.div_ceil(2)).unwrap_or(u8::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}"#;

    #[test]
    fn the_pages_answer_is_read() {
        let reading = read(GOOD).unwrap();
        assert_eq!(reading.test, PhoneTest::Seated);
        assert_eq!(reading.side, Side::Left);
        assert_eq!(reading.degrees, 38);
        assert_eq!(reading.readings, vec![37, 38, 40]);
        assert_eq!(reading.low_high(), (37, 40));
        let four = r#"{"v":1,"test":"prone_external","side":"right","degrees":31,
            "readings":[30,38,31,29],"method":"phone","page":"1.1"}"#;
        assert_eq!(
            read(four).unwrap().degrees,
            31,
            "30 and 31 in the middle: 30.5 → 31"
        );
        assert_eq!(reading.asked, None);
        let numbered = GOOD.replace(r#""method":"phone""#, r#""method":"phone","q":12"#);
        assert_eq!(read(&numbered).unwrap().asked, Some(12));
    }

    #[test]
    fn anything_else_is_refused() {
        let long = format!(
            "{}{}",
            &GOOD[..GOOD.len() - 1],
            ",\"x\":\"".to_owned() + &"a".repeat(2000) + "\"}"
        );
        for (data, why) in [
            ("", "empty"),
            ("38", "a bare number"),
            ("{", "broken JSON"),
            (&long[..], "oversized"),
            (
                r#"{"v":2,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}"#,
                "another version",
            ),
            (
                r#"{"v":1,"test":"standing","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}"#,
                "unknown test",
            ),
            (
                r#"{"v":1,"test":"seated","side":"middle","degrees":38,"readings":[37,38,40],"method":"phone"}"#,
                "unknown side",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"guess"}"#,
                "not the phone",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":38,"readings":[38],"method":"phone"}"#,
                "one reading",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":38,"readings":[38,38,38,38,38,38],"method":"phone"}"#,
                "six readings",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":45,"readings":[37,38,40],"method":"phone"}"#,
                "not the median",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":38.5,"readings":[37,38,40],"method":"phone"}"#,
                "not whole",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","readings":[37,38,40],"method":"phone"}"#,
                "no degrees",
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":"38","readings":[37,38,40],"method":"phone"}"#,
                "a string",
            ),
        ] {
            assert_eq!(read(data), Err(Refused::Unreadable), "{why}: {data:.80}");
        }
        for (data, degrees) in [
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":120,"readings":[120,120,120],"method":"phone"}"#,
                120,
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":-5,"readings":[-5,-5,-5],"method":"phone"}"#,
                -5,
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":91,"readings":[91,91,91],"method":"phone"}"#,
                91,
            ),
            (
                r#"{"v":1,"test":"seated","side":"left","degrees":1e300,"readings":[1,1,1],"method":"phone"}"#,
                i64::MAX,
            ),
        ] {
            assert_eq!(read(data), Err(Refused::OutOfRange { degrees }), "{data}");
        }
    }
}
