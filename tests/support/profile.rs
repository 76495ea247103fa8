//! A profile past the intake, for tests that build a person by hand: movement breaks
//! start only once the intake (with its safety screen) is complete.
#![allow(dead_code)]

use hipcoach::core::values::measures::PainScore;
use hipcoach::core::values::profile::{Activity, AgeBand, Lunch, Profile};

/// Answers every intake question still open with a neutral answer: 20–50, desk work,
/// 8 hours sitting, no lunch, drills at 18:00, nothing hurts, no equipment, no red flags.
pub fn answer_the_rest(p: &mut Profile) {
    p.age_band = p.age_band.or(Some(AgeBand::From20To50));
    p.activities.get_or_insert_with(|| vec![Activity::DeskWork]);
    p.sitting_hours = p.sitting_hours.or(Some(8));
    p.lunch = p.lunch.or(Some(Lunch::None));
    p.drill_time = p.drill_time.or(chrono::NaiveTime::from_hms_opt(18, 0, 0));
    p.pain_sites.get_or_insert_with(Vec::new);
    p.usual_pain = p.usual_pain.or(PainScore::new(0));
    p.equipment.get_or_insert_with(Vec::new);
    p.red_flags.get_or_insert_with(Vec::new);
}
