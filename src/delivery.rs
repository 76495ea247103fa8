//! Reminders out of the database and into Telegram: the delivery loop sleeps until the
//! next due row (woken early when a schedule changes), fires what is due through the
//! engine, and drains the outbox within Telegram's limits, retrying what failed.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use tokio::sync::{Notify, Semaphore};
use tokio::time::Instant;

use crate::core::values::reminders::ReminderKind;
use crate::engine::{Engine, Fired, Queued};
use crate::i18n::Piece;
use crate::limiter::{CHAT_BURST, Limiter};
use crate::observe;
use crate::retry::backoff;
use crate::store::{Claim, LEAD_RETRY, Notice, Notices, OutboxRow, StoreError};

/// How many reminders are fired per round, how many outbox rows are claimed at once, and
/// how many people's sends may be in flight (at least; more at a paid rate, see
/// [`in_flight`]).
const BATCH: i64 = 500;
const IN_FLIGHT: usize = 16;
/// A send whose slot came this long after its claim was renewed renews it again (the
/// lease is [`crate::store::CLAIM_LEASE`]; ours).
const RENEW_AFTER: StdDuration = StdDuration::from_secs(10);
/// The longest the loop sleeps without looking (a safety net; a schedule change wakes it).
const MAX_SLEEP: StdDuration = StdDuration::from_secs(60);

/// Why a message did not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// 429: wait this long, then try again.
    RetryAfter(StdDuration),
    /// 403 and the like: the person blocked the bot or is gone. Permanent until they write.
    Blocked,
    /// The Bot API refused this message for good (a 400 it will always give): trying
    /// again cannot help, so it is dropped, with a warning.
    Rejected(String),
    /// The Bot API cannot be reached: try again later, for as long as it takes.
    Unreachable(String),
    /// A 5xx, an answer we cannot read: try again later, [`MAX_ATTEMPTS`] times.
    Failed(String),
}

/// Where messages go: Telegram, or a test's recorder.
pub trait Transport: Send + Sync + 'static {
    fn send(&self, chat: i64, piece: &Piece) -> impl Future<Output = Result<(), SendError>> + Send;

    /// Sends a piece a reminder queued (not a reply). The default: as any other; Telegram
    /// may send it as a paid broadcast.
    fn send_reminder(
        &self,
        chat: i64,
        piece: &Piece,
    ) -> impl Future<Output = Result<(), SendError>> + Send {
        self.send(chat, piece)
    }

    /// Sends a reminder's piece and returns the id Telegram gave the message, when it
    /// tells (a movement break's id is kept, so that its buttons can be taken away later).
    /// The default: sent as by [`Transport::send_reminder`], without an id.
    fn send_keeping_id(
        &self,
        chat: i64,
        piece: &Piece,
    ) -> impl Future<Output = Result<Option<i64>, SendError>> + Send {
        async move { self.send_reminder(chat, piece).await.map(|()| None) }
    }

    /// Takes the inline buttons off a message sent before (the message stays). The
    /// default: nothing to do.
    fn clear_buttons(
        &self,
        _chat: i64,
        _message_id: i64,
    ) -> impl Future<Output = Result<(), SendError>> + Send {
        async { Ok(()) }
    }

    /// The limiter every message through this transport waits for, replies and reminders
    /// alike; `None` (the default): no limits, for a transport that is not Telegram.
    fn limiter(&self) -> Option<&Limiter> {
        None
    }
}

/// Waits for a slot to send to `chat` within the transport's limits, with at most `burst`
/// messages at once to it (`None`: as many as the limiter allows a reply).
async fn slot<T: Transport>(transport: &T, chat: i64, burst: Option<u32>) {
    match (transport.limiter(), burst) {
        (Some(limiter), Some(burst)) => limiter.acquire_with_burst(chat, burst).await,
        (Some(limiter), None) => limiter.acquire(chat).await,
        (None, _) => {}
    }
}

