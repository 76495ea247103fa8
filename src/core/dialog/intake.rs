//! The intake questions: how each is asked, and how each answer (typed or tapped) changes
//! the profile. The next question is always the first one not answered yet.

use crate::core::ask::intake::{DRILL_TIMES, LUNCHES, SITTING, WORKING_HOURS, day_code, time};
use crate::core::ask::settings::field_value;
use crate::core::ask::{self, ask_question};
use crate::core::dialog::setup::first_test;
use crate::core::dialog::symptoms::{held, red_flag_stop, report_flags};
use crate::core::event::{Event, Updated};
use crate::core::person::Dialog;
use crate::core::person::Person;
use crate::core::person::hold;
use crate::core::person::question;
use crate::core::person::question::{MIN_TRAINING_DAYS, Question};
use crate::core::read::action::Action;
use crate::core::read::answers;
use crate::core::read::symptoms;
use crate::core::rules::assessment::Assessment;
use crate::core::rules::choice::{self, Typed};
use crate::core::rules::safety::HoldCause;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;
use crate::core::transition::Write;
use crate::core::values::input::Input;
use crate::core::values::lang::Lang;
use crate::core::values::measures::{PainScore, WEEK, Weekdays, WorkingHours};
use crate::core::values::profile::{self, AgeBand, Equipment, Lunch, PainSite, Profile, RedFlag};
use chrono::DateTime;
use chrono::Utc;

/// What an answer did.
#[derive(Clone, Debug, PartialEq)]
pub enum Answered {
    /// The profile took the answer; `field` names what changed.
    Done { field: ProfileField },
    /// A multi-choice tick changed: show the question again, in place.
    Ticked(Question),
    /// Not a valid answer: say this, keep the question.
    Retry(Msg),
    /// The language was chosen.
    Language(Lang),
    /// An age under 18: the coach is for adults (`safety::ADULT_AGE`).
    Minor,
    /// Red flags read from a typed answer (with the ticks so far): nothing is stored
    /// until the person confirms them.
    ConfirmFlags(Vec<RedFlag>),
}

/// Applies one input to one question.
pub fn answer(question: &Question, input: &Input, profile: &mut Profile) -> Answered {
    match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) => tapped(question, &code, profile),
            _ => Answered::Retry(Msg::ButtonExpired),
        },
        Input::Text(text) => typed(question, text, profile),
        _ => Answered::Retry(Msg::ChoiceNotUnderstood),
    }
}

