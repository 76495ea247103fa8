//! Reminders that failed to fire for a passing reason and wait out a back-off, kept in
//! memory by the process that delivers (the queue itself is SQL: `sql/reminders.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::Store;
use crate::core::values::reminders::ReminderKind;

/// Per person and kind: tries in a row, and the earliest next try.
pub(super) type Held = HashMap<(i64, ReminderKind), (i64, DateTime<Utc>)>;

impl Store {
    /// Until when a reminder that failed to fire waits before it is tried again.
    pub fn reminder_held_until(&self, user_id: i64, kind: ReminderKind) -> Option<DateTime<Utc>> {
        let held = self.held.lock().ok()?;
        held.get(&(user_id, kind)).map(|(_, until)| *until)
    }

    /// A reminder failed to fire for a passing reason (busy, full, I/O): it stays planned
    /// and waits before the next try, 2 s doubling to 5 minutes, so that one stuck person
    /// neither spins the delivery loop nor holds up anyone else. Returns the tries so far
    /// and when the next one is.
    pub fn hold_reminder(
        &self,
        user_id: i64,
        kind: ReminderKind,
        now: DateTime<Utc>,
    ) -> (i64, DateTime<Utc>) {
        let Ok(mut held) = self.held.lock() else {
            return (0, now);
        };
        let entry = held.entry((user_id, kind)).or_insert((0, now));
        entry.1 = now + crate::retry::backoff(entry.0);
        entry.0 += 1;
        *entry
    }

    /// A reminder fired (or is gone): it waits for nothing any more.
    pub fn release_reminder(&self, user_id: i64, kind: ReminderKind) {
        if let Ok(mut held) = self.held.lock() {
            held.remove(&(user_id, kind));
        }
    }
}