/// After a 429: nobody sends through the transport for `wait`.
async fn hold_all<T: Transport>(transport: &T, wait: StdDuration) {
    if let Some(limiter) = transport.limiter() {
        limiter.hold_all(Instant::now() + wait).await;
    }
}

/// After this many failed tries a message that keeps failing for an unknown reason is
/// given up (about an hour of back-off; ours). Network failures are tried for ever.
pub const MAX_ATTEMPTS: i64 = 20;

/// Fires every reminder due at `now`. Returns what fired (with anything to say).
///
/// A reminder that fails for a passing reason (the database busy, locked, full, or an I/O
/// error) stays planned and is tried again after a back-off, while everyone else's go on;
/// only one that can never fire (a stored value this version cannot read) is set aside.
pub async fn fire_due(engine: &Engine, now: DateTime<Utc>) -> Result<Vec<Fired>, StoreError> {
    fire_due_telling(engine, now, || {}).await
}

/// [`fire_due`], calling `batch_done` after every batch that fired something (the
/// delivery loop starts sending those while the next batch fires).
async fn fire_due_telling(
    engine: &Engine,
    now: DateTime<Utc>,
    batch_done: impl Fn(),
) -> Result<Vec<Fired>, StoreError> {
    let mut fired = Vec::new();
    loop {
        let due = engine.store().due_reminders(now, BATCH).await?;
        let mut progressed = false;
        for (user, kind, at) in due {
            if engine
                .store()
                .reminder_held_until(user, kind)
                .is_some_and(|until| until > now)
            {
                continue;
            }
            match engine.fire(user, kind, at, now).await {
                Ok(result) => {
                    engine.store().release_reminder(user, kind);
                    if let Some(f) = result {
                        observe::reminder_fired(kind, now - at);
                        progressed = true;
                        fired.push(f);
                    }
                }
                Err(error) if error.is_unreadable() => {
                    // It can never fire; it must not hold up everyone else's (the
                    // person's schedule is planned again when they write, or by the
                    // safety sweep).
                    tracing::error!(user, kind = <&str>::from(kind), %error, "a reminder cannot be read; set aside");
                    engine.store().drop_reminder(user, kind).await?;
                    engine.store().release_reminder(user, kind);
                    observe::reminder_dropped(kind);
                    progressed = true;
                }
                Err(error) => {
                    let (tries, until) = engine.store().hold_reminder(user, kind, now);
                    tracing::warn!(user, kind = <&str>::from(kind), tries, %until, %error, "a reminder could not fire; kept to try again");
                }
            }
        }
        if !progressed {
            return Ok(fired);
        }
        batch_done();
    }
}

/// What one drain of the outbox did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drained {
    pub sent: usize,
    pub retried: usize,
    pub blocked: usize,
}

impl Drained {
    fn add(&mut self, other: Drained) {
        self.sent += other.sent;
        self.retried += other.retried;
        self.blocked += other.blocked;
    }
}

