//! Readers for the answers a person types during intake and check-ins.
//!
//! Each parser takes any string and never panics. It turns chat text ("about 4",
//! "mo-fr 9-17", "7pm") into a domain type once, so the rest of the code never
//! handles the raw string. English and German wording both work; case, surrounding
//! whitespace and a trailing period do not matter.
//!
//! The text is first cut into tokens: numbers (with an optional decimal part), words
//! and single symbols. Each parser then matches a small pattern of tokens.

use chrono::NaiveTime;

use crate::core::read::calendar::*;
pub use crate::core::read::tokens::AnswerError;
use crate::core::read::tokens::*;
use crate::core::values::measures::{Degrees, PainScore, Weekdays, WorkingHours};

/// Reads a pain rating: `3`, `3/10`, `4 out of 10`, `about 4`, `~4`, `4.0`, `3-4` (a range
/// gives the higher number), `none`, `keine`, `kein Schmerz`. A decimal such as `4.5` is
/// not rounded but refused as `NotWhole`, so that the person is asked for a whole number
/// (ours: the scale is whole numbers, and rounding 5.5 up would cross the "over 5" stop
/// rule on a guess).
pub fn parse_pain(text: &str) -> Result<PainScore, AnswerError> {
    let text = normalize(text)?;
    if NO_PAIN.contains(&text.as_str()) {
        return Ok(PainScore::ZERO);
    }
    let tokens = without(&tokenize(&text), PAIN_FILLERS);
    let tokens = strip_out_of_ten(&tokens)?;
    let decimal = tokens.iter().any(
        |token| matches!(token, Tok::Num(n) if n.frac.is_some_and(|f| f.chars().any(|c| c != '0'))),
    );
    let value = match read_amount(tokens)? {
        _ if decimal => return Err(AnswerError::NotWhole),
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
    let longest = if end < start {
        LONGEST_NIGHT_SHIFT
    } else {
        24 * 60
    };
    if !(60..=longest).contains(&shift_minutes(start, end)) {
        return Err(AnswerError::OutOfRange);
    }
    Ok(WorkingHours { days, start, end })
}

/// The longest shift that crosses midnight, in minutes: a twelve-hour night (ours; a
/// longer one is more likely a slip, `17-9` for `9-17`).
const LONGEST_NIGHT_SHIFT: i64 = 12 * 60;

/// The length of a shift in minutes; one that ends before it starts runs past midnight.
fn shift_minutes(start: NaiveTime, end: NaiveTime) -> i64 {
    let minutes = minutes_between(start, end);
    match minutes {
        m if m > 0 => m,
        m if m < 0 => m + 24 * 60,
        _ => 0,
    }
}

/// The words of a short answer, lower case, apostrophes straightened, for phrase lists.
fn phrase_words(text: &str) -> Option<Vec<String>> {
    let text = normalize(text).ok()?.replace(['’', '`', '´'], "'");
    Some(
        text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Whether an answer to the working-hours question says there are no fixed hours: "I don't
/// have fixed hours", "retired", "I don't work", "keine festen Zeiten", "Rentner(in)",
/// "ich arbeite nicht".
pub fn says_no_fixed_hours(text: &str) -> bool {
    let Some(words) = phrase_words(text) else {
        return false;
    };
    let joined = format!(" {} ", words.join(" "));
    NO_FIXED_HOURS_WHOLE.contains(&words.join(" ").as_str())
        || NO_FIXED_HOURS_PHRASES
            .iter()
            .any(|phrase| joined.contains(&format!(" {phrase} ")))
        || words
            .iter()
            .any(|w| NO_FIXED_HOURS_STEMS.iter().any(|s| w.starts_with(s)))
}

/// Whether a message says the person has just moved on their own: "I already moved",
/// "hab mich schon bewegt" (the timer of movement breaks starts again).
pub fn says_already_moved(text: &str) -> bool {
    let Some(words) = phrase_words(text) else {
        return false;
    };
    let joined = format!(" {} ", words.join(" "));
    words.len() <= 8
        && ALREADY_MOVED
            .iter()
            .any(|phrase| joined.contains(&format!(" {phrase} ")))
}

/// Phrases that say the person has just moved (English and German).
const ALREADY_MOVED: &[&str] = &[
    "already moved",
    "moved already",
    "just moved",
    "i've moved",
    "ive moved",
    "i have moved",
    "already did a break",
    "already took a break",
    "already walked",
    "schon bewegt",
    "bereits bewegt",
    "gerade bewegt",
    "schon gelaufen",
    "schon pause gemacht",
];

/// Whole answers to the working-hours question that mean "no fixed hours".
const NO_FIXED_HOURS_WHOLE: &[&str] = &[
    "none",
    "no",
    "nope",
    "n/a",
    "na",
    "nothing",
    "keine",
    "nein",
    "nichts",
    "no hours",
    "keine zeiten",
];

/// Phrases anywhere in the answer that mean "no fixed hours".
const NO_FIXED_HOURS_PHRASES: &[&str] = &[
    "no fixed",
    "not fixed",
    "don't have fixed",
    "dont have fixed",
    "do not have fixed",
    "don't have set",
    "don't have regular",
    "no set",
    "no regular",
    "no work",
    "don't work",
    "dont work",
    "do not work",
    "not working",
    "not work",
    "don't have work",
    "no job",
    "irregular",
    "it varies",
    "varies",
    "keine festen",
    "keine feste",
    "nicht fest",
    "keine arbeitszeit",
    "keine arbeitszeiten",
    "arbeite nicht",
    "arbeite gar nicht",
    "keine arbeit",
    "unregelmäßig",
    "unregelmässig",
    "in rente",
    "in pension",
];

/// Word beginnings that mean "no fixed hours": retired, pensioner, unemployed.
const NO_FIXED_HOURS_STEMS: &[&str] = &[
    "retire",
    "pensioner",
    "unemploy",
    "rentner",
    "pensionär",
    "pensioniert",
    "arbeitslos",
    "ruhestand",
];

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

// ---------------------------------------------------------------------------------------
// Text to tokens.

// ---------------------------------------------------------------------------------------
// Amounts: pain, degrees, age, hours.

// ---------------------------------------------------------------------------------------
// Clock times.

// ---------------------------------------------------------------------------------------
// Days.

#[cfg(test)]
mod tests;
