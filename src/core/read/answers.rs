//! Readers for the answers a person types during intake and check-ins.
//!
//! Each parser takes any string and never panics. It turns chat text ("about 4",
//! "mo-fr 9-17", "7pm") into a domain type once, so the rest of the code never
//! handles the raw string. English and German wording both work; case, surrounding
//! whitespace and a trailing period do not matter.
//!
//! The text is first cut into tokens: numbers (with an optional decimal part), words
//! and single symbols. Each parser then matches a small pattern of tokens.

use chrono::{NaiveTime, Timelike, Weekday};

use crate::core::values::measures::{Degrees, PainScore, Weekdays, WorkingHours};

/// Why an answer could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The text is not in any form we recognise.
    #[error("not understood")]
    NotUnderstood,
    /// The text was read, but the value is outside what the question allows.
    #[error("out of range")]
    OutOfRange,
}

/// Reads a pain rating: `3`, `3/10`, `4 out of 10`, `about 4`, `~4`, `2,5` (rounds half
/// up to 3), `3-4` (a range gives the higher number), `none`, `keine`, `kein Schmerz`.
pub fn parse_pain(text: &str) -> Result<PainScore, AnswerError> {
    let text = normalize(text)?;
    if NO_PAIN.contains(&text.as_str()) {
        return Ok(PainScore::ZERO);
    }
    let tokens = without(&tokenize(&text), PAIN_FILLERS);
    let tokens = strip_out_of_ten(&tokens)?;
    let value = match read_amount(tokens)? {
        Amount::One(value) => value,
        Amount::Between(low, high) => low.max(high),
    };
    small(value)
        .and_then(PainScore::new)
        .ok_or(AnswerError::OutOfRange)
}

/// Reads an angle of hip rotation: `30`, `30°`, `30 degrees`, `30 Grad`, `ca. 35`, `~35`;
/// `35.5` rounds half up to 36.
pub fn parse_degrees(text: &str) -> Result<Degrees, AnswerError> {
    let text = normalize(text)?;
    let tokens = without(&tokenize(&text), DEGREE_FILLERS);
    match read_amount(&tokens)? {
        Amount::One(value) => small(value)
            .and_then(Degrees::new)
            .ok_or(AnswerError::OutOfRange),
        Amount::Between(..) => Err(AnswerError::NotUnderstood),
    }
}

/// Reads an age in whole years: `34`, `34 years`, `I'm 34`, `34 Jahre`. Accepts 5 to 100.
pub fn parse_age(text: &str) -> Result<u8, AnswerError> {
    // Children too: an age under 18 is read, then referred (`safety::ADULT_AGE`).
    const YOUNGEST: u32 = 5;
    const OLDEST: u32 = 100;
    let text = normalize(text)?;
    let tokens = without(&tokenize(&text), AGE_FILLERS);
    if tokens
        .iter()
        .any(|token| matches!(token, Tok::Num(n) if n.frac.is_some()))
    {
        return Err(AnswerError::NotUnderstood);
    }
    match read_amount(&tokens)? {
        Amount::One(age) if (YOUNGEST..=OLDEST).contains(&age) => {
            small(age).ok_or(AnswerError::OutOfRange)
        }
        Amount::One(_) => Err(AnswerError::OutOfRange),
        Amount::Between(..) => Err(AnswerError::NotUnderstood),
    }
}

/// Reads hours spent sitting per day: `8`, `8h`, `8 hours`, `8 Stunden`, `about 6`;
/// `6-8` gives the midpoint rounded down, 7. Accepts 0 to 24.
pub fn parse_hours(text: &str) -> Result<u8, AnswerError> {
    const DAY: u32 = 24;
    let text = normalize(text)?;
    let tokens = without(&tokenize(&text), HOUR_FILLERS);
    let hours = match read_amount(&tokens)? {
        Amount::One(hours) => hours,
        Amount::Between(low, high) if low <= DAY && high <= DAY => (low + high) / 2,
        Amount::Between(..) => return Err(AnswerError::OutOfRange),
    };
    if hours > DAY {
        return Err(AnswerError::OutOfRange);
    }
    small(hours).ok_or(AnswerError::OutOfRange)
}

/// Reads a time of day: `7` (07:00), `7am`, `7 pm`, `19:00`, `19.30`, `19h30`, `7:15pm`,
/// `19 Uhr`, `noon`, `mittags`. `12am` is midnight and `12pm` is noon.
pub fn parse_time_of_day(text: &str) -> Result<NaiveTime, AnswerError> {
    let text = normalize(text)?;
    let tokens = tokenize(&text);
    let tokens = skip_while_in(&tokens, TIME_LEAD);
    match read_clock(tokens) {
        Some((clock, [])) => clock.resolve(),
        _ => Err(AnswerError::NotUnderstood),
    }
}

/// Reads working days and hours: `mon-fri 8:30-17`, `Sun–Thu 08:00–16:00`, `mo-fr 9-17`,
/// `mon, wed, fri 9-13`, `9am-5pm`, `Monday to Friday 9 to 5`, `weekends 10-14`,
/// `täglich 8-16`.
///
/// Days default to Monday to Friday. When the end has no am/pm and is earlier than a
/// start up to noon, it is taken as pm: `9-5:30` ends at 17:30. When only the end says
/// pm and the start could be pm too (`1-5pm`), the start is taken as pm. The shift must
/// end on the same day and last at least an hour; otherwise the answer is
/// [`AnswerError::OutOfRange`].
pub fn parse_working_hours(text: &str) -> Result<WorkingHours, AnswerError> {
    let text = normalize(text)?;
    let tokens = tokenize(&text);
    let (days_before, rest) = read_days(&tokens);
    let (start, end, rest) = read_clock_range(rest).ok_or(AnswerError::NotUnderstood)?;
    let (days_after, rest) = read_days(rest);
    if !rest.is_empty() {
        return Err(AnswerError::NotUnderstood);
    }
    let days = match (days_before, days_after) {
        (Some(days), None) | (None, Some(days)) => days,
        (None, None) => Weekdays::MON_FRI,
        (Some(_), Some(_)) => return Err(AnswerError::NotUnderstood),
    };
    let (start, end) = resolve_range(start, end)?;
    if minutes_between(start, end) < 60 {
        return Err(AnswerError::OutOfRange);
    }
    Ok(WorkingHours { days, start, end })
}

