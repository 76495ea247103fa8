//! The guided self-tests, one step at a time: instructions, buttons, and reading answers.

use super::Input;
use super::action::Action;
use super::answers;
use super::assessment::{Band, Side, StepKind, TestAnswer, TestStep};
use super::intake::pain_keyboard;
use super::msg::Msg;
use super::reply::option as button;
use super::reply::{InlineButton, Keyboard, Reply};

fn side(step: TestStep) -> Side {
    match step {
        TestStep::SeatedLeft | TestStep::ProneInternalLeft | TestStep::ProneExternalLeft => {
            Side::Left
        }
        _ => Side::Right,
    }
}

/// The way out of any test: skip it, or say it hurt or could not be done.
fn escape_row() -> Vec<InlineButton<Msg>> {
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
        _ => None,
    };
    let mut parts = Vec::new();
    if step.introduces_test() {
        parts.extend(instructions);
    }
    let rows = match step.kind() {
        StepKind::Degrees => {
            parts.push(Msg::TestAskSide { side: side(step) });
            let bands = [
                Band::Under20,
                Band::From20To30,
                Band::From30To40,
                Band::Over40,
            ];
            vec![
                bands[..2]
                    .iter()
                    .map(|b| button(Msg::Band(*b), band_code(*b)))
                    .collect(),
                bands[2..]
                    .iter()
                    .map(|b| button(Msg::Band(*b), band_code(*b)))
                    .collect(),
                escape_row(),
            ]
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

fn band_code(band: Band) -> &'static str {
    match band {
        Band::Under20 => "b0",
        Band::From20To30 => "b1",
        Band::From30To40 => "b2",
        Band::Over40 => "b3",
    }
}

/// Reads an answer to a step, or says what to send instead.
pub fn read(step: TestStep, input: &Input) -> Result<TestAnswer, Msg> {
    let retry = match step.kind() {
        StepKind::Degrees => Msg::DegreesNotUnderstood,
        StepKind::Pain => Msg::PainNotUnderstood,
        StepKind::FeetFall | StepKind::PassFail => Msg::ChoiceNotUnderstood,
    };
    match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) => tapped(step, &code).ok_or(Msg::ButtonExpired),
            _ => Err(Msg::ButtonExpired),
        },
        Input::Text(text) => typed(step, text).ok_or(retry),
        _ => Err(retry),
    }
}

fn tapped(step: TestStep, code: &str) -> Option<TestAnswer> {
    let answer = match code {
        "skip" => TestAnswer::Skipped,
        "hurt" if step.kind() != StepKind::Pain => TestAnswer::Hurt,
        "cant" if step.kind() != StepKind::Pain => TestAnswer::CannotPosition,
        _ => match step.kind() {
            StepKind::Degrees => {
                let band = match code {
                    "b0" => Band::Under20,
                    "b1" => Band::From20To30,
                    "b2" => Band::From30To40,
                    "b3" => Band::Over40,
                    _ => return None,
                };
                TestAnswer::Estimate { band }
            }
            StepKind::FeetFall => match code {
                "in" => TestAnswer::FeetInward,
                "out" => TestAnswer::FeetOutward,
                "even" => TestAnswer::FeetEven,
                _ => return None,
            },
            StepKind::PassFail => match code {
                "pass" => TestAnswer::Pass,
                "fail" => TestAnswer::Fail,
                _ => return None,
            },
            StepKind::Pain => {
                let score = code
                    .strip_prefix('p')?
                    .parse::<u8>()
                    .ok()
                    .filter(|s| *s <= 10)?;
                TestAnswer::Pain { score }
            }
        },
    };
    Some(answer)
}

fn typed(step: TestStep, text: &str) -> Option<TestAnswer> {
    let lower = text.trim().to_lowercase();
    if ["skip", "überspringen", "ueberspringen", "weiter"].contains(&lower.as_str()) {
        return Some(TestAnswer::Skipped);
    }
    match step.kind() {
        StepKind::Degrees => answers::parse_degrees(text)
            .ok()
            .map(|d| TestAnswer::Measured { degrees: d.value() }),
        StepKind::Pain => answers::parse_pain(text)
            .ok()
            .map(|p| TestAnswer::Pain { score: p.value() }),
        StepKind::FeetFall => match lower.as_str() {
            "in" | "inward" | "inwards" | "nach innen" | "innen" => Some(TestAnswer::FeetInward),
            "out" | "outward" | "outwards" | "nach außen" | "außen" | "aussen" => {
                Some(TestAnswer::FeetOutward)
            }
            "even" | "same" | "neither" | "gleich" => Some(TestAnswer::FeetEven),
            _ => None,
        },
        StepKind::PassFail => super::parse::yes_no(text).map(|yes| {
            if yes {
                TestAnswer::Pass
            } else {
                TestAnswer::Fail
            }
        }),
    }
}
