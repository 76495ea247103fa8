//! Tests of `core::read::symptoms`.

use super::*;
use RedFlag::*;
use proptest::prelude::*;
use strum::IntoEnumIterator;

const LOCKING: RedFlag = LockingOrGivingWay;
const INJURY: RedFlag = InjuryOrSurgery;

/// What people type, and the red flags it names. English and German, signs and
/// denials, and words that only look like a sign.
const TABLE: &[(&str, &[RedFlag])] = &[
    // English: each sign, in the words people use.
    (
        "my knee is swollen and locked up this morning",
        &[Swelling, LOCKING],
    ),
    ("It SWELLS after a run", &[Swelling]),
    ("it gives way on the stairs", &[LOCKING]),
    ("my knee gave way yesterday", &[LOCKING]),
    ("it keeps giving out", &[LOCKING]),
    ("the knee buckles sometimes", &[LOCKING]),
    ("my foot is numb", &[Numbness]),
    ("pins and needles in my shin", &[Numbness]),
    ("tingling down the leg", &[Numbness]),
    ("my leg falls asleep when I sit", &[Numbness]),
    ("the pain wakes me at night", &[NightPain]),
    ("it wakes me at night", &[NightPain]),
    ("it hurts at night", &[NightPain]),
    ("I can't sleep because of the pain", &[NightPain]),
    ("sharp pain when I squat", &[SharpPain]),
    ("a stabbing feeling inside the knee", &[SharpPain]),
    ("the pain is getting worse", &[SharpPain]),
    ("it's getting worse, not better", &[SharpPain]),
    ("I fell on the ice last week", &[INJURY]),
    ("I twisted my knee playing football", &[INJURY]),
    ("had surgery in March", &[INJURY]),
    ("torn meniscus last year", &[INJURY]),
    // German.
    ("mein Knie ist geschwollen", &[Swelling]),
    ("Knieschwellung seit gestern", &[Swelling]),
    ("das Knie blockiert", &[LOCKING]),
    ("es knickt weg", &[LOCKING]),
    ("das Knie knickt manchmal weg", &[LOCKING]),
    ("der Fuß ist taub", &[Numbness]),
    ("es kribbelt im Bein", &[Numbness]),
    ("nachts Schmerzen", &[NightPain]),
    ("Ich kann vor Schmerzen nicht schlafen", &[NightPain]),
    ("stechender Schmerz beim Treppensteigen", &[SharpPain]),
    ("es wird immer schlimmer", &[SharpPain]),
    ("ich wurde am Knie operiert", &[INJURY]),
    ("eine Verletzung beim Fußball", &[INJURY]),
    ("Kreuzbandriss vor zwei Monaten", &[INJURY]),
    ("Nachtschmerzen und Kribbeln", &[Numbness, NightPain]),
    // Several at once, in any order, named twice: sorted, no repeats.
    ("numb and swollen, swollen and numb", &[Swelling, Numbness]),
    // A denial ends at the next comma, "but" or "aber".
    ("no swelling but it locks", &[LOCKING]),
    ("no swelling, it locks", &[LOCKING]),
    ("keine Schwellung, aber es blockiert", &[LOCKING]),
    ("no numbness and it swells", &[Swelling]),
    // Not knowing is not a denial.
    ("I don't know if it's swollen", &[Swelling]),
    ("not sure, maybe swelling", &[Swelling]),
    // Denials.
    ("no numbness, no night pain", &[]),
    ("no swelling", &[]),
    ("not swollen", &[]),
    ("without swelling", &[]),
    ("it never locks", &[]),
    ("nothing like that", &[]),
    ("neither swelling nor numbness", &[]),
    ("the pain is not getting worse", &[]),
    ("swelling is not an issue", &[]),
    ("I haven't had surgery", &[]),
    ("keine Schwellung", &[]),
    ("nicht geschwollen", &[]),
    ("kein Taubheitsgefühl", &[]),
    ("ohne Schwellung", &[]),
    ("das Knie blockiert nicht", &[]),
    ("es knickt nicht weg", &[]),
    ("Schwellungen habe ich keine", &[]),
    ("nachts keine Schmerzen", &[]),
    ("keine Verletzung und keine Operation", &[]),
    // Words that only look like a sign.
    ("I'm good with numbers", &[]),
    ("my number is 5", &[]),
    ("lockdown made me sit more", &[]),
    ("I left my bag in the locker", &[]),
    ("bloc party", &[]),
    ("good night", &[]),
    ("I train at night", &[]),
    ("Gute Nacht", &[]),
    ("Nachts trainiere ich am liebsten", &[]),
    ("I fell asleep on the sofa", &[]),
    ("I started running in the fall", &[]),
    ("das hat mir gefallen", &[]),
    ("knee pain when sitting", &[]),
    ("Schmerzschwelle", &[]),
    ("", &[]),
    ("none", &[]),
];

