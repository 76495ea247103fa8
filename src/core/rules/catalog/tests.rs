//! Tests of `core::rules::catalog`.

use std::collections::BTreeSet;

use super::*;

/// The entry with this id, without `exercise`'s fallback to the first entry.
fn find(id: ExerciseId) -> Option<&'static Exercise> {
    CATALOG.iter().find(|e| e.id == id)
}

fn in_track(e: &Exercise, track: Track) -> bool {
    e.tracks.contains(&track)
}

/// Whether `other` can be used wherever `e` can: it is in every track of `e`.
fn covers_tracks(other: &Exercise, e: &Exercise) -> bool {
    e.tracks.iter().all(|t| in_track(other, *t))
}

/// Whether a person with no equipment can do `e`: it needs nothing, or its substitute
/// needs nothing. Returns the exercise they would do.
fn without_equipment(e: &Exercise) -> Option<ExerciseId> {
    match e.equipment {
        None => Some(e.id),
        Some(_) => e
            .substitute
            .and_then(find)
            .filter(|s| s.equipment.is_none())
            .map(|s| s.id),
    }
}

#[test]
fn every_id_has_exactly_one_entry() {
    for id in ExerciseId::iter() {
        let count = CATALOG.iter().filter(|e| e.id == id).count();
        assert_eq!(count, 1, "{id:?} has {count} catalog entries, not 1");
        assert_eq!(
            exercise(id).id,
            id,
            "exercise({id:?}) returns another entry"
        );
    }
    assert_eq!(CATALOG.len(), ExerciseId::iter().count());
}

#[test]
fn codes_are_the_text_keys() {
    // The .ftl keys are `ex-<code with - for _>`: these are the codes strum gives.
    assert_eq!(ExerciseId::Seated9090Stretch.code(), "seated9090_stretch");
    assert_eq!(ExerciseId::HipSwitches9090.code(), "hip_switches9090");
    assert_eq!(ExerciseId::IrPailsRails.code(), "ir_pails_rails");
    assert_eq!(ExerciseId::Figure4Stretch.code(), "figure4_stretch");
}

#[test]
fn seed_ranges_are_well_formed() {
    for e in CATALOG {
        let r = e.seed;
        assert!(
            1 <= r.sets.0 && r.sets.0 <= r.sets.1,
            "{:?}: sets range {:?} is empty or starts at 0",
            e.id,
            r.sets
        );
        assert!(
            1 <= r.amount.0 && r.amount.0 <= r.amount.1,
            "{:?}: amount range {:?} is empty or starts at 0",
            e.id,
            r.amount
        );
        if let Some((from, to)) = r.hold {
            assert!(
                1 <= from && from <= to,
                "{:?}: hold range {from}–{to} is empty or starts at 0",
                e.id
            );
        }
        if let Source::Seed(n) = e.dose_source {
            assert!(n <= 3, "{:?}: there is no seed {n}", e.id);
        }
    }
}

#[test]
fn every_level_is_within_the_seed_range() {
    for e in CATALOG {
        let r = e.seed;
        for (i, d) in e.levels.iter().enumerate() {
            let level = i + 1;
            let id = e.id;
            assert_eq!(
                d.unit, r.unit,
                "{id:?} level {level}: unit differs from the seed"
            );
            assert_eq!(
                d.per_side, r.per_side,
                "{id:?} level {level}: per_side differs from the seed"
            );
            assert!(
                (r.sets.0..=r.sets.1).contains(&d.sets),
                "{id:?} level {level}: {} sets is outside the seed's {:?}",
                d.sets,
                r.sets
            );
            assert!(
                (r.amount.0..=r.amount.1).contains(&d.amount),
                "{id:?} level {level}: amount {} is outside the seed's {:?}",
                d.amount,
                r.amount
            );
            match (d.hold, r.hold) {
                (None, None) => {}
                (Some(h), Some((from, to))) => assert!(
                    (from..=to).contains(&h),
                    "{id:?} level {level}: hold {h} s is outside the seed's {from}–{to} s"
                ),
                (h, range) => panic!(
                    "{id:?} level {level}: hold {h:?} does not match the seed's hold {range:?}"
                ),
            }
        }
    }
}

#[test]
fn levels_never_decrease_and_span_the_seed_range() {
    for e in CATALOG {
        let id = e.id;
        for (i, pair) in e.levels.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let (la, lb) = (i + 1, i + 2);
            assert!(
                b.sets >= a.sets && b.amount >= a.amount && b.hold >= a.hold,
                "{id:?}: level {lb} ({b:?}) is below level {la} ({a:?})"
            );
        }
        let (first, last, r) = (e.levels[0], e.levels[2], e.seed);
        assert!(
            first.sets == r.sets.0
                && first.amount == r.amount.0
                && first.hold == r.hold.map(|h| h.0),
            "{id:?}: level 1 ({first:?}) is not at the low end of the seed range {r:?}"
        );
        assert!(
            last.sets == r.sets.1 && last.amount == r.amount.1 && last.hold == r.hold.map(|h| h.1),
            "{id:?}: level 3 ({last:?}) is not at the high end of the seed range {r:?}"
        );
    }
}

