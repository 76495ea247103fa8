//! Tests of `core::rules::assessment`.

use super::*;
use crate::core::rules::progression::Range;

fn at() -> DateTime<Utc> {
    "2026-11-21T08:00:00Z".parse().unwrap()
}

fn answers(pairs: &[(TestStep, TestAnswer)]) -> TestAnswers {
    pairs.iter().copied().collect()
}

fn measured(d: u8) -> TestAnswer {
    TestAnswer::Measured { degrees: d }
}

#[test]
fn steps_come_in_order_and_end() {
    let steps: Vec<TestStep> =
        std::iter::successors(Some(TestStep::first()), |s| s.next()).collect();
    assert_eq!(steps.len(), 11);
    assert_eq!(steps.last(), Some(&TestStep::UsualPain));
}

#[test]
fn each_side_is_compared_with_the_range_for_the_age_band() {
    let a = answers(&[
        (TestStep::SeatedLeft, measured(30)),
        (TestStep::SeatedRight, measured(30)),
    ]);
    for (band, verdict) in [
        (AgeBand::Under20, RangeVerdict::Below),
        (AgeBand::From20To50, RangeVerdict::Below),
        (AgeBand::Over50, RangeVerdict::Within),
    ] {
        let r = evaluate(&a, band, None, at(), false);
        assert_eq!(r.left.verdict, Some(verdict), "{band:?}");
    }
    let a = answers(&[(TestStep::SeatedLeft, measured(40))]);
    assert_eq!(
        evaluate(&a, AgeBand::Over50, None, at(), false)
            .left
            .verdict,
        Some(RangeVerdict::Above)
    );
}

#[test]
fn a_difference_of_ten_degrees_or_more_is_flagged() {
    let run = |l, r| {
        let a = answers(&[
            (TestStep::SeatedLeft, measured(l)),
            (TestStep::SeatedRight, measured(r)),
        ]);
        evaluate(&a, AgeBand::From20To50, None, at(), false)
    };
    assert_eq!(run(30, 39).asymmetry, Some(9));
    assert!(!run(30, 39).asymmetry_flagged);
    assert!(run(30, 40).asymmetry_flagged);
    assert!(run(45, 20).asymmetry_flagged);
}

#[test]
fn the_prone_test_picks_the_internally_rotated_track() {
    let a = answers(&[
        (TestStep::ProneInternalLeft, measured(55)),
        (TestStep::ProneExternalLeft, measured(25)),
    ]);
    assert_eq!(
        evaluate(&a, AgeBand::From20To50, None, at(), false).track,
        Some(Track::InternallyRotatedHip)
    );
    let a = answers(&[
        (TestStep::SeatedLeft, measured(20)),
        (TestStep::Supine, TestAnswer::FeetInward),
    ]);
    assert_eq!(
        evaluate(&a, AgeBand::From20To50, None, at(), false).track,
        Some(Track::LimitedInternalRotation),
        "too little rotation wins over the feet at rest"
    );
    let a = answers(&[
        (TestStep::SeatedLeft, measured(40)),
        (TestStep::Supine, TestAnswer::FeetInward),
    ]);
    assert_eq!(
        evaluate(&a, AgeBand::From20To50, None, at(), false).track,
        Some(Track::InternallyRotatedHip)
    );
    assert_eq!(
        evaluate(&answers(&[]), AgeBand::From20To50, None, at(), false).track,
        None,
        "nothing measured: no conclusion"
    );
}

fn estimate(band: Band) -> TestAnswer {
    TestAnswer::Estimate { band }
}

/// Tapped bands alone can reach the internally rotated track at every age: prone
/// internal rotation "more than 50°" is above the normal range even for teens (45–50°),
/// with less external rotation on that side.
#[test]
fn tapped_bands_reach_the_internally_rotated_track_at_every_age() {
    for age in [AgeBand::Under20, AgeBand::From20To50, AgeBand::Over50] {
        for (inward, outward) in [
            (TestStep::ProneInternalLeft, TestStep::ProneExternalLeft),
            (TestStep::ProneInternalRight, TestStep::ProneExternalRight),
        ] {
            let a = answers(&[
                (TestStep::SeatedLeft, estimate(Band::From30To40)),
                (TestStep::SeatedRight, estimate(Band::From30To40)),
                (inward, estimate(Band::Over50)),
                (outward, estimate(Band::From30To40)),
            ]);
            assert_eq!(
                evaluate(&a, age, None, at(), false).track,
                Some(Track::InternallyRotatedHip),
                "{age:?} {inward:?}"
            );
        }
    }
    // 40–50° face down is within the adult range: the common track.
    let a = answers(&[
        (TestStep::ProneInternalLeft, estimate(Band::Over40)),
        (TestStep::ProneExternalLeft, estimate(Band::From30To40)),
    ]);
    assert_eq!(
        evaluate(&a, AgeBand::From20To50, None, at(), false).track,
        Some(Track::LimitedInternalRotation)
    );
}