/// Reads a set of days on their own: `mon wed fri`, `Mo, Mi, Fr`, `mon-fri`,
/// `Tuesday and Thursday`, `weekdays`, `werktags`, `every day`, `täglich` (the same day
/// words as [`parse_working_hours`]). Never empty.
pub fn parse_days(text: &str) -> Result<Weekdays, AnswerError> {
    let text = normalize(text)?;
    let tokens = tokenize(&text);
    match read_days(&tokens) {
        (Some(days), []) if !days.is_empty() => Ok(days),
        _ => Err(AnswerError::NotUnderstood),
    }
}

/// Reads an optional lunch break: `12-13`, `12:30-13:15`, `12:30 to 1:15` (the pm rule of
/// [`parse_working_hours`] applies), or `none`, `no lunch`, `skip`, `keine`, `nein` for
/// no break. A break lasts from 10 minutes to 3 hours.
pub fn parse_lunch(text: &str) -> Result<Option<(NaiveTime, NaiveTime)>, AnswerError> {
    const SHORTEST: i64 = 10;
    const LONGEST: i64 = 3 * 60;
    let text = normalize(text)?;
    if NO_LUNCH.contains(&text.as_str()) {
        return Ok(None);
    }
    let tokens = tokenize(&text);
    let (start, end, rest) = read_clock_range(&tokens).ok_or(AnswerError::NotUnderstood)?;
    if !rest.is_empty() {
        return Err(AnswerError::NotUnderstood);
    }
    let (start, end) = resolve_range(start, end)?;
    if !(SHORTEST..=LONGEST).contains(&minutes_between(start, end)) {
        return Err(AnswerError::OutOfRange);
    }
    Ok(Some((start, end)))
}

// ---------------------------------------------------------------------------------------
// Word lists.

/// Whole answers that mean no pain at all.
const NO_PAIN: &[&str] = &[
    "no",
    "none",
    "no pain",
    "no pain at all",
    "not at all",
    "zero",
    "nothing",
    "nil",
    "nein",
    "kein",
    "keine",
    "kein schmerz",
    "keine schmerzen",
    "gar keine",
    "gar keine schmerzen",
    "gar nicht",
    "null",
    "nichts",
];

/// Whole answers that mean there is no lunch break.
const NO_LUNCH: &[&str] = &[
    "no",
    "nope",
    "none",
    "no lunch",
    "no break",
    "no lunch break",
    "skip",
    "nothing",
    "n/a",
    "-",
    "nein",
    "kein",
    "keine",
    "keine pause",
    "keine mittagspause",
    "nichts",
];

/// Words that hedge a number: "about 4", "ca. 35".
const HEDGES: &[&str] = &[
    "about",
    "around",
    "approx",
    "approximately",
    "roughly",
    "maybe",
    "like",
    "ca",
    "circa",
    "etwa",
    "ungefähr",
    "ungefaehr",
    "vielleicht",
];

/// Ignored around a pain rating.
const PAIN_FILLERS: Filler = Filler {
    words: &[HEDGES, &["pain", "schmerz", "schmerzen"]],
    symbols: &['~'],
};

/// Ignored around an angle.
const DEGREE_FILLERS: Filler = Filler {
    words: &[HEDGES, &["deg", "degree", "degrees", "grad"]],
    symbols: &['~', '°', 'º'],
};

/// Ignored around an age: "I'm 34 years old", "ich bin 34 Jahre alt".
const AGE_FILLERS: Filler = Filler {
    words: &[
        HEDGES,
        &[
            "i", "m", "am", "im", "ich", "bin", "age", "aged", "years", "year", "yrs", "yr", "y",
            "o", "yo", "old", "jahre", "jahr", "j", "alt",
        ],
    ],
    symbols: &['~', '\'', '/', ':'],
};

/// Ignored around hours per day: "8 hours a day", "8 Stunden am Tag".
const HOUR_FILLERS: Filler = Filler {
    words: &[
        HEDGES,
        &[
            "h", "hour", "hours", "hr", "hrs", "std", "stunde", "stunden", "a", "per", "pro",
            "day", "d", "am", "tag", "daily", "täglich",
        ],
    ],
    symbols: &['~', '/'],
};

/// May come before a time of day: "at 7", "um 19 Uhr", "around 8".
const TIME_LEAD: Filler = Filler {
    words: &[HEDGES, &["at", "um", "gegen", "from", "von"]],
    symbols: &['~', ':', ','],
};

/// May come between or before day names: "on Mon and Wed", "am Wochenende".
const DAY_JOINERS: Filler = Filler {
    words: &[&["on", "am", "an", "and", "und", "from", "von"]],
    symbols: &[',', '&', '+', '/'],
};

/// Words that separate the two ends of a range.
const RANGE_WORDS: &[&str] = &["to", "bis", "until", "till", "til", "through", "thru"];

