//! The schedule maths is total: for every zone and any instant chrono allows in the
//! person's pause, snooze, "in a meeting", last break, sessions and the clock itself, the
//! next reminders are computed without a panic.

use crate::support::profile as profile_support;

use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::TZ_VARIANTS;
use hipcoach::core::person::schedule::next_all;
use hipcoach::core::rules::assessment::Track;
use hipcoach::core::rules::program::Program;
use hipcoach::core::values::measures::{Weekdays, WorkingHours};
use hipcoach::core::{Lang, Person, Zone};
use proptest::prelude::*;

/// Any instant chrono can hold, weighted towards both ends and today.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    prop_oneof![
        (min..min + 400 * 86_400),
        (max - 400 * 86_400..=max),
        (1_700_000_000i64..1_900_000_000),
        (min..=max),
    ]
    .prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
}

fn zone() -> impl Strategy<Value = Zone> {
    prop_oneof![
        (0..TZ_VARIANTS.len()).prop_map(|i| Zone::Named(TZ_VARIANTS[i])),
        (-12i32 * 4..=14 * 4).prop_map(|q: i32| Zone::parse(&format!(
            "UTC{}{:02}:{:02}",
            if q < 0 { '-' } else { '+' },
            (q.abs() * 15) / 60,
            (q.abs() * 15) % 60
        ))
        .expect("an offset")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn next_reminders_never_panic(
        zone in zone(),
        now in instant(),
        paused in prop::option::of(instant()),
        snoozed in prop::option::of(instant()),
        meeting in prop::option::of(instant()),
        start in 0u32..24,
        hours in 1u32..14,
        quiet in prop::option::of((0u32..1440, 0u32..1440)),
        days in 1u8..128,
    ) {
        let mut p = Person::new(1, Lang::En, now);
        p.zone = Some(zone);
        let hm = |m: u32| NaiveTime::from_hms_opt(m / 60 % 24, m % 60, 0).unwrap();
        p.profile.working_hours = Some(WorkingHours {
            days: Weekdays::from_bits(days).unwrap(),
            start: hm(start * 60),
            end: hm(((start + hours) % 24) * 60),
        });
        profile_support::answer_the_rest(&mut p.profile);
        p.program = Some(Program::start(Track::LimitedInternalRotation, 2, now));
        p.settings.paused_until = paused;
        p.settings.snoozed_until = snoozed;
        p.settings.breaks_after = meeting;
        p.settings.quiet = quiet.map(|(a, b)| (hm(a), hm(b)));
        let _ = next_all(&p, now);
    }
}
