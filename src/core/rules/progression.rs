//! Advance, hold, regress, or stop and refer: one pure function over a person's history.
//!
//! The rules are a table, checked in order; the first that fires decides. Every rule has
//! an id (stored with each decision and shown in README.md) and a source; thresholds that
//! are the project's own choice are marked "ours". Sources (coaching.md):
//! - Ageberg et al. 2010 (NEMEX-TJR): pain 0–2 safe, over 2 up to 5 acceptable, over 5 high.
//! - Silbernagel et al. 2007 (pain-monitoring model): pain may reach 5, must settle by the
//!   next morning, must not rise from week to week.
//! - TREK ("mykneecap"): ideally under 2, never over 5, not worse the next morning.
//! - EMPoweR protocol 2020: progress when doing more than prescribed, one change at a time;
//!   simplify after 3 or more sessions in a row below the prescription.
//! - Seeds 000, 001, 003: do not push through pain; sharp, worsening or lasting pain needs a
//!   professional. Seed 002: first changes after 2–3 weeks. Seed 003: 3–5 sessions a week.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;
use strum::{EnumIter, IntoStaticStr};

use crate::core::rules::assessment::{
    Change, HIGH_PAIN, LEVELS, SAFE_PAIN, Side, Source, TestStep, Track,
};
use crate::core::rules::catalog::Phase;
use crate::core::rules::program::{Position, Program, SessionRecord, settled_morning};
use crate::core::values::measures::Weekdays;

/// What happens to the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Decision {
    Advance,
    Hold,
    Regress,
    Stop,
    /// A re-test found the other pattern: the other track.
    Switch,
}

/// What prompted a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The pain score after a session was just given.
    SessionEnd,
    /// The next morning's score was given (or skipped: then `pain_morning` is `None`).
    Morning,
    /// A re-test was completed: the track it points to and its starting level.
    Retest { track: Track, level: u8 },
    /// A session is about to start after a gap.
    Return,
}

/// Every rule, in the order they are checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Rule {
    #[default]
    StopRepeatedSevere,
    RegressHighPain,
    RegressWeeklyRise,
    SimplifyBelowPrescription,
    SimplifyAfterBreak,
    HoldNoMorning,
    RegressUnsettled,
    HoldAcceptablePain,
    HoldKeepGoing,
    AdvanceLevel,
    HoldTop,
    HoldPhaseTime,
    HoldNeedsRetest,
    HoldRange,
    AdvancePhase,
    RetestTrack,
    RetestLevel,
}

impl Rule {
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn decision(self) -> Decision {
        match self {
            Rule::StopRepeatedSevere => Decision::Stop,
            Rule::RegressHighPain
            | Rule::RegressUnsettled
            | Rule::RegressWeeklyRise
            | Rule::SimplifyBelowPrescription
            | Rule::SimplifyAfterBreak
            | Rule::RetestLevel => Decision::Regress,
            Rule::RetestTrack => Decision::Switch,
            Rule::AdvancePhase | Rule::AdvanceLevel => Decision::Advance,
            Rule::HoldNoMorning
            | Rule::HoldAcceptablePain
            | Rule::HoldTop
            | Rule::HoldPhaseTime
            | Rule::HoldNeedsRetest
            | Rule::HoldRange
            | Rule::HoldKeepGoing => Decision::Hold,
        }
    }