fn tapped(question: &Question, code: &str, profile: &mut Profile) -> Answered {
    let index = |prefix: &str| {
        code.strip_prefix(prefix)
            .and_then(|n| n.parse::<usize>().ok())
    };
    match question {
        Question::Age => {
            let band = match code {
                "age_u18" => return Answered::Minor,
                // 18 and 19 tapped as a band count with the adults (the teens' norm of seed
                // 002 is used when the exact age is typed).
                "age_20_50" => AgeBand::From20To50,
                "age_o50" => AgeBand::Over50,
                _ => return Answered::Retry(Msg::ButtonExpired),
            };
            profile.age = None;
            profile.age_band = Some(band);
            Answered::Done {
                field: ProfileField::Age,
            }
        }
        Question::Activities { selected } => match code {
            "done" if selected.is_empty() => Answered::Retry(Msg::ActivitiesNeedOne),
            "done" => {
                profile.activities = Some(selected.clone());
                Answered::Done {
                    field: ProfileField::Activities,
                }
            }
            code => tick(code, selected, |s| Question::Activities { selected: s }),
        },
        Question::Sitting => taken(
            index("sit")
                .and_then(|h| u8::try_from(h).ok())
                .filter(|h| SITTING.contains(h))
                .ok_or(()),
            ProfileField::Sitting,
            Msg::ButtonExpired,
            |hours| profile.sitting_hours = Some(hours),
        ),
        Question::WorkingHours if code == "none" => set_no_fixed_hours(profile),
        Question::WorkingHours => taken(
            index("wh").and_then(|i| WORKING_HOURS.get(i)).ok_or(()),
            ProfileField::WorkingHours,
            Msg::ButtonExpired,
            |(sh, sm, eh, em)| {
                profile.working_hours = Some(WorkingHours {
                    days: Weekdays::MON_FRI,
                    start: time(*sh, *sm),
                    end: time(*eh, *em),
                });
                profile.no_fixed_hours = false;
            },
        ),
        Question::Lunch => {
            let lunch = if code == "none" {
                Some(Lunch::None)
            } else {
                index("l")
                    .and_then(|i| LUNCHES.get(i))
                    .map(|(sh, sm, eh, em)| Lunch::Break {
                        start: time(*sh, *sm),
                        end: time(*eh, *em),
                    })
            };
            taken(
                lunch.ok_or(()),
                ProfileField::Lunch,
                Msg::ButtonExpired,
                |lunch| profile.lunch = Some(lunch),
            )
        }
        Question::DrillTime => taken(
            index("t").and_then(|i| DRILL_TIMES.get(i)).ok_or(()),
            ProfileField::DrillTime,
            Msg::ButtonExpired,
            |(h, m)| profile.drill_time = Some(time(*h, *m)),
        ),
        Question::TrainingDays { selected } => match code {
            "done" => set_training_days(profile, *selected),
            code => match WEEK.iter().find(|day| day_code(**day) == code) {
                Some(day) => Answered::Ticked(Question::TrainingDays {
                    selected: selected.toggled(*day),
                }),
                None => Answered::Retry(Msg::ButtonExpired),
            },
        },
        Question::PainSites { selected } => match code {
            "none" => set_pain_sites(profile, Vec::new()),
            "done" => set_pain_sites(profile, selected.clone()),
            code => tick(code, selected, |s| Question::PainSites { selected: s }),
        },
        Question::UsualPain => match index("p")
            .and_then(|n| u8::try_from(n).ok())
            .and_then(PainScore::new)
        {
            Some(score) => {
                profile.usual_pain = Some(score);
                Answered::Done {
                    field: ProfileField::UsualPain,
                }
            }
            None => Answered::Retry(Msg::ButtonExpired),
        },
        Question::Equipment { selected } => match code {
            "none" => set_equipment(profile, Vec::new()),
            "done" => set_equipment(profile, selected.clone()),
            code => tick(code, selected, |s| Question::Equipment { selected: s }),
        },
        Question::RedFlags { selected } => match code {
            "none" => set_red_flags(profile, Vec::new()),
            // Nothing ticked is not an answer: only "None of these" says none applies.
            "done" if selected.is_empty() => Answered::Retry(Msg::RedFlagsNothingTicked),
            "done" => set_red_flags(profile, selected.clone()),
            "pain_during_tests" => Answered::Retry(Msg::ButtonExpired),
            code => tick(code, selected, |s| Question::RedFlags { selected: s }),
        },
        Question::Language => match code {
            "en" => Answered::Language(Lang::En),
            "de" => Answered::Language(Lang::De),
            _ => Answered::Retry(Msg::ButtonExpired),
        },
    }
}

/// Ticks or unticks one option of a multi-choice question.
fn tick<T>(code: &str, selected: &[T], rebuild: impl Fn(Vec<T>) -> Question) -> Answered
where
    T: Copy + Ord + std::str::FromStr,
{
    match code.parse::<T>() {
        Ok(item) => {
            let mut set = selected.to_vec();
            profile::toggle(&mut set, item);
            Answered::Ticked(rebuild(set))
        }
        Err(_) => Answered::Retry(Msg::ButtonExpired),
    }
}

fn set_pain_sites(profile: &mut Profile, sites: Vec<PainSite>) -> Answered {
    if sites.is_empty() {
        // Nothing hurts: the usual pain is 0, no need to ask.
        profile.usual_pain = PainScore::new(0);
    }
    profile.pain_sites = Some(sites);
    Answered::Done {
        field: ProfileField::PainSites,
    }
}

/// Takes three or more days; fewer are asked again, kindly (seed 003: 3–5 a week).
fn set_training_days(profile: &mut Profile, days: Weekdays) -> Answered {
    if days.count() < MIN_TRAINING_DAYS {
        return Answered::Retry(Msg::TrainingDaysTooFew);
    }
    profile.training_days = Some(days);
    Answered::Done {
        field: ProfileField::TrainingDays,
    }
}

