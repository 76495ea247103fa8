//! The one path every input takes, whichever front end it came from: load the person,
//! ask the core, write the result in one transaction, render the replies. Reminders take
//! the same path: a due reminder is one more input.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::core::person::schedule;
use crate::core::values::reminders::ReminderKind;
use crate::core::{self, Event, Incoming, Input, Lang, Persist, Person, Transition, Write};
use crate::i18n::{self, Attachment, Rendered};
use crate::store::{Store, StoreError, StoreTx};

/// What one handled input (or a fired reminder) queued for one person: its replies and
/// events. The messages wait in the store's outbox (`rows`, one row per piece, in order):
/// a front end sends them from there, or, if it delivers `messages` itself (the console),
/// marks those rows done. Nothing is queued for a stranger, someone just forgotten, or
/// after a failure: `rows` is empty and the front end sends `messages` straight away.
#[derive(Clone, Debug, PartialEq)]
pub struct Queued {
    pub user: i64,
    /// The language the messages are rendered in.
    pub lang: Lang,
    pub messages: Vec<Rendered>,
    /// What happened, for the console's `--json` stream and the logs.
    pub events: Vec<Event>,
    /// The outbox rows the messages wait in.
    pub rows: Vec<i64>,
    /// The update was handled before (redelivered): nothing was done this time.
    pub duplicate: bool,
}

impl Queued {
    /// Nothing to say.
    pub fn silent(user: i64, lang: Lang) -> Queued {
        Queued {
            user,
            lang,
            messages: Vec::new(),
            events: Vec::new(),
            rows: Vec::new(),
            duplicate: false,
        }
    }

    /// Whether the messages wait in the outbox; if not (a stranger, someone just
    /// forgotten, a failure), the front end sends them straight away.
    pub fn is_queued(&self) -> bool {
        !self.rows.is_empty()
    }

    /// The apology for an input that could not be handled; not queued (the store may be
    /// what failed), so the front end sends it straight away. A damaged database says
    /// so (the coach is under maintenance); anything else asks to try again.
    pub fn failure(user: i64, lang: Lang, error: Option<&HandleError>) -> Queued {
        let damaged = matches!(error, Some(HandleError::Store(e)) if e.says_damaged());
        let msg = if damaged {
            core::Msg::UnderMaintenance
        } else {
            core::Msg::TryAgainLater
        };
        Queued {
            messages: vec![i18n::render_reply(lang, &core::Reply::new(msg))],
            ..Queued::silent(user, lang)
        }
    }
}

/// A reminder that fired: what it says (already queued in the outbox).
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    pub kind: ReminderKind,
    pub due: DateTime<Utc>,
    pub queued: Queued,
}

/// Why an input or a reminder could not be handled. Either way nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum HandleError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The core panicked on this input (a bug): caught, so that one person's input never
    /// stops the bot for everyone.
    #[error("the coach failed on this input: {0}")]
    Panicked(&'static str),
}

impl HandleError {
    /// A stored value this version cannot read: trying again will not help. (A panic
    /// is tried again, with back-off: it may depend on the time.)
    pub fn is_unreadable(&self) -> bool {
        matches!(self, HandleError::Store(error) if error.is_unreadable())
    }
}

/// The core's step function: [`core::step`], or in tests of the engine's own guards, a
/// step that misbehaves.
pub type Step = fn(Option<Person>, &Incoming, DateTime<Utc>) -> Transition;

/// The coaching engine on top of a store. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    store: Store,
    /// Wakes the delivery loop when a schedule or the outbox changes.
    wake: Arc<Notify>,
    /// When the delivery loop last went round (Unix seconds; 0: not yet): `/readyz`.
    heartbeat: Arc<AtomicI64>,
    step: Step,
    /// The measuring page can be opened (a public HTTPS address is configured): the
    /// seated and face-down questions offer it ([`core::offer_phone`]).
    phone_page: bool,
}

impl Engine {
    /// An engine on `store`. (How fast messages may go out is the transport's business.)
    pub fn new(store: Store) -> Engine {
        Engine {
            store,
            wake: Arc::new(Notify::new()),
            heartbeat: Arc::default(),
            step: core::step,
            phone_page: false,
        }
    }

    /// The same engine offering the measuring page in the self-test (`--public-url`).
    pub fn with_phone_page(self, phone_page: bool) -> Engine {
        Engine { phone_page, ..self }
    }

    /// A step through the core, with the measuring page offered where it can be opened.
    fn step(&self, stored: Option<Person>, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
        let step = self.step;
        if !self.phone_page {
            return step(stored, incoming, now);
        }
        let transition = step(stored.clone(), incoming, now);
        core::offer_phone(transition, stored.as_ref())
    }