/// Sends every outbox message ready at `now`, within the limits, several people at once,
/// each person's messages in order. A sent message leaves the outbox; a 429 holds
/// everyone for its `retry_after` and the message is retried; a network error backs off;
/// a blocked person is deactivated.
///
/// Rows are claimed a batch at a time (so that no other loop sends them too); the next
/// batch is claimed as soon as the last one is under way, not when its last send is
/// answered, so the sends never pause between batches. A person's later rows are not
/// claimed while an earlier one is (the store sees to it), so each person's order holds.
pub async fn drain<T: Transport>(
    engine: &Engine,
    transport: &Arc<T>,
    now: impl Fn() -> DateTime<Utc> + Clone + Send + Sync + 'static,
) -> Result<Drained, StoreError> {
    let permits = Arc::new(Semaphore::new(in_flight(&**transport)));
    let mut tasks = tokio::task::JoinSet::new();
    let mut total = Drained::default();
    let mut failed = None;
    'claims: loop {
        let claim = Claim::fresh();
        let rows = match engine.store().claim_outbox(claim, now(), None, BATCH).await {
            Ok(rows) if rows.is_empty() => break,
            Ok(rows) => rows,
            Err(error) => {
                failed = Some(error);
                break;
            }
        };
        for rows in by_person(rows) {
            let permit = permits.clone().acquire_owned().await;
            while let Some(done) = tasks.try_join_next() {
                if let Err(error) = settled(done, &mut total) {
                    failed = Some(error);
                    break 'claims;
                }
            }
            let transport = transport.clone();
            let engine = engine.clone();
            let now = now.clone();
            tasks.spawn(async move {
                let _permit = permit;
                send_in_order(&engine, &*transport, claim, rows, &now).await
            });
        }
    }
    // What is under way is seen through, even after a failure.
    while let Some(done) = tasks.join_next().await {
        if let Err(error) = settled(done, &mut total) {
            failed.get_or_insert(error);
        }
    }
    match failed {
        Some(error) => Err(error),
        None => Ok(total),
    }
}

/// Adds what one person's sends did to `total`; a task that panicked counts nothing.
fn settled(
    done: Result<Result<Drained, StoreError>, tokio::task::JoinError>,
    total: &mut Drained,
) -> Result<(), StoreError> {
    if let Ok(result) = done {
        total.add(result?);
    }
    Ok(())
}

/// Claimed rows by person, each person's in order, people in the order of their first row.
fn by_person(rows: Vec<OutboxRow>) -> Vec<Vec<OutboxRow>> {
    let mut people: Vec<Vec<OutboxRow>> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    for row in rows {
        let at = *index.entry(row.user).or_insert_with(|| {
            people.push(Vec::new());
            people.len() - 1
        });
        people[at].push(row);
    }
    people
}

/// How many people's sends may be in flight: enough for the limiter's rate while each
/// waits about a tenth of a second for the Bot API and the database (ours).
fn in_flight<T: Transport>(transport: &T) -> usize {
    let rate = transport.limiter().map_or(0.0, Limiter::per_second);
    IN_FLIGHT.max((rate / 8.0).ceil() as usize)
}

/// Sends `user`'s messages now: what the person's input just queued, and anything of
/// theirs still waiting (their writing is a sign Telegram reaches us again). The reply to
/// an input goes this way, without waiting for the delivery loop; what fails is retried
/// by the loop.
pub async fn deliver_now<T: Transport>(
    engine: &Engine,
    transport: &T,
    user: i64,
) -> Result<Drained, StoreError> {
    let now = Utc::now();
    engine.store().hurry_outbox(user, now).await?;
    let claim = Claim::fresh();
    let rows = engine
        .store()
        .claim_outbox(claim, now, Some(user), BATCH)
        .await?;
    let round = send_in_order(engine, transport, claim, rows, &Utc::now).await?;
    if round != Drained::default() {
        // What these rows held back (a reminder queued meanwhile, a retry) is the
        // delivery loop's now: it may be asleep until their claim would have run out.
        engine.wake().notify_one();
    }
    Ok(round)
}

/// Sends what an input produced: from the outbox, where it was queued with the state it
/// follows (what fails is retried by the delivery loop), or straight away if nothing was
/// kept (a stranger, someone just forgotten, a failure).
pub async fn deliver<T: Transport>(engine: &Engine, transport: &T, queued: &Queued) {
    if queued.is_queued() && engine.store().is_shared() {
        // Several instances share the database: only the delivery holder sends, through
        // its one limiter. It was told on commit (see `Engine::handle_once`).
        return;
    }
    if queued.is_queued() {
        if let Err(error) = deliver_now(engine, transport, queued.user).await {
            // The messages stay queued; the delivery loop sends them.
            tracing::warn!(user = queued.user, %error, "a reply waits for the delivery loop");
            engine.wake().notify_one();
        }
        return;
    }
    for message in &queued.messages {
        for piece in message.pieces(None) {
            if let Err(error) = send_unqueued(transport, queued.user, &piece).await {
                tracing::debug!(user = queued.user, ?error, "an unqueued reply was not sent");
                return;
            }
        }
    }
}