fn set_equipment(profile: &mut Profile, equipment: Vec<Equipment>) -> Answered {
    profile.equipment = Some(equipment);
    Answered::Done {
        field: ProfileField::Equipment,
    }
}

fn set_red_flags(profile: &mut Profile, flags: Vec<RedFlag>) -> Answered {
    record_red_flags(profile, flags);
    Answered::Done {
        field: ProfileField::RedFlags,
    }
}

/// Stores the answer to the red-flag screen (empty: none applies). A new answer starts
/// without an all-clear: an earlier check does not cover it.
pub fn record_red_flags(profile: &mut Profile, flags: Vec<RedFlag>) {
    // The hold (`safety`) is what red flags stop; `cleared_at` is the last check, kept.
    profile.red_flags = Some(flags);
}

/// A typed answer to the red-flag screen. Signs it names are added to the ticks and
/// confirmed first; signs it denies are taken off; a text that only denies signs, or says
/// "none", is "none of these"; anything else is asked again.
fn typed_red_flags(selected: &[RedFlag], text: &str, profile: &mut Profile) -> Answered {
    if symptoms::is_none_answer(text) {
        return set_red_flags(profile, Vec::new());
    }
    let read = symptoms::read(text);
    if read.present.is_empty() && read.denied.is_empty() {
        return Answered::Retry(Msg::TapWhichApplies);
    }
    let mut flags: Vec<RedFlag> = selected
        .iter()
        .filter(|f| !read.denied.contains(f))
        .chain(&read.present)
        .copied()
        .collect();
    flags.sort();
    flags.dedup();
    if !flags.is_empty() {
        return Answered::ConfirmFlags(flags);
    }
    // Only denials: "none of these" must be said, so unless every sign was denied, ask
    // about the others (the ticks stay as they were).
    let asked = profile::all::<RedFlag>()
        .into_iter()
        .filter(|f| *f != RedFlag::PainDuringTests);
    if asked.clone().all(|f| read.denied.contains(&f)) {
        set_red_flags(profile, Vec::new())
    } else {
        Answered::Retry(Msg::AnyOtherSigns)
    }
}

fn typed(question: &Question, text: &str, profile: &mut Profile) -> Answered {
    match question {
        Question::Age => match answers::parse_age(text) {
            Ok(age) if age < crate::core::rules::safety::ADULT_AGE => {
                profile.age = Some(age);
                profile.age_band = Some(AgeBand::of(age));
                Answered::Minor
            }
            Ok(age) => {
                profile.age = Some(age);
                profile.age_band = Some(AgeBand::of(age));
                Answered::Done {
                    field: ProfileField::Age,
                }
            }
            Err(_) => Answered::Retry(Msg::AgeNotUnderstood),
        },
        Question::Activities { .. } => match choice::read(text, choice::ACTIVITY_STEMS) {
            Typed::Some(list) => {
                profile.activities = Some(list);
                Answered::Done {
                    field: ProfileField::Activities,
                }
            }
            _ => Answered::Retry(Msg::ChoiceNotUnderstood),
        },
        Question::Sitting => taken(
            answers::parse_hours(text),
            ProfileField::Sitting,
            Msg::HoursNotUnderstood,
            |hours| profile.sitting_hours = Some(hours),
        ),
        Question::WorkingHours => match answers::parse_working_hours(text) {
            Err(_) if answers::says_no_fixed_hours(text) => set_no_fixed_hours(profile),
            parsed => taken(
                parsed,
                ProfileField::WorkingHours,
                Msg::WorkingHoursNotUnderstood,
                |hours| {
                    profile.working_hours = Some(hours);
                    profile.no_fixed_hours = false;
                },
            ),
        },
        Question::Lunch => taken(
            answers::parse_lunch(text),
            ProfileField::Lunch,
            Msg::LunchNotUnderstood,
            |lunch| {
                profile.lunch = Some(match lunch {
                    Some((start, end)) => Lunch::Break { start, end },
                    None => Lunch::None,
                })
            },
        ),
        Question::DrillTime => taken(
            answers::parse_time_of_day(text),
            ProfileField::DrillTime,
            Msg::TimeNotUnderstood,
            |t| profile.drill_time = Some(t),
        ),
        Question::TrainingDays { selected } => match text.trim().to_lowercase().as_str() {
            // "Done" typed instead of tapped: the days ticked so far.
            "done" | "fertig" | "ok" => set_training_days(profile, *selected),
            _ => match answers::parse_days(text) {
                Ok(days) => set_training_days(profile, days),
                Err(_) => Answered::Retry(Msg::TrainingDaysNotUnderstood),
            },
        },
        Question::PainSites { .. } => match choice::read(text, choice::PAIN_SITE_STEMS) {
            Typed::Some(sites) => set_pain_sites(profile, sites),
            Typed::Nothing => set_pain_sites(profile, Vec::new()),
            Typed::Unknown => Answered::Retry(Msg::ChoiceNotUnderstood),
        },
        Question::UsualPain => taken(
            answers::parse_pain(text),
            ProfileField::UsualPain,
            Msg::PainNotUnderstood,
            |score| profile.usual_pain = Some(score),
        ),
        Question::Equipment { .. } => match choice::read(text, choice::EQUIPMENT_STEMS) {
            Typed::Some(list) => set_equipment(profile, list),
            Typed::Nothing => set_equipment(profile, Vec::new()),
            Typed::Unknown => Answered::Retry(Msg::ChoiceNotUnderstood),
        },
        Question::RedFlags { selected } => typed_red_flags(selected, text, profile),
        Question::Language => match text.trim().to_lowercase().as_str() {
            "english" | "en" | "englisch" => Answered::Language(Lang::En),
            "deutsch" | "de" | "german" => Answered::Language(Lang::De),
            _ => Answered::Retry(Msg::ChoiceNotUnderstood),
        },
    }
}