/// Day names and abbreviations in English and German.
const DAY_NAMES: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("monday", Weekday::Mon),
    ("mo", Weekday::Mon),
    ("montag", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("tuesday", Weekday::Tue),
    ("di", Weekday::Tue),
    ("dienstag", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("weds", Weekday::Wed),
    ("wednesday", Weekday::Wed),
    ("mi", Weekday::Wed),
    ("mittwoch", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("thursday", Weekday::Thu),
    ("do", Weekday::Thu),
    ("donnerstag", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("friday", Weekday::Fri),
    ("fr", Weekday::Fri),
    ("freitag", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("saturday", Weekday::Sat),
    ("sa", Weekday::Sat),
    ("samstag", Weekday::Sat),
    ("sonnabend", Weekday::Sat),
    ("sun", Weekday::Sun),
    ("sunday", Weekday::Sun),
    ("so", Weekday::Sun),
    ("sonntag", Weekday::Sun),
];

/// Single words that name a group of days.
const DAY_GROUPS: &[(&str, Weekdays)] = &[
    ("weekdays", Weekdays::MON_FRI),
    ("weekday", Weekdays::MON_FRI),
    ("workdays", Weekdays::MON_FRI),
    ("workday", Weekdays::MON_FRI),
    ("werktags", Weekdays::MON_FRI),
    ("werktage", Weekdays::MON_FRI),
    ("wochentags", Weekdays::MON_FRI),
    ("wochentage", Weekdays::MON_FRI),
    ("weekends", Weekdays::WEEKEND),
    ("weekend", Weekdays::WEEKEND),
    ("wochenende", Weekdays::WEEKEND),
    ("wochenenden", Weekdays::WEEKEND),
    ("daily", Weekdays::EVERY_DAY),
    ("everyday", Weekdays::EVERY_DAY),
    ("täglich", Weekdays::EVERY_DAY),
    ("taeglich", Weekdays::EVERY_DAY),
];

// ---------------------------------------------------------------------------------------
// Text to tokens.

/// Longer answers are not answers to our questions; refusing them keeps work bounded.
const MAX_INPUT_BYTES: usize = 200;

/// Lower case, single spaces, no surrounding whitespace and no trailing period.
fn normalize(text: &str) -> Result<String, AnswerError> {
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    if text.is_empty() || text.len() > MAX_INPUT_BYTES {
        return Err(AnswerError::NotUnderstood);
    }
    let lower = text.to_lowercase();
    Ok(lower.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One piece of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    /// A number such as `7`, `2.5` or `19,30`.
    Num(Num<'a>),
    /// A run of letters, such as `mon` or `täglich`.
    Word(&'a str),
    /// Any other single character; all dashes are `-`, all apostrophes `'`.
    Sym(char),
}

/// A number as typed: its whole part and, if it has one, the digits after the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Num<'a> {
    /// ASCII digits, never empty.
    int: &'a str,
    /// ASCII digits after a `.` or `,`; never empty when present.
    frac: Option<&'a str>,
}

impl Num<'_> {
    /// The whole part; numbers too large for a `u32` become `u32::MAX`.
    fn whole(self) -> u32 {
        self.int.parse().unwrap_or(u32::MAX)
    }

    /// The number rounded half up to a whole number: `2.5` is 3, `2.49` is 2.
    fn rounded(self) -> u32 {
        let round_up = self
            .frac
            .and_then(|digits| digits.chars().next())
            .is_some_and(|first| first >= '5');
        self.whole().saturating_add(u32::from(round_up))
    }

    /// The number read as minutes after the hour: exactly two digits.
    fn minutes(self) -> Option<u32> {
        (self.frac.is_none() && self.int.len() == 2).then(|| self.whole())
    }
}

/// Cuts normalized text into tokens; whitespace only separates them.
fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c.is_ascii_digit() {
            let (int, after) = split_digits(rest);
            let (frac, after) = split_fraction(after);
            tokens.push(Tok::Num(Num { int, frac }));
            rest = after;
        } else if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let (word, after) = rest.split_at(end);
            tokens.push(Tok::Word(word));
            // A dot right after a word only abbreviates it: "ca.", "Mon.", "a.m.".
            rest = after.strip_prefix('.').unwrap_or(after);
        } else {
            tokens.push(Tok::Sym(canonical_symbol(c)));
            rest = &rest[c.len_utf8()..];
        }
    }
    tokens
}

/// Splits the leading ASCII digits off `text`.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Splits a decimal part (`.5`, `,30`) off the text after a number, if there is one.
fn split_fraction(after: &str) -> (Option<&str>, &str) {
    let Some(rest) = after.strip_prefix(['.', ',']) else {
        return (None, after);
    };
    let (digits, rest) = split_digits(rest);
    if digits.is_empty() {
        (None, after)
    } else {
        (Some(digits), rest)
    }
}

/// Folds look-alike characters together.
fn canonical_symbol(c: char) -> char {
    match c {
        '–' | '—' | '−' | '‐' | '‑' => '-',
        '’' | '‘' | '`' | '´' => '\'',
        '≈' => '~',
        c => c,
    }
}

/// Words and symbols to ignore. Words come in several lists so that shared lists such as
/// [`HEDGES`] need not be repeated.
struct Filler {
    words: &'static [&'static [&'static str]],
    symbols: &'static [char],
}

impl Filler {
    fn matches(&self, token: &Tok<'_>) -> bool {
        match token {
            Tok::Word(word) => self.words.iter().any(|list| list.contains(word)),
            Tok::Sym(symbol) => self.symbols.contains(symbol),
            Tok::Num(_) => false,
        }
    }
}

/// The tokens with every filler removed, wherever it stands.
fn without<'a>(tokens: &[Tok<'a>], filler: Filler) -> Vec<Tok<'a>> {
    tokens
        .iter()
        .filter(|token| !filler.matches(token))
        .copied()
        .collect()
}

/// The tokens after any leading fillers.
fn skip_while_in<'t, 'a>(tokens: &'t [Tok<'a>], filler: Filler) -> &'t [Tok<'a>] {
    let skipped = tokens
        .iter()
        .take_while(|token| filler.matches(token))
        .count();
    &tokens[skipped..]
}

fn is_range_separator(token: &Tok<'_>) -> bool {
    match token {
        Tok::Sym(symbol) => *symbol == '-',
        Tok::Word(word) => RANGE_WORDS.contains(word),
        Tok::Num(_) => false,
    }
}

/// A value that fits a `u8`, for answers whose range is smaller still.
fn small(value: u32) -> Option<u8> {
    u8::try_from(value).ok()
}

// ---------------------------------------------------------------------------------------
// Amounts: pain, degrees, age, hours.

/// A number, or two numbers given as a range, each rounded half up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Amount {
    One(u32),
    Between(u32, u32),
}

/// Reads tokens that hold only an amount. A leading minus is out of range: none of our
/// questions has a negative answer.
fn read_amount(tokens: &[Tok<'_>]) -> Result<Amount, AnswerError> {
    match tokens {
        [Tok::Num(n)] => Ok(Amount::One(n.rounded())),
        [Tok::Sym('-'), Tok::Num(_)] => Err(AnswerError::OutOfRange),
        [Tok::Num(low), separator, Tok::Num(high)] if is_range_separator(separator) => {
            Ok(Amount::Between(low.rounded(), high.rounded()))
        }
        _ => Err(AnswerError::NotUnderstood),
    }
}

/// Removes a trailing "/10", "out of 10" or "von 10". Another scale is not understood.
fn strip_out_of_ten<'t, 'a>(tokens: &'t [Tok<'a>]) -> Result<&'t [Tok<'a>], AnswerError> {
    let (body, scale) = match tokens {
        [body @ .., Tok::Sym('/'), Tok::Num(scale)]
        | [
            body @ ..,
            Tok::Word("out"),
            Tok::Word("of"),
            Tok::Num(scale),
        ]
        | [body @ .., Tok::Word("of" | "von"), Tok::Num(scale)] => (body, scale),
        _ => return Ok(tokens),
    };
    if scale.frac.is_none() && scale.whole() == 10 {
        Ok(body)
    } else {
        Err(AnswerError::NotUnderstood)
    }
}

