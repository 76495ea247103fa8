//! The guided self-tests and what their answers mean: per side against the normal range
//! for the age band, the difference between sides, the track and a starting level.
//! Facts from coaching.md and the seeds; thresholds that are ours are marked as such.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

pub use crate::core::values::measures::{PhoneTest, Side};
use crate::core::values::profile::{AgeBand, RedFlag};

/// One step of the self-test, in the order they are asked.
#[derive(Serialize, Deserialize, EnumIter, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "kebab-case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TestStep {
    /// Seated rotation (seed 000): internal rotation, left side.
    #[default]
    SeatedLeft,
    SeatedRight,
    /// Prone rotation (seed 003): shin falls outward = internal rotation.
    ProneInternalLeft,
    ProneInternalRight,
    /// Prone rotation: shin falls inward = external rotation.
    ProneExternalLeft,
    ProneExternalRight,
    /// Supine rest (seed 003): do the feet fall inward or outward?
    Supine,
    /// Figure-4 screen (seed 002).
    Figure4,
    /// Butterfly screen (seed 002).
    Butterfly,
    /// Pain during the tests, 0–10.
    TestPain,
    /// Re-tests only: the pain on an ordinary day now, so that "settled" (no worse than
    /// usual the next morning) stays current.
    UsualPain,
}

/// What kind of answer a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Degrees,
    FeetFall,
    PassFail,
    Pain,
}

impl TestStep {
    pub fn kind(self) -> StepKind {
        match self {
            TestStep::Supine => StepKind::FeetFall,
            TestStep::Figure4 | TestStep::Butterfly => StepKind::PassFail,
            TestStep::TestPain | TestStep::UsualPain => StepKind::Pain,
            _ => StepKind::Degrees,
        }
    }

    pub fn first() -> TestStep {
        TestStep::SeatedLeft
    }

    pub fn next(self) -> Option<TestStep> {
        TestStep::iter().skip_while(|s| *s != self).nth(1)
    }

    /// The phone-measurable test and side this step asks for: the seated and face-down
    /// rotations (the measuring page's `test` and `side`).
    pub fn phone(self) -> Option<(PhoneTest, Side)> {
        Some(match self {
            TestStep::SeatedLeft => (PhoneTest::Seated, Side::Left),
            TestStep::SeatedRight => (PhoneTest::Seated, Side::Right),
            TestStep::ProneInternalLeft => (PhoneTest::ProneInternal, Side::Left),
            TestStep::ProneInternalRight => (PhoneTest::ProneInternal, Side::Right),
            TestStep::ProneExternalLeft => (PhoneTest::ProneExternal, Side::Left),
            TestStep::ProneExternalRight => (PhoneTest::ProneExternal, Side::Right),
            _ => return None,
        })
    }

    /// Steps that share one set of instructions show them only on their first side. The
    /// outward half of the face-down test has instructions of its own: the shin now falls
    /// the other way.
    pub fn introduces_test(self) -> bool {
        !matches!(
            self,
            TestStep::SeatedRight | TestStep::ProneInternalRight | TestStep::ProneExternalRight
        )
    }
}

/// An estimate band for people without a phone level, with its representative value:
/// the middle of the band (ours: the seeds give bands, not a rule for their centre).
///
/// The bands reach past 50° because the prone test needs them to: the internally rotated
/// hip shows as internal rotation above the normal range (coaching.md, seed 003), and that
/// range ends at 45° for adults and 50° for teens (seed 002). With a top band of "40° or
/// more" nobody under 50 who taps a band could ever land on that track.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, EnumIter, IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Band {
    #[default]
    Under20,
    From20To30,
    From30To40,
    /// 40–50°. The name stays "over40" because stored answers use it; it was "40° or more"
    /// before the band above it existed, and its middle (45°) is unchanged.
    Over40,
    /// More than 50°.
    Over50,
}

impl Band {
    pub fn degrees(self) -> u8 {
        match self {
            Band::Under20 => 15,
            Band::From20To30 => 25,
            Band::From30To40 => 35,
            Band::Over40 => 45,
            // Ours: the middle of 50–60°, as if the band were as wide as the others.
            Band::Over50 => 55,
        }
    }
}

/// The answer to one step. "It hurt" and "can't get into position" are answers too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum TestAnswer {
    Estimate {
        band: Band,
    },
    /// A number the person typed (a phone level app, a helper's protractor, a guess).
    Measured {
        degrees: u8,
    },
    /// Taken by the measuring page on the person's phone: the median of its readings, and
    /// the lowest and highest of them.
    Phone {
        degrees: u8,
        low: u8,
        high: u8,
    },
    FeetInward,
    FeetOutward,
    FeetEven,
    Pass,
    Fail,
    Pain {
        score: u8,
    },
    Skipped,
    Hurt,
    CannotPosition,
}

