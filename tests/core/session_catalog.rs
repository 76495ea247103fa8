//! Catalog facts the session transcripts rely on (`tests/transcripts/session_*.txt`): a
//! guard that says which fact broke when one of them changes.

use hipcoach::core::rules::catalog::ExerciseId;

#[test]
fn the_easier_exercise_of_a_hurt_one_is_in_the_catalog() {
    // Phase 1 of the common track offers an easier neighbour: the 90/90 lift-off's is the
    // wall rotation (session_easier_without_equipment.txt: without a wall, its substitute).
    assert_eq!(
        ExerciseId::Liftoff9090.get().easier,
        Some(ExerciseId::WallAxialRotation)
    );
}
