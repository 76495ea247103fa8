//! The real `hipcoach` binary, started as a child process: one test binary.

/// Helpers shared by the test binaries, in `tests/support/`.
#[path = "../support"]
mod support {
    pub mod answers;
    pub mod backend;
    pub mod fake_bot_api;
    pub mod press;
}

mod console_binary;
mod corruption;
mod crash_kill;
mod deploy;
mod instances;
mod one_writer;
mod telegram_binary;
mod web_binary;

/// Who may run at once. crash_kill's tests kill the bot at set moments while it sends and
/// check the send rate against Telegram's limit; another bot starving the CPU at the same
/// time would blur both. So they take this lock alone (`alone`), one after the other, and
/// every other test here shares it (`together`): as when crash_kill was a binary of its
/// own, whose two tests took a mutex.
static CPU: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

/// Held for the whole of a test that must run with no other test of this binary.
pub async fn alone() -> tokio::sync::RwLockWriteGuard<'static, ()> {
    CPU.write().await
}

/// Held for the whole of every other test.
pub async fn together() -> tokio::sync::RwLockReadGuard<'static, ()> {
    CPU.read().await
}