#[test]
fn the_bands_and_their_middles() {
    let bands: Vec<(Band, u8)> = Band::iter().map(|b| (b, b.degrees())).collect();
    assert_eq!(
        bands,
        [
            (Band::Under20, 15),
            (Band::From20To30, 25),
            (Band::From30To40, 35),
            (Band::Over40, 45),
            (Band::Over50, 55),
        ]
    );
    // Stored answers keep their name.
    assert_eq!(serde_json::to_string(&Band::Over40).unwrap(), "\"over40\"");
    assert_eq!(serde_json::to_string(&Band::Over50).unwrap(), "\"over50\"");
}

#[test]
fn starting_levels() {
    let within = answers(&[
        (TestStep::SeatedLeft, measured(40)),
        (TestStep::SeatedRight, measured(40)),
        (TestStep::TestPain, TestAnswer::Pain { score: 0 }),
    ]);
    assert_eq!(
        evaluate(&within, AgeBand::From20To50, Some(0), at(), false).level,
        Some(3)
    );
    assert_eq!(
        evaluate(&within, AgeBand::From20To50, Some(2), at(), false).level,
        Some(2)
    );
    assert_eq!(
        evaluate(&within, AgeBand::From20To50, Some(3), at(), false).level,
        Some(1)
    );
    let hurt = answers(&[(TestStep::SeatedLeft, TestAnswer::Hurt)]);
    assert_eq!(
        evaluate(&hurt, AgeBand::From20To50, None, at(), false).level,
        Some(1)
    );
}

#[test]
fn strong_pain_during_the_tests_stops_the_program() {
    let a = answers(&[
        (TestStep::SeatedLeft, measured(30)),
        (TestStep::TestPain, TestAnswer::Pain { score: 6 }),
    ]);
    let r = evaluate(&a, AgeBand::From20To50, None, at(), false);
    assert_eq!(r.red_flags, [RedFlag::PainDuringTests]);
    assert_eq!(r.track, None);
    assert_eq!(r.level, None);
}

#[test]
fn estimates_use_the_middle_of_their_band_and_say_so() {
    let a = answers(&[(
        TestStep::SeatedLeft,
        TestAnswer::Estimate {
            band: Band::From20To30,
        },
    )]);
    let r = evaluate(&a, AgeBand::From20To50, None, at(), false);
    assert_eq!(r.left.internal, Some(25));
    assert!(r.left.internal_is_estimate);
    assert_eq!(r.right.internal, None);
    assert_eq!(r.asymmetry, None);
}

/// The sides are compared like with like: not the seated left with the face-down right
/// (seen: "your sides differ by 10°" from 25° seated and 35° face down), nor a band with a
/// number; the face-down pair counts when the seated one is incomplete.
#[test]
fn sides_are_compared_only_within_one_test_and_kind() {
    let run = |pairs: &[(TestStep, TestAnswer)]| {
        evaluate(&answers(pairs), AgeBand::From20To50, None, at(), false).asymmetry
    };
    assert_eq!(
        run(&[
            (TestStep::SeatedLeft, measured(25)),
            (TestStep::SeatedRight, TestAnswer::Hurt),
            (TestStep::ProneInternalLeft, TestAnswer::Skipped),
            (TestStep::ProneInternalRight, measured(35)),
        ]),
        None
    );
    assert_eq!(
        run(&[
            (TestStep::SeatedLeft, measured(25)),
            (
                TestStep::SeatedRight,
                TestAnswer::Estimate {
                    band: Band::From30To40
                }
            ),
        ]),
        None
    );
    assert_eq!(
        run(&[
            (TestStep::SeatedLeft, measured(25)),
            (TestStep::SeatedRight, TestAnswer::Skipped),
            (TestStep::ProneInternalLeft, measured(30)),
            (TestStep::ProneInternalRight, measured(42)),
        ]),
        Some(12)
    );
}

fn phone(d: u8) -> TestAnswer {
    TestAnswer::Phone {
        degrees: d,
        low: d,
        high: d,
    }
}

/// The measuring page's numbers are compared with its own only: its seated test has the foot
/// hanging free, a typed number's is unknown (the chat's has the heel down).
#[test]
fn phone_numbers_are_compared_only_with_phone_numbers() {
    let run = |pairs: &[(TestStep, TestAnswer)]| {
        evaluate(&answers(pairs), AgeBand::From20To50, None, at(), false)
    };
    let mixed = run(&[
        (TestStep::SeatedLeft, phone(25)),
        (TestStep::SeatedRight, measured(40)),
    ]);
    assert_eq!(mixed.asymmetry, None, "a phone side against a typed one");
    let both = run(&[
        (TestStep::SeatedLeft, phone(25)),
        (TestStep::SeatedRight, phone(40)),
    ]);
    assert_eq!(both.asymmetry, Some(15));
    let (typed, by_phone) = (
        Range::of(&run(&[(TestStep::SeatedLeft, measured(25))])),
        Range::of(&run(&[(TestStep::SeatedLeft, phone(40))])),
    );
    assert_eq!(typed.change_to(&by_phone, Side::Left), Some(Change::Unlike));
    let later = Range::of(&run(&[(TestStep::SeatedLeft, phone(52))]));
    assert_eq!(by_phone.change_to(&later, Side::Left), Some(Change::Gain));
}