// ---------------------------------------------------------------------------------------
// Clock times.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// A time as typed, before it is checked: the hour may be 25 and the minute 61.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    hour: u32,
    minute: u32,
    meridiem: Option<Meridiem>,
}

impl Clock {
    fn at(hour: u32, minute: u32) -> Self {
        Clock {
            hour,
            minute,
            meridiem: None,
        }
    }

    /// The time on a 24-hour clock, if it exists.
    fn resolve(self) -> Result<NaiveTime, AnswerError> {
        let hour = match self.meridiem {
            None => self.hour,
            Some(_) if !(1..=12).contains(&self.hour) => return Err(AnswerError::OutOfRange),
            Some(Meridiem::Am) => self.hour % 12,
            Some(Meridiem::Pm) => self.hour % 12 + 12,
        };
        NaiveTime::from_hms_opt(hour, self.minute, 0).ok_or(AnswerError::OutOfRange)
    }
}

/// Reads one time at the start of `tokens`: `7`, `07`, `0730`, `19:00`, `19.30`, `19h30`,
/// `noon`, each optionally followed by `Uhr`, `h` or `o'clock`, then by `am` or `pm`.
fn read_clock<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Clock, &'t [Tok<'a>])> {
    let (mut clock, rest) = match tokens {
        [
            Tok::Word("noon" | "midday" | "mittag" | "mittags"),
            rest @ ..,
        ] => {
            return Some((Clock::at(12, 0), rest));
        }
        [Tok::Word("midnight" | "mitternacht"), rest @ ..] => {
            return Some((Clock::at(0, 0), rest));
        }
        [
            Tok::Num(h),
            Tok::Sym(':') | Tok::Word("h"),
            Tok::Num(m),
            rest @ ..,
        ] if h.frac.is_none() => (Clock::at(h.whole(), m.minutes()?), rest),
        [Tok::Num(n), rest @ ..] => (clock_from_number(*n)?, rest),
        _ => return None,
    };
    let rest = match rest {
        [Tok::Word("uhr" | "h" | "oclock"), rest @ ..] => rest,
        [
            Tok::Word("o"),
            Tok::Sym('\''),
            Tok::Word("clock"),
            rest @ ..,
        ] => rest,
        rest => rest,
    };
    let (meridiem, rest) = match rest {
        [Tok::Word("am"), rest @ ..] | [Tok::Word("a"), Tok::Word("m"), rest @ ..] => {
            (Some(Meridiem::Am), rest)
        }
        [Tok::Word("pm"), rest @ ..] | [Tok::Word("p"), Tok::Word("m"), rest @ ..] => {
            (Some(Meridiem::Pm), rest)
        }
        rest => (None, rest),
    };
    clock.meridiem = meridiem;
    Some((clock, rest))
}

/// A time written as one number: `7`, `19.30`, `730`, `1930`.
fn clock_from_number(n: Num<'_>) -> Option<Clock> {
    match n.frac {
        Some(minutes) if minutes.len() == 2 => Some(Clock::at(n.whole(), minutes.parse().ok()?)),
        Some(_) => None,
        None if (3..=4).contains(&n.int.len()) => {
            let (hour, minute) = n.int.split_at(n.int.len() - 2);
            Some(Clock::at(hour.parse().ok()?, minute.parse().ok()?))
        }
        None => Some(Clock::at(n.whole(), 0)),
    }
}

/// Reads `9-17`, `from 9 to 5`, `8:30–17:00`, `9am-5pm` at the start of `tokens`.
fn read_clock_range<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Clock, Clock, &'t [Tok<'a>])> {
    let tokens = skip_while_in(tokens, TIME_LEAD);
    let (start, rest) = read_clock(tokens)?;
    let (separator, rest) = rest.split_first()?;
    if !is_range_separator(separator) {
        return None;
    }
    let (end, rest) = read_clock(rest)?;
    Some((start, end, rest))
}

/// Turns two typed times into a start and an end, guessing pm where people leave it out:
/// an end without am/pm that is earlier than a start up to noon is pm (`9-5` is
/// 09:00–17:00, `12:30-1:15` is 12:30–13:15), and a start without am/pm is pm when the
/// end is pm and that keeps the order (`1-5pm`). A start after noon shows a 24-hour
/// clock, so `17-9` stays backwards: an overnight shift, which the callers refuse.
fn resolve_range(start: Clock, end: Clock) -> Result<(NaiveTime, NaiveTime), AnswerError> {
    let mut first = start.resolve()?;
    let mut last = end.resolve()?;
    if start.meridiem.is_none()
        && end.meridiem == Some(Meridiem::Pm)
        && (1..12).contains(&first.hour())
        && let Some(afternoon) = twelve_hours_later(first)
        && afternoon < last
    {
        first = afternoon;
    }
    if end.meridiem.is_none() && last < first && first.hour() <= 12 && last.hour() < 12 {
        last = twelve_hours_later(last).unwrap_or(last);
    }
    Ok((first, last))
}

fn twelve_hours_later(time: NaiveTime) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(time.hour() + 12, time.minute(), time.second())
}

/// Minutes from `start` to `end`; negative when `end` comes first.
fn minutes_between(start: NaiveTime, end: NaiveTime) -> i64 {
    end.signed_duration_since(start).num_minutes()
}

// ---------------------------------------------------------------------------------------
// Days.

fn day_named(word: &str) -> Option<Weekday> {
    DAY_NAMES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, day)| *day)
}

fn day_group(word: &str) -> Option<Weekdays> {
    DAY_GROUPS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, days)| *days)
}

/// Reads a list of days at the start of `tokens`: `mon-fri`, `mon, wed and fri`,
/// `Monday to Friday`, `weekends`, `every day`. `None` when no day is named; the tokens
/// returned are those after the last day read.
fn read_days<'t, 'a>(tokens: &'t [Tok<'a>]) -> (Option<Weekdays>, &'t [Tok<'a>]) {
    let mut days = None;
    let mut rest = tokens;
    while let Some((found, after)) = read_day_item(skip_while_in(rest, DAY_JOINERS)) {
        days = Some(days.unwrap_or(Weekdays::NONE).union(found));
        rest = after;
    }
    (days, rest)
}

