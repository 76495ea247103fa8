//! The guided self-tests, one step at a time: instructions, buttons, and reading answers.

use crate::core::read::action::Action;
use crate::core::read::answers;
use crate::core::rules::assessment::{Band, StepKind, TestAnswer, TestStep};
use crate::core::say::msg::Msg;
use crate::core::values::input::Input;

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
                    "b4" => Band::Over50,
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

/// A band typed as words instead of tapped, in English or German: "under 20", "20-30",
/// "40 to 50", "more than 50", "über 50", "50+". A bare number is a measurement, not a band.
fn typed_band(lower: &str) -> Option<Band> {
    const WORDS: &[(&str, Band)] = &[
        ("under 20", Band::Under20),
        ("below 20", Band::Under20),
        ("less than 20", Band::Under20),
        ("<20", Band::Under20),
        ("unter 20", Band::Under20),
        ("weniger als 20", Band::Under20),
        ("20-30", Band::From20To30),
        ("20 to 30", Band::From20To30),
        ("20 bis 30", Band::From20To30),
        ("30-40", Band::From30To40),
        ("30 to 40", Band::From30To40),
        ("30 bis 40", Band::From30To40),
        ("40-50", Band::Over40),
        ("40 to 50", Band::Over40),
        ("40 bis 50", Band::Over40),
        ("over 50", Band::Over50),
        ("above 50", Band::Over50),
        ("more than 50", Band::Over50),
        ("50+", Band::Over50),
        (">50", Band::Over50),
        ("über 50", Band::Over50),
        ("ueber 50", Band::Over50),
        ("mehr als 50", Band::Over50),
    ];
    let cleaned = lower
        .replace(['–', '—'], "-")
        .replace(['°', 'º'], " ")
        .replace("degrees", " ")
        .replace("grad", " ");
    let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = words
        .replace(" - ", "-")
        .replace("- ", "-")
        .replace(" -", "-")
        .replace(" +", "+")
        .replace("> ", ">")
        .replace("< ", "<");
    let words = words.trim_end_matches(['.', '!']);
    WORDS
        .iter()
        .find(|(typed, _)| *typed == words)
        .map(|(_, band)| *band)
}

fn typed(step: TestStep, text: &str) -> Option<TestAnswer> {
    let lower = text.trim().to_lowercase();
    if ["skip", "überspringen", "ueberspringen", "weiter"].contains(&lower.as_str()) {
        return Some(TestAnswer::Skipped);
    }
    match step.kind() {
        StepKind::Degrees => typed_band(&lower)
            .map(|band| TestAnswer::Estimate { band })
            .or_else(|| {
                answers::parse_degrees(text)
                    .ok()
                    .map(|d| TestAnswer::Measured { degrees: d.value() })
            }),
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
        StepKind::PassFail => crate::core::read::parse::yes_no(text).map(|yes| {
            if yes {
                TestAnswer::Pass
            } else {
                TestAnswer::Fail
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ask::selftest::ask;
    use crate::core::say::reply::Keyboard;
    use strum::IntoEnumIterator;

    #[test]
    fn bands_typed_as_words_are_estimates_and_numbers_are_measurements() {
        let step = TestStep::ProneInternalLeft;
        for (text, band) in [
            ("under 20", Band::Under20),
            ("Unter 20°", Band::Under20),
            ("20–30", Band::From20To30),
            ("30 - 40 degrees", Band::From30To40),
            ("40 bis 50 Grad", Band::Over40),
            ("over 50", Band::Over50),
            ("More than 50°", Band::Over50),
            ("über 50", Band::Over50),
            ("mehr als 50", Band::Over50),
            ("50+", Band::Over50),
            ("> 50", Band::Over50),
        ] {
            assert_eq!(
                read(step, &Input::Text(text.into())),
                Ok(TestAnswer::Estimate { band }),
                "{text:?}"
            );
        }
        assert_eq!(
            read(step, &Input::Text("about 55".into())),
            Ok(TestAnswer::Measured { degrees: 55 })
        );
        assert_eq!(
            read(step, &Input::Text("over 40".into())),
            Err(Msg::DegreesNotUnderstood),
            "ambiguous now that 40–50° and more than 50° are two bands"
        );
    }

    #[test]
    fn every_degree_question_offers_every_band() {
        for step in TestStep::iter().filter(|s| s.kind() == StepKind::Degrees) {
            let Keyboard::Inline(rows) = ask(step).keyboard else {
                panic!("{step:?} has no buttons")
            };
            for band in Band::iter() {
                let found = rows.iter().flatten().find(|b| b.label == Msg::Band(band));
                let data = found.map(|b| b.data.clone()).expect("a button");
                assert_eq!(
                    read(step, &Input::Button(data)),
                    Ok(TestAnswer::Estimate { band }),
                    "{step:?} {band:?}"
                );
            }
        }
    }
}
