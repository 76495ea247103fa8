//! The guided self-tests, one step at a time: instructions, buttons, and reading answers.

use crate::core::ask;
use crate::core::dialog::decisions::after_assessment;
use crate::core::dialog::symptoms::symptom_check;
use crate::core::event::Event;
use crate::core::person::Dialog;
use crate::core::person::Person;
use crate::core::read::action::Action;
use crate::core::read::answers;
use crate::core::read::phone;
use crate::core::rules::assessment;
use crate::core::rules::assessment::Assessment;
use crate::core::rules::assessment::Change;
use crate::core::rules::assessment::Side;
use crate::core::rules::assessment::SideResult;
use crate::core::rules::assessment::TestAnswers;
use crate::core::rules::assessment::{Band, StepKind, TestAnswer, TestStep};
use crate::core::rules::progression::Range;
use crate::core::say::buttons;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::Persist;
use crate::core::transition::Transition;
use crate::core::transition::Write;
use crate::core::values::input::Input;
use crate::core::values::measures::PainScore;
use crate::core::values::profile::AgeBand;
use chrono::DateTime;
use chrono::Utc;

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

/// The measuring page's answer, taken only for the test and side asked now (the page's
/// JSON is untrusted: `read::phone` checks its shape and range).
fn measured_by_phone(step: TestStep, asked: u32, data: &str) -> Result<TestAnswer, Msg> {
    let reading = phone::read(data).map_err(|refused| match refused {
        phone::Refused::Unreadable => Msg::PhoneUnreadable,
        phone::Refused::OutOfRange { degrees } => Msg::PhoneOutOfRange { degrees },
    })?;
    // A page opened for an earlier question (its number says so), or answering after the
    // measuring questions are over: late, whatever it measured.
    let Some(measuring) = step
        .phone()
        .filter(|_| reading.asked.is_none_or(|q| q == asked))
    else {
        return Err(Msg::PhoneTooLate);
    };
    if measuring != (reading.test, reading.side) {
        return Err(Msg::PhoneWrongStep {
            test: reading.test,
            side: reading.side,
        });
    }
    let (low, high) = reading.low_high();
    Ok(TestAnswer::Phone {
        degrees: reading.degrees,
        low,
        high,
    })
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

/// "Can't get into position" in words, in English or German.
fn cannot_position(lower: &str) -> bool {
    let t = lower
        .trim_end_matches(['.', '!'])
        .replace(['’', '`'], "'")
        .replace("cannot", "can't")
        .replace("cant ", "can't ");
    const SAYS: &[&str] = &[
        "can't get into position",
        "can't get into the position",
        "can't lie down",
        "can't lie like that",
        "can't sit like that",
        "can't lie on my front",
        "can't lie on my stomach",
        "kann nicht so liegen",
        "kann so nicht liegen",
        "kann nicht so sitzen",
        "can't get in position",
        "can't do the position",
        "can't do it",
        "can't",
        "cant",
        "not possible",
        "komme nicht in die position",
        "ich komme nicht in die position",
        "komme nicht in position",
        "geht nicht",
        "schaffe ich nicht",
        "kann ich nicht",
    ];
    SAYS.contains(&t.as_str())
}

fn typed(step: TestStep, text: &str) -> Option<TestAnswer> {
    let lower = text.trim().to_lowercase();
    if ["skip", "überspringen", "ueberspringen", "weiter"].contains(&lower.as_str()) {
        return Some(TestAnswer::Skipped);
    }
    if step.kind() != StepKind::Pain {
        // The buttons under every test, typed: "it hurt", "can't get into position".
        if cannot_position(&lower) {
            return Some(TestAnswer::CannotPosition);
        }
        if crate::core::read::talk::read(&lower) == Some(crate::core::read::talk::Talk::Hurts) {
            return Some(TestAnswer::Hurt);
        }
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
            "even" | "about even" | "same" | "neither" | "gleich" | "etwa gleich" => {
                Some(TestAnswer::FeetEven)
            }
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

pub(crate) fn test_answer(
    mut person: Person,
    test: TestStep,
    mut answers: TestAnswers,
    retest: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let read_answer = match input {
        Input::WebAppData(data) => measured_by_phone(test, person.asked, data),
        _ => read(test, input),
    };
    let answer = match read_answer {
        Ok(answer) => answer,
        Err(msg) => return Transition::retry(&person, msg),
    };
    answers.insert(test, answer);
    // The usual pain is asked again at re-tests only (the intake just asked it), and not
    // after tests that hurt over 5: the hold and its referral come first.
    let hurt_a_lot = matches!(answer, TestAnswer::Pain { score } if score > assessment::HIGH_PAIN)
        && test == TestStep::TestPain;
    let next = test
        .next()
        .filter(|n| (retest && !hurt_a_lot) || *n != TestStep::UsualPain);
    match next {
        Some(next) => {
            let mut reply = ask::selftest::ask(next);
            if answer == TestAnswer::Hurt {
                reply.parts.insert(0, Msg::TestHurtNote);
            }
            if let (TestAnswer::Phone { degrees, low, high }, Some((_, side))) =
                (answer, test.phone())
            {
                let measured = Msg::PhoneMeasured {
                    side,
                    degrees: i64::from(degrees),
                    low: i64::from(low),
                    high: i64::from(high),
                };
                reply.parts.insert(0, measured);
            }
            person.dialog = Dialog::Test {
                test: next,
                answers,
                retest,
            };
            Transition::save(person).say(reply)
        }
        None => finish_tests(person, answers, retest, now),
    }
}

pub(crate) fn finish_tests(
    mut person: Person,
    answers: TestAnswers,
    retest: bool,
    now: DateTime<Utc>,
) -> Transition {
    let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
    if let Some(TestAnswer::Pain { score }) = answers.get(&TestStep::UsualPain) {
        person.profile.usual_pain = PainScore::new(*score).or(person.profile.usual_pain);
    }
    let usual = person.profile.usual_pain.map(|p| p.value());
    let result = assessment::evaluate(&answers, band, usual, now, retest);
    let reply = result_reply(&result, &person);
    // A drop of 10° or more on a side since the last test, measured the same way: ask
    // whether something happened (coaching.md: under 10° is no change).
    let latest = Range::of(&result);
    let dropped = result.red_flags.is_empty()
        && person.history.ranges.last().is_some_and(|last| {
            [Side::Left, Side::Right]
                .into_iter()
                .any(|side| last.change_to(&latest, side) == Some(Change::Loss))
        });
    person.history.first = person.history.first.take().or_else(|| Some(result.clone()));
    person.history.last = Some(result.clone());
    person.dialog = Dialog::Idle;
    person.history.ranges.push(Range::of(&result));
    let event = Event::assessment(&result);
    let t = Transition::save(person.clone())
        .say(reply)
        .event(event)
        .write(Write::Assessment(result.clone()));
    let mut t = after_assessment(t, person, &result, now);
    if dropped
        && let Persist::Save(person) = &mut t.persist
        && person.hold.is_none()
    {
        person.dialog = Dialog::AskDrop;
        t.replies.extend(ask::prompt(person, now));
    }
    t
}

pub(crate) fn side_line(side: &SideResult, band: AgeBand) -> Msg {
    let (low, high) = band.normal_internal_rotation();
    match (side.internal, side.verdict) {
        (Some(degrees), Some(verdict)) => Msg::ResultSide {
            side: side.side,
            degrees: i64::from(degrees),
            how: side.taken(),
            verdict,
            low: i64::from(low),
            high: i64::from(high),
        },
        _ => Msg::ResultSideMissing { side: side.side },
    }
}

/// The short summary after the tests: numbers, what they mean, what comes next.
pub(crate) fn result_reply(result: &Assessment, person: &Person) -> Reply {
    let mut parts = vec![
        Msg::ResultTitle,
        Msg::Lines(vec![
            side_line(&result.left, result.age_band),
            side_line(&result.right, result.age_band),
        ]),
    ];
    if let Some(difference) = result.asymmetry {
        parts.push(if result.asymmetry_flagged {
            Msg::ResultAsymmetry {
                difference: i64::from(difference),
            }
        } else {
            Msg::ResultEven {
                difference: i64::from(difference),
            }
        });
    }
    let changes = changes(result, person);
    if !changes.is_empty() {
        parts.push(Msg::Lines(changes));
    }
    if !result.red_flags.is_empty() {
        parts.push(Msg::ResultStop {
            score: i64::from(result.test_pain.unwrap_or(0)),
        });
        return Reply::of(parts);
    }
    let turns_well = [&result.left, &result.right].iter().all(|s| {
        matches!(
            s.verdict,
            Some(assessment::RangeVerdict::Within | assessment::RangeVerdict::Above)
        )
    });
    if result.measured_nothing() {
        // No conclusion from nothing: the gentlest start, and measure when they can (a
        // re-test: nothing to compare, the program stays).
        parts.push(if result.retest {
            Msg::RetestNothingMeasured
        } else {
            Msg::ResultNothingMeasured
        });
        if result.any_test_hurt() {
            parts.push(Msg::ResultHurtNote);
        }
        return Reply::of(parts);
    }
    match result.track {
        Some(assessment::Track::LimitedInternalRotation) if turns_well => {
            parts.push(Msg::ResultTrackFine)
        }
        Some(track) => parts.push(Msg::ResultTrack { track }),
        None => {}
    }
    // After a re-test, the decision that follows says where the program goes.
    if let Some(level) = result.level.filter(|_| !result.retest) {
        parts.push(Msg::ResultLevel {
            level: i64::from(level),
        });
    }
    if result.any_test_hurt() {
        parts.push(Msg::ResultHurtNote);
    }
    parts.push(Msg::ResultNext);
    Reply::of(parts)
}

/// Change per side since the last test, each side with itself, like with like: under 10°
/// is no real change, and an estimate is not compared with a measured number.
pub(crate) fn changes(result: &Assessment, person: &Person) -> Vec<Msg> {
    let Some(last) = person.history.ranges.last() else {
        return Vec::new();
    };
    let latest = Range::of(result);
    [Side::Left, Side::Right]
        .into_iter()
        .filter_map(|side| {
            let kind = last.change_to(&latest, side)?;
            let (before, _) = last.internal(side);
            let (after, _) = latest.internal(side);
            Some(Msg::ResultChange {
                side,
                change: i64::from(after?) - i64::from(before?),
                kind,
            })
        })
        .collect()
}

/// After a drop in range: "something happened?" Check the symptoms, or carry on.
pub(crate) fn drop_answer(mut person: Person, input: &Input) -> Transition {
    let choice = match Transition::yes_or_no(&person, input, &buttons::DROP) {
        Ok(choice) => choice,
        Err(refused) => return refused,
    };
    match choice {
        true => symptom_check(person),
        false => {
            person.dialog = Dialog::Idle;
            Transition::save(person).say(Reply::new(Msg::DropNoted))
        }
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