/// Sends a message that is not in the outbox (to a stranger, or the apology after a
/// failure) within the limits; a 429 holds everyone and the message is tried again
/// (three times at most). Nothing is retried later: nothing was kept.
pub async fn send_unqueued<T: Transport>(
    transport: &T,
    user: i64,
    piece: &Piece,
) -> Result<(), SendError> {
    let mut attempts = 0;
    loop {
        slot(transport, user, None).await;
        let result = transport.send(user, piece).await;
        observe::sent(&result);
        match result {
            Err(SendError::RetryAfter(wait)) if attempts < 3 => {
                attempts += 1;
                hold_all(transport, wait).await;
            }
            result => return result,
        }
    }
}

/// Sends one person's claimed messages in order; after a failed text the rest wait
/// (nothing overtakes it), released for the next round.
async fn send_in_order<T: Transport>(
    engine: &Engine,
    transport: &T,
    claim: Claim,
    rows: Vec<OutboxRow>,
    now: &(impl Fn() -> DateTime<Utc> + Send + Sync),
) -> Result<Drained, StoreError> {
    let mut round = Drained::default();
    let mut rows = rows.into_iter();
    while let Some(row) = rows.next() {
        let is_break =
            row.kind == Some(ReminderKind::MovementBreak) && matches!(row.piece, Piece::Text(_));
        if is_break {
            // Before the new break's slot, so that nothing stands between that slot and
            // its send.
            clear_last_break(engine, transport, row.user).await?;
        }
        // The claim is renewed before the slot, so that no write to the database stands
        // between the slot and the send (a slow one would bunch sends past Telegram's
        // limits); and again after a long wait for the slot (a hold after a 429): if it
        // ran out meanwhile and another loop took the row, this one must not send it.
        let mut confirmed = engine.store().confirm_claim(row.id, claim, now()).await?;
        if confirmed {
            let renewed = Instant::now();
            // A reminder goes strictly one a second to a chat; a reply may burst.
            let burst = if row.kind.is_some() { 1 } else { CHAT_BURST };
            slot(transport, row.user, Some(burst)).await;
            if renewed.elapsed() >= RENEW_AFTER {
                confirmed = engine.store().confirm_claim(row.id, claim, now()).await?;
            }
        }
        let result = if confirmed {
            let result = if is_break {
                transport.send_keeping_id(row.user, &row.piece).await
            } else if row.kind.is_some() {
                transport
                    .send_reminder(row.user, &row.piece)
                    .await
                    .map(|()| None)
            } else {
                transport.send(row.user, &row.piece).await.map(|()| None)
            };
            if let Err(SendError::RetryAfter(wait)) = &result {
                hold_all(transport, *wait).await;
            }
            if let Ok(Some(message_id)) = result {
                engine
                    .store()
                    .set_break_message(row.user, Some(message_id))
                    .await?;
            }
            let result = result.map(drop);
            observe::sent(&result);
            if result.is_ok() && row.kind.is_some() {
                observe::reminder_sent(now() - row.due);
            }
            // Recorded at once: a crash can repeat only the send in flight.
            settle(engine, &row, result.clone(), now(), &mut round).await?;
            result
        } else {
            // Taken by another loop: it sends this one, and the rest after it.
            Err(SendError::Failed("claimed elsewhere".into()))
        };
        // A chart or a file that failed comes later; it does not hold back the rest.
        let went = matches!(result, Ok(()) | Err(SendError::Rejected(_)))
            || matches!(row.piece, Piece::Photo(_) | Piece::Document(_));
        if !went {
            for rest in rows.by_ref() {
                engine.store().outbox_release(rest.id).await?;
            }
        }
    }
    Ok(round)
}