    /// When it fires, and where its thresholds come from: the table in README.md.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Rule::StopRepeatedSevere => (
                "pain over 5/10 (during or the next morning) in 2 sessions within 14 days: stop the program, see a professional",
                "safety floor (coaching.md; seeds 000, 001, 003); over 5 = high, Ageberg 2010; 2 in 14 days: ours",
            ),
            Rule::RegressHighPain => (
                "pain during the latest session over 5/10: one level easier",
                "Ageberg 2010 (over 5 high risk); TREK (never over 5)",
            ),
            Rule::RegressUnsettled => (
                "next morning's pain above the person's usual pain: one level easier",
                "Silbernagel 2007 (must have settled by the next morning); TREK (not worse the next morning)",
            ),
            Rule::RegressWeeklyRise => (
                "mean pain during sessions this week at least 1 point above last week's (2+ sessions in each): one level easier",
                "Silbernagel 2007 (no rise week to week); 1 point and 2 sessions: ours",
            ),
            Rule::SimplifyBelowPrescription => (
                "the last 3 sessions at this level all below the prescription (skipped, too hard, painful or cut short): one level easier",
                "EMPoweR protocol 2020, Table 2",
            ),
            Rule::SimplifyAfterBreak => (
                "starting a session after 3 or more of the person's training days passed without one (7 days for someone who never chose their days): one level easier",
                "ours, on seed 003 (3–5 sessions a week)",
            ),
            Rule::HoldNoMorning => (
                "no score the next morning: stay (never advance without a settled morning); a missing score never stops a rule that makes things easier",
                "safety floor (coaching.md): never advance after a morning that did not settle",
            ),
            Rule::HoldAcceptablePain => (
                "pain during the latest session over 2 up to 5: stay",
                "Ageberg 2010 (over 2–5 acceptable); advancing only from the safe zone: ours",
            ),
            Rule::HoldTop => (
                "the last level of the last phase, everything fine: stay and keep it up",
                "ours",
            ),
            Rule::HoldPhaseTime => (
                "top level of a phase reached in under 14 days: stay",
                "seed 002 (first changes after 2–3 weeks)",
            ),
            Rule::HoldNeedsRetest => (
                "top level of a phase, pain fine, no re-test in this phase: stay and ask for a re-test",
                "coaching.md (phases move on pain and range together; re-measure monthly, seed 002)",
            ),
            Rule::HoldRange => (
                "top level of a phase, but the re-test shows no real gain in range: stay",
                "a real gain is 10° or more on a side, measured the same way (minimal detectable change 10.9–16.4°, Spork et al. 2021), or both sides in the normal range (seed 002)",
            ),
            Rule::AdvancePhase => (
                "top level, 3 sessions in a row all done with pain 0–2 and a settled morning, 14+ days in the phase, and a re-test with a real gain in range: next phase, level 1",
                "EMPoweR 2020 (one change at a time); Ageberg 2010; Silbernagel 2007; seed 002; Spork et al. 2021 (10°)",
            ),
            Rule::RetestTrack => (
                "a re-test finds the other pattern (too little inward rotation, or a hip held inward): the other track, phase 1, at the re-test's level",
                "coaching.md (two problems, two tracks; the prone test tells them apart): seeds 000–002 and 003",
            ),
            Rule::RetestLevel => (
                "a re-test that would start gently (level 1: pain over 2/10, a test that hurt, a position not reached) above level 1: down to level 1",
                "the starting-level rule of the first test, ours on Ageberg 2010 (over 2 is more than safe)",
            ),
            Rule::AdvanceLevel => (
                "3 sessions in a row at this level all done with pain 0–2 and a settled morning: one level up",
                "Silbernagel 2007 (the load may rise while pain stays within limits and settles by the next morning); Ageberg 2010 (0–2 safe); EMPoweR 2020 (one change at a time: the dose); 3 sessions: ours",
            ),
            Rule::HoldKeepGoing => (
                "fewer than 3 good sessions in a row at this level: stay",
                "ours",
            ),
        }
    }
}

/// The outcome: what, by which rule, from where to where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub decision: Decision,
    pub rule: Rule,
    pub from: Position,
    pub to: Position,
}

/// A range measurement, for the phase rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub taken_at: DateTime<Utc>,
    pub left_ir: Option<u8>,
    pub right_ir: Option<u8>,
    pub left_er: Option<u8>,
    pub right_er: Option<u8>,
    /// How each number was taken (which test, estimate band or measured): only numbers
    /// taken the same way are compared (coaching.md, measurement error).
    pub left_source: Source,
    pub right_source: Source,
    pub left_er_source: Source,
    pub right_er_source: Source,
    /// The normal internal rotation for the age band then.
    pub normal: (u8, u8),
}

