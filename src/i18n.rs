//! Fluent lookups: typed [`Msg`] values become text in the person's language.
//! The texts live in `messages/<lang>/*.ftl` and are compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, StaticLoader, static_loader};

use crate::core::say::msg::Arg;
use crate::core::{Keyboard, Lang, Msg, Reply};

static_loader! {
    static LOCALES = {
        locales: "./messages",
        fallback_language: "en",
        // Unicode isolation marks around arguments would show up in Telegram.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A reply rendered for sending: text and button labels in the person's language.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    pub text: String,
    pub keyboard: Keyboard<String>,
    /// Replaces the message whose button was pressed (see `Reply::in_place`).
    pub in_place: bool,
    /// A PNG to send as a photo, before `text` (its own outbox row, see [`Piece`]).
    #[serde(skip)]
    pub photo: Option<Vec<u8>>,
    /// Files to send after `text` (the data export), filled in by the engine.
    #[serde(skip)]
    pub files: Vec<Attachment>,
    /// The shell is to attach the person's data export.
    #[serde(skip)]
    pub export: bool,
}

fn language(lang: Lang) -> LanguageIdentifier {
    lang.code().parse().unwrap_or_default()
}

fn loader() -> &'static StaticLoader {
    &LOCALES
}

/// Renders one message in one language, without falling back to English: an error names
/// what is missing. Used by the test that renders every message in every language.
pub fn render_strict(lang: Lang, msg: &Msg) -> Result<String, String> {
    match msg {
        Msg::Literal(text) => Ok(without_bidi_controls(text)),
        Msg::Lines(lines) => lines
            .iter()
            .map(|m| render_strict(lang, m))
            .collect::<Result<Vec<_>, _>>()
            .map(|v| v.join("\n")),
        Msg::Join(parts) => parts
            .iter()
            .map(|m| render_strict(lang, m))
            .collect::<Result<Vec<_>, _>>()
            .map(|v| v.join(", ")),
        Msg::Span(from, to) => Ok(format!(
            "{}–{}",
            render_strict(lang, from)?,
            render_strict(lang, to)?
        )),
        Msg::Checked(inner) => render_strict(lang, inner).map(|text| format!("✓ {text}")),
        Msg::Bullet(inner) => render_strict(lang, inner).map(|text| format!("• {text}")),
        Msg::CommandLine(command) => {
            let description = lookup(lang, &command_key(command.name()), &[])?;
            Ok(format!("/{} — {description}", command.name()))
        }
        Msg::Activity(x) => lookup(lang, &choice_key("activity", (*x).into()), &[]),
        Msg::PainSite(x) => lookup(lang, &choice_key("pain-site", (*x).into()), &[]),
        Msg::Equipment(x) => lookup(lang, &choice_key("equipment", (*x).into()), &[]),
        Msg::RedFlag(x) => lookup(lang, &choice_key("red-flag", (*x).into()), &[]),
        Msg::Band(x) => lookup(lang, &choice_key("band", (*x).into()), &[]),
        Msg::TrackName(x) => lookup(lang, &choice_key("track", (*x).into()), &[]),
        Msg::ExerciseName(x) => lookup(lang, &choice_key("ex", x.code()), &[]),
        Msg::ExerciseHow(x) => lookup(lang, &format!("{}-how", choice_key("ex", x.code())), &[]),
        Msg::Decided { rule, .. } => lookup(lang, &choice_key("rule", rule.id()), &msg.args()),
        Msg::ExerciseHeader { name, .. }
        | Msg::Works(name)
        | Msg::TryEasier(name)
        | Msg::BreakNudge { name } => {
            let mut args = msg.args();
            args.push(("name", Arg::Text(render_strict(lang, name)?)));
            lookup(lang, msg.id(), &args)
        }
        Msg::Muscle(x) => lookup(lang, &choice_key("muscle", (*x).into()), &[]),
        Msg::ProfileLine { value, .. } => {
            let label = lookup(lang, msg.id(), &msg.args())?;
            let value = render_strict(lang, value)?;
            Ok(if value.is_empty() {
                label
            } else {
                format!("{label}: {value}")
            })
        }
        other => lookup(lang, other.id(), &other.args()),
    }
}

/// Renders a message; if the language lacks it, falls back to English, then to its id,
/// so that a person always gets an answer.
pub fn render(lang: Lang, msg: &Msg) -> String {
    render_strict(lang, msg)
        .or_else(|_| render_strict(Lang::En, msg))
        .unwrap_or_else(|error| {
            tracing::warn!(id = msg.id(), %error, "message missing");
            msg.id().to_string()
        })
}

/// The Telegram menu description of a command.
pub fn command_description(lang: Lang, name: &str) -> String {
    lookup(lang, &command_key(name), &[]).unwrap_or_else(|_| name.to_string())
}

