//! A person and everything an input writes about them: loaded and saved inside the
//! input's one transaction.

use crate::core::person::recent::{BreakAnswer, Decided, RECENT_BREAKS, RECENT_DECISIONS, Recent};
use crate::core::rules::progression::Rule;
use chrono::{DateTime, NaiveTime, Utc};
use sqlx::Row;
use strum::IntoEnumIterator;

use super::rows::{read_hold, read_profile, read_program, read_session, read_settings};
use super::{DbRow, Pool, Tx};
use crate::core::rules::assessment::{Assessment, Source};
use crate::core::rules::program::SessionRecord;
use crate::core::rules::progression::{Range, Verdict};
use crate::core::values::profile::{self, AgeBand, Lunch};
use crate::core::{Dialog, History, Lang, Person, Zone};
use crate::store::StoreError;

/// How many recent sessions a person is loaded with: enough for every rule (two weeks and
/// more), the rotation and /history.
const RECENT_SESSIONS: i64 = 60;

impl Pool {
    /// See [`Store::deactivate`](crate::store::Store::deactivate).
    pub async fn deactivate(&self, user_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let statement =
            sqlx::query("UPDATE people SET active = FALSE WHERE user_id = $1").bind(user_id);
        tx.run(statement).await?;
        for table in ["reminders", "outbox"] {
            let delete = format!("DELETE FROM {table} WHERE user_id = $1");
            tx.run(sqlx::query(&delete).bind(user_id)).await?;
        }
        tx.commit().await
    }