    /// The same engine with another step function: only for testing what the engine does
    /// when the core fails (a panic must not stop the bot).
    pub fn with_step(self, step: Step) -> Engine {
        Engine { step, ..self }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn wake(&self) -> &Arc<Notify> {
        &self.wake
    }

    /// The delivery loop is alive at `now`.
    pub fn beat(&self, now: DateTime<Utc>) {
        self.heartbeat.store(now.timestamp(), Ordering::Relaxed);
    }

    /// When the delivery loop last went round; `None` before its first round.
    pub fn last_beat(&self) -> Option<DateTime<Utc>> {
        match self.heartbeat.load(Ordering::Relaxed) {
            0 => None,
            at => DateTime::from_timestamp(at, 0),
        }
    }

    /// Handles one input. Nothing is written unless everything is; on an error the
    /// person's state stays as it was and the caller tells them to try again.
    #[tracing::instrument(level = "debug", skip_all, fields(user = incoming.user))]
    pub async fn handle(
        &self,
        incoming: &Incoming,
        now: DateTime<Utc>,
    ) -> Result<Queued, HandleError> {
        self.handle_once(None, None, incoming, now).await
    }

    /// Handles one input that arrived as Telegram update `update` (a press on the
    /// message `pressed`, if a button): the same update a second time (redelivered after
    /// a crash) changes nothing and says nothing. The replies are queued in the outbox in
    /// the same transaction as the state they follow, so a kill after the commit still
    /// delivers them.
    pub async fn handle_once(
        &self,
        update: Option<i64>,
        pressed: Option<i64>,
        incoming: &Incoming,
        now: DateTime<Utc>,
    ) -> Result<Queued, HandleError> {
        let handled = self
            .handle_in_one_tx(incoming, (update, pressed), now)
            .await;
        if let Err(HandleError::Store(error)) = &handled {
            // A sign of a damaged file has it checked at once (writes stop if it is).
            self.store.after_failure(error).await;
        }
        handled
    }

    /// [`Engine::handle_once`] but for the check after a failure: the update and the
    /// message pressed come as a pair.
    async fn handle_in_one_tx(
        &self,
        incoming: &Incoming,
        (update, pressed): (Option<i64>, Option<i64>),
        now: DateTime<Utc>,
    ) -> Result<Queued, HandleError> {
        let mut tx = self.store.begin().await?;
        tx.lock_person(incoming.user).await?;
        if let Some(update) = update
            && !tx.first_time(update, now).await?
        {
            tx.commit().await?;
            tracing::info!(user = incoming.user, update, "update seen before; skipped");
            return Ok(Queued {
                duplicate: true,
                ..Queued::silent(incoming.user, incoming.lang)
            });
        }
        let stored = tx.load_person(incoming.user).await?;
        let known = stored.is_some();
        let transition = guarded(|| self.step(stored, incoming, now))?;
        let rescheduled = apply(&mut tx, incoming.user, &transition, None, now).await?;
        let mut queued = guarded(|| rendered(incoming.user, &transition))?;
        attach_export(&mut tx, &mut queued).await?;
        // Nothing is kept about a stranger, or about someone who just asked to be
        // forgotten, not even a queued message: their replies are sent straight away.
        let kept = match transition.persist {
            Persist::Save(_) => true,
            Persist::Keep => known,
            Persist::Forget => false,
        };
        if kept {
            queued.rows = queue(&mut tx, &queued, None, pressed, now).await?;
        }
        if queued.is_queued() || rescheduled {
            // Another instance may be the one that delivers (PostgreSQL): it hears of
            // this on commit.
            let replies_for = queued.is_queued().then_some(incoming.user);
            tx.hand_over(replies_for).await?;
        }
        tx.commit().await?;
        if rescheduled || queued.is_queued() {
            self.wake.notify_one();
        }
        if transition.events.contains(&Event::DataDeleted) {
            // secure_delete zeroed the rows' pages; fold the WAL in so that no copy of
            // them stays in the log file either.
            self.store.checkpoint().await?;
        }
        let events: Vec<&str> = transition.events.iter().map(Event::name).collect();
        tracing::info!(
            user = incoming.user,
            ?events,
            replies = transition.replies.len(),
            "input handled"
        );
        Ok(queued)
    }

    /// Fires one due reminder: claims it (so it fires once), lets the core speak, plans
    /// the next one, and queues the messages in the outbox, all in one transaction.
    /// `None` when the reminder was already claimed or moved.
    pub async fn fire(
        &self,
        user: i64,
        kind: ReminderKind,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Option<Fired>, HandleError> {
        let mut tx = self.store.begin().await?;
        tx.lock_person(user).await?;
        if !tx.claim_reminder(user, kind, due).await? {
            tx.commit().await?;
            return Ok(None);
        }
        let stored = tx.load_person(user).await?;
        let lang = stored.as_ref().map_or(Lang::En, |p| p.lang);
        let incoming = Incoming {
            user,
            lang,
            input: Input::Reminder { kind, due },
        };
        let transition = guarded(|| self.step(stored.clone(), &incoming, now))?;
        apply(&mut tx, user, &transition, stored.as_ref(), now).await?;
        let mut queued = guarded(|| rendered(user, &transition))?;
        queued.rows = queue(&mut tx, &queued, Some((kind, due)), None, now).await?;
        tx.commit().await?;
        tracing::debug!(
            user,
            kind = <&str>::from(kind),
            sent = queued.is_queued(),
            "reminder fired"
        );
        Ok(Some(Fired { kind, due, queued }))
    }

    /// The apology sent when handling failed for a passing reason, in the person's
    /// language.
    pub fn failure_reply(lang: Lang) -> Rendered {
        Queued::failure(0, lang, None).messages.remove(0)
    }
}

/// Runs pure core code, turning a panic into an error: the input is answered with "try
/// again" (the panic hook logs where it happened; the shell logs the failure).
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, HandleError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| HandleError::Panicked("a panic in the core; nothing was written"))
}