impl TestAnswer {
    /// Degrees, if this answer gives a number (an exact one or a band's middle).
    pub fn degrees(self) -> Option<u8> {
        match self {
            TestAnswer::Estimate { band } => Some(band.degrees()),
            TestAnswer::Measured { degrees } | TestAnswer::Phone { degrees, .. } => Some(degrees),
            _ => None,
        }
    }

    pub fn is_estimate(self) -> bool {
        matches!(self, TestAnswer::Estimate { .. })
    }

    pub fn is_phone(self) -> bool {
        matches!(self, TestAnswer::Phone { .. })
    }
}

/// How a number was taken, as the result shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Taken {
    /// An estimate band's middle.
    Band,
    /// A number the person typed.
    #[default]
    Typed,
    /// The measuring page's number.
    Phone,
}

impl SideResult {
    /// How the internal rotation was taken.
    pub fn taken(&self) -> Taken {
        match (self.internal_is_estimate, self.internal_by_phone) {
            (true, _) => Taken::Band,
            (false, true) => Taken::Phone,
            (false, false) => Taken::Typed,
        }
    }
}

/// Every raw answer of one run of the self-tests.
pub type TestAnswers = BTreeMap<TestStep, TestAnswer>;

/// Where a measured range stands against the normal range for the age band (a decision
/// about the program is `progression::Verdict`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RangeVerdict {
    #[default]
    Below,
    Within,
    Above,
}

/// The two problems, two tracks (coaching.md): too little internal rotation (seeds
/// 000–002), or a hip held too far inward (seed 003).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Track {
    #[default]
    LimitedInternalRotation,
    InternallyRotatedHip,
}

/// The result for one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideResult {
    pub side: Side,
    /// Internal rotation: the seated test, or the prone one if the seated was not done.
    pub internal: Option<u8>,
    pub internal_is_estimate: bool,
    /// Measured by the phone page (compared only with the page's numbers; shown as such).
    #[serde(default)]
    pub internal_by_phone: bool,
    pub external: Option<u8>,
    pub verdict: Option<RangeVerdict>,
}

/// A side difference of this many degrees or more is flagged. Ours: the 10°, a
/// common clinical rule of thumb for a meaningful left–right difference; the seeds say
/// only that imbalances between sides matter (seed 000).
pub const ASYMMETRY_FLAG_DEGREES: u8 = 10;

/// Levels within a track: 1 gentle, 2 standard, 3 full (ours).
pub const LEVELS: u8 = 3;

/// Pain above this during the tests counts as high (Ageberg et al. 2010: over 5 is high risk).
pub const HIGH_PAIN: u8 = 5;

/// Pain up to this is "safe" (Ageberg et al. 2010: 0–2 safe).
pub const SAFE_PAIN: u8 = 2;

/// What a run of the self-tests means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub taken_at: DateTime<Utc>,
    pub retest: bool,
    pub age_band: AgeBand,
    pub answers: TestAnswers,
    pub left: SideResult,
    pub right: SideResult,
    /// Left–right difference in internal rotation, when both sides have a number from the
    /// same test, of the same kind (both typed, both by phone or both estimated).
    pub asymmetry: Option<u8>,
    pub asymmetry_flagged: bool,
    pub track: Option<Track>,
    pub level: Option<u8>,
    pub test_pain: Option<u8>,
    pub red_flags: Vec<RedFlag>,
}

impl Assessment {
    /// An assessment that stopped at the red-flag screen: no tests, no program.
    pub fn stopped(
        taken_at: DateTime<Utc>,
        age_band: AgeBand,
        red_flags: Vec<RedFlag>,
    ) -> Assessment {
        let empty = |side| SideResult {
            side,
            internal: None,
            internal_is_estimate: false,
            internal_by_phone: false,
            external: None,
            verdict: None,
        };
        Assessment {
            taken_at,
            retest: false,
            age_band,
            answers: TestAnswers::new(),
            left: empty(Side::Left),
            right: empty(Side::Right),
            asymmetry: None,
            asymmetry_flagged: false,
            track: None,
            level: None,
            test_pain: None,
            red_flags,
        }
    }

