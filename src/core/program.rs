//! The program: where a person stands (track, phase, level), the sessions they did, and how
//! each day's session is put together from the catalog.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

use super::assessment::{LEVELS, Track};
use super::catalog::{self, Dose, Exercise, ExerciseId, Phase, Unit, Use};
use super::profile::Equipment;

/// A step of the program: a phase and a level within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub phase: Phase,
    /// 1 gentle, 2 standard, 3 full.
    pub level: u8,
}

impl Position {
    pub fn new(phase: Phase, level: u8) -> Position {
        Position {
            phase,
            level: level.clamp(1, LEVELS),
        }
    }

    /// One level easier: the level below, or the previous phase's top level; the very
    /// first step stays where it is.
    pub fn easier(self) -> Position {
        if self.level > 1 {
            Position::new(self.phase, self.level - 1)
        } else {
            match self.phase.previous() {
                Some(phase) => Position::new(phase, LEVELS),
                None => self,
            }
        }
    }

    /// `phase.level`, e.g. `1.2`: the form of `from` and `to` in events.
    pub fn code(self) -> String {
        format!("{}.{}", self.phase.number(), self.level)
    }
}

/// A person's program. It exists once an assessment without red flags gave a track.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub track: Track,
    pub position: Position,
    pub started_at: DateTime<Utc>,
    /// When the position last changed (or the program resumed).
    pub since: DateTime<Utc>,
    /// When the current phase began: the range at that time is what a re-test is compared
    /// with before the phase moves on.
    pub phase_since: DateTime<Utc>,
}

impl Program {
    pub fn start(track: Track, level: u8, now: DateTime<Utc>) -> Program {
        Program {
            track,
            position: Position::new(Phase::Activation, level),
            started_at: now,
            since: now,
            phase_since: now,
        }
    }
}

/// How one exercise of a session went.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, IntoStaticStr, Default,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Outcome {
    #[default]
    Done,
    TooEasy,
    TooHard,
    Hurt,
    Skipped,
    /// The easier neighbour was done instead, after "it hurts".
    DidEasier,
}

impl Outcome {
    /// Done as prescribed (or more).
    pub fn as_prescribed(self) -> bool {
        matches!(self, Outcome::Done | Outcome::TooEasy)
    }
}

/// One exercise of a session with its dose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planned {
    pub exercise: ExerciseId,
    pub dose: Dose,
}

/// A session as it is kept: what was planned, how each exercise went, and the pain
/// during it and the next morning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub started_at: DateTime<Utc>,
    /// The person's local date of the session: "the next morning" is a later local date.
    pub local_date: NaiveDate,
    pub track: Track,
    pub position: Position,
    pub plan: Vec<Planned>,
    pub outcomes: Vec<Outcome>,
    /// Stopped before the end (pain).
    pub stopped_early: bool,
    pub completed_at: Option<DateTime<Utc>>,
    pub pain_during: Option<u8>,
    pub pain_morning: Option<u8>,
    /// The person chose not to give a morning score: it is not asked again.
    #[serde(default)]
    pub morning_skipped: bool,
}

impl SessionRecord {
    /// Below the prescription: an exercise skipped, too hard, painful, or the session cut short.
    pub fn below_prescription(&self) -> bool {
        self.stopped_early
            || self.outcomes.len() < self.plan.len()
            || !self.outcomes.iter().all(|o| o.as_prescribed())
    }

    /// More than prescribed: everything done and at least one "too easy" (EMPoweR:
    /// progress when the person keeps doing more than prescribed).
    pub fn all_done(&self) -> bool {
        !self.below_prescription()
    }

    pub fn any_too_easy(&self) -> bool {
        self.outcomes.contains(&Outcome::TooEasy)
    }

    /// The highest pain reported for it, during or the next morning.
    pub fn worst_pain(&self) -> Option<u8> {
        self.pain_during.max(self.pain_morning)
    }
}

impl Default for Unit {
    /// Needed only to list `Msg` variants in tests.
    fn default() -> Unit {
        Unit::Reps
    }
}

/// Exercises per session by level: 3, 4, 5 (the 3–5; more at higher levels is ours).
pub fn exercises_per_session(level: u8) -> usize {
    usize::from(level.clamp(1, LEVELS)) + 2
}

/// What can be done with this equipment: the exercise itself, or its substitute (followed
/// until one fits).
fn fitted(exercise: &'static Exercise, have: &[Equipment]) -> Option<&'static Exercise> {
    let mut current = exercise;
    for _ in 0..4 {
        match current.equipment {
            None => return Some(current),
            Some(needed) if have.contains(&needed) => return Some(current),
            Some(_) => current = catalog::exercise(current.substitute?),
        }
    }
    None
}

/// The exercises a session at this track and phase can draw on, fitted to the equipment,
/// without repeats, in catalog order.
pub fn pool(track: Track, phase: Phase, have: &[Equipment]) -> Vec<&'static Exercise> {
    let mut pool: Vec<&'static Exercise> = Vec::new();
    for exercise in catalog::all() {
        let eligible = exercise.tracks.contains(&track) && matches!(exercise.used, Use::Throughout)
            || exercise.tracks.contains(&track) && exercise.used == Use::Phase(phase);
        if !eligible {
            continue;
        }
        if let Some(fit) = fitted(exercise, have)
            && !pool.iter().any(|e| e.id == fit.id)
        {
            pool.push(fit);
        }
    }
    pool
}