/// Before a new movement break goes out: the previous one, if its buttons are still
/// there (unanswered), loses them. The message itself stays; a failure here (too old to
/// edit, already edited) is only logged: it must not hold back the new break.
async fn clear_last_break<T: Transport>(
    engine: &Engine,
    transport: &T,
    user: i64,
) -> Result<(), StoreError> {
    let Some(message_id) = engine.store().break_message(user).await? else {
        return Ok(());
    };
    engine.store().set_break_message(user, None).await?;
    slot(transport, user, Some(1)).await;
    match transport.clear_buttons(user, message_id).await {
        Ok(()) => {}
        Err(SendError::RetryAfter(wait)) => hold_all(transport, wait).await,
        Err(error) => {
            tracing::debug!(
                user,
                ?error,
                "could not take the buttons off the last break"
            );
        }
    }
    Ok(())
}

async fn settle(
    engine: &Engine,
    row: &OutboxRow,
    result: Result<(), SendError>,
    now: DateTime<Utc>,
    round: &mut Drained,
) -> Result<(), StoreError> {
    match result {
        Ok(()) => {
            engine.store().outbox_done(row.id).await?;
            round.sent += 1;
        }
        Err(SendError::Blocked) => {
            tracing::info!(
                user = row.user,
                "the person blocked the bot; reminders stop"
            );
            engine.store().deactivate(row.user).await?;
            round.blocked += 1;
        }
        Err(SendError::Rejected(error)) => {
            tracing::warn!(user = row.user, part = row.piece.part(), %error, "the Bot API refused a message; dropped");
            engine.store().outbox_done(row.id).await?;
        }
        Err(SendError::RetryAfter(wait)) => {
            let wait = Duration::from_std(wait).unwrap_or(Duration::seconds(1));
            engine.store().outbox_retry(row.id, now + wait).await?;
            round.retried += 1;
        }
        Err(SendError::Failed(error)) if row.attempts + 1 >= MAX_ATTEMPTS => {
            tracing::warn!(user = row.user, attempts = row.attempts, %error, "a message kept failing; given up");
            engine.store().outbox_done(row.id).await?;
        }
        Err(SendError::Failed(error) | SendError::Unreachable(error)) => {
            tracing::warn!(user = row.user, attempts = row.attempts, %error, "send failed; will retry");
            engine
                .store()
                .outbox_retry(row.id, now + backoff(row.attempts))
                .await?;
            round.retried += 1;
        }
    }
    Ok(())
}

/// Delivers while this process holds the right to (see `Store::lead_delivery`): on
/// SQLite from the start, on PostgreSQL while this instance holds the delivery lock,
/// trying to take it over every [`LEAD_RETRY`] while another does. The holder also
/// follows what the other instances tell it (a schedule changed, replies wait). Runs
/// until the task is dropped, which lets go of the lock.
pub async fn lead<T: Transport>(engine: Engine, transport: Arc<T>) {
    let notices = loop {
        match engine.store().notices().await {
            Ok(notices) => break notices,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for other instances yet");
                tokio::time::sleep(LEAD_RETRY).await;
            }
        }
    };
    let mut notices = notices;
    loop {
        // A standby instance's loop lives too: it asks for the lock every few seconds
        // (/readyz looks at this beat).
        engine.beat(Utc::now());
        match engine.store().lead_delivery().await {
            Ok(Some(mut lead)) => {
                if engine.store().is_shared() {
                    // Only the holder claims: what a holder before had claimed goes out
                    // now, not after its lease.
                    match engine.store().release_claims().await {
                        Ok(released) => {
                            tracing::info!(released, "this instance now delivers")
                        }
                        Err(error) => tracing::warn!(%error, "could not release old claims"),
                    }
                }
                tokio::select! {
                    () = run(engine.clone(), transport.clone()) => {}
                    () = lead.lost() => {}
                    () = follow(&engine, &transport, notices.as_mut()) => {}
                }
                lead.release().await;
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "cannot ask for the delivery lock"),
        }
        tokio::time::sleep(LEAD_RETRY).await;
    }
}

