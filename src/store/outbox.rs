//! What the outbox holds, on either backend (its SQL is in `sql/outbox.rs`).

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};

use crate::core::values::reminders::ReminderKind;
use crate::i18n::Piece;

/// A message waiting in the outbox.
#[derive(Clone, Debug)]
pub struct OutboxRow {
    pub id: i64,
    /// The person it goes to (their chat).
    pub user: i64,
    /// The reminder it belongs to; `None` for a reply.
    pub kind: Option<ReminderKind>,
    /// When the reminder fell due, or when the reply was queued.
    pub due: DateTime<Utc>,
    pub piece: Piece,
    /// How often sending it has failed so far.
    pub attempts: i64,
}

/// One delivery loop's claim on outbox rows (see [`super::Store::claim_outbox`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim(i64);

impl Claim {
    /// A claim no other in this process holds, and none in another process on this host:
    /// the process id and a counter. (Across hosts only the delivery holder claims.)
    pub fn fresh() -> Claim {
        static NEXT: AtomicI64 = AtomicI64::new(0);
        let count = NEXT.fetch_add(1, Ordering::Relaxed) & 0xFFFF_FFFF;
        Claim((i64::from(std::process::id()) << 32) | count)
    }

    /// The claim as stored in `outbox.claimed_by`.
    pub(super) fn id(self) -> i64 {
        self.0
    }
}

/// How long a claim on an outbox row lasts unless renewed: well over the longest send
/// (teloxide's client gives up after 17 s), so a live claim is never taken over; short
/// enough that a row claimed by a process that died goes out within a minute (ours).
pub const CLAIM_LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// The pieces that keep their order: nothing after one of them goes before it.
pub(super) const IN_ORDER: &str = "('text', 'redraw')";

/// The `kind` of a reply in the outbox.
pub(super) const REPLY_KIND: &str = "reply";

/// The outbox columns a row is read from.
pub(super) const OUTBOX_COLUMNS: &str =
    "id, user_id, kind, due_at, message, attempts, part, file_name, file, redraw_message";