/// Today's session: 3–5 exercises for the track, phase and level, fitted to the
/// equipment. The choice rotates by `day` (the number of sessions done so far), so that
/// the days differ, and always holds at least one glute exercise when the pool has one
/// (seed 000: glute activation throughout).
pub fn plan_session(
    track: Track,
    position: Position,
    have: &[Equipment],
    day: usize,
) -> Vec<Planned> {
    let pool = pool(track, position.phase, have);
    if pool.is_empty() {
        return Vec::new();
    }
    let count = exercises_per_session(position.level).min(pool.len());
    let mut chosen: Vec<&'static Exercise> = (0..count)
        .map(|i| pool[(day * count + i) % pool.len()])
        .collect();
    let glutes: Vec<&'static Exercise> = pool
        .iter()
        .copied()
        .filter(|e| e.used == Use::Throughout)
        .collect();
    if !glutes.is_empty() && !chosen.iter().any(|e| e.used == Use::Throughout) {
        chosen.pop();
        chosen.insert(0, glutes[day % glutes.len()]);
    }
    chosen
        .into_iter()
        .map(|e| Planned {
            exercise: e.id,
            dose: e.dose(position.level),
        })
        .collect()
}

/// Rough seconds one exercise takes at a dose: about 3 s a rep, 20 s a cycle, 1 s a step,
/// holds as given, both sides when per side, 30 s rest between sets (ours, for the
/// estimate shown before a session).
pub fn seconds(dose: &Dose) -> u32 {
    let amount = u32::from(dose.amount);
    let hold = u32::from(dose.hold.unwrap_or(0));
    let per_set = match dose.unit {
        Unit::Reps => amount * (3 + hold),
        Unit::Seconds => amount,
        Unit::Steps => amount * (1 + hold),
        Unit::Cycles => amount * (20 + 2 * hold),
    };
    let sides = if dose.per_side { 2 } else { 1 };
    let sets = u32::from(dose.sets.max(1));
    per_set * sides * sets + 30 * (sets - 1) + 20
}

/// The estimated minutes of a session, rounded up.
pub fn minutes(plan: &[Planned]) -> u32 {
    let total: u32 = plan.iter().map(|p| seconds(&p.dose)).sum();
    total.div_ceil(60).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_step_down_across_phases() {
        let p = Position::new(Phase::Movement, 1);
        assert_eq!(p.easier(), Position::new(Phase::Activation, 3));
        assert_eq!(
            Position::new(Phase::Activation, 1).easier(),
            Position::new(Phase::Activation, 1)
        );
        assert_eq!(Position::new(Phase::Loaded, 2).code(), "3.2");
    }

    #[test]
    fn sessions_hold_three_to_five_exercises_for_every_track_phase_and_kit() {
        let kits: [&[Equipment]; 3] = [
            &[],
            &[Equipment::Band],
            &[Equipment::Band, Equipment::Wall, Equipment::Cable],
        ];
        for track in [Track::LimitedInternalRotation, Track::InternallyRotatedHip] {
            for phase in [Phase::Activation, Phase::Movement, Phase::Loaded] {
                for level in 1..=3 {
                    for kit in kits {
                        for day in 0..7 {
                            let plan = plan_session(track, Position::new(phase, level), kit, day);
                            assert!(
                                (3..=5).contains(&plan.len()),
                                "{track:?} {phase:?} L{level} {kit:?} day {day}: {} exercises",
                                plan.len()
                            );
                            for p in &plan {
                                let e = catalog::exercise(p.exercise);
                                assert!(
                                    e.tracks.contains(&track),
                                    "{:?} is not for {track:?}",
                                    e.id
                                );
                                if let Some(needed) = e.equipment {
                                    assert!(kit.contains(&needed), "{:?} needs {needed:?}", e.id);
                                }
                                assert_eq!(p.dose, e.dose(level));
                            }
                            let mut ids: Vec<_> = plan.iter().map(|p| p.exercise).collect();
                            ids.sort();
                            ids.dedup();
                            assert_eq!(ids.len(), plan.len(), "a repeat in {plan:?}");
                            assert!(minutes(&plan) >= 3, "{plan:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_choice_rotates_across_days() {
        let position = Position::new(Phase::Activation, 1);
        let days: Vec<Vec<ExerciseId>> = (0..4)
            .map(|d| {
                plan_session(
                    Track::LimitedInternalRotation,
                    position,
                    &[Equipment::Band],
                    d,
                )
                .iter()
                .map(|p| p.exercise)
                .collect()
            })
            .collect();
        assert!(days.windows(2).any(|w| w[0] != w[1]), "{days:?}");
    }
}