/// Renders a whole reply: its paragraphs joined by blank lines, and its button labels.
pub fn render_reply(lang: Lang, reply: &Reply) -> Rendered {
    let text = reply
        .parts
        .iter()
        .map(|m| render(lang, m))
        .collect::<Vec<_>>()
        .join("\n\n");
    Rendered {
        text,
        keyboard: reply.keyboard.map(|label| render(lang, label)),
        in_place: reply.in_place,
        photo: reply
            .chart
            .as_ref()
            .and_then(|chart| chart_png(lang, chart)),
        files: Vec::new(),
        export: reply.export,
    }
}

/// A file sent with a message.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// One thing sent to a chat: what one outbox row holds. A rendered reply is sent as
/// several pieces (its chart, its text, its files), each delivered and retried on its own,
/// so that a text never waits on its picture.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// A text with its buttons.
    Text(Rendered),
    /// A chart, sent as a photo just before its text.
    Photo(Attachment),
    /// A file (the data export), sent after its text.
    Document(Attachment),
    /// A question redrawn in place of the message whose button was pressed (a tick on a
    /// multi-choice question).
    Redraw { message_id: i64, message: Rendered },
}

impl Piece {
    /// The piece's name as stored in the outbox.
    pub fn part(&self) -> &'static str {
        match self {
            Piece::Text(_) => "text",
            Piece::Photo(_) => "photo",
            Piece::Document(_) => "document",
            Piece::Redraw { .. } => "redraw",
        }
    }
}

impl Rendered {
    /// The pieces this message is sent as, in order: the chart, the text (or, for a tick
    /// on the message `pressed`, that message redrawn), the files.
    pub fn pieces(&self, pressed: Option<i64>) -> Vec<Piece> {
        let mut pieces = Vec::new();
        if let Some(png) = &self.photo {
            pieces.push(Piece::Photo(Attachment {
                name: "progress.png".into(),
                bytes: png.clone(),
            }));
        }
        let text = Rendered {
            photo: None,
            files: Vec::new(),
            export: false,
            ..self.clone()
        };
        pieces.push(match pressed {
            Some(message_id) if self.in_place => Piece::Redraw {
                message_id,
                message: text,
            },
            _ => Piece::Text(text),
        });
        pieces.extend(self.files.iter().cloned().map(Piece::Document));
        pieces
    }
}

/// Draws a progress chart with its labels in the person's language. A chart that cannot be
/// drawn is left out (the text still goes), with a warning in the log.
fn chart_png(lang: Lang, chart: &crate::core::say::reply::Chart) -> Option<Vec<u8>> {
    let text = |msg: Msg| render(lang, &msg);
    let spec = crate::chart::ProgressChart {
        range_title: text(Msg::ChartRange),
        pain_title: text(Msg::ChartPain),
        left_label: text(Msg::ChartLeft),
        right_label: text(Msg::ChartRight),
        normal_label: text(Msg::ChartNormal),
        during_label: text(Msg::ChartDuring),
        morning_label: text(Msg::ChartMorning),
        normal: chart.normal,
        left: chart.left.clone(),
        right: chart.right.clone(),
        during: chart.during.clone(),
        morning: chart.morning.clone(),
    };
    match crate::chart::render_png(&spec) {
        Ok(png) => Some(png),
        Err(error) => {
            tracing::warn!(%error, "could not draw a progress chart");
            None
        }
    }
}

/// `text` without the controls that change the direction of the text around them: the
/// embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks
/// (U+200E, U+200F, U+061C). A person's words echoed inside our sentence (an unknown city, a
/// command) could otherwise turn the rest of the sentence around. Done here, where every
/// argument and every literal becomes text, so that every echo is covered, in every shell,
/// and for values stored before this rule; what is stored and exported stays as typed.
pub fn without_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            )
        })
        .collect()
}

/// A time of day as the language writes it: 24 hours with two-digit minutes in both.
fn clock(lang: Lang, time: chrono::NaiveTime) -> String {
    match lang {
        Lang::En | Lang::De => time.format("%H:%M").to_string(),
    }
}

/// `activity` + `desk_work` → `activity-desk-work`.
fn choice_key(kind: &str, code: &str) -> String {
    format!("{kind}-{}", code.replace('_', "-"))
}

fn command_key(name: &str) -> String {
    format!("cmd-{name}")
}