    /// Every test skipped (or not reachable): nothing to conclude from.
    pub fn measured_nothing(&self) -> bool {
        !self.answers.iter().any(|(step, answer)| {
            !matches!(step, TestStep::TestPain | TestStep::UsualPain)
                && !matches!(
                    answer,
                    TestAnswer::Skipped | TestAnswer::CannotPosition | TestAnswer::Hurt
                )
        })
    }

    /// Any test answered with "it hurt".
    pub fn any_test_hurt(&self) -> bool {
        self.answers.values().any(|a| *a == TestAnswer::Hurt)
    }
}

/// Evaluates a run of the self-tests. `usual_pain` is the intake's everyday pain.
pub fn evaluate(
    answers: &TestAnswers,
    age_band: AgeBand,
    usual_pain: Option<u8>,
    taken_at: DateTime<Utc>,
    retest: bool,
) -> Assessment {
    let (low, high) = age_band.normal_internal_rotation();
    let side = |side: Side, seated: TestStep, prone_in: TestStep, prone_out: TestStep| {
        let seated = answers.get(&seated).copied();
        let prone = answers.get(&prone_in).copied();
        let chosen = seated
            .filter(|a| a.degrees().is_some())
            .or(prone.filter(|a| a.degrees().is_some()));
        let internal = chosen.and_then(TestAnswer::degrees);
        let verdict = internal.map(|d| match d {
            d if d < low => RangeVerdict::Below,
            d if d > high => RangeVerdict::Above,
            _ => RangeVerdict::Within,
        });
        SideResult {
            side,
            internal,
            internal_is_estimate: chosen.is_some_and(TestAnswer::is_estimate),
            internal_by_phone: chosen.is_some_and(TestAnswer::is_phone),
            external: answers.get(&prone_out).and_then(|a| a.degrees()),
            verdict,
        }
    };
    let left = side(
        Side::Left,
        TestStep::SeatedLeft,
        TestStep::ProneInternalLeft,
        TestStep::ProneExternalLeft,
    );
    let right = side(
        Side::Right,
        TestStep::SeatedRight,
        TestStep::ProneInternalRight,
        TestStep::ProneExternalRight,
    );
    // Like with like: the two sides of one test, both typed, both by phone or both
    // estimated. A side
    // taken from the seated test is not compared with the other's face-down number (the
    // tests measure differently), nor a band with a number (coaching.md, measurement error).
    let pair = |l: TestStep, r: TestStep| {
        let (l, r) = (answers.get(&l)?, answers.get(&r)?);
        (l.is_estimate() == r.is_estimate() && l.is_phone() == r.is_phone()).then_some(())?;
        Some(l.degrees()?.abs_diff(r.degrees()?))
    };
    let asymmetry = pair(TestStep::SeatedLeft, TestStep::SeatedRight)
        .or_else(|| pair(TestStep::ProneInternalLeft, TestStep::ProneInternalRight));
    let test_pain = match answers.get(&TestStep::TestPain) {
        Some(TestAnswer::Pain { score }) => Some(*score),
        _ => None,
    };
    let track = choose_track(answers, high, &left, &right);
    let mut red_flags = Vec::new();
    let any_hurt = answers.values().any(|a| *a == TestAnswer::Hurt);
    if test_pain.is_some_and(|p| p > HIGH_PAIN) {
        red_flags.push(RedFlag::PainDuringTests);
    }
    let level = starting_level(any_hurt, test_pain, usual_pain, &left, &right, answers);
    let mut result = Assessment {
        taken_at,
        retest,
        age_band,
        answers: answers.clone(),
        left,
        right,
        asymmetry,
        asymmetry_flagged: asymmetry.is_some_and(|d| d >= ASYMMETRY_FLAG_DEGREES),
        track: red_flags.is_empty().then_some(track),
        level: red_flags.is_empty().then_some(level),
        test_pain,
        red_flags,
    };
    if result.measured_nothing() && result.level.is_some() {
        // Nothing measured: no conclusion about the pattern; start gently (ours), and
        // measure when possible.
        result.level = Some(1);
        result.track = None;
    }
    result
}