/// Everything a decision looks at.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    pub program: &'a Program,
    /// Completed sessions, oldest first.
    pub sessions: &'a [SessionRecord],
    /// Range measurements, oldest first.
    pub ranges: &'a [Range],
    /// The intake's everyday pain (0 if not given).
    pub usual_pain: u8,
    /// The days the person trains on; `None` when never chosen.
    pub training_days: Option<Weekdays>,
    /// The person's local date at `now`.
    pub today: NaiveDate,
    /// The person's local date when the position last changed.
    pub since_date: NaiveDate,
    pub now: DateTime<Utc>,
}

/// Sessions in a row needed to move up (ours).
pub const SESSIONS_TO_ADVANCE: usize = 3;
/// Days in a phase before it can move on (seed 002: first changes after 2–3 weeks).
pub const DAYS_IN_PHASE: i64 = 14;
/// Missed training days that make the next session a step easier: about a week at three
/// days a week (ours, on seed 003: 3–5 sessions a week).
pub const BREAK_TRAINING_DAYS: usize = 3;
/// The same for someone who never chose their training days: a calendar week, as before
/// the question was asked (ours, on seed 003).
pub const BREAK_DAYS: i64 = 7;
/// A change in range smaller than this is no change (coaching.md, measurement error:
/// minimal detectable change 10.9–16.4°, Spork et al. 2021; we take the low end).
pub const RANGE_GAIN: u8 = 10;

impl Facts<'_> {
    /// Whether the time since the last session is a break: 3 of the person's training
    /// days passed without a session, or a calendar week if they never chose their days.
    /// Counted from the last session, or from the last change of position if later (so
    /// a session started after a break and then abandoned does not step down twice).
    fn after_break(&self, last: &SessionRecord) -> bool {
        let since = self.program.since;
        match self.training_days {
            None => self.now - last.started_at.max(since) >= Duration::days(BREAK_DAYS),
            Some(days) => {
                let from = last.local_date.max(self.since_date);
                missed_training_days(days, from, self.today) >= BREAK_TRAINING_DAYS
            }
        }
    }

    /// Sessions since the position last changed.
    fn current(&self) -> Vec<&SessionRecord> {
        self.sessions
            .iter()
            .filter(|s| s.started_at >= self.program.since)
            .collect()
    }

    /// A morning is settled when it is no worse than the person's usual pain
    /// (Silbernagel 2007: back to baseline by the next morning; TREK: not worse).
    fn settled(&self, morning: Option<u8>) -> bool {
        morning.is_some_and(|m| settled_morning(m, self.usual_pain))
    }

    fn safe(&self, s: &SessionRecord) -> bool {
        s.pain_during.is_some_and(|p| p <= SAFE_PAIN) && self.settled(s.pain_morning)
    }

    fn severe_in_two_weeks(&self) -> usize {
        let from = self.now - Duration::days(14);
        self.sessions
            .iter()
            .filter(|s| s.started_at >= from)
            .filter(|s| s.worst_pain().is_some_and(|p| p > HIGH_PAIN))
            .count()
    }

    /// Mean pain during sessions in the week ending `end`, if 2 or more sessions gave one;
    /// with `current`, only sessions since the position last changed.
    fn week_mean(&self, end: DateTime<Utc>, current: bool) -> Option<f32> {
        let from = end - Duration::days(7);
        let scores: Vec<u8> = self
            .sessions
            .iter()
            .filter(|s| s.started_at > from && s.started_at <= end)
            .filter(|s| !current || s.started_at >= self.program.since)
            .filter_map(|s| s.pain_during)
            .collect();
        (scores.len() >= 2)
            .then(|| scores.iter().map(|&p| f32::from(p)).sum::<f32>() / scores.len() as f32)
    }

    /// This week's sessions at the current position against last week's: a rise that was
    /// already acted on (the position changed since) is not counted again.
    fn weekly_rise(&self) -> bool {
        match (
            self.week_mean(self.now, true),
            self.week_mean(self.now - Duration::days(7), false),
        ) {
            (Some(this), Some(last)) => this >= last + 1.0,
            _ => false,
        }
    }

    /// The last `n` current sessions, if there are that many.
    fn last_current(&self, n: usize) -> Option<Vec<&SessionRecord>> {
        let current = self.current();
        (current.len() >= n).then(|| current[current.len() - n..].to_vec())
    }

    fn ready_to_move(&self) -> bool {
        self.last_current(SESSIONS_TO_ADVANCE)
            .is_some_and(|last| last.iter().all(|s| self.safe(s) && s.all_done()))
    }

    /// The range when the phase began and the latest re-test since.
    fn phase_ranges(&self) -> (Option<&Range>, Option<&Range>) {
        let since = self.program.phase_since;
        let before = self.ranges.iter().rev().find(|r| r.taken_at <= since);
        let after = self.ranges.iter().rev().find(|r| r.taken_at > since);
        (before, after)
    }

    fn range_gained(&self, before: Option<&Range>, after: &Range) -> bool {
        let (low, _) = after.normal;
        let Some(before) = before else {
            return false;
        };
        match self.program.track {
            Track::LimitedInternalRotation => {
                let both_normal = matches!((after.left_ir, after.right_ir),
                    (Some(l), Some(r)) if l >= low && r >= low);
                // The side that was stiffer, compared with itself, measured the same way.
                let side = match (before.left_ir, before.right_ir) {
                    (Some(l), Some(r)) if r < l => Side::Right,
                    (None, Some(_)) => Side::Right,
                    _ => Side::Left,
                };
                both_normal || before.change_to(after, side) == Some(Change::Gain)
            }
            Track::InternallyRotatedHip => {
                // Outward rotation, on the side that turned out least.
                let (b, a) = match (before.left_er, before.right_er) {
                    (Some(l), Some(r)) if r < l => (
                        (before.right_er, before.right_er_source),
                        (after.right_er, after.right_er_source),
                    ),
                    (None, Some(_)) => (
                        (before.right_er, before.right_er_source),
                        (after.right_er, after.right_er_source),
                    ),
                    _ => (
                        (before.left_er, before.left_er_source),
                        (after.left_er, after.left_er_source),
                    ),
                };
                Change::between(b, a) == Some(Change::Gain)
            }
        }
    }
}