fn lookup(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> Result<String, String> {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(text) => FluentValue::from(without_bidi_controls(text)),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Date(shown) => FluentValue::from(render_strict(lang, &shown.msg())?),
                Arg::Time(time) => FluentValue::from(clock(lang, *time)),
                Arg::Days(days) => FluentValue::from(render_strict(lang, &Msg::days(*days))?),
                Arg::Degrees(Some(d)) => FluentValue::from(format!("{d}°")),
                Arg::Degrees(None) => FluentValue::from("–"),
                Arg::Score(Some(score)) => FluentValue::from(i64::from(*score)),
                Arg::Score(None) => FluentValue::from("none"),
            };
            Ok((Cow::Borrowed(*name), value))
        })
        .collect::<Result<_, String>>()?;
    loader()
        .lookup_single_language(&language(lang), id, Some(&args))
        .map_err(|e| format!("{}: {id}: {e}", lang.code()))
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;
    use crate::core::read::command::Command;

    /// Every message, every command description, in every language: a missing key or a
    /// missing argument fails here, not in a conversation.
    #[test]
    fn every_message_renders_in_every_language() {
        let mut failures = Vec::new();
        for lang in Lang::iter() {
            for msg in Msg::samples() {
                if let Err(e) = render_strict(lang, &msg) {
                    failures.push(e);
                }
            }
            for command in Command::all() {
                if let Err(e) = lookup(lang, &command_key(command.name()), &[]) {
                    failures.push(e);
                }
            }
        }
        assert!(
            failures.is_empty(),
            "missing texts:\n{}",
            failures.join("\n")
        );
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let text = render_strict(
            Lang::En,
            &Msg::TimezoneSaved {
                zone: "Europe/Berlin".into(),
            },
        )
        .unwrap();
        assert_eq!(text, "Saved: Europe/Berlin.");
    }

    /// Two places where the seeds' own wording would mislead (coaching.md): the band of the
    /// seated rotation goes around the ankles, and PAILs and RAILs are told apart.
    #[test]
    fn exercise_texts_correct_the_seeds_where_coaching_md_says_so() {
        use crate::core::rules::catalog::ExerciseId;
        let how = |lang, id| render_strict(lang, &Msg::ExerciseHow(id)).unwrap();
        let band = how(Lang::En, ExerciseId::BandSeatedInternalRotation);
        assert!(
            band.contains("ankles") && !band.contains("above the knees"),
            "{band}"
        );
        let band = how(Lang::De, ExerciseId::BandSeatedInternalRotation);
        assert!(
            band.contains("Knöchel") && !band.contains("über den Knien"),
            "{band}"
        );
        let pails = how(Lang::En, ExerciseId::IrPailsRails);
        for words in [
            "PAILs",
            "against the stretch",
            "nothing moves",
            "RAILs",
            "further",
            "turn your thigh inward",
            "no hand",
        ] {
            assert!(pails.contains(words), "{words:?} missing from {pails}");
        }
    }

    /// English weekday and month names (whole words) that German does not share.
    const ENGLISH_CALENDAR: &[&str] = &[
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mar",
        "May",
        "Oct",
        "Dec",
        "January",
        "February",
        "March",
        "June",
        "July",
        "October",
        "December",
    ];

    fn english_calendar_words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| ENGLISH_CALENDAR.contains(w))
            .map(str::to_string)
            .collect()
    }

    /// The core speaks in values and the shell in words: a German person never reads an
    /// English weekday or month, in any message, in /profile, or on an intake button.
    #[test]
    fn german_texts_name_no_english_weekday_or_month() {
        use crate::core::ask::intake::ask;
        use crate::core::person::question::Question;
        use crate::core::values::measures::{PainScore, Weekdays, WorkingHours};
        use crate::core::values::profile::Lunch;
        use chrono::{NaiveTime, TimeZone, Utc, Weekday};

        let mut texts = Vec::new();
        for msg in Msg::samples() {
            texts.push(render(Lang::De, &msg));
        }
        let now = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let mut person = crate::core::Person::new(1, Lang::De, now);
        person.profile.working_hours = Some(WorkingHours {
            days: Weekdays::MON_FRI,
            start: t(9, 0),
            end: t(17, 0),
        });
        person.profile.lunch = Some(Lunch::Break {
            start: t(12, 0),
            end: t(13, 0),
        });
        person.profile.drill_time = Some(t(18, 0));
        person.profile.training_days = Some(Weekdays::from_days([
            Weekday::Mon,
            Weekday::Wed,
            Weekday::Fri,
        ]));
        person.profile.usual_pain = PainScore::new(2);
        let reply = crate::core::view::profile::profile_reply(&person, now);
        texts.push(render_reply(Lang::De, &reply).text);
        for question in [Question::WorkingHours, Question::Lunch, Question::DrillTime] {
            let rendered = render_reply(Lang::De, &ask(&question));
            texts.extend(rendered.keyboard.labels().into_iter().flatten().cloned());
            texts.push(rendered.text);
        }
        let found: Vec<String> = texts
            .iter()
            .filter(|text| !english_calendar_words(text).is_empty())
            .cloned()
            .collect();
        assert!(
            found.is_empty(),
            "English names in German:\n{}",
            found.join("\n")
        );
        assert_eq!(english_calendar_words("Mon–Fri 09:00"), ["Mon", "Fri"]);
    }

    #[test]
    fn strict_rendering_reports_a_missing_message() {
        assert!(lookup(Lang::De, "no-such-message", &[]).is_err());
    }
}
