//! The exercise catalog: every exercise the seeds name, as data. Texts (name, steps and
//! cues) live in `messages/<lang>/exercises.ftl` under `ex-<id>` and `ex-<id>-how`.
//!
//! Doses: `seed` is what the source article gives (or, where it gives none, the project's
//! choice, marked `Source::Ours`); `levels` are the doses of levels 1–3, each within `seed`.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

use super::assessment::Track;
use super::profile::Equipment;

/// One exercise of the catalog, by a stable code (stored in sessions; never rename one).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ExerciseId {
    // Desk drills for the movement breaks (seed 000).
    #[default]
    SeatedChairRotation,
    LegExtensionTwist,
    SingleLegStandToSit,
    DeskAnkleCircles,
    WalkingBreak,
    // Limited internal rotation (seeds 000, 001, 002).
    Seated9090Stretch,
    HipSwitches9090,
    WallAxialRotation,
    Liftoff9090,
    IrPailsRails,
    KneelingWindmill,
    BandSeatedInternalRotation,
    SideLyingClamshell,
    StandingInternalRotation,
    CuffInternalRotationPull,
    Lunge,
    Squat,
    BulgarianSplitSquat,
    SupineWindshieldWiper,
    // Internally rotated hip (seed 003).
    KneelingHipFlexorStretch,
    ButterflyStretch,
    TflLean,
    Figure4Stretch,
    BandedClamshell,
    SideLyingLegRaise,
    BandedLateralWalk,
    GluteBridge,
    SingleLegGluteBridge,
    BirdDog,
    BandedSquat,
    SingleLegBalance,
}

/// The phases of a track, in the seeds' order (seed 000: strength first, then daily
/// movement practice, then stretches; seed 002: pair mobility with strength).
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Phase {
    /// 1: strength and activation.
    #[default]
    Activation,
    /// 2: movement practice (mobility drills under control).
    Movement,
    /// 3: stretches and loaded, closed-chain work.
    Loaded,
}

impl Phase {
    /// 1, 2, 3.
    pub fn number(self) -> u8 {
        match self {
            Phase::Activation => 1,
            Phase::Movement => 2,
            Phase::Loaded => 3,
        }
    }

    pub fn from_number(n: u8) -> Option<Phase> {
        Phase::iter().find(|p| p.number() == n)
    }

    pub fn next(self) -> Option<Phase> {
        Phase::from_number(self.number() + 1)
    }

    pub fn previous(self) -> Option<Phase> {
        self.number().checked_sub(1).and_then(Phase::from_number)
    }
}

/// Where an exercise is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// A short drill for the movement breaks at the desk (seed 000).
    Desk,
    /// A session exercise of this phase.
    Phase(Phase),
    /// Glute activation: eligible in every phase of the track (seed 000: "glute
    /// activation throughout").
    Throughout,
}

/// What the amount of a dose counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    Reps,
    /// Seconds held.
    Seconds,
    Steps,
    /// Inward-then-outward cycles.
    Cycles,
}

/// One prescription: `sets` × `amount` `unit`, per side or not; `hold` seconds at the end
/// of each rep where the seed gives one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dose {
    pub sets: u8,
    pub amount: u8,
    pub unit: Unit,
    pub per_side: bool,
    pub hold: Option<u8>,
}

/// The range a source gives: sets and amount from..to (inclusive), and a hold range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DoseRange {
    pub sets: (u8, u8),
    pub amount: (u8, u8),
    pub unit: Unit,
    pub per_side: bool,
    pub hold: Option<(u8, u8)>,
}

/// Where a fact comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A seed article, by number (000 → 0).
    Seed(u8),
    /// The project's own choice where the seeds are silent.
    Ours,
}

/// Muscles an exercise works, for the short "works:" line.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Muscle {
    #[default]
    GluteMax,
    GluteMedMin,
    DeepRotators,
    InternalRotators,
    HipFlexors,
    Adductors,
    Tfl,
    Hamstrings,
    Quadriceps,
    Core,
    AnkleCalf,
}

/// One exercise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exercise {
    pub id: ExerciseId,
    /// The tracks it belongs to (desk drills: both).
    pub tracks: &'static [Track],
    pub used: Use,
    /// What it needs; `None` for nothing but the body, a chair or the floor.
    pub equipment: Option<Equipment>,
    /// Used instead when the equipment is missing.
    pub substitute: Option<ExerciseId>,
    pub muscles: &'static [Muscle],
    /// The dose the source gives, and which source.
    pub seed: DoseRange,
    pub dose_source: Source,
    /// Levels 1, 2, 3: each within `seed`, never decreasing.
    pub levels: [Dose; 3],
    pub easier: Option<ExerciseId>,
    pub harder: Option<ExerciseId>,
}

impl Exercise {
    /// The dose at a level (1–3; out-of-range levels are clamped).
    pub fn dose(&self, level: u8) -> Dose {
        self.levels[usize::from(level.clamp(1, 3) - 1)]
    }
}

impl ExerciseId {
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn get(self) -> &'static Exercise {
        exercise(self)
    }
}

/// The exercise with this id. Every id has exactly one entry (a test checks this).
pub fn exercise(id: ExerciseId) -> &'static Exercise {
    CATALOG
        .iter()
        .find(|e| e.id == id)
        .unwrap_or(&CATALOG[0])
}

/// Every exercise.
pub fn all() -> &'static [Exercise] {
    CATALOG
}

/// The desk drills for movement breaks, in catalog order.
pub fn desk_drills() -> impl Iterator<Item = &'static Exercise> {
    CATALOG.iter().filter(|e| e.used == Use::Desk)
}

const BOTH: &[Track] = &[Track::LimitedInternalRotation, Track::InternallyRotatedHip];
const LIMITED: &[Track] = &[Track::LimitedInternalRotation];
const ROTATED: &[Track] = &[Track::InternallyRotatedHip];

static CATALOG: &[Exercise] = &[
    // Seed 000: "20–30 repetitions per side".
    Exercise {
        id: ExerciseId::SeatedChairRotation,
        tracks: BOTH,
        used: Use::Desk,
        equipment: None,
        substitute: None,
        muscles: &[Muscle::InternalRotators, Muscle::DeepRotators],
        seed: DoseRange {
            sets: (1, 1),
            amount: (20, 30),
            unit: Unit::Reps,
            per_side: true,
            hold: None,
        },
        dose_source: Source::Seed(0),
        levels: [
            Dose {
                sets: 1,
                amount: 20,
                unit: Unit::Reps,
                per_side: true,
                hold: None,
            },
            Dose {
                sets: 1,
                amount: 25,
                unit: Unit::Reps,
                per_side: true,
                hold: None,
            },
            Dose {
                sets: 1,
                amount: 30,
                unit: Unit::Reps,
                per_side: true,
                hold: None,
            },
        ],
        easier: None,
        harder: None,
    },
];

// Keep the unused-constant lint quiet until every entry is written.
const _: (&[Track], &[Track]) = (LIMITED, ROTATED);