/// Decides, or `None` when the trigger gives nothing to decide (a re-test before the top
/// level, a session start without a break).
pub fn decide(trigger: Trigger, facts: &Facts) -> Option<Verdict> {
    let from = facts.program.position;
    let verdict = |rule: Rule| {
        let to = match (rule, trigger) {
            (Rule::RetestTrack, Trigger::Retest { level, .. }) => {
                Position::new(Phase::Activation, level)
            }
            (Rule::RetestLevel, Trigger::Retest { level, .. }) => Position::new(from.phase, level),
            _ => match rule.decision() {
                Decision::Regress => from.easier(),
                Decision::Advance if rule == Rule::AdvancePhase => match from.phase.next() {
                    Some(phase) => Position::new(phase, 1),
                    None => from,
                },
                Decision::Advance => Position::new(from.phase, from.level + 1),
                Decision::Hold | Decision::Stop | Decision::Switch => from,
            },
        };
        Some(Verdict {
            decision: rule.decision(),
            rule,
            from,
            to,
        })
    };
    let current = facts.current();
    let latest = current.last().copied();

    match trigger {
        Trigger::Return => {
            let last = facts.sessions.last()?;
            return facts
                .after_break(last)
                .then(|| verdict(Rule::SimplifyAfterBreak))
                .flatten();
        }
        Trigger::Retest { track, level } => {
            // A re-test counts like the first test: the pattern it finds sets the track,
            // and a gentle start (level 1: pain over 2, a test that hurt, a position not
            // reached) brings the level down to it. Level 2 or 3 from a re-test says
            // nothing about pain, so moving up stays with the session rules.
            if track != facts.program.track {
                return verdict(Rule::RetestTrack);
            }
            if level == 1 && from.level > 1 {
                return verdict(Rule::RetestLevel);
            }
            if from.level < LEVELS || !facts.ready_to_move() {
                return None;
            }
            return verdict(phase_rule(facts));
        }
        Trigger::SessionEnd | Trigger::Morning => {}
    }

    if facts.severe_in_two_weeks() >= 2 {
        return verdict(Rule::StopRepeatedSevere);
    }
    // Only sessions at the current position count from here: a session already acted on
    // (before the position changed) never moves it twice.
    let latest = latest?;
    if latest.pain_during.is_some_and(|p| p > HIGH_PAIN) {
        return verdict(Rule::RegressHighPain);
    }
    // Rules that make things easier need no morning score: a missing morning blocks
    // advancing only (EMPoweR's simplify rule must still fire for someone who never
    // sends one).
    if facts.weekly_rise() {
        return verdict(Rule::RegressWeeklyRise);
    }
    if let Some(last) = facts.last_current(SESSIONS_TO_ADVANCE)
        && last.iter().all(|s| s.below_prescription())
    {
        return verdict(Rule::SimplifyBelowPrescription);
    }
    if trigger == Trigger::SessionEnd {
        // The rest waits for the next morning.
        return None;
    }
    let Some(morning) = latest.pain_morning else {
        return verdict(Rule::HoldNoMorning);
    };
    if !facts.settled(Some(morning)) {
        return verdict(Rule::RegressUnsettled);
    }
    if !facts.safe(latest) {
        return verdict(Rule::HoldAcceptablePain);
    }
    if !facts.ready_to_move() {
        return verdict(Rule::HoldKeepGoing);
    }
    if from.level < LEVELS {
        return verdict(Rule::AdvanceLevel);
    }
    verdict(phase_rule(facts))
}

