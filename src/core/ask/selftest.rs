//! The self-test steps as messages with their buttons.

use crate::core::ask::intake::pain_keyboard;
use crate::core::rules::assessment::{Band, Side, StepKind, TestStep};
use crate::core::say::msg::Msg;
use crate::core::say::reply::option as button;
use crate::core::say::reply::{InlineButton, Keyboard, Measure, Reply, ReplyButton};
use crate::core::values::lang::Lang;
use strum::IntoEnumIterator;

pub(crate) fn side(step: TestStep) -> Side {
    match step {
        TestStep::SeatedLeft | TestStep::ProneInternalLeft | TestStep::ProneExternalLeft => {
            Side::Left
        }
        _ => Side::Right,
    }
}

/// The way out of any test: skip it, or say it hurt or could not be done.
pub(crate) fn escape_row() -> Vec<InlineButton<Msg>> {
    vec![
        button(Msg::Skip, "skip"),
        button(Msg::ItHurt, "hurt"),
        button(Msg::CannotPosition, "cant"),
    ]
}

/// The message for a step: the test's instructions the first time, then the question.
pub fn ask(step: TestStep) -> Reply {
    let instructions = match step {
        TestStep::SeatedLeft => Some(Msg::TestSeated),
        TestStep::ProneInternalLeft => Some(Msg::TestProneInternal),
        TestStep::ProneExternalLeft => Some(Msg::TestProneExternal),
        TestStep::Supine => Some(Msg::TestSupine),
        TestStep::Figure4 => Some(Msg::TestFigure4),
        TestStep::Butterfly => Some(Msg::TestButterfly),
        TestStep::TestPain => Some(Msg::TestPain),
        TestStep::UsualPain => Some(Msg::AskUsualPainNow),
        _ => None,
    };
    let mut parts = Vec::new();
    if step.introduces_test() {
        parts.extend(instructions);
    }
    let rows = match step.kind() {
        StepKind::Degrees => {
            parts.push(Msg::TestAskSide { side: side(step) });
            // Every band on every degree question, three to a row.
            let bands: Vec<Band> = Band::iter().collect();
            let mut rows: Vec<Vec<InlineButton<Msg>>> = bands
                .chunks(3)
                .map(|row| {
                    row.iter()
                        .map(|b| button(Msg::Band(*b), band_code(*b)))
                        .collect()
                })
                .collect();
            rows.push(escape_row());
            rows
        }
        StepKind::FeetFall => vec![
            vec![
                button(Msg::FeetInward, "in"),
                button(Msg::FeetOutward, "out"),
                button(Msg::FeetEven, "even"),
            ],
            escape_row(),
        ],
        StepKind::PassFail => vec![
            vec![button(Msg::PassYes, "pass"), button(Msg::FailNo, "fail")],
            escape_row(),
        ],
        StepKind::Pain => {
            let mut rows = pain_keyboard();
            rows.push(vec![button(Msg::Skip, "skip")]);
            rows
        }
    };
    Reply {
        parts,
        keyboard: Keyboard::Inline(rows),
        in_place: false,
        chart: None,
        export: false,
    }
}

pub(crate) fn band_code(band: Band) -> &'static str {
    match band {
        Band::Under20 => "b0",
        Band::From20To30 => "b1",
        Band::From30To40 => "b2",
        Band::Over40 => "b3",
        Band::Over50 => "b4",
    }
}

/// The measuring page's button for a seated or face-down step, in a message of its own: a
/// button that opens a page sits in the keyboard below the typing field, which cannot
/// share a message with the inline ranges. `None` for the other steps. `lang` and `asked`:
/// the person's language and question number, for the page.
pub fn phone_offer(step: TestStep, lang: Lang, asked: u32) -> Option<Reply> {
    let (test, side) = step.phone()?;
    let measure = Measure {
        test,
        side,
        lang,
        asked,
    };
    let button = ReplyButton {
        measures: Some(measure),
        ..ReplyButton::text(Msg::MeasureButton)
    };
    Some(Reply::new(Msg::MeasureOffer).keyboard(Keyboard::Reply(vec![vec![button]])))
}
