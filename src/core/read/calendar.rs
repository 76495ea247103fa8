//! Times of day and weekdays in chat text: "9-17", "7pm", "mo-fr", "weekends", in English
//! and German. One weekday table for every reader.

use chrono::{NaiveTime, Timelike, Weekday};

use crate::core::read::tokens::*;
use crate::core::values::measures::Weekdays;

/// May come between or before day names: "on Mon and Wed", "am Wochenende".
pub(crate) const DAY_JOINERS: Filler = Filler {
    words: &[&["on", "am", "an", "and", "und", "from", "von"]],
    symbols: &[',', '&', '+', '/'],
};

/// Day names and abbreviations in English and German.
pub(crate) const DAY_NAMES: &[(&str, Weekday)] = &[
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
pub(crate) const DAY_GROUPS: &[(&str, Weekdays)] = &[
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    Am,
    Pm,
}

/// A time as typed, before it is checked: the hour may be 25 and the minute 61.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    pub(crate) meridiem: Option<Meridiem>,
}

/// Reads one time at the start of `tokens`: `7`, `07`, `0730`, `19:00`, `19.30`, `19h30`,
/// `noon`, each optionally followed by `Uhr`, `h` or `o'clock`, then by `am` or `pm`.
pub(crate) fn read_clock<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Clock, &'t [Tok<'a>])> {
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
pub(crate) fn clock_from_number(n: Num<'_>) -> Option<Clock> {
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
pub(crate) fn read_clock_range<'t, 'a>(
    tokens: &'t [Tok<'a>],
) -> Option<(Clock, Clock, &'t [Tok<'a>])> {
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
pub(crate) fn resolve_range(
    start: Clock,
    end: Clock,
) -> Result<(NaiveTime, NaiveTime), AnswerError> {
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

pub(crate) fn twelve_hours_later(time: NaiveTime) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(time.hour() + 12, time.minute(), time.second())
}

/// Minutes from `start` to `end`; negative when `end` comes first.
pub(crate) fn minutes_between(start: NaiveTime, end: NaiveTime) -> i64 {
    end.signed_duration_since(start).num_minutes()
}

pub(crate) fn day_named(word: &str) -> Option<Weekday> {
    DAY_NAMES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, day)| *day)
}

pub(crate) fn day_group(word: &str) -> Option<Weekdays> {
    DAY_GROUPS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, days)| *days)
}

/// Reads a list of days at the start of `tokens`: `mon-fri`, `mon, wed and fri`,
/// `Monday to Friday`, `weekends`, `every day`. `None` when no day is named; the tokens
/// returned are those after the last day read.
pub(crate) fn read_days<'t, 'a>(tokens: &'t [Tok<'a>]) -> (Option<Weekdays>, &'t [Tok<'a>]) {
    let mut days = None;
    let mut rest = tokens;
    while let Some((found, after)) = read_day_item(skip_while_in(rest, DAY_JOINERS)) {
        days = Some(days.unwrap_or(Weekdays::NONE).union(found));
        rest = after;
    }
    (days, rest)
}

/// Reads one day, one range of days, or one named group of days.
pub(crate) fn read_day_item<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Weekdays, &'t [Tok<'a>])> {
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

pub(crate) fn read_single_day<'t, 'a>(tokens: &'t [Tok<'a>]) -> Option<(Weekdays, &'t [Tok<'a>])> {
    let (Tok::Word(word), rest) = tokens.split_first()? else {
        return None;
    };
    let days = day_group(word).or_else(|| day_named(word).map(|day| Weekdays::NONE.with(day)))?;
    Some((days, rest))
}

impl Clock {
    pub(crate) fn at(hour: u32, minute: u32) -> Self {
        Clock {
            hour,
            minute,
            meridiem: None,
        }
    }

    /// The time on a 24-hour clock, if it exists.
    pub(crate) fn resolve(self) -> Result<NaiveTime, AnswerError> {
        let hour = match self.meridiem {
            None => self.hour,
            Some(_) if !(1..=12).contains(&self.hour) => return Err(AnswerError::OutOfRange),
            Some(Meridiem::Am) => self.hour % 12,
            Some(Meridiem::Pm) => self.hour % 12 + 12,
        };
        NaiveTime::from_hms_opt(hour, self.minute, 0).ok_or(AnswerError::OutOfRange)
    }
}

/// May come before a time of day: "at 7", "um 19 Uhr", "around 8".
pub(crate) const TIME_LEAD: Filler = Filler {
    words: &[HEDGES, &["at", "um", "gegen", "from", "von"]],
    symbols: &['~', ':', ','],
};
