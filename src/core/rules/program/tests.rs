//! Tests of `core::rules::program`.

use super::*;
use crate::core::rules::catalog::Muscle;

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

/// Every kit the tests try: nothing, each item alone, some pairs, everything.
const KITS: [&[Equipment]; 7] = [
    &[],
    &[Equipment::Band],
    &[Equipment::Wall],
    &[Equipment::Cable],
    &[Equipment::Band, Equipment::Wall],
    &[Equipment::Cable, Equipment::Wall],
    &[Equipment::Band, Equipment::Wall, Equipment::Cable],
];

/// One planned session and what it was planned for.
type Case = (Track, Position, &'static [Equipment], usize, Vec<Planned>);

/// Every session of two weeks at every track, phase, level and kit.
fn every_plan() -> Vec<Case> {
    let mut all = Vec::new();
    for track in [Track::LimitedInternalRotation, Track::InternallyRotatedHip] {
        for phase in [Phase::Activation, Phase::Movement, Phase::Loaded] {
            for level in 1..=LEVELS {
                for kit in KITS {
                    for day in 0..14 {
                        let position = Position::new(phase, level);
                        let plan = plan_session(track, position, kit, day);
                        all.push((track, position, kit, day, plan));
                    }
                }
            }
        }
    }
    all
}

#[test]
fn sessions_hold_three_fitting_exercises_without_repeats() {
    for (track, position, kit, day, plan) in every_plan() {
        let at = format!("{track:?} {position:?} {kit:?} day {day}");
        assert_eq!(plan.len(), 3, "{at}: {plan:?}");
        for p in &plan {
            let e = catalog::exercise(p.exercise);
            assert!(e.tracks.contains(&track), "{at}: {:?} is not for it", e.id);
            if let Some(needed) = e.equipment {
                assert!(kit.contains(&needed), "{at}: {:?} needs {needed:?}", e.id);
            }
            assert_eq!(p.dose, e.dose(position.level), "{at}");
        }
        let mut ids: Vec<_> = plan.iter().map(|p| p.exercise).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), plan.len(), "{at}: a repeat in {plan:?}");
        assert!(minutes(&plan) >= 3, "{at}: {plan:?}");
    }
}

#[test]
fn the_easier_neighbour_fits_the_equipment() {
    use ExerciseId::*;
    // The liftoff's easier neighbour needs a wall; without one, its substitute.
    assert_eq!(
        easier_fitted(Liftoff9090.get(), &[Equipment::Wall]).map(|e| e.id),
        Some(WallAxialRotation)
    );
    assert_eq!(
        easier_fitted(Liftoff9090.get(), &[]).map(|e| e.id),
        Some(IrPailsRails)
    );
    // The cable pull's easier neighbour needs a band; with a cable only, the band's
    // substitute.
    assert_eq!(
        easier_fitted(CuffInternalRotationPull.get(), &[Equipment::Cable]).map(|e| e.id),
        Some(Liftoff9090)
    );
    assert_eq!(easier_fitted(IrPailsRails.get(), &[]), None);
    for e in catalog::all() {
        for kit in KITS {
            if let Some(easier) = easier_fitted(e, kit) {
                assert_ne!(easier.id, e.id);
                if let Some(needed) = easier.equipment {
                    assert!(
                        kit.contains(&needed),
                        "{:?} → {:?} in {kit:?}",
                        e.id,
                        easier.id
                    );
                }
            }
        }
    }
}

/// A level-up changes one thing (EMPoweR 2020): the same exercises, the next dose.
#[test]
fn a_level_changes_the_dose_and_nothing_else() {
    for (track, position, kit, day, plan) in every_plan() {
        let level1 = plan_session(track, Position::new(position.phase, 1), kit, day);
        let ids = |plan: &[Planned]| plan.iter().map(|p| p.exercise).collect::<Vec<_>>();
        assert_eq!(
            ids(&plan),
            ids(&level1),
            "{track:?} {position:?} {kit:?} day {day}"
        );
    }
}

/// Seed 002 lists the clamshell among its internal-rotation drills, but it trains the
/// outward rotators and abductors (coaching.md): on the limited track one at most, as
/// glute work, and always next to real inward-rotation work.
#[test]
fn the_limited_track_has_one_clamshell_at_most_and_always_real_rotation_work() {
    let clamshell = |id: ExerciseId| {
        matches!(
            id,
            ExerciseId::SideLyingClamshell | ExerciseId::BandedClamshell
        )
    };
    for (track, position, kit, day, plan) in every_plan() {
        if track != Track::LimitedInternalRotation {
            continue;
        }
        let at = format!("{position:?} {kit:?} day {day}: {plan:?}");
        let clamshells = plan.iter().filter(|p| clamshell(p.exercise)).count();
        assert!(clamshells <= 1, "{at}");
        assert!(
            plan.iter().any(|p| !clamshell(p.exercise)
                && catalog::exercise(p.exercise)
                    .muscles
                    .contains(&Muscle::InternalRotators)),
            "no inward-rotation work in {at}"
        );
    }
}

/// Seed 000: strength first, then movement practice, then stretches. Glute work opens a
/// session, stretches close it.
#[test]
fn glute_work_opens_a_session_and_stretches_close_it() {
    let stretch = ExerciseId::is_stretch;
    let mut stretches_seen = 0;
    for (track, position, kit, day, plan) in every_plan() {
        let at = format!("{track:?} {position:?} {kit:?} day {day}: {plan:?}");
        let rank = |p: &Planned| {
            let e = catalog::exercise(p.exercise);
            if e.used == Use::Throughout {
                0
            } else if stretch(e.id) {
                2
            } else {
                1
            }
        };
        let ranks: Vec<u8> = plan.iter().map(rank).collect();
        assert!(ranks.is_sorted(), "{at}");
        stretches_seen += ranks.iter().filter(|r| **r == 2).count();
    }
    assert!(stretches_seen > 0, "the test saw no stretch at all");
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

/// `all_done` as its doc says: every planned exercise done or found too easy, the session
/// not cut short; pain scores play no part.
#[test]
fn all_done_reads_the_outcomes_and_not_the_pain() {
    let plan = vec![
        Planned {
            exercise: ExerciseId::GluteBridge,
            dose: ExerciseId::GluteBridge.get().dose(1),
        };
        3
    ];
    let session = |outcomes: Vec<Outcome>| SessionRecord {
        started_at: DateTime::UNIX_EPOCH,
        local_date: NaiveDate::MIN,
        track: Track::LimitedInternalRotation,
        position: Position::new(Phase::Activation, 1),
        plan: plan.clone(),
        outcomes,
        stopped_early: false,
        completed_at: None,
        pain_during: None,
        pain_morning: None,
        morning_skipped: false,
    };
    let done = session(vec![Outcome::Done, Outcome::TooEasy, Outcome::Done]);
    assert!(done.all_done());
    let hurt = SessionRecord {
        pain_during: Some(9),
        pain_morning: Some(8),
        ..done.clone()
    };
    assert!(hurt.all_done(), "pain scores do not count");
    for short in [
        Outcome::TooHard,
        Outcome::Hurt,
        Outcome::Skipped,
        Outcome::DidEasier,
    ] {
        let s = session(vec![Outcome::Done, short, Outcome::Done]);
        assert!(!s.all_done(), "{short:?}");
    }
    assert!(
        !session(vec![Outcome::Done, Outcome::Done]).all_done(),
        "one missing"
    );
    let cut = SessionRecord {
        stopped_early: true,
        ..done
    };
    assert!(!cut.all_done(), "cut short");
}
