//! Every message renders in every language, arguments are filled in without isolation
//! marks, the exercise texts say what coaching.md corrects, and the chart names its dates
//! in the person's language.

use strum::IntoEnumIterator;

use super::*;
use crate::core::read::command::Command;

/// Every message, every command description and the chart's dates, in every language:
/// a missing key or a missing argument fails here, not in a conversation.
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
        for date in [
            AxisDate::Day { day: 6, month: 3 },
            AxisDate::Month {
                month: 3,
                year: 2025,
            },
            AxisDate::Year(2025),
        ] {
            let (id, args) = axis_date_message(date);
            if let Err(e) = lookup(lang, id, &args) {
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

/// The labels of the chart's time axis for `lang`, as `chart_png` draws them.
fn axis_labels(lang: Lang, chart: &Chart) -> Vec<String> {
    crate::chart::axis_labels(&chart_spec(lang, chart), &|date| axis_date(lang, date))
}

/// A chart with one measurement at noon UTC on each of these days.
fn chart_on(days: &[(i32, u32, u32)]) -> Chart {
    use chrono::TimeZone;
    let at = |&(y, m, d): &(i32, u32, u32)| {
        chrono::Utc
            .with_ymd_and_hms(y, m, d, 12, 0, 0)
            .single()
            .expect("a valid test date")
    };
    Chart {
        normal: (35, 45),
        left: days.iter().map(|day| (at(day), 40)).collect(),
        ..Chart::default()
    }
}

/// A German person's chart names no English month or weekday on its time axis, at any
/// span (days, weeks, months, years), and writes each month as German does; an English
/// person's reads as before.
#[test]
fn the_chart_names_its_dates_in_the_persons_language() {
    const ENGLISH_ONLY: [&str; 28] = [
        "January",
        "February",
        "March",
        "May",
        "June",
        "July",
        "October",
        "December",
        "Mar",
        "Jun",
        "Jul",
        "Sep",
        "Oct",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ];
    const GERMAN: [&str; 12] = [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ];
    // A few days within each month: daily ticks naming it.
    let within: Vec<Chart> = (1..=12u32)
        .map(|month| chart_on(&[(2025, month, 10), (2025, month, 12)]))
        .collect();
    // Ten months each: one tick per month start, every month of the year between them.
    let month_starts = [
        chart_on(&[(2025, 1, 1), (2025, 10, 15)]),
        chart_on(&[(2025, 3, 1), (2025, 12, 15)]),
    ];
    let weeks = chart_on(&[(2025, 9, 1), (2025, 10, 20)]);
    let years = chart_on(&[(2019, 5, 1), (2025, 6, 1)]);
    let decades = chart_on(&[(1990, 5, 1), (2025, 6, 1)]);
    let every: Vec<&Chart> = within
        .iter()
        .chain(&month_starts)
        .chain([&weeks, &years, &decades])
        .collect();
    for chart in every {
        for label in axis_labels(Lang::De, chart) {
            for word in label.split(|c: char| !c.is_alphabetic()) {
                assert!(
                    !ENGLISH_ONLY.contains(&word),
                    "an English {word:?} in the German chart label {label:?}"
                );
            }
        }
    }
    for (chart, german) in within.iter().zip(GERMAN) {
        let named = axis_labels(Lang::De, chart);
        assert!(
            named.iter().all(|l| l.ends_with(german)),
            "{german} on a chart within that month: {named:?}"
        );
    }
    let starts: Vec<String> = month_starts
        .iter()
        .flat_map(|chart| axis_labels(Lang::De, chart))
        .collect();
    for german in GERMAN {
        assert!(
            starts.iter().any(|l| l.starts_with(german)),
            "{german} among the month starts: {starts:?}"
        );
    }
    let march = chart_on(&[(2025, 3, 5)]);
    assert_eq!(axis_labels(Lang::De, &march).last().unwrap(), "6. März");
    assert_eq!(axis_labels(Lang::En, &march).last().unwrap(), "6 Mar");
    let winter = chart_on(&[(2024, 11, 20), (2025, 4, 2)]);
    assert_eq!(
        axis_labels(Lang::De, &winter),
        [
            "Dez. 2024",
            "Jan. 2025",
            "Feb. 2025",
            "März 2025",
            "Apr. 2025"
        ]
    );
    assert_eq!(
        axis_labels(Lang::En, &winter),
        ["Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"]
    );
    assert!(
        axis_labels(Lang::De, &decades).contains(&"2000".to_string()),
        "{:?}",
        axis_labels(Lang::De, &decades)
    );
}

#[test]
fn strict_rendering_reports_a_missing_message() {
    assert!(lookup(Lang::De, "no-such-message", &[]).is_err());
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