/// The prone test tells the tracks apart (coaching.md, seed 003): internal rotation above
/// the normal range with less external than internal rotation on a side is the
/// internally rotated hip. Feet that fall inward at rest point the same way when no side
/// shows too little internal rotation (ours: the seed gives the signs, not a rule to
/// combine them). Everything else, including no data, is the common case.
fn choose_track(answers: &TestAnswers, high: u8, left: &SideResult, right: &SideResult) -> Track {
    let prone = |inward: TestStep, outward: TestStep| {
        let ir = answers.get(&inward).and_then(|a| a.degrees());
        let er = answers.get(&outward).and_then(|a| a.degrees());
        matches!((ir, er), (Some(ir), Some(er)) if ir > high && er < ir)
    };
    let excess = prone(TestStep::ProneInternalLeft, TestStep::ProneExternalLeft)
        || prone(TestStep::ProneInternalRight, TestStep::ProneExternalRight);
    let feet_inward = answers.get(&TestStep::Supine) == Some(&TestAnswer::FeetInward);
    let any_below = [left, right]
        .iter()
        .any(|s| s.verdict == Some(RangeVerdict::Below));
    if excess || (feet_inward && !any_below) {
        Track::InternallyRotatedHip
    } else {
        Track::LimitedInternalRotation
    }
}

/// Where to start (ours, built on the pain thresholds of Ageberg et al. 2010): gently
/// (1) when the tests or everyday life hurt beyond "safe" (over 2/10), a test hurt, or a
/// position could not be reached; fully (3) when both sides are within the normal range
/// and nothing hurts; otherwise at the standard level (2).
fn starting_level(
    any_hurt: bool,
    test_pain: Option<u8>,
    usual_pain: Option<u8>,
    left: &SideResult,
    right: &SideResult,
    answers: &TestAnswers,
) -> u8 {
    let cannot = answers.values().any(|a| *a == TestAnswer::CannotPosition);
    let pain = test_pain.unwrap_or(0).max(usual_pain.unwrap_or(0));
    if any_hurt || cannot || pain > SAFE_PAIN {
        1
    } else if [left, right]
        .iter()
        .all(|s| s.verdict == Some(RangeVerdict::Within))
        && pain == 0
    {
        3
    } else {
        2
    }
}

/// How a range changed between two measurements of the same side (coaching.md,
/// measurement error): a change under 10° is no change; estimate bands are coarser, so
/// between two estimates it takes two bands (20°, ours); an estimate and a measured
/// number are not compared at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Change {
    #[default]
    Gain,
    Loss,
    Same,
    Unlike,
}

/// The smallest real change between two measured numbers (Spork et al. 2021: minimal
/// detectable change 10.9–16.4°; we take the low end).
pub const REAL_CHANGE: u8 = 10;
/// The smallest real change between two estimate bands (ours: two bands).
pub const REAL_CHANGE_ESTIMATED: u8 = 20;

/// How a number was taken: by the face-down (prone) test or the seated one, and as an
/// estimate band, a typed number or the measuring page's. Numbers are compared only when
/// taken the same way (coaching.md, measurement error). The page's numbers are kept apart
/// from typed ones too (ours): its seated test has the foot hanging free, the chat's the
/// heel on the floor (seed 000), and how a typed number was taken is unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub prone: bool,
    pub estimate: bool,
    pub phone: bool,
}

impl Source {
    /// The source of an answer to a prone or seated step.
    pub fn of(answer: Option<&TestAnswer>, prone: bool) -> Source {
        Source {
            prone,
            estimate: answer.is_some_and(|a| a.is_estimate()),
            phone: answer.is_some_and(|a| a.is_phone()),
        }
    }

    /// Where a side's internal rotation came from: the seated test, or the prone one when
    /// the seated one gave no number (as `evaluate` chooses).
    pub fn internal(answers: &TestAnswers, side: Side) -> Source {
        let (seated, prone) = match side {
            Side::Left => (TestStep::SeatedLeft, TestStep::ProneInternalLeft),
            Side::Right => (TestStep::SeatedRight, TestStep::ProneInternalRight),
        };
        match answers.get(&seated).filter(|a| a.degrees().is_some()) {
            Some(a) => Source::of(Some(a), false),
            None => Source::of(answers.get(&prone), true),
        }
    }
}

impl Change {
    /// `(degrees, how taken)` before and after; `None` when a side was not measured.
    pub fn between(before: (Option<u8>, Source), after: (Option<u8>, Source)) -> Option<Change> {
        let (Some(b), Some(a)) = (before.0, after.0) else {
            return None;
        };
        if before.1 != after.1 {
            return Some(Change::Unlike);
        }
        let real = if before.1.estimate {
            REAL_CHANGE_ESTIMATED
        } else {
            REAL_CHANGE
        };
        Some(if a >= b.saturating_add(real) {
            Change::Gain
        } else if b >= a.saturating_add(real) {
            Change::Loss
        } else {
            Change::Same
        })
    }
}

#[cfg(test)]
mod tests;
