//! The one path every input takes, whichever front end it came from: load the person,
//! ask the core, write the result in one transaction, render the replies. Reminders take
//! the same path: a due reminder is one more input.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::core::schedule::{self, ReminderKind};
use crate::core::{self, Event, Incoming, Input, Lang, Persist, Person, Transition, Write};
use crate::delivery::Limiter;
use crate::i18n::{self, Attachment, Rendered};
use crate::store::{Store, StoreError, StoreTx};

/// Replies and events for one person, ready for a front end to deliver.
#[derive(Clone, Debug, PartialEq)]
pub struct Outbox {
    pub user: i64,
    pub lang: Lang,
    pub messages: Vec<Rendered>,
    pub events: Vec<Event>,
}

/// A reminder that fired: what it says (already queued in the outbox, by id).
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    pub kind: ReminderKind,
    pub due: DateTime<Utc>,
    pub outbox: Outbox,
    pub queued: Vec<i64>,
}

/// The coaching engine on top of a store. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    store: Store,
    /// Every message to Telegram, replies and reminders alike, goes through this.
    limiter: Arc<Limiter>,
    /// Wakes the delivery loop when a schedule changes.
    wake: Arc<Notify>,
}

impl Engine {
    /// An engine that sends within Telegram's limits.
    pub fn new(store: Store) -> Engine {
        Engine::with_limiter(store, Limiter::telegram())
    }

    /// An engine with other limits (tests of the handlers use an unlimited one).
    pub fn with_limiter(store: Store, limiter: Limiter) -> Engine {
        Engine {
            store,
            limiter: Arc::new(limiter),
            wake: Arc::new(Notify::new()),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn limiter(&self) -> &Arc<Limiter> {
        &self.limiter
    }

    pub fn wake(&self) -> &Arc<Notify> {
        &self.wake
    }

    /// Handles one input. Nothing is written unless everything is; on an error the
    /// person's state stays as it was and the caller tells them to try again.
    #[tracing::instrument(level = "debug", skip_all, fields(user = incoming.user))]
    pub async fn handle(
        &self,
        incoming: &Incoming,
        now: DateTime<Utc>,
    ) -> Result<Outbox, StoreError> {
        self.handle_once(None, incoming, now).await
    }

    /// Handles one input that arrived as Telegram update `update`: the same update a
    /// second time (redelivered after a crash) changes nothing and says nothing.
    pub async fn handle_once(
        &self,
        update: Option<i64>,
        incoming: &Incoming,
        now: DateTime<Utc>,
    ) -> Result<Outbox, StoreError> {
        let mut tx = self.store.begin().await?;
        if let Some(update) = update
            && !tx.first_time(update, now).await?
        {
            tx.commit().await?;
            tracing::info!(user = incoming.user, update, "update seen before; skipped");
            return Ok(Outbox {
                user: incoming.user,
                lang: incoming.lang,
                messages: Vec::new(),
                events: Vec::new(),
            });
        }
        let stored = tx.load_person(incoming.user).await?;
        let transition = core::step(stored, incoming, now);
        let rescheduled = apply(&mut tx, incoming.user, &transition, None, now).await?;
        tx.commit().await?;
        if rescheduled {
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
        let mut outbox = outbox(incoming.user, &transition);
        for message in outbox.messages.iter_mut().filter(|m| m.export) {
            if let Some((json, csv)) = self.store.export(incoming.user).await? {
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
        Ok(outbox)
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
    ) -> Result<Option<Fired>, StoreError> {
        let mut tx = self.store.begin().await?;
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
        let transition = core::step(stored.clone(), &incoming, now);
        apply(&mut tx, user, &transition, stored.as_ref(), now).await?;
        let outbox = outbox(user, &transition);
        let mut queued = Vec::new();
        for message in &outbox.messages {
            queued.push(tx.push_outbox(user, kind, due, message, now).await?);
        }
        tx.commit().await?;
        tracing::debug!(
            user,
            kind = <&str>::from(kind),
            sent = !queued.is_empty(),
            "reminder fired"
        );
        Ok(Some(Fired {
            kind,
            due,
            outbox,
            queued,
        }))
    }

    /// The apology sent when handling failed, in the person's language.
    pub fn failure_reply(lang: Lang) -> Rendered {
        i18n::render_reply(lang, &core::Reply::new(core::Msg::TryAgainLater))
    }
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
) -> Result<bool, StoreError> {
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
            tx.replan_reminders(user, &schedule::next_all(person, now), now)
                .await?;
            Ok(true)
        }
        None => Ok(false),
    }
}

fn outbox(user: i64, transition: &Transition) -> Outbox {
    Outbox {
        user,
        lang: transition.lang,
        messages: transition
            .replies
            .iter()
            .map(|r| i18n::render_reply(transition.lang, r))
            .collect(),
        events: transition.events.clone(),
    }
}