/// Reads one day, one range of days, or one named group of days.
fn read_day_item<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Weekdays, &'t [Tok<'a>])> {
    match tokens {
        [
            Tok::Word("every" | "each" | "jeden"),
            Tok::Word("day" | "tag"),
            rest @ ..,
        ]
        | [Tok::Word("all"), Tok::Word("week"), rest @ ..] => Some((Weekdays::EVERY_DAY, rest)),
        [Tok::Word(first), separator, Tok::Word(last), rest @ ..]
            if is_range_separator(separator) =>
        {
            match (day_named(first), day_named(last)) {
                (Some(first), Some(last)) => Some((Weekdays::span(first, last), rest)),
                _ => read_single_day(tokens),
            }
        }
        _ => read_single_day(tokens),
    }
}

fn read_single_day<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Weekdays, &'t [Tok<'a>])> {
    let (Tok::Word(word), rest) = tokens.split_first()? else {
        return None;
    };
    let days = day_group(word).or_else(|| day_named(word).map(|day| Weekdays::NONE.with(day)))?;
    Some((days, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).expect("valid test time")
    }

    fn days(list: &[Weekday]) -> Weekdays {
        Weekdays::from_days(list.iter().copied())
    }

    use AnswerError::{NotUnderstood, OutOfRange};
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};

    #[test]
    fn reads_pain() {
        let cases: &[(&str, u8)] = &[
            ("3", 3),
            ("3/10", 3),
            ("3 / 10", 3),
            ("about 4", 4),
            ("around 4", 4),
            ("~4", 4),
            ("~ 4", 4),
            ("4 out of 10", 4),
            ("4 of 10", 4),
            ("4 von 10", 4),
            ("no pain", 0),
            ("No pain.", 0),
            ("none", 0),
            ("0", 0),
            ("zero", 0),
            ("keine", 0),
            ("kein Schmerz", 0),
            ("gar keine", 0),
            ("2.5", 3),
            ("2,5", 3),
            ("2.49", 2),
            ("10", 10),
            ("10/10", 10),
            ("10.4", 10),
            ("3-4", 4),
            ("3 - 4", 4),
            ("3–4", 4),
            ("4-3", 4),
            ("3 to 4", 4),
            ("3-4/10", 4),
            ("  7  ", 7),
            ("7.", 7),
            ("ca. 5", 5),
            ("etwa 5", 5),
            ("pain 6", 6),
            ("07", 7),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_pain(text).map(PainScore::value),
                Ok(*want),
                "pain {text:?}"
            );
        }
    }

    #[test]
    fn rejects_pain() {
        let cases: &[(&str, AnswerError)] = &[
            ("11", OutOfRange),
            ("-1", OutOfRange),
            ("−1", OutOfRange),
            ("10.5", OutOfRange),
            ("11/10", OutOfRange),
            ("3-11", OutOfRange),
            ("99999999999999999999", OutOfRange),
            ("a lot", NotUnderstood),
            ("", NotUnderstood),
            ("   ", NotUnderstood),
            (".", NotUnderstood),
            ("3/5", NotUnderstood),
            ("3 out of 5", NotUnderstood),
            ("3 4", NotUnderstood),
            ("3-", NotUnderstood),
            ("pain", NotUnderstood),
            ("three", NotUnderstood),
            ("3-4-5", NotUnderstood),
            ("٣", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_pain(text), Err(*want), "pain {text:?}");
        }
    }

    #[test]
    fn reads_degrees() {
        let cases: &[(&str, u8)] = &[
            ("30", 30),
            ("30°", 30),
            ("30 °", 30),
            ("30 deg", 30),
            ("30 degrees", 30),
            ("30 Grad", 30),
            ("about 35", 35),
            ("ca. 35", 35),
            ("~35", 35),
            ("35.5", 36),
            ("35,4", 35),
            ("0", 0),
            ("90", 90),
            ("90.4°", 90),
            ("  45 Degrees. ", 45),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_degrees(text).map(Degrees::value),
                Ok(*want),
                "degrees {text:?}"
            );
        }
    }

    #[test]
    fn rejects_degrees() {
        let cases: &[(&str, AnswerError)] = &[
            ("91", OutOfRange),
            ("-5", OutOfRange),
            ("-5°", OutOfRange),
            ("90.5", OutOfRange),
            ("400", OutOfRange),
            ("30-40", NotUnderstood),
            ("thirty", NotUnderstood),
            ("30 feet", NotUnderstood),
            ("°", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_degrees(text), Err(*want), "degrees {text:?}");
        }
    }

    #[test]
    fn reads_age() {
        let cases: &[(&str, u8)] = &[
            ("34", 34),
            ("34 years", 34),
            ("I'm 34", 34),
            ("I’m 34", 34),
            ("I am 34 years old", 34),
            ("34 Jahre", 34),
            ("ich bin 34 Jahre alt", 34),
            ("age: 34", 34),
            ("34 y/o", 34),
            ("12", 12),
            ("100", 100),
        ];
        for (text, want) in cases {
            assert_eq!(parse_age(text), Ok(*want), "age {text:?}");
        }
    }

    #[test]
    fn rejects_age() {
        let cases: &[(&str, AnswerError)] = &[
            ("4", OutOfRange),
            ("101", OutOfRange),
            ("0", OutOfRange),
            ("-34", OutOfRange),
            ("300", OutOfRange),
            ("34.5", NotUnderstood),
            ("30-40", NotUnderstood),
            ("old", NotUnderstood),
            ("thirty-four", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_age(text), Err(*want), "age {text:?}");
        }
    }

    #[test]
    fn reads_hours() {
        let cases: &[(&str, u8)] = &[
            ("8", 8),
            ("8h", 8),
            ("8 h", 8),
            ("8 hours", 8),
            ("about 6", 6),
            ("6-8", 7),
            ("6 - 7", 6),
            ("6 to 8", 7),
            ("6 bis 8 Stunden", 7),
            ("8 Stunden", 8),
            ("8 Stunden am Tag", 8),
            ("8 hours a day", 8),
            ("8h/day", 8),
            ("7.5", 8),
            ("0", 0),
            ("24", 24),
        ];
        for (text, want) in cases {
            assert_eq!(parse_hours(text), Ok(*want), "hours {text:?}");
        }
    }

    #[test]
    fn rejects_hours() {
        let cases: &[(&str, AnswerError)] = &[
            ("25", OutOfRange),
            ("-1", OutOfRange),
            ("20-30", OutOfRange),
            ("24.5", OutOfRange),
            ("lots", NotUnderstood),
            ("8 9", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_hours(text), Err(*want), "hours {text:?}");
        }
    }

    #[test]
    fn reads_time_of_day() {
        let cases: &[(&str, NaiveTime)] = &[
            ("7", t(7, 0)),
            ("07", t(7, 0)),
            ("0", t(0, 0)),
            ("7am", t(7, 0)),
            ("7 am", t(7, 0)),
            ("7 a.m.", t(7, 0)),
            ("7pm", t(19, 0)),
            ("7 P.M.", t(19, 0)),
            ("12pm", t(12, 0)),
            ("12am", t(0, 0)),
            ("19:00", t(19, 0)),
            ("19.30", t(19, 30)),
            ("19,30", t(19, 30)),
            ("19h30", t(19, 30)),
            ("19h", t(19, 0)),
            ("7:15pm", t(19, 15)),
            ("7:15 PM", t(19, 15)),
            ("19 Uhr", t(19, 0)),
            ("um 19 Uhr", t(19, 0)),
            ("at 7", t(7, 0)),
            ("7 o'clock", t(7, 0)),
            ("0730", t(7, 30)),
            ("1930", t(19, 30)),
            ("noon", t(12, 0)),
            ("Mittags", t(12, 0)),
            ("midnight", t(0, 0)),
            ("23:59", t(23, 59)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_time_of_day(text), Ok(*want), "time {text:?}");
        }
    }

    #[test]
    fn rejects_time_of_day() {
        let cases: &[(&str, AnswerError)] = &[
            ("25:00", OutOfRange),
            ("24:00", OutOfRange),
            ("7:61", OutOfRange),
            ("13pm", OutOfRange),
            ("0am", OutOfRange),
            ("2400", OutOfRange),
            ("99999999999", OutOfRange),
            ("7:5", NotUnderstood),
            ("19.5", NotUnderstood),
            ("7 30", NotUnderstood),
            ("evening", NotUnderstood),
            ("7-8", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_time_of_day(text), Err(*want), "time {text:?}");
        }
    }

    #[test]
    fn reads_working_hours() {
        let mon_fri = Weekdays::MON_FRI;
        let cases: &[(&str, Weekdays, NaiveTime, NaiveTime)] = &[
            ("mon-fri 8:30-17", mon_fri, t(8, 30), t(17, 0)),
            ("9-5:30", mon_fri, t(9, 0), t(17, 30)),
            ("weekdays 10 to 6", mon_fri, t(10, 0), t(18, 0)),
            (
                "Sun–Thu 08:00–16:00",
                days(&[Sun, Mon, Tue, Wed, Thu]),
                t(8, 0),
                t(16, 0),
            ),
            (
                "Sun—Thu 08:00—16:00",
                days(&[Sun, Mon, Tue, Wed, Thu]),
                t(8, 0),
                t(16, 0),
            ),
            ("Mon-Fri 9-17", mon_fri, t(9, 0), t(17, 0)),
            ("mo-fr 9-17", mon_fri, t(9, 0), t(17, 0)),
            ("Mo-Fr 9-17 Uhr", mon_fri, t(9, 0), t(17, 0)),
            ("Montag bis Freitag 9 bis 17", mon_fri, t(9, 0), t(17, 0)),
            (
                "mon, wed, fri 9-13",
                days(&[Mon, Wed, Fri]),
                t(9, 0),
                t(13, 0),
            ),
            (
                "mon wed and fri 9-13",
                days(&[Mon, Wed, Fri]),
                t(9, 0),
                t(13, 0),
            ),
            ("Di, Do 8-12", days(&[Tue, Thu]), t(8, 0), t(12, 0)),
            ("9am-5pm", mon_fri, t(9, 0), t(17, 0)),
            ("9 am - 5 pm", mon_fri, t(9, 0), t(17, 0)),
            ("1-5pm", mon_fri, t(13, 0), t(17, 0)),
            ("11-1pm", mon_fri, t(11, 0), t(13, 0)),
            ("Monday to Friday 9 to 5", mon_fri, t(9, 0), t(17, 0)),
            ("Monday until Friday 9 till 5", mon_fri, t(9, 0), t(17, 0)),
            ("weekends 10-14", Weekdays::WEEKEND, t(10, 0), t(14, 0)),
            ("Wochenende 10-14", Weekdays::WEEKEND, t(10, 0), t(14, 0)),
            ("am Wochenende 10-14", Weekdays::WEEKEND, t(10, 0), t(14, 0)),
            ("every day 8-16", Weekdays::EVERY_DAY, t(8, 0), t(16, 0)),
            ("daily 8-16", Weekdays::EVERY_DAY, t(8, 0), t(16, 0)),
            ("täglich 8-16", Weekdays::EVERY_DAY, t(8, 0), t(16, 0)),
            ("9-17 mon-fri", mon_fri, t(9, 0), t(17, 0)),
            ("Mon-Fri from 9 to 5", mon_fri, t(9, 0), t(17, 0)),
            ("Mo.-Fr. von 8.30 bis 17 Uhr.", mon_fri, t(8, 30), t(17, 0)),
            ("0800-1700", mon_fri, t(8, 0), t(17, 0)),
            (
                "fri-mon 10-16",
                days(&[Fri, Sat, Sun, Mon]),
                t(10, 0),
                t(16, 0),
            ),
            ("sat 9-10", days(&[Sat]), t(9, 0), t(10, 0)),
        ];
        for (text, days, start, end) in cases {
            let want = WorkingHours {
                days: *days,
                start: *start,
                end: *end,
            };
            assert_eq!(
                parse_working_hours(text),
                Ok(want),
                "working hours {text:?}"
            );
        }
    }

    #[test]
    fn rejects_working_hours() {
        let cases: &[(&str, AnswerError)] = &[
            ("22-6", OutOfRange),
            ("10pm-6am", OutOfRange),
            ("17-9", OutOfRange),
            ("9-9", OutOfRange),
            ("9-9:30", OutOfRange),
            ("25-26", OutOfRange),
            ("9-17:61", OutOfRange),
            ("13pm-14pm", OutOfRange),
            ("mon-fri", NotUnderstood),
            ("9", NotUnderstood),
            ("mon-fri 9", NotUnderstood),
            ("mon-fri 9-17 sat", NotUnderstood),
            ("funday 9-17", NotUnderstood),
            ("9-17-20", NotUnderstood),
            ("whenever", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_working_hours(text),
                Err(*want),
                "working hours {text:?}"
            );
        }
    }

    #[test]
    fn reads_lunch() {
        let cases: &[(&str, Option<(NaiveTime, NaiveTime)>)] = &[
            ("12-13", Some((t(12, 0), t(13, 0)))),
            ("12:30-13:15", Some((t(12, 30), t(13, 15)))),
            ("12:30 to 1:15", Some((t(12, 30), t(13, 15)))),
            ("12 bis 13 Uhr", Some((t(12, 0), t(13, 0)))),
            ("12-1", Some((t(12, 0), t(13, 0)))),
            ("11:30-11:40", Some((t(11, 30), t(11, 40)))),
            ("11-14", Some((t(11, 0), t(14, 0)))),
            ("none", None),
            ("no", None),
            ("No lunch.", None),
            ("skip", None),
            ("keine", None),
            ("Nein", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_lunch(text), Ok(*want), "lunch {text:?}");
        }
    }

    #[test]
    fn rejects_lunch() {
        let cases: &[(&str, AnswerError)] = &[
            ("12:00-12:05", OutOfRange),
            ("11-14:01", OutOfRange),
            ("13-12", OutOfRange),
            ("12-12", OutOfRange),
            ("12", NotUnderstood),
            ("lunch", NotUnderstood),
            ("", NotUnderstood),
        ];
        for (text, want) in cases {
            assert_eq!(parse_lunch(text), Err(*want), "lunch {text:?}");
        }
    }

    #[test]
    fn weekdays_display_compactly() {
        let cases: &[(&[Weekday], &str)] = &[
            (&[Mon, Tue, Wed, Thu, Fri], "Mon–Fri"),
            (&[Sun, Mon, Tue, Wed, Thu], "Sun–Thu"),
            (&[Mon, Wed, Fri], "Mon, Wed, Fri"),
            (&[Mon, Tue, Wed, Fri], "Mon–Wed, Fri"),
            (&[Sat, Sun], "Sat, Sun"),
            (&[Sun, Mon], "Mon, Sun"),
            (&[Sat, Sun, Mon, Wed], "Sat–Mon, Wed"),
            (&[Mon, Tue, Wed, Thu, Fri, Sat, Sun], "Mon–Sun"),
            (&[Thu], "Thu"),
            (&[], "none"),
        ];
        for (list, want) in cases {
            assert_eq!(days(list).to_string(), *want, "days {list:?}");
        }
    }

    #[test]
    fn weekdays_set_operations() {
        let set = days(&[Mon, Sun]);
        assert!(set.contains(Mon) && set.contains(Sun) && !set.contains(Tue));
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Mon, Sun]);
        assert_eq!(set.bits(), 0b100_0001);
        assert_eq!(Weekdays::from_bits(0b100_0001), Some(set));
        assert_eq!(Weekdays::from_bits(0b1000_0000), None);
        assert!(Weekdays::from_bits(0).is_some_and(Weekdays::is_empty));
        assert_eq!(Weekdays::MON_FRI.iter().count(), 5);
    }

    #[test]
    fn reads_days_on_their_own() {
        let cases: &[(&str, &[Weekday])] = &[
            ("mon wed fri", &[Mon, Wed, Fri]),
            ("Mon, Wed, Fri", &[Mon, Wed, Fri]),
            ("Mo Mi Fr", &[Mon, Wed, Fri]),
            ("Mo., Mi. und Fr.", &[Mon, Wed, Fri]),
            ("monday, wednesday and friday", &[Mon, Wed, Fri]),
            ("Dienstag, Donnerstag, Samstag", &[Tue, Thu, Sat]),
            ("mon-fri", &[Mon, Tue, Wed, Thu, Fri]),
            ("Mo–Fr", &[Mon, Tue, Wed, Thu, Fri]),
            ("tue to thu", &[Tue, Wed, Thu]),
            ("weekdays", &[Mon, Tue, Wed, Thu, Fri]),
            ("werktags", &[Mon, Tue, Wed, Thu, Fri]),
            ("every day", &[Mon, Tue, Wed, Thu, Fri, Sat, Sun]),
            ("Every day.", &[Mon, Tue, Wed, Thu, Fri, Sat, Sun]),
            ("täglich", &[Mon, Tue, Wed, Thu, Fri, Sat, Sun]),
            ("jeden Tag", &[Mon, Tue, Wed, Thu, Fri, Sat, Sun]),
            ("weekends and wed", &[Wed, Sat, Sun]),
            ("sun", &[Sun]),
        ];
        for (text, want) in cases {
            assert_eq!(parse_days(text), Ok(days(want)), "text {text:?}");
        }
        for text in ["", "no", "mon wed fri 9-17", "7", "mon blah", "sometimes"] {
            assert_eq!(parse_days(text), Err(NotUnderstood), "text {text:?}");
        }
    }

    #[test]
    fn weekdays_count_and_toggle() {
        let set = days(&[Mon, Wed, Fri]);
        assert_eq!(set.count(), 3);
        assert_eq!(set.toggled(Wed), days(&[Mon, Fri]));
        assert_eq!(set.toggled(Sun), days(&[Mon, Wed, Fri, Sun]));
        assert_eq!(set.toggled(Sun).toggled(Sun), set);
        assert_eq!(Weekdays::EVERY_DAY.count(), 7);
    }

    #[test]
    fn scores_keep_their_bounds() {
        assert_eq!(PainScore::new(10).map(PainScore::value), Some(10));
        assert_eq!(PainScore::new(11), None);
        assert_eq!(Degrees::new(90).map(Degrees::value), Some(90));
        assert_eq!(Degrees::new(91), None);
    }

    #[test]
    fn serde_refuses_values_out_of_range() {
        assert_eq!(
            serde_json::to_string(&PainScore::new(4)).ok(),
            Some("4".into())
        );
        assert!(serde_json::from_str::<PainScore>("11").is_err());
        assert!(serde_json::from_str::<Degrees>("91").is_err());
        assert!(serde_json::from_str::<Weekdays>("128").is_err());
        let hours = WorkingHours {
            days: Weekdays::MON_FRI,
            start: t(9, 0),
            end: t(17, 0),
        };
        let json = serde_json::to_string(&hours).unwrap_or_default();
        assert_eq!(
            serde_json::from_str::<WorkingHours>(&json).ok(),
            Some(hours)
        );
    }

    #[test]
    fn huge_inputs_are_refused_quickly() {
        let huge = "9".repeat(1_000_000);
        assert_eq!(parse_pain(&huge), Err(NotUnderstood));
        let padded = format!("{}3{}", " ".repeat(100_000), " ".repeat(100_000));
        assert_eq!(parse_pain(&padded).map(PainScore::value), Ok(3));
        let long = "mon, ".repeat(1_000) + "9-17";
        assert_eq!(parse_working_hours(&long), Err(NotUnderstood));
    }

    /// Inputs made of the characters our answers use.
    const PLAUSIBLE: &str = "[0-9a-zA-Z:.,/°~'\\-–— ]{0,20}";

    /// Inputs close to working hours, so that many of them are accepted.
    const WORKING_HOURS_LIKE: &str = concat!(
        "((mon|tue|wed|thu|fri|sat|sun|mo|di|so|weekdays|täglich)",
        "((-|–| to | bis )(mon|fri|sun|so))?(, | )){0,2}",
        "(0?[5-9]|1[0-3]|[0-9]{1,3})([:.][0-9]{2})? ?(am|pm|uhr)?",
        "(-|–| to | bis | until )",
        "(1[2-9]|[1-7]|[0-9]{1,3})([:.h][0-9]{1,2})? ?(am|pm|uhr)?",
    );

    /// Inputs close to a lunch break.
    const LUNCH_LIKE: &str = concat!(
        "(1[1-3]|[0-9]{1,2})([:.][0-9]{2})? ?(am|pm)?",
        "(-|–| to | bis )",
        "(1[2-4]|[1-2]|[0-9]{1,2})([:.][0-9]{2})? ?(am|pm)?",
    );

    fn checked_pain(text: &str) {
        if let Ok(score) = parse_pain(text) {
            assert!(score.value() <= 10, "{text:?} gave {score:?}");
        }
    }

    fn checked_degrees(text: &str) {
        if let Ok(degrees) = parse_degrees(text) {
            assert!(degrees.value() <= 90, "{text:?} gave {degrees:?}");
        }
    }

    fn checked_age(text: &str) {
        if let Ok(age) = parse_age(text) {
            assert!((5..=100).contains(&age), "{text:?} gave {age}");
        }
    }

    fn checked_hours(text: &str) {
        if let Ok(hours) = parse_hours(text) {
            assert!(hours <= 24, "{text:?} gave {hours}");
        }
    }

    fn checked_time_of_day(text: &str) {
        if let Ok(time) = parse_time_of_day(text) {
            assert_eq!(time.second(), 0, "{text:?} gave {time}");
        }
    }

    fn checked_working_hours(text: &str) {
        if let Ok(hours) = parse_working_hours(text) {
            assert!(!hours.days.is_empty(), "{text:?} gave {hours:?}");
            assert!(hours.days.bits() < 0b1000_0000, "{text:?} gave {hours:?}");
            assert!(hours.start < hours.end, "{text:?} gave {hours:?}");
            assert!(
                minutes_between(hours.start, hours.end) >= 60,
                "{text:?} gave {hours:?}"
            );
        }
    }

    fn checked_lunch(text: &str) {
        if let Ok(Some((start, end))) = parse_lunch(text) {
            assert!(start < end, "{text:?} gave {start}-{end}");
            assert!(
                (10..=180).contains(&minutes_between(start, end)),
                "{text:?} gave {start}-{end}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        #[test]
        fn pain_never_panics_and_stays_in_range(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
        ) {
            checked_pain(&arbitrary);
            checked_pain(&plausible);
        }

        #[test]
        fn degrees_never_panic_and_stay_in_range(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
        ) {
            checked_degrees(&arbitrary);
            checked_degrees(&plausible);
        }

        #[test]
        fn age_never_panics_and_stays_in_range(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
        ) {
            checked_age(&arbitrary);
            checked_age(&plausible);
        }

        #[test]
        fn hours_never_panic_and_stay_in_range(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
        ) {
            checked_hours(&arbitrary);
            checked_hours(&plausible);
        }

        #[test]
        fn time_of_day_never_panics(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
        ) {
            checked_time_of_day(&arbitrary);
            checked_time_of_day(&plausible);
        }

        #[test]
        fn working_hours_never_panic_and_keep_order(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
            close in WORKING_HOURS_LIKE,
        ) {
            checked_working_hours(&arbitrary);
            checked_working_hours(&plausible);
            checked_working_hours(&close);
        }

        #[test]
        fn lunch_never_panics_and_keeps_order(
            arbitrary in any::<String>(),
            plausible in PLAUSIBLE,
            close in LUNCH_LIKE,
        ) {
            checked_lunch(&arbitrary);
            checked_lunch(&plausible);
            checked_lunch(&close);
        }

        #[test]
        fn every_pain_score_reads_back(
            score in 0u8..=10,
            suffix in prop::sample::select(vec!["", "/10", " / 10", " out of 10", ".0"]),
        ) {
            let read = parse_pain(&format!("{score}{suffix}")).map(PainScore::value);
            prop_assert_eq!(read, Ok(score));
        }

        #[test]
        fn every_clock_time_reads_back(hour in 0u32..24, minute in 0u32..60) {
            let time = t(hour, minute);
            prop_assert_eq!(parse_time_of_day(&time.format("%H:%M").to_string()), Ok(time));
            prop_assert_eq!(parse_time_of_day(&time.format("%-I:%M%P").to_string()), Ok(time));
        }

        #[test]
        fn working_hours_round_trip(
            bits in 1u8..0b1000_0000,
            start in 0u32..(24 * 60 - 60),
            length in 60u32..(24 * 60),
        ) {
            let end = (start + length).min(24 * 60 - 1);
            prop_assume!(end - start >= 60);
            let hours = WorkingHours {
                days: Weekdays::from_bits(bits).unwrap_or(Weekdays::MON_FRI),
                start: t(start / 60, start % 60),
                end: t(end / 60, end % 60),
            };
            let text = format!(
                "{} {}-{}",
                hours.days,
                hours.start.format("%H:%M"),
                hours.end.format("%H:%M")
            );
            prop_assert_eq!(parse_working_hours(&text), Ok(hours), "text {}", text);
        }
    }
}