/// Moves on after an intake answer: the next question, the red-flag stop, or the tests.
pub(crate) fn advance(mut person: Person, now: DateTime<Utc>) -> Transition {
    if let Some(question) = question::next_question(&person.profile) {
        let intro = person.profile == Profile::default();
        let mut reply = ask::intake::ask(&question);
        if intro {
            reply.parts.insert(0, Msg::IntakeIntro);
        }
        person.dialog = Dialog::Ask {
            question,
            setting: false,
        };
        return Transition::save(person).say(reply);
    }
    let flags = person.profile.red_flags.clone().unwrap_or_default();
    if !flags.is_empty() && person.profile.cleared_at.is_none() {
        let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
        let stopped = Assessment::stopped(now, band, flags.clone());
        hold::hold(&mut person, HoldCause::IntakeRedFlags, flags.clone(), now);
        person.dialog = Dialog::Idle;
        let event = Event::assessment(&stopped);
        return Transition::save(person)
            .say(red_flag_stop(&flags))
            .event(event)
            .write(Write::Assessment(stopped));
    }
    first_test(person, false)
}

pub(crate) fn intake_answer(
    mut person: Person,
    question: Question,
    setting: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let flags_before = person.profile.red_flags.clone();
    let had_no_hours = person.profile.no_fixed_hours;
    match answer(&question, input, &mut person.profile) {
        Answered::Done {
            field: ProfileField::RedFlags,
        } if setting => {
            // The symptom check: what is ticked now holds the program.
            let flags = person.profile.red_flags.clone().unwrap_or_default();
            if flags.is_empty() {
                person.profile.red_flags = flags_before;
                if person.hold.is_some() {
                    // Nothing new, but the hold stands: say so, not "carry on".
                    return held(person, now);
                }
                person.dialog = Dialog::Idle;
                return Transition::save(person).say(Reply::new(Msg::SymptomsNone));
            }
            report_flags(person, flags, now)
        }
        Answered::Minor => {
            hold::hold(&mut person, HoldCause::Minor, Vec::new(), now);
            Transition::save(person)
                .say(Reply::new(Msg::MinorReferral))
                .event(Event::ProfileUpdated {
                    field: Updated::Profile(ProfileField::Age),
                })
        }
        Answered::Done {
            field: ProfileField::Age,
        } if person.hold.as_ref().is_some_and(|h| h.minor) => {
            // An age typed wrong and corrected: the coach is open to them again.
            hold::adult_now(&mut person);
            if person.hold.is_some() {
                return held(person, now);
            }
            let mut next = advance(person, now);
            next.events.push(Event::ProfileUpdated {
                field: Updated::Profile(ProfileField::Age),
            });
            next
        }
        Answered::Done {
            field: field @ ProfileField::WorkingHours,
        } => {
            let note = breaks_follow_hours(&mut person, had_no_hours);
            let mut next = if setting {
                person.dialog = Dialog::Idle;
                let value = Box::new(field_value(&person, field, now));
                Transition::save(person)
                    .say(Reply::new(Msg::SettingSavedValue { field, value }))
                    .event(Event::ProfileUpdated {
                        field: Updated::Profile(field),
                    })
            } else {
                advance(person, now)
            };
            if let Some(note) = note {
                next.replies.insert(usize::from(setting), note);
            }
            next
        }
        Answered::Done { field } if setting => {
            person.dialog = Dialog::Idle;
            let value = Box::new(field_value(&person, field, now));
            // A drill time moved into the quiet hours: said, with the offer to move it.
            let warning = (field == ProfileField::DrillTime)
                .then(|| crate::core::dialog::nudge::session_in_quiet(&person))
                .flatten();
            Transition::save(person)
                .say(Reply::new(Msg::SettingSavedValue { field, value }))
                .say_all(warning)
                .event(Event::ProfileUpdated {
                    field: Updated::Profile(field),
                })
        }
        Answered::Done { .. } => advance(person, now),
        Answered::Ticked(question) => {
            let mut reply = ask_question(&question, setting);
            reply.in_place = matches!(input, Input::Button(_));
            person.dialog = Dialog::Ask { question, setting };
            Transition::save(person).say(reply)
        }
        Answered::Language(lang) => {
            person.lang = lang;
            person.dialog = Dialog::Idle;
            Transition::save(person)
                .say(Reply::new(Msg::SettingSavedValue {
                    field: ProfileField::Language,
                    value: Box::new(Msg::LanguageName),
                }))
                .event(Event::ProfileUpdated {
                    field: Updated::Profile(ProfileField::Language),
                })
        }
        Answered::Retry(msg) => Transition::retry(&person, msg),
        Answered::ConfirmFlags(flags) => {
            person.dialog = Dialog::ConfirmFlags {
                flags,
                back: Box::new(Dialog::Ask { question, setting }),
            };
            let ask = ask::prompt(&person, now);
            Transition::save(person).say_all(ask)
        }
    }
}

