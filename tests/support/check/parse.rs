//! The values written in a transcript's steps: typed text with escapes, instants,
//! durations, languages, reminder kinds.

use chrono::{DateTime, Duration, Utc};
use hipcoach::core::Lang;
use hipcoach::core::values::reminders::ReminderKind;

/// `\u{202E}` and `\\` in typed text.
pub fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('u') if chars.peek() == Some(&'{') => {
                chars.next();
                let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad escape \\u{{{hex}}}"))?;
                out.push(code);
            }
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

pub fn instant(text: &str) -> Result<DateTime<Utc>, String> {
    text.parse()
        .or_else(|_| format!("{}:00Z", text.trim_end_matches('Z')).parse())
        .map_err(|_| format!("a UTC instant such as 2026-11-23T17:00Z, not {text:?}"))
}

/// `1d`, `2h30m`, `-1h`: days, hours, minutes; a minus moves the clock back.
pub fn duration(text: &str) -> Result<Duration, String> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => (-1, body),
        None => (1, text),
    };
    let mut total = Duration::zero();
    let mut number = String::new();
    for c in body.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number
            .parse()
            .map_err(|_| format!("a duration such as 1d, 2h30m or -1h, not {text:?}"))?;
        number.clear();
        total += match c {
            'd' => Duration::days(n),
            'h' => Duration::hours(n),
            'm' => Duration::minutes(n),
            _ => return Err(format!("a duration such as 1d, 2h30m or -1h, not {text:?}")),
        };
    }
    if !number.is_empty() || body.is_empty() {
        return Err(format!("a duration such as 1d, 2h30m or -1h, not {text:?}"));
    }
    Ok(total * sign)
}

pub fn lang(text: &str) -> Result<Lang, String> {
    match text {
        "en" => Ok(Lang::En),
        "de" => Ok(Lang::De),
        other => Err(format!("a language (en, de), not {other:?}")),
    }
}

pub fn reminder_kind(text: &str) -> Result<ReminderKind, String> {
    match text {
        "movement_break" => Ok(ReminderKind::MovementBreak),
        "daily_session" => Ok(ReminderKind::DailySession),
        "morning_checkin" => Ok(ReminderKind::MorningCheckin),
        "weekly_review" => Ok(ReminderKind::WeeklyReview),
        other => Err(format!(
            "a reminder: movement_break, daily_session or morning_checkin, not {other:?}"
        )),
    }
}
