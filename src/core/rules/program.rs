//! The program: where a person stands (track, phase, level), the sessions they did, and how
//! each day's session is put together from the catalog.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::IntoStaticStr;

use crate::core::rules::assessment::{LEVELS, Track};
use crate::core::rules::catalog::{self, Dose, Exercise, ExerciseId, Phase, Unit, Use};
use crate::core::values::profile::Equipment;

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

    /// Some work was done: as prescribed, found hard, or the easier one instead.
    pub fn counts_as_done(self) -> bool {
        matches!(
            self,
            Outcome::Done | Outcome::TooEasy | Outcome::TooHard | Outcome::DidEasier
        )
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

    /// Every planned exercise done as prescribed or more (`done` or `too easy`: no skip,
    /// "too hard", "it hurts", easier one instead) and the session not cut short; the
    /// opposite of [`below_prescription`](Self::below_prescription). Pain scores do not
    /// count here: a session can be all done and still have hurt, so callers weigh the
    /// pain apart (as `progression` does before moving on).
    pub fn all_done(&self) -> bool {
        !self.below_prescription()
    }

    /// The highest pain reported for it, during or the next morning.
    pub fn worst_pain(&self) -> Option<u8> {
        self.pain_during.max(self.pain_morning)
    }
}

/// A morning that settled: the pain the morning after a session no worse than the
/// person's usual pain (Silbernagel et al. 2007: pain must have settled by the next
/// morning; TREK: not worse the next morning). The usual pain is asked at the intake, at
/// every re-test and in /settings, so it stays current. The rule table (progression.rs)
/// and the break drills share it.
pub fn settled_morning(morning: u8, usual_pain: u8) -> bool {
    morning <= usual_pain
}

/// Whether any session on record had a settled next morning.
pub fn had_settled_morning(sessions: &[SessionRecord], usual_pain: u8) -> bool {
    sessions.iter().any(|s| {
        s.pain_morning
            .is_some_and(|m| settled_morning(m, usual_pain))
    })
}

impl Default for Unit {
    /// Needed only to list `Msg` variants in tests.
    fn default() -> Unit {
        Unit::Reps
    }
}

/// Exercises per session, at every level (ours, the low end of the 3–5). A level-up
/// changes one thing at a time (EMPoweR trial protocol, BMC Musculoskelet Disord 2020): the
/// level sets the dose, never the number of exercises. Short sessions are the point anyway
/// (seed 002: five minutes daily beats thirty minutes weekly).
pub const EXERCISES_PER_SESSION: usize = 3;

/// The easier neighbour of an exercise as this person can do it: the neighbour, or its
/// substitute where the equipment is missing (as in a session plan); `None` when there is
/// no easier neighbour, none fits, or the chain leads back to the exercise itself.
pub fn easier_fitted(exercise: &Exercise, have: &[Equipment]) -> Option<&'static Exercise> {
    let easier = catalog::exercise(exercise.easier?);
    fitted(easier, have).filter(|e| e.id != exercise.id)
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

/// Today's session: three exercises for the track and phase, at the level's dose, fitted to
/// the equipment. Each choice and its source:
/// - the phase decides what is eligible: strength first, then daily movement practice, then
///   stretches, with glute activation throughout (seed 000; see catalog.rs);
/// - the choice rotates through the pool by `day` (the number of sessions so far), so that
///   the days differ (ours);
/// - at least one glute exercise when the pool has one (seed 000: glute activation
///   throughout);
/// - on the limited track, one clamshell at most and always one exercise for the inward
///   rotators besides it: seed 002 lists clamshells among its internal-rotation drills, but
///   they train the outward rotators and abductors (coaching.md), so they count as glute
///   work only;
/// - glute work opens the session and stretches close it (seed 000: start with strength,
///   clamshells or band work; stretches after strength and movement practice).
pub fn plan_session(
    track: Track,
    position: Position,
    have: &[Equipment],
    day: usize,
) -> Vec<Planned> {
    // What the phase allows, with glute work throughout (seed 000), fitted to the kit.
    let pool = pool(track, position.phase, have);
    if pool.is_empty() {
        return Vec::new();
    }
    let limited = track == Track::LimitedInternalRotation;
    let count = EXERCISES_PER_SESSION.min(pool.len());
    // Rotate through the pool day by day (ours), skipping a second clamshell on the limited
    // track (coaching.md: clamshells are glute work, not inward-rotation work).
    let mut chosen: Vec<&'static Exercise> = Vec::new();
    for i in 0..pool.len() {
        if chosen.len() == count {
            break;
        }
        let e = pool[(day * count + i) % pool.len()];
        if limited && e.id.is_clamshell() && chosen.iter().any(|c| c.id.is_clamshell()) {
            continue;
        }
        chosen.push(e);
    }
    // Glute activation throughout (seed 000): one glute exercise at least.
    let glutes: Vec<&'static Exercise> = pool
        .iter()
        .copied()
        .filter(|e| e.used == Use::Throughout)
        .collect();
    if !glutes.is_empty() && !chosen.iter().any(|e| e.used == Use::Throughout) {
        if chosen.len() == count {
            chosen.pop();
        }
        chosen.push(glutes[day % glutes.len()]);
    }
    // The limited track always works the inward rotators (seeds 000–002), and the clamshell
    // does not count (coaching.md).
    if limited && !chosen.iter().any(|e| e.trains_internal_rotation()) {
        let rotation: Vec<&'static Exercise> = pool
            .iter()
            .copied()
            .filter(|e| e.trains_internal_rotation())
            .collect();
        if !rotation.is_empty() {
            let pick = rotation[day % rotation.len()];
            match chosen.iter().rposition(|e| e.used != Use::Throughout) {
                Some(at) => chosen[at] = pick,
                None => chosen.push(pick),
            }
        }
    }
    // Glute work first, stretches last (seed 000: start with strength such as clamshells or
    // band work; stretches after strength and movement practice). The sort is stable, so
    // within a rank the rotation's order stays.
    chosen.sort_by_key(|e| {
        if e.used == Use::Throughout {
            0
        } else if e.id.is_stretch() {
            2
        } else {
            1
        }
    });
    chosen
        .into_iter()
        .map(|e| Planned {
            exercise: e.id,
            // The level sets the dose and nothing else (EMPoweR 2020: one change at a time).
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
mod tests;
