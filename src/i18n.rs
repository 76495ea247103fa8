//! Fluent lookups: typed [`Msg`] values become text in the person's language.
//! The texts live in `messages/<lang>/*.ftl` and are compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, StaticLoader, static_loader};

use crate::chart::{AxisDate, ProgressChart};
use crate::core::say::args::Arg;
use crate::core::say::reply::Chart;
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
        Msg::SettingSavedValue { value, .. } => {
            let mut args = msg.args();
            args.push(("value", Arg::Text(render_strict(lang, value)?)));
            lookup(lang, msg.id(), &args)
        }
        Msg::Muscle(x) => lookup(lang, &choice_key("muscle", (*x).into()), &[]),
        Msg::ProfileLine { value, .. } | Msg::SettingLine { value, .. } => {
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
fn chart_png(lang: Lang, chart: &Chart) -> Option<Vec<u8>> {
    let name = |date| axis_date(lang, date);
    match crate::chart::render_png(&chart_spec(lang, chart), &name) {
        Ok(png) => Some(png),
        Err(error) => {
            tracing::warn!(%error, "could not draw a progress chart");
            None
        }
    }
}

/// What the chart draws, its titles and labels in the person's language.
fn chart_spec(lang: Lang, chart: &Chart) -> ProgressChart {
    let text = |msg: Msg| render(lang, &msg);
    ProgressChart {
        range_title: text(Msg::ChartRange),
        pain_title: text(Msg::ChartPain),
        left_label: text(Msg::ChartLeft),
        right_label: text(Msg::ChartRight),
        normal_label: text(Msg::ChartNormal),
        during_label: text(Msg::ChartDuring),
        morning_label: text(Msg::ChartMorning),
        data: chart.clone(),
    }
}

/// A date on the chart's time axis in `lang`: a day ("6 Mar", "6. März"), the start of a
/// month ("Mar 2025", "März 2025") or of a year.
fn axis_date(lang: Lang, date: AxisDate) -> String {
    let (id, args) = axis_date_message(date);
    lookup(lang, id, &args)
        .or_else(|_| lookup(Lang::En, id, &args))
        .unwrap_or_else(|error| {
            tracing::warn!(id, %error, "chart date missing");
            String::new()
        })
}

/// The Fluent message that names a date on the chart's time axis, and its arguments.
fn axis_date_message(date: AxisDate) -> (&'static str, Vec<(&'static str, Arg)>) {
    let number = |n: u32| Arg::Number(i64::from(n));
    match date {
        AxisDate::Day { day, month } => (
            "chart-day",
            vec![("day", number(day)), ("month", number(month))],
        ),
        AxisDate::Month { month, year } => (
            "chart-month",
            vec![
                ("month", number(month)),
                ("year", Arg::Number(i64::from(year))),
            ],
        ),
        AxisDate::Year(year) => ("chart-year", vec![("year", Arg::Number(i64::from(year)))]),
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

/// The measuring page's texts in `lang`, by id, each variable left as `{name}` for the
/// page to fill in (`webapp::TEXTS` names them).
pub fn page_texts(
    lang: Lang,
    ids: &[(&str, &[&str])],
) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    ids.iter()
        .map(|(id, vars)| {
            let args: HashMap<Cow<'static, str>, FluentValue> = vars
                .iter()
                .map(|var| {
                    (
                        Cow::Owned((*var).to_owned()),
                        FluentValue::from(format!("{{{var}}}")),
                    )
                })
                .collect();
            loader()
                .lookup_single_language(&language(lang), id, Some(&args))
                .map(|text| ((*id).to_owned(), serde_json::Value::String(text)))
                .map_err(|e| format!("{}: {id}: {e}", lang.code()))
        })
        .collect()
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
mod tests;
