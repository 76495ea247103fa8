//! Button presses through the engine, for tests that write the bare action ("c:y",
//! "o:done"): stamped with the person's current question number, as the buttons shown to
//! them carry it.
#![allow(dead_code)]

use hipcoach::core::Input;
use hipcoach::core::read::action;
use hipcoach::engine::Engine;

/// The question number stored for `user` (0 for a stranger).
pub async fn asked(engine: &Engine, user: i64) -> u32 {
    let mut tx = engine.store().begin().await.expect("a transaction");
    let asked = tx
        .load_person(user)
        .await
        .expect("the person loads")
        .map_or(0, |p| p.asked);
    tx.commit().await.expect("commit");
    asked
}

/// Bare button data stamped for the question open now; other input as it is.
pub async fn on_open_question(engine: &Engine, user: i64, input: Input) -> Input {
    match input {
        Input::Button(data) if action::unstamp(&data).is_none() => {
            Input::Button(action::stamp(asked(engine, user).await, &data))
        }
        other => other,
    }
}