/// Attaches the person's data export (as this transaction sees it) to each message that
/// asks for it.
async fn attach_export(tx: &mut StoreTx, queued: &mut Queued) -> Result<(), StoreError> {
    for message in queued.messages.iter_mut().filter(|m| m.export) {
        if let Some((json, csv)) = tx.export(queued.user).await? {
            let json = serde_json::to_vec_pretty(&json).unwrap_or_default();
            message.files = vec![
                Attachment {
                    name: "hipcoach-export.json".into(),
                    bytes: json,
                },
                Attachment {
                    name: "hipcoach-measurements.csv".into(),
                    bytes: csv.into_bytes(),
                },
            ];
        }
    }
    Ok(())
}

/// Queues the pieces of every message of `queued` in this transaction, in order; the
/// first message may redraw the message `pressed`. Returns the rows' ids.
async fn queue(
    tx: &mut StoreTx,
    queued: &Queued,
    reminder: Option<(ReminderKind, DateTime<Utc>)>,
    pressed: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::new();
    for (i, message) in queued.messages.iter().enumerate() {
        for piece in message.pieces(pressed.filter(|_| i == 0)) {
            ids.push(tx.queue(queued.user, reminder, &piece, now).await?);
        }
    }
    Ok(ids)
}

/// Writes what a step decided. The person's schedule is planned again whenever they are
/// saved (a changed zone, hours or drill time takes effect at once), or, for a reminder,
/// from the unchanged person when it said nothing. Returns whether the schedule changed.
async fn apply(
    tx: &mut StoreTx,
    user: i64,
    transition: &Transition,
    unchanged: Option<&Person>,
    now: DateTime<Utc>,
) -> Result<bool, HandleError> {
    let mut plan_for: Option<&Person> = unchanged;
    match &transition.persist {
        Persist::Keep => {}
        Persist::Save(person) => {
            tx.save_person(person, now).await?;
            plan_for = Some(person);
        }
        Persist::Forget => {
            tx.forget_person(user).await?;
            plan_for = None;
        }
    }
    for write in &transition.writes {
        match write {
            Write::Assessment(assessment) => tx.insert_assessment(user, assessment).await?,
            Write::Session(session) => tx.upsert_session(user, session).await?,
            Write::Decision { verdict, at } => tx.insert_decision(user, verdict, *at).await?,
            Write::BreakAnswer { at, answer } => tx.insert_break_answer(user, *at, answer).await?,
        }
    }
    match plan_for {
        Some(person) => {
            let plan = guarded(|| schedule::next_all(person, now))?;
            tx.replan_reminders(user, &plan, now).await?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The step's replies rendered in the person's language, with its events; not queued yet.
fn rendered(user: i64, transition: &Transition) -> Queued {
    Queued {
        user,
        lang: transition.lang,
        messages: transition
            .replies
            .iter()
            .map(|r| i18n::render_reply(transition.lang, r))
            .collect(),
        events: transition.events.clone(),
        rows: Vec::new(),
        duplicate: false,
    }
}
