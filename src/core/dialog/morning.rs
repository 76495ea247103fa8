//! The morning check-in: pain the morning after a session, compared with the usual.

use crate::core::dialog::decisions::{apply, decide, resave};
use crate::core::dialog::session::{Answer, read, today};
use crate::core::event::{Event, PainWhen};
use crate::core::person::due::pending_morning;
use crate::core::person::{Dialog, Person};
use crate::core::read::answers::parse_pain;
use crate::core::rules::progression::Trigger;
use crate::core::say::buttons::SessionKey;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition, Write};
use crate::core::values::input::Input;
use chrono::{DateTime, Utc};

/// The next morning's score (or "skip").
pub fn morning_answer(
    mut person: Person,
    session: DateTime<Utc>,
    then_today: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let score = match read(input, true) {
        Ok(Answer::Pain(score)) => Some(score),
        Ok(Answer::Key(SessionKey::Skip)) => None,
        Ok(Answer::Key(_) | Answer::Other) => return Transition::expired(&person),
        Err(msg) => return Transition::retry(&person, msg),
    };
    person.dialog = Dialog::Idle;
    let t = morning(person, session, score, now);
    let held = matches!(&t.persist, Persist::Save(p) if p.hold.is_some());
    if !then_today || held {
        // A morning that stopped the program ends here: the referral stands alone.
        return t;
    }
    let Persist::Save(person) = t.persist.clone() else {
        return t;
    };
    let mut next = today(*person, now);
    let mut replies = t.replies;
    replies.append(&mut next.replies);
    next.replies = replies;
    let mut events = t.events;
    events.append(&mut next.events);
    next.events = events;
    let mut writes = t.writes;
    writes.append(&mut next.writes);
    next.writes = writes;
    next
}

/// Records the morning score for a session and decides.
pub(crate) fn morning(
    mut person: Person,
    session: DateTime<Utc>,
    score: Option<u8>,
    now: DateTime<Utc>,
) -> Transition {
    let mut t = Transition::new_keep(person.lang);
    if let Some(record) = person.sessions.iter_mut().find(|s| s.started_at == session) {
        record.pain_morning = score;
        record.morning_skipped = score.is_none();
        if let Some(score) = score {
            t.events.push(Event::PainReported {
                when: PainWhen::Morning,
                score,
            });
        }
        t.writes.push(Write::Session(record.clone()));
    }
    let thanks = match score {
        Some(_) => Msg::MorningThanks,
        None => Msg::MorningSkipped,
    };
    if let Some(verdict) = decide(&person, Trigger::Morning, now) {
        t = apply(t, &mut person, verdict, Trigger::Morning, now);
    }
    // One message: the thanks, then the decision and why.
    match t.replies.first_mut() {
        Some(first) => first.parts.insert(0, thanks),
        None => t.replies.push(Reply::new(thanks)),
    }
    resave(t, person)
}

/// A bare number while nothing is asked: the morning score, if one is owed.
pub fn idle_number(person: &Person, text: &str, now: DateTime<Utc>) -> Option<Transition> {
    let session = pending_morning(person, now)?.started_at;
    let score = parse_pain(text).ok()?;
    Some(morning(person.clone(), session, Some(score.value()), now))
}
