//! Reading choices from free text: "running, golf", "left knee", "none". Each option has
//! a few word stems in English and German; a word of the answer that starts with a stem
//! picks the option.

use crate::core::values::profile::{Activity, Equipment, PainSite};

/// The answer to a "tap all that apply" question, typed instead of tapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typed<T> {
    /// These options (at least one).
    Some(Vec<T>),
    /// "None", "nowhere", "no".
    Nothing,
    /// Nothing recognisable.
    Unknown,
}

const NOTHING: &[&str] = &[
    "none",
    "nothing",
    "nowhere",
    "no",
    "nope",
    "neither",
    "keine",
    "keiner",
    "keins",
    "nichts",
    "nirgends",
    "nirgendwo",
    "nein",
    "none of these",
    "no pain",
    // The "None of these" / "Nowhere" buttons' labels typed in German.
    "nichts davon",
    "keins davon",
    "keines davon",
    "nichts von alledem",
];

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when a word starts with the stem, or the text contains the phrase (stems with a space).
fn mentions(text: &str, words: &[String], stem: &str) -> bool {
    if stem.contains(' ') {
        text.contains(stem)
    } else {
        words.iter().any(|w| w.starts_with(stem))
    }
}

/// Reads a list of options from free text.
pub fn read<T: Copy + Ord>(text: &str, stems: &[(T, &[&str])]) -> Typed<T> {
    let lower = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    if lower.chars().count() > 300 {
        return Typed::Unknown;
    }
    if NOTHING.contains(&lower.trim()) {
        return Typed::Nothing;
    }
    let ws = words(&lower);
    let mut found: Vec<T> = stems
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| mentions(&lower, &ws, s)))
        .map(|(t, _)| *t)
        .collect();
    found.sort();
    found.dedup();
    if found.is_empty() {
        Typed::Unknown
    } else {
        Typed::Some(found)
    }
}

pub const ACTIVITY_STEMS: &[(Activity, &[&str])] = &[
    (
        Activity::DeskWork,
        &[
            "desk",
            "office",
            "computer",
            "sitting",
            "büro",
            "buero",
            "schreibtisch",
        ],
    ),
    (
        Activity::Running,
        &["run", "jog", "marathon", "lauf", "jogg"],
    ),
    (
        Activity::Cycling,
        &["cycl", "bike", "biking", "bicycl", "rad", "fahrrad"],
    ),
    (
        Activity::Racket,
        &[
            "tennis",
            "squash",
            "badminton",
            "padel",
            "racket",
            "racquet",
            "pickleball",
        ],
    ),
    (Activity::Golf, &["golf"]),
    (
        Activity::TeamSports,
        &[
            "football",
            "soccer",
            "basketball",
            "hockey",
            "rugby",
            "volleyball",
            "handball",
            "team",
            "fußball",
            "fussball",
        ],
    ),
    (
        Activity::Throwing,
        &[
            "baseball", "pitch", "throw", "cricket", "javelin", "softball", "wurf", "werf",
        ],
    ),
    (
        Activity::Lifting,
        &[
            "lift", "weight", "gym", "squat", "crossfit", "strength", "kraft", "hantel",
        ],
    ),
    (
        Activity::Other,
        &[
            "other", "yoga", "swim", "hik", "danc", "climb", "walk", "andere", "schwimm", "wander",
            "tanz", "kletter",
        ],
    ),
];

pub const PAIN_SITE_STEMS: &[(PainSite, &[&str])] = &[
    (
        PainSite::KneeLeft,
        &[
            "left knee",
            "knee left",
            "linkes knie",
            "knie links",
            "both knees",
            "beide knie",
            "knees",
        ],
    ),
    (
        PainSite::KneeRight,
        &[
            "right knee",
            "knee right",
            "rechtes knie",
            "knie rechts",
            "both knees",
            "beide knie",
            "knees",
        ],
    ),
    (PainSite::Hip, &["hip", "hüft", "huft", "hueft"]),
    (PainSite::Groin, &["groin", "leiste", "leisten"]),
    (PainSite::LowerBack, &["back", "rücken", "ruecken", "kreuz"]),
];

pub const EQUIPMENT_STEMS: &[(Equipment, &[&str])] = &[
    (
        Equipment::Band,
        &["band", "theraband", "resistance", "gummi", "loop"],
    ),
    (Equipment::Wall, &["wall", "wand"]),
    (
        Equipment::Cable,
        &["cable", "cuff", "machine", "kabel", "seilzug", "manschette"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_typed_lists() {
        assert_eq!(
            read("running and golf", ACTIVITY_STEMS),
            Typed::Some(vec![Activity::Running, Activity::Golf])
        );
        assert_eq!(
            read("Büro, Fahrrad", ACTIVITY_STEMS),
            Typed::Some(vec![Activity::DeskWork, Activity::Cycling])
        );
        assert_eq!(
            read("my left knee", PAIN_SITE_STEMS),
            Typed::Some(vec![PainSite::KneeLeft])
        );
        assert_eq!(
            read("both knees", PAIN_SITE_STEMS),
            Typed::Some(vec![PainSite::KneeLeft, PainSite::KneeRight])
        );
        assert_eq!(read("nowhere", PAIN_SITE_STEMS), Typed::Nothing);
        // The German button label typed (seen refused at the equipment question).
        assert_eq!(read("Nichts davon", EQUIPMENT_STEMS), Typed::Nothing);
        assert_eq!(read("banana", EQUIPMENT_STEMS), Typed::Unknown);
        assert_eq!(read("", EQUIPMENT_STEMS), Typed::Unknown);
    }
}