    /// See [`Store::break_message`](crate::store::Store::break_message).
    pub async fn break_message(&self, user_id: i64) -> Result<Option<i64>, StoreError> {
        let id: Option<Option<i64>> =
            sqlx::query_scalar("SELECT break_message FROM people WHERE user_id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.flatten())
    }

    /// Keeps (or forgets) the message id of the person's latest movement break.
    pub async fn set_break_message(
        &self,
        user_id: i64,
        message_id: Option<i64>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let statement = sqlx::query("UPDATE people SET break_message = $1 WHERE user_id = $2")
            .bind(message_id)
            .bind(user_id);
        tx.run(statement).await?;
        tx.commit().await
    }
}

impl Tx {
    /// Loads a person; `None` if we keep nothing about them. A dialog that this version
    /// cannot read comes back as [`Dialog::Lost`] instead of an error, so the person is
    /// never locked out; so does any single profile value this version cannot read.
    pub async fn load_person(&mut self, user_id: i64) -> Result<Option<Person>, StoreError> {
        let row = sqlx::query("SELECT * FROM people WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&mut *self.tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let lang: String = row.try_get("lang")?;
        let consented_at: DateTime<Utc> = row.try_get("consented_at")?;
        let zone: Option<String> = row.try_get("zone")?;
        let dialog: String = row.try_get("dialog")?;
        let dialog = serde_json::from_str(&dialog).unwrap_or_else(|error| {
            tracing::warn!(user_id, %error, "stored dialog unreadable; resetting it");
            Dialog::Lost
        });
        let profile = read_profile(&row)?;
        let program = read_program(&row)?;
        let settings = read_settings(&row)?;
        let hold = read_hold(&row)?;
        let asked: i64 = row.try_get("asked")?;
        let history = self.load_history(user_id).await?;
        let sessions = self.load_sessions(user_id).await?;
        let recent = self.load_recent(user_id).await?;
        Ok(Some(Person {
            id: user_id,
            lang: Lang::from_code(Some(&lang)),
            consented_at,
            zone: zone.as_deref().and_then(Zone::from_name),
            profile,
            dialog,
            history,
            program,
            sessions,
            settings,
            recent,
            hold,
            asked: u32::try_from(asked).unwrap_or(0),
        }))
    }

    /// The first and the latest assessment that measured something.
    async fn load_history(&mut self, user_id: i64) -> Result<History, StoreError> {
        let query = |order: &str| {
            format!(
                "SELECT result FROM assessments WHERE user_id = $1 \
                 AND (left_ir IS NOT NULL OR right_ir IS NOT NULL OR track IS NOT NULL \
                      OR level IS NOT NULL) \
                 ORDER BY taken_at {order}, id {order} LIMIT 1"
            )
        };
        let mut pick = async |order: &str| -> Result<Option<Assessment>, StoreError> {
            let row = sqlx::query(&query(order))
                .bind(user_id)
                .fetch_optional(&mut *self.tx)
                .await?;
            Ok(row
                .and_then(|r| r.try_get::<String, _>("result").ok())
                .and_then(|json| serde_json::from_str(&json).ok()))
        };
        let first = pick("ASC").await?;
        let last = pick("DESC").await?;
        let rows = sqlx::query(
            "SELECT taken_at, age_band, left_ir, right_ir, left_er, right_er, result
             FROM assessments
             WHERE user_id = $1 AND (left_ir IS NOT NULL OR right_ir IS NOT NULL)
             ORDER BY taken_at, id",
        )
        .bind(user_id)
        .fetch_all(&mut *self.tx)
        .await?;
        let mut ranges = Vec::with_capacity(rows.len());
        for row in rows {
            // The whole result says how each number was taken; the columns are the
            // fallback for a result this version cannot read.
            let result: Option<String> = row.try_get("result")?;
            if let Some(a) = result
                .as_deref()
                .and_then(|json| serde_json::from_str::<Assessment>(json).ok())
            {
                ranges.push(Range::of(&a));
                continue;
            }
            let degrees = |column: &str| -> Result<Option<u8>, StoreError> {
                let n: Option<i64> = row.try_get(column)?;
                Ok(n.and_then(|n| u8::try_from(n).ok()))
            };
            let band: String = row.try_get("age_band")?;
            ranges.push(Range {
                taken_at: row.try_get("taken_at")?,
                left_ir: degrees("left_ir")?,
                right_ir: degrees("right_ir")?,
                left_er: degrees("left_er")?,
                right_er: degrees("right_er")?,
                left_source: Source::default(),
                right_source: Source::default(),
                left_er_source: Source::default(),
                right_er_source: Source::default(),
                normal: band
                    .parse::<AgeBand>()
                    .unwrap_or(AgeBand::From20To50)
                    .normal_internal_rotation(),
            });
        }
        Ok(History {
            first,
            last,
            ranges,
        })
    }

    /// The latest sessions, oldest first. A row this version cannot read is left out.
    async fn load_sessions(&mut self, user_id: i64) -> Result<Vec<SessionRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM (SELECT * FROM sessions WHERE user_id = $1
                ORDER BY started_at DESC LIMIT $2) AS latest ORDER BY started_at",
        )
        .bind(user_id)
        .bind(RECENT_SESSIONS)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows.iter().filter_map(read_session).collect())
    }

    /// The latest break answers and decisions, oldest first, for the week in review. A
    /// decision whose rule or step this version cannot read is left out.
    async fn load_recent(&mut self, user_id: i64) -> Result<Recent, StoreError> {
        let breaks = sqlx::query(
            "SELECT at, answer FROM (SELECT at, answer, id FROM break_answers WHERE user_id = $1
                ORDER BY at DESC, id DESC LIMIT $2) AS latest ORDER BY at, id",
        )
        .bind(user_id)
        .bind(RECENT_BREAKS)
        .fetch_all(&mut *self.tx)
        .await?;
        let decisions = sqlx::query(
            "SELECT decided_at, rule, to_step FROM (SELECT decided_at, rule, to_step, id
                FROM decisions WHERE user_id = $1 ORDER BY decided_at DESC, id DESC LIMIT $2)
                AS latest ORDER BY decided_at, id",
        )
        .bind(user_id)
        .bind(RECENT_DECISIONS)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(Recent {
            breaks: breaks
                .iter()
                .filter_map(|row| {
                    Some(BreakAnswer {
                        at: row.try_get("at").ok()?,
                        answer: row.try_get("answer").ok()?,
                    })
                })
                .collect(),
            decisions: decisions.iter().filter_map(read_decision).collect(),
        })
    }

    /// Inserts a session, or updates it (a pain score added) if it is already kept.
    pub async fn upsert_session(
        &mut self,
        user_id: i64,
        s: &SessionRecord,
    ) -> Result<(), StoreError> {
        let statement = sqlx::query(
            "INSERT INTO sessions (user_id, started_at, local_date, track, phase, level, plan,
                outcomes, stopped_early, completed_at, pain_during, pain_morning, morning_skipped)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (user_id, started_at) DO UPDATE SET
                outcomes = excluded.outcomes, stopped_early = excluded.stopped_early,
                completed_at = excluded.completed_at, pain_during = excluded.pain_during,
                pain_morning = excluded.pain_morning, morning_skipped = excluded.morning_skipped",
        )
        .bind(user_id)
        .bind(s.started_at)
        .bind(s.local_date.format("%Y-%m-%d").to_string())
        .bind(<&str>::from(s.track))
        .bind(i64::from(s.position.phase.number()))
        .bind(i64::from(s.position.level))
        .bind(json(&s.plan, "[]"))
        .bind(json(&s.outcomes, "[]"))
        .bind(s.stopped_early)
        .bind(s.completed_at)
        .bind(s.pain_during.map(i64::from))
        .bind(s.pain_morning.map(i64::from))
        .bind(s.morning_skipped);
        self.run(statement).await?;
        Ok(())
    }

    /// Records a Telegram update as handled; false if it was handled before.
    pub async fn first_time(
        &mut self,
        update: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let sql =
            "INSERT INTO handled_updates (update_id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING";
        let inserted = self
            .run(sqlx::query(sql).bind(update).bind(now.timestamp()))
            .await?;
        Ok(inserted == 1)
    }

    /// Records an answer to a movement break.
    pub async fn insert_break_answer(
        &mut self,
        user_id: i64,
        at: DateTime<Utc>,
        answer: &str,
    ) -> Result<(), StoreError> {
        let statement =
            sqlx::query("INSERT INTO break_answers (user_id, at, answer) VALUES ($1, $2, $3)")
                .bind(user_id)
                .bind(at)
                .bind(answer);
        self.run(statement).await?;
        Ok(())
    }

    /// Records a progression decision.
    pub async fn insert_decision(
        &mut self,
        user_id: i64,
        verdict: &Verdict,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let statement = sqlx::query(
            "INSERT INTO decisions (user_id, decided_at, decision, rule, from_step, to_step)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user_id)
        .bind(at)
        .bind(<&str>::from(verdict.decision))
        .bind(verdict.rule.id())
        .bind(verdict.from.code())
        .bind(verdict.to.code());
        self.run(statement).await?;
        Ok(())
    }

    /// Inserts or replaces a person and their profile.
    pub async fn save_person(
        &mut self,
        person: &Person,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let dialog = match person.dialog {
            Dialog::Lost => serde_json::to_string(&Dialog::Idle),
            ref dialog => serde_json::to_string(dialog),
        }
        .unwrap_or_else(|_| r#"{"step":"idle"}"#.to_string());
        let p = &person.profile;
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        let lunch = p.lunch.map(|l| match l {
            Lunch::None => "none".to_string(),
            Lunch::Break { start, end } => format!("{}-{}", hhmm(start), hhmm(end)),
        });
        let statement = sqlx::query(
            "INSERT INTO people (user_id, lang, consented_at, zone, dialog, created_at, updated_at,
                age, age_band, activities, sitting_hours, work_days, work_start, work_end, lunch,
                drill_time, pain_sites, usual_pain, equipment, red_flags, cleared_at,
                program_track, program_phase, program_level, program_started_at, program_since,
                phase_since, hold_cause, break_minutes, paused_until, quiet_from, quiet_to,
                morning_time, active, snoozed_until, breaks_after, last_break, break_answered,
                hold_since, hold_flags, hold_minor)
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40)
             ON CONFLICT (user_id) DO UPDATE SET
                lang = excluded.lang, consented_at = excluded.consented_at,
                zone = excluded.zone, dialog = excluded.dialog, updated_at = excluded.updated_at,
                age = excluded.age, age_band = excluded.age_band, activities = excluded.activities,
                sitting_hours = excluded.sitting_hours, work_days = excluded.work_days,
                work_start = excluded.work_start, work_end = excluded.work_end, lunch = excluded.lunch,
                drill_time = excluded.drill_time, pain_sites = excluded.pain_sites,
                usual_pain = excluded.usual_pain, equipment = excluded.equipment,
                red_flags = excluded.red_flags, cleared_at = excluded.cleared_at,
                program_track = excluded.program_track, program_phase = excluded.program_phase,
                program_level = excluded.program_level,
                program_started_at = excluded.program_started_at,
                program_since = excluded.program_since, phase_since = excluded.phase_since,
                hold_cause = excluded.hold_cause, hold_since = excluded.hold_since,
                hold_flags = excluded.hold_flags, hold_minor = excluded.hold_minor,
                break_minutes = excluded.break_minutes, paused_until = excluded.paused_until,
                quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                morning_time = excluded.morning_time, active = excluded.active,
                snoozed_until = excluded.snoozed_until, breaks_after = excluded.breaks_after,
                last_break = excluded.last_break, break_answered = excluded.break_answered",
        )
        .bind(person.id)
        .bind(person.lang.code())
        .bind(person.consented_at)
        .bind(person.zone.map(|z| z.name()))
        .bind(dialog)
        .bind(now)
        .bind(p.age.map(i64::from))
        .bind(p.age_band.map(<&str>::from))
        .bind(p.activities.as_deref().map(profile::codes))
        .bind(p.sitting_hours.map(i64::from))
        .bind(p.working_hours.map(|w| i64::from(w.days.bits())))
        .bind(p.working_hours.map(|w| hhmm(w.start)))
        .bind(p.working_hours.map(|w| hhmm(w.end)))
        .bind(lunch)
        .bind(p.drill_time.map(hhmm))
        .bind(p.pain_sites.as_deref().map(profile::codes))
        .bind(p.usual_pain.map(|s| i64::from(s.value())))
        .bind(p.equipment.as_deref().map(profile::codes))
        .bind(p.red_flags.as_deref().map(profile::codes))
        .bind(p.cleared_at)
        .bind(person.program.as_ref().map(|g| <&str>::from(g.track)))
        .bind(person.program.as_ref().map(|g| i64::from(g.position.phase.number())))
        .bind(person.program.as_ref().map(|g| i64::from(g.position.level)))
        .bind(person.program.as_ref().map(|g| g.started_at))
        .bind(person.program.as_ref().map(|g| g.since))
        .bind(person.program.as_ref().map(|g| g.phase_since))
        .bind(person.hold.as_ref().map(|h| <&str>::from(h.cause)))
        .bind(i64::from(person.settings.break_minutes))
        .bind(person.settings.paused_until)
        .bind(person.settings.quiet.map(|q| hhmm(q.0)))
        .bind(person.settings.quiet.map(|q| hhmm(q.1)))
        .bind(person.settings.morning_time.map(hhmm))
        .bind(person.settings.active)
        .bind(person.settings.snoozed_until)
        .bind(person.settings.breaks_after)
        .bind(person.settings.last_break)
        .bind(person.settings.break_answered)
        .bind(person.hold.as_ref().map(|h| h.since))
        .bind(person.hold.as_ref().map(|h| profile::codes(&h.flags)))
        .bind(person.hold.as_ref().is_some_and(|h| h.minor));
        self.run(statement).await?;
        let statement = sqlx::query("UPDATE people SET weekly_review = $1 WHERE user_id = $2")
            .bind(person.settings.weekly_review)
            .bind(person.id);
        self.run(statement).await?;
        // In a statement of their own: the training days (NULL: never chosen), and the
        // question counter the buttons are stamped with.
        let statement =
            sqlx::query("UPDATE people SET training_days = $1, asked = $2 WHERE user_id = $3")
                .bind(p.training_days.map(|d| i64::from(d.bits())))
                .bind(i64::from(person.asked))
                .bind(person.id);
        self.run(statement).await?;
        // The reminder rhythm (migration 0010).
        let vacation = person.settings.vacation;
        let statement = sqlx::query(
            "UPDATE people SET work_none = $1, breaks_off = $2, ignored_days = $3, break_day = $4,
                    break_day_answered = $5, less_often_at = $6, less_often_open = $7,
                    vacation_from = $8, vacation_to = $9
                 WHERE user_id = $10",
        )
        .bind(p.no_fixed_hours)
        .bind(person.settings.breaks_off)
        .bind(i64::from(person.settings.ignored_days))
        .bind(
            person
                .settings
                .break_day
                .map(|d| d.format("%Y-%m-%d").to_string()),
        )
        .bind(person.settings.break_day_answered)
        .bind(person.settings.less_often_at)
        .bind(person.settings.less_often_open)
        .bind(vacation.map(|v| v.0.format("%Y-%m-%d").to_string()))
        .bind(vacation.map(|v| v.1.format("%Y-%m-%d").to_string()))
        .bind(person.id);
        self.run(statement).await?;
        Ok(())
    }

    /// Records one assessment: every raw answer and the derived values.
    pub async fn insert_assessment(
        &mut self,
        user_id: i64,
        a: &Assessment,
    ) -> Result<(), StoreError> {
        let statement = sqlx::query(
            "INSERT INTO assessments (user_id, taken_at, retest, age_band, answers, left_ir, right_ir,
                left_er, right_er, asymmetry, track, level, test_pain, red_flags, result)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(user_id)
        .bind(a.taken_at)
        .bind(a.retest)
        .bind(<&str>::from(a.age_band))
        .bind(json(&a.answers, "{}"))
        .bind(a.left.internal.map(i64::from))
        .bind(a.right.internal.map(i64::from))
        .bind(a.left.external.map(i64::from))
        .bind(a.right.external.map(i64::from))
        .bind(a.asymmetry.map(i64::from))
        .bind(a.track.map(<&str>::from))
        .bind(a.level.map(i64::from))
        .bind(a.test_pain.map(i64::from))
        .bind(profile::codes(&a.red_flags))
        .bind(json(a, "{}"));
        self.run(statement).await?;
        Ok(())
    }

    /// Overwrites a person's stored dialog with raw text (for tests of old or damaged rows).
    #[doc(hidden)]
    pub async fn set_raw_dialog(&mut self, user_id: i64, raw: &str) -> Result<(), StoreError> {
        let statement = sqlx::query("UPDATE people SET dialog = $1 WHERE user_id = $2")
            .bind(raw)
            .bind(user_id);
        self.run(statement).await?;
        Ok(())
    }
}

/// `value` as JSON text; `empty` if it cannot be written (these values always can).
fn json(value: &impl serde::Serialize, empty: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| empty.into())
}

/// A decision row, or `None` if this version cannot read it.
fn read_decision(row: &DbRow) -> Option<Decided> {
    let rule: String = row.try_get("rule").ok()?;
    let rule = Rule::iter().find(|r| r.id() == rule)?;
    let step: String = row.try_get("to_step").ok()?;
    let (phase, level) = step.split_once('.')?;
    Some(Decided {
        at: row.try_get("decided_at").ok()?,
        rule,
        phase: phase.parse().ok()?,
        level: level.parse().ok()?,
    })
}