/// "No fixed hours": no working hours, and no lunch question either (there is no working
/// day to keep a lunch break out of; a lunch given before stays).
fn set_no_fixed_hours(profile: &mut Profile) -> Answered {
    profile.working_hours = None;
    profile.no_fixed_hours = true;
    profile.lunch = profile.lunch.or(Some(Lunch::None));
    Answered::Done {
        field: ProfileField::WorkingHours,
    }
}

/// After the working-hours answer: no fixed hours turn movement breaks off (with one
/// sentence on how to have them), and hours given after "no fixed hours" turn them on.
fn breaks_follow_hours(person: &mut Person, had_no_hours: bool) -> Option<Reply> {
    if person.profile.no_fixed_hours {
        person.settings.breaks_off = true;
        Some(Reply::new(Msg::NoFixedHoursBreaksOff))
    } else if had_no_hours {
        person.settings.breaks_off = false;
        Some(Reply::new(Msg::BreaksOn {
            minutes: i64::from(person.settings.break_minutes),
        }))
    } else {
        None
    }
}

/// An answer read (typed or tapped): stored by `store` and done, or asked again with `retry`.
fn taken<T, E: Why>(
    parsed: Result<T, E>,
    field: ProfileField,
    retry: Msg,
    store: impl FnOnce(T),
) -> Answered {
    match parsed {
        Ok(value) => {
            store(value);
            Answered::Done { field }
        }
        Err(e) => Answered::Retry(match e.why() {
            Some(error) => Msg::retry_for(error, retry),
            None => retry,
        }),
    }
}

/// Why an answer was not taken, where a reader says (a value out of range is told so).
trait Why {
    fn why(&self) -> Option<answers::AnswerError>;
}

impl Why for () {
    fn why(&self) -> Option<answers::AnswerError> {
        None
    }
}

impl Why for answers::AnswerError {
    fn why(&self) -> Option<answers::AnswerError> {
        Some(*self)
    }
}
