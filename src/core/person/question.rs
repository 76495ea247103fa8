//! The intake question a person is asked: its state (what is ticked so far), which one
//! comes next, and which one a /settings entry opens.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use crate::core::say::msg::ProfileField;
use crate::core::values::measures::Weekdays;
use crate::core::values::profile::{Activity, Equipment, PainSite, Profile, RedFlag};

/// One intake question. Multi-choice questions carry what is ticked so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "q", rename_all = "snake_case")]
pub enum Question {
    Age,
    Activities { selected: Vec<Activity> },
    Sitting,
    WorkingHours,
    Lunch,
    DrillTime,
    TrainingDays { selected: Weekdays },
    PainSites { selected: Vec<PainSite> },
    UsualPain,
    Equipment { selected: Vec<Equipment> },
    RedFlags { selected: Vec<RedFlag> },
    Language,
}

/// The next intake question, or `None` when the intake is complete.
pub fn next_question(profile: &Profile) -> Option<Question> {
    let p = profile;
    if p.age_band.is_none() {
        Some(Question::Age)
    } else if p.activities.is_none() {
        Some(Question::Activities {
            selected: Vec::new(),
        })
    } else if p.sitting_hours.is_none() {
        Some(Question::Sitting)
    } else if p.working_hours.is_none() && !p.no_fixed_hours {
        Some(Question::WorkingHours)
    } else if p.lunch.is_none() {
        Some(Question::Lunch)
    } else if p.drill_time.is_none() {
        Some(Question::DrillTime)
    } else if p.training_days.is_none() && !answered_before_training_days(p) {
        Some(Question::TrainingDays {
            selected: default_training_days(),
        })
    } else if p.pain_sites.is_none() {
        Some(Question::PainSites {
            selected: Vec::new(),
        })
    } else if p.usual_pain.is_none() {
        Some(Question::UsualPain)
    } else if p.equipment.is_none() {
        Some(Question::Equipment {
            selected: Vec::new(),
        })
    } else if p.red_flags.is_none() {
        Some(Question::RedFlags {
            selected: Vec::new(),
        })
    } else {
        None
    }
}

/// Whether everything after the training-day question is answered without it: someone who
/// finished the intake before the question was asked. They are not sent back into the
/// intake; their days stay unset (every day, `Profile::training_days`) until they change
/// them in /settings.
pub(crate) fn answered_before_training_days(p: &Profile) -> bool {
    p.pain_sites.is_some()
        && p.usual_pain.is_some()
        && p.equipment.is_some()
        && p.red_flags.is_some()
}

/// The days ticked when the question is first asked: Mon, Wed and Fri. Three days spread
/// over the week is the low end of seed 003's 3–5 sessions a week and leaves a rest day
/// between sessions (ours).
pub fn default_training_days() -> Weekdays {
    Weekdays::from_days([Weekday::Mon, Weekday::Wed, Weekday::Fri])
}

/// Fewer training days than this are asked again: the program is built on 3–5 sessions a
/// week (seed 003). More than 5 are welcome (seed 002: a few minutes daily beats a long
/// session weekly).
pub const MIN_TRAINING_DAYS: usize = 3;

/// The question for one /settings entry, starting from the current answer.
pub fn question_for(field: ProfileField, profile: &Profile) -> Option<Question> {
    Some(match field {
        ProfileField::Age => Question::Age,
        ProfileField::Activities => Question::Activities {
            selected: profile.activities.clone().unwrap_or_default(),
        },
        ProfileField::Sitting => Question::Sitting,
        ProfileField::WorkingHours => Question::WorkingHours,
        ProfileField::Lunch => Question::Lunch,
        ProfileField::DrillTime => Question::DrillTime,
        ProfileField::TrainingDays => Question::TrainingDays {
            selected: profile.training_days(),
        },
        ProfileField::PainSites => Question::PainSites {
            selected: profile.pain_sites.clone().unwrap_or_default(),
        },
        ProfileField::UsualPain => Question::UsualPain,
        ProfileField::Equipment => Question::Equipment {
            selected: profile.equipment.clone().unwrap_or_default(),
        },
        ProfileField::Language => Question::Language,
        // The safety screen asked anew: what applies now.
        ProfileField::RedFlags => Question::RedFlags {
            selected: Vec::new(),
        },
        ProfileField::Timezone | ProfileField::Assessment => return None,
    })
}