/// The training days strictly between the last session's local date and today (neither
/// counts: the last was done, and today's is still to come), up to
/// [`BREAK_TRAINING_DAYS`], which is all the rule needs.
pub fn missed_training_days(days: Weekdays, last: NaiveDate, today: NaiveDate) -> usize {
    last.iter_days()
        .skip(1)
        .take_while(|date| *date < today)
        .filter(|date| days.contains(date.weekday()))
        .take(BREAK_TRAINING_DAYS)
        .count()
}

/// At the top level of a phase with pain and adherence in order: may the phase move on?
fn phase_rule(facts: &Facts) -> Rule {
    let program = facts.program;
    if program.position.phase.next().is_none() {
        return Rule::HoldTop;
    }
    if facts.now - program.phase_since < Duration::days(DAYS_IN_PHASE) {
        return Rule::HoldPhaseTime;
    }
    match facts.phase_ranges() {
        (_, None) => Rule::HoldNeedsRetest,
        (before, Some(after)) if facts.range_gained(before, after) => Rule::AdvancePhase,
        _ => Rule::HoldRange,
    }
}

impl Range {
    /// Internal rotation on one side, and how it was taken.
    pub fn internal(&self, side: Side) -> (Option<u8>, Source) {
        match side {
            Side::Left => (self.left_ir, self.left_source),
            Side::Right => (self.right_ir, self.right_source),
        }
    }

    /// How one side's internal rotation changed from this measurement to a later one.
    pub fn change_to(&self, later: &Range, side: Side) -> Option<Change> {
        Change::between(self.internal(side), later.internal(side))
    }

    /// The measurement of an assessment.
    pub fn of(a: &crate::core::rules::assessment::Assessment) -> Range {
        Range {
            taken_at: a.taken_at,
            left_ir: a.left.internal,
            right_ir: a.right.internal,
            left_er: a.left.external,
            right_er: a.right.external,
            left_source: Source::internal(&a.answers, Side::Left),
            right_source: Source::internal(&a.answers, Side::Right),
            left_er_source: Source::of(a.answers.get(&TestStep::ProneExternalLeft), true),
            right_er_source: Source::of(a.answers.get(&TestStep::ProneExternalRight), true),
            normal: a.age_band.normal_internal_rotation(),
        }
    }
}