/// What the other instances tell the holder: a wake-up for the loop, or a person's
/// replies to send at once. Never returns (nothing to follow on SQLite).
async fn follow<T: Transport>(engine: &Engine, transport: &Arc<T>, notices: Option<&mut Notices>) {
    let Some(notices) = notices else {
        return std::future::pending().await;
    };
    loop {
        match notices.next().await {
            Ok(Notice::Wake) => engine.wake().notify_one(),
            Ok(Notice::Replies(user)) => {
                let engine = engine.clone();
                let transport = transport.clone();
                tokio::spawn(async move {
                    if let Err(error) = deliver_now(&engine, &*transport, user).await {
                        tracing::warn!(user, %error, "a reply waits for the delivery loop");
                        engine.wake().notify_one();
                    }
                });
            }
            Err(error) => {
                // The listener reconnects on the next call; what was said meanwhile is
                // caught up by a look at the outbox and the schedule.
                tracing::warn!(%error, "lost the notices of other instances for a moment");
                tokio::time::sleep(StdDuration::from_secs(1)).await;
                engine.wake().notify_one();
            }
        }
    }
}

/// The delivery loop on the real clock: fire what is due, and drain the outbox alongside
/// (a long backlog never keeps reminders that fall due meanwhile from firing on time, and
/// what fires goes out while the rest still fires); each sleeps until its next due time or
/// until woken. Runs until the task is dropped.
pub async fn run<T: Transport>(engine: Engine, transport: Arc<T>) {
    let kick = Arc::new(Notify::new());
    let _drainer = AbortOnDrop(tokio::spawn(drain_loop(
        engine.clone(),
        transport,
        kick.clone(),
    )));
    let mut failures = 0u32;
    loop {
        engine.beat(Utc::now());
        let round = async {
            fire_due_telling(&engine, Utc::now(), || kick.notify_one()).await?;
            kick.notify_one();
            engine.store().next_due().await
        }
        .await;
        let sleep = until_next(round, &mut failures, "firing reminders failed; retrying");
        if sleep.is_zero() {
            tokio::task::yield_now().await;
            continue;
        }
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            // A schedule changed, or a reply's sends held something back: both loops look.
            _ = engine.wake().notified() => kick.notify_one(),
        }
    }
}

/// The outbox half of [`run`]: drains, then sleeps until the next message may go or until
/// kicked (something fired, or the loop was woken).
async fn drain_loop<T: Transport>(engine: Engine, transport: Arc<T>, kick: Arc<Notify>) {
    let mut failures = 0u32;
    loop {
        let round = async {
            drain(&engine, &transport, Utc::now).await?;
            engine.store().next_outbox().await
        }
        .await;
        let sleep = until_next(round, &mut failures, "delivery round failed; retrying");
        if sleep.is_zero() {
            tokio::task::yield_now().await;
            continue;
        }
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = kick.notified() => {}
        }
    }
}

/// How long a loop sleeps after a round that found `next` as its next due time (at most
/// [`MAX_SLEEP`]), or after a failure (5 s more for each one in a row, up to 30 s).
fn until_next(
    round: Result<Option<DateTime<Utc>>, StoreError>,
    failures: &mut u32,
    what: &str,
) -> StdDuration {
    match round {
        Ok(next) => {
            *failures = 0;
            next.map_or(MAX_SLEEP, |at| {
                (at - Utc::now())
                    .to_std()
                    .unwrap_or_default()
                    .min(MAX_SLEEP)
            })
        }
        Err(error) => {
            *failures += 1;
            tracing::error!(%error, "{what}");
            StdDuration::from_secs(u64::from((*failures).min(6)) * 5)
        }
    }
}

/// A task that ends with its owner.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