#[test]
fn easier_and_harder_links_resolve_stay_in_the_track_and_are_symmetric() {
    for e in CATALOG {
        let id = e.id;
        if let Some(h) = e.harder {
            assert_ne!(h, id, "{id:?} is harder than itself");
            let other = find(h).unwrap_or_else(|| panic!("{id:?}: harder {h:?} has no entry"));
            assert!(
                covers_tracks(other, e),
                "{id:?}: harder {h:?} is not in all of its tracks {:?}",
                e.tracks
            );
            assert_eq!(
                other.easier,
                Some(id),
                "{id:?}.harder is {h:?}, but {h:?}.easier is {:?}",
                other.easier
            );
        }
        if let Some(s) = e.easier {
            assert_ne!(s, id, "{id:?} is easier than itself");
            let other = find(s).unwrap_or_else(|| panic!("{id:?}: easier {s:?} has no entry"));
            assert!(
                covers_tracks(other, e),
                "{id:?}: easier {s:?} is not in all of its tracks {:?}",
                e.tracks
            );
            assert_eq!(
                other.harder,
                Some(id),
                "{id:?}.easier is {s:?}, but {s:?}.harder is {:?}",
                other.harder
            );
        }
    }
}

#[test]
fn equipment_has_a_substitute_in_the_same_track_that_needs_less() {
    for e in CATALOG {
        let id = e.id;
        let Some(needs) = e.equipment else {
            assert_eq!(
                e.substitute, None,
                "{id:?} needs no equipment, so it should have no substitute"
            );
            continue;
        };
        let s = e
            .substitute
            .unwrap_or_else(|| panic!("{id:?} needs {needs:?} but has no substitute"));
        assert_ne!(s, id, "{id:?} is its own substitute");
        let sub = find(s).unwrap_or_else(|| panic!("{id:?}: substitute {s:?} has no entry"));
        assert!(
            covers_tracks(sub, e),
            "{id:?}: substitute {s:?} is not in all of its tracks {:?}",
            e.tracks
        );
        assert_ne!(
            sub.used,
            Use::Desk,
            "{id:?}: substitute {s:?} is a desk drill"
        );
        // Nothing at all, or a band instead of a cable.
        let less = matches!(
            (needs, sub.equipment),
            (_, None) | (Equipment::Cable, Some(Equipment::Band))
        );
        assert!(
            less,
            "{id:?} needs {needs:?}, but its substitute {s:?} needs {:?}",
            sub.equipment
        );
    }
}

#[test]
fn every_track_and_phase_has_three_exercises_even_without_equipment() {
    for &track in BOTH {
        for phase in Phase::iter() {
            let eligible: Vec<&Exercise> = CATALOG
                .iter()
                .filter(|e| in_track(e, track))
                .filter(|e| e.used == Use::Phase(phase) || e.used == Use::Throughout)
                .collect();
            let ids: Vec<ExerciseId> = eligible.iter().map(|e| e.id).collect();
            assert!(
                eligible.len() >= 3,
                "{track:?} phase {}: only {} eligible exercises: {ids:?}",
                phase.number(),
                eligible.len()
            );
            // Distinct exercises, so that two exercises falling back on the same
            // substitute count once.
            let bare: BTreeSet<ExerciseId> = eligible
                .iter()
                .filter_map(|e| without_equipment(e))
                .collect();
            assert!(
                bare.len() >= 3,
                "{track:?} phase {}: only {} distinct exercises without equipment: {bare:?} \
                 (eligible: {ids:?})",
                phase.number(),
                bare.len()
            );
        }
    }
}

#[test]
fn five_desk_drills_for_both_tracks_without_equipment() {
    let drills: Vec<&Exercise> = desk_drills().collect();
    assert_eq!(drills.len(), 5, "desk drills: {drills:?}");
    for d in drills {
        assert_eq!(d.equipment, None, "desk drill {:?} needs equipment", d.id);
        assert_eq!(
            d.tracks, BOTH,
            "desk drill {:?} is not in both tracks",
            d.id
        );
    }
}

#[test]
fn every_exercise_works_one_to_three_muscles_and_belongs_to_a_track() {
    for e in CATALOG {
        let id = e.id;
        assert!(
            (1..=3).contains(&e.muscles.len()),
            "{id:?} lists {} muscles, not 1–3",
            e.muscles.len()
        );
        let distinct: BTreeSet<Muscle> = e.muscles.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            e.muscles.len(),
            "{id:?} lists a muscle twice"
        );
        assert!(!e.tracks.is_empty(), "{id:?} is in no track");
    }
}
