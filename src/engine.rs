//! The one path every input takes, whichever front end it came from: load the person,
//! ask the core, write the result in one transaction, render the replies.

use chrono::{DateTime, Utc};

use crate::core::{self, Event, Incoming, Lang, Persist, Write};
use crate::i18n::{self, Rendered};
use crate::store::{Store, StoreError};

/// Replies and events for one person, ready for a front end to deliver.
#[derive(Clone, Debug, PartialEq)]
pub struct Outbox {
    pub user: i64,
    pub lang: Lang,
    pub messages: Vec<Rendered>,
    pub events: Vec<Event>,
}

/// The coaching engine on top of a store. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    store: Store,
}

impl Engine {
    pub fn new(store: Store) -> Engine {
        Engine { store }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Handles one input. Nothing is written unless everything is; on an error the
    /// person's state stays as it was and the caller tells them to try again.
    #[tracing::instrument(level = "debug", skip_all, fields(user = incoming.user))]
    pub async fn handle(
        &self,
        incoming: &Incoming,
        now: DateTime<Utc>,
    ) -> Result<Outbox, StoreError> {
        let mut tx = self.store.begin().await?;
        let stored = tx.load_person(incoming.user).await?;
        let transition = core::step(stored, incoming, now);
        match &transition.persist {
            Persist::Keep => {}
            Persist::Save(person) => tx.save_person(person, now).await?,
            Persist::Forget => tx.forget_person(incoming.user).await?,
        }
        for write in &transition.writes {
            match write {
                Write::Assessment(assessment) => {
                    tx.insert_assessment(incoming.user, assessment).await?
                }
                Write::Session(session) => tx.upsert_session(incoming.user, session).await?,
                Write::Decision { verdict, at } => {
                    tx.insert_decision(incoming.user, verdict, *at).await?
                }
            }
        }
        tx.commit().await?;
        let events: Vec<&str> = transition.events.iter().map(Event::name).collect();
        tracing::info!(
            user = incoming.user,
            ?events,
            replies = transition.replies.len(),
            "input handled"
        );
        Ok(Outbox {
            user: incoming.user,
            lang: transition.lang,
            messages: transition
                .replies
                .iter()
                .map(|r| i18n::render_reply(transition.lang, r))
                .collect(),
            events: transition.events,
        })
    }

    /// The apology sent when handling failed, in the person's language.
    pub fn failure_reply(lang: Lang) -> Rendered {
        i18n::render_reply(lang, &core::Reply::new(core::Msg::TryAgainLater))
    }
}