#[test]
fn the_table() {
    let mut wrong = Vec::new();
    for (text, expected) in TABLE {
        let got = detect(text);
        if got != *expected {
            wrong.push(format!("{text:?}: got {got:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert!(TABLE.len() >= 40);
}

#[test]
fn every_button_label_names_its_own_sign() {
    use crate::core::{Lang, Msg};
    for lang in [Lang::En, Lang::De] {
        for flag in RedFlag::iter().filter(|f| *f != PainDuringTests) {
            let label = crate::i18n::render(lang, &Msg::RedFlag(flag));
            assert_eq!(detect(&label), [flag], "{lang:?}: {label}");
            let denied = read(&format!("{} {label}", denial(lang)));
            assert_eq!(denied.present, [], "{lang:?}: {label}");
            assert_eq!(denied.denied, [flag], "{lang:?}: {label}");
        }
    }
}

fn denial(lang: crate::core::Lang) -> &'static str {
    match lang {
        crate::core::Lang::En => "no",
        crate::core::Lang::De => "nicht",
    }
}

#[test]
fn none_answers() {
    for text in [
        "none",
        "None of these.",
        "no",
        "No!",
        "nope",
        "nothing",
        "nothing like that",
        "none of them apply",
        "no thanks",
        "nein",
        "Keine",
        "nichts davon",
        "Nichts davon trifft zu",
        "nö",
    ] {
        assert!(is_none_answer(text), "{text}");
    }
    for text in [
        "",
        "yes",
        "no swelling",
        "number",
        "none of these, but it locks",
        "knee",
        "no no no swollen",
    ] {
        assert!(!is_none_answer(text), "{text}");
    }
}

const NEGATORS: &[&str] = &[
    "no",
    "not",
    "never",
    "without",
    "no sign of",
    "not really any",
    "kein",
    "keine",
    "nicht",
    "ohne",
    "nie",
    "keinerlei",
];

/// One phrase for each way of naming a sign in the table above, and the sign.
const PHRASES: &[(&str, RedFlag)] = &[
    ("sharp pain", SharpPain),
    ("stabbing pain", SharpPain),
    ("worsening pain", SharpPain),
    ("getting worse", SharpPain),
    ("stechende Schmerzen", SharpPain),
    ("schlimmer", SharpPain),
    ("swelling", Swelling),
    ("swollen", Swelling),
    ("Schwellung", Swelling),
    ("geschwollen", Swelling),
    ("locking", LOCKING),
    ("giving way", LOCKING),
    ("gives out", LOCKING),
    ("blockiert", LOCKING),
    ("knickt weg", LOCKING),
    ("numbness", Numbness),
    ("tingling", Numbness),
    ("pins and needles", Numbness),
    ("Taubheitsgefühl", Numbness),
    ("taub", Numbness),
    ("Kribbeln", Numbness),
    ("night pain", NightPain),
    ("pain at night", NightPain),
    ("Nachtschmerzen", NightPain),
    ("nachts Schmerzen", NightPain),
    ("injury", INJURY),
    ("surgery", INJURY),
    ("Verletzung", INJURY),
    ("Operation", INJURY),
    ("operiert", INJURY),
];

#[test]
fn every_phrase_alone_names_its_sign() {
    for (phrase, flag) in PHRASES {
        assert_eq!(detect(phrase), [*flag], "{phrase}");
    }
}

fn without_letters() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| s.chars().filter(|c| !c.is_alphabetic()).collect())
}

fn denials() -> impl Strategy<Value = String> {
    let one = (
        prop::sample::select(NEGATORS),
        prop::sample::select(PHRASES),
        prop::sample::select(&["", " at all", " today", " im Moment", "!"][..]),
    )
        .prop_map(|(neg, (phrase, _), tail)| format!("{neg} {phrase}{tail}"));
    (
        prop::sample::select(&["", "my knee has ", "mein Knie hat ", "I have "][..]),
        prop::collection::vec(one, 1..4),
        prop::sample::select(&[", ", " and ", ". ", "; ", " und "][..]),
        any::<bool>(),
    )
        .prop_map(|(start, parts, glue, shout)| {
            let text = format!("{start}{}", parts.join(glue));
            if shout { text.to_uppercase() } else { text }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_without_panicking(text in any::<String>()) {
        let found = detect(&text);
        prop_assert!(found.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        let _ = is_none_answer(&text);
    }

    #[test]
    fn text_without_letters_names_no_sign(text in without_letters()) {
        prop_assert_eq!(detect(&text), []);
        prop_assert!(!is_none_answer(&text));
    }

    #[test]
    fn denied_signs_are_not_signs(text in denials()) {
        let found = read(&text);
        prop_assert_eq!(found.present, [], "{}", text);
        prop_assert!(!found.denied.is_empty(), "{}", text);
    }
}
