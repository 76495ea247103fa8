//! What a message means when it is not the answer to the open question: "stop", "help",
//! "it hurts", "thanks", "hello", in English and German. The dispatcher asks this only
//! after the open question refused the text, so a question's own words ("stop" in a
//! session, "it hurt" in a self-test) always come first.

/// A message that means something by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Talk {
    /// Stop sending me messages, unsubscribe, leave me alone.
    Stop,
    /// It hurts: pain words, which the symptom check follows up.
    Hurts,
    /// Help, what can you do.
    Help,
    Thanks,
    Hello,
}

/// Whole messages or openings that ask the bot to stop writing (lower case, apostrophes
/// straightened).
const STOP: &[&str] = &[
    "stop",
    "stopp",
    "unsubscribe",
    "leave me alone",
    "go away",
    "no more messages",
    "no more reminders",
    "don't message me",
    "dont message me",
    "don't text me",
    "dont text me",
    "don't write to me",
    "opt out",
    "opt-out",
    "quit",
    "hör auf",
    "hoer auf",
    "hört auf",
    "abmelden",
    "abbestellen",
    "lass mich in ruhe",
    "keine nachrichten mehr",
    "keine erinnerungen mehr",
    "schreib mir nicht mehr",
    "nicht mehr schreiben",
];

/// Words that name pain, anywhere in the message.
const PAIN: &[&str] = &[
    "hurt",
    "hurts",
    "hurting",
    "pain",
    "painful",
    "sore",
    "ache",
    "aches",
    "aching",
    "ouch",
    "weh",
    "wehgetan",
    "schmerz",
    "schmerzen",
    "schmerzt",
    "schmerzhaft",
    "autsch",
];

const HELP: &[&str] = &[
    "help",
    "help me",
    "?",
    "what can you do",
    "what do you do",
    "how does this work",
    "how does it work",
    "commands",
    "menu",
    "hilfe",
    "was kannst du",
    "was kannst du alles",
    "wie funktioniert das",
    "befehle",
    "menü",
];

const THANKS: &[&str] = &[
    "thanks",
    "thank you",
    "thank you so much",
    "thanks a lot",
    "many thanks",
    "thx",
    "ty",
    "cheers",
    "danke",
    "danke schön",
    "dankeschön",
    "danke sehr",
    "vielen dank",
    "merci",
    "🙏",
];

const HELLO: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "hiya",
    "good morning",
    "good afternoon",
    "good evening",
    "morning",
    "hallo",
    "moin",
    "servus",
    "grüß gott",
    "grüezi",
    "guten morgen",
    "guten tag",
    "guten abend",
    "👋",
];

/// Lower case, apostrophes straightened, punctuation at the ends and runs of spaces gone.
fn clean(text: &str) -> String {
    let lower = text.to_lowercase().replace(['’', '`', '´'], "'");
    let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    words
        .trim_matches(|c: char| matches!(c, '.' | '!' | ',' | ';' | ':' | ' ' | '"'))
        .to_string()
}

/// The message's words, without punctuation.
fn words(cleaned: &str) -> Vec<&str> {
    cleaned
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `cleaned` is `phrase`, or opens with it followed by a word break.
fn opens_with(cleaned: &str, phrase: &str) -> bool {
    cleaned
        .strip_prefix(phrase)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
}

/// A greeting or thanks with a name or a friendly word after it: "hi coach", "thanks!",
/// "danke dir".
fn is_short_phrase(cleaned: &str, list: &[&str]) -> bool {
    const TAIL: &[&str] = &[
        "", "coach", "bot", "hipcoach", "there", "again", "so much", "a lot", "dir", "euch",
        "nochmal", "you", "!", "🙂", "😊",
    ];
    list.iter().any(|phrase| {
        cleaned.strip_prefix(phrase).is_some_and(|rest| {
            let rest = rest.trim_matches(|c: char| matches!(c, '.' | '!' | ',' | ' '));
            TAIL.contains(&rest)
        })
    })
}

/// What the message means by itself, if anything. Total: any string, no panic.
pub fn read(text: &str) -> Option<Talk> {
    let cleaned = clean(text);
    if cleaned.is_empty() {
        return None;
    }
    if STOP.iter().any(|phrase| opens_with(&cleaned, phrase))
        || cleaned.contains("stop sending")
        || cleaned.contains("stop messaging")
        || cleaned.contains("unsubscribe")
        || cleaned.contains("leave me alone")
        || cleaned.contains("lass mich in ruhe")
    {
        return Some(Talk::Stop);
    }
    let words = words(&cleaned);
    // "No pain", "doesn't hurt any more", "keine Schmerzen": a denial is not a report.
    const NOT: &[&str] = &[
        "no", "not", "never", "without", "doesn't", "don't", "didn't", "isn't", "kein", "keine",
        "keinen", "nicht", "nie", "ohne",
    ];
    let denies = words.iter().any(|w| NOT.contains(w));
    if !denies && (words.iter().any(|w| PAIN.contains(w)) || cleaned.contains("tut weh")) {
        return Some(Talk::Hurts);
    }
    if HELP.contains(&cleaned.trim_end_matches('?').trim()) || cleaned == "?" {
        return Some(Talk::Help);
    }
    if is_short_phrase(&cleaned, THANKS) {
        return Some(Talk::Thanks);
    }
    if is_short_phrase(&cleaned, HELLO) {
        return Some(Talk::Hello);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_were_seen_to_write() {
        for (text, talk) in [
            ("stop", Talk::Stop),
            ("STOP sending me messages", Talk::Stop),
            ("Please stop sending me these", Talk::Stop),
            ("unsubscribe", Talk::Stop),
            ("leave me alone!", Talk::Stop),
            ("Hör auf", Talk::Stop),
            ("abmelden", Talk::Stop),
            ("Lass mich in Ruhe.", Talk::Stop),
            ("help", Talk::Help),
            ("Help?", Talk::Help),
            ("Hilfe", Talk::Help),
            ("what can you do?", Talk::Help),
            ("my knee hurts today", Talk::Hurts),
            ("It hurts", Talk::Hurts),
            ("mein Knie tut heute weh", Talk::Hurts),
            ("Schmerzen in der Hüfte", Talk::Hurts),
            ("thanks", Talk::Thanks),
            ("Thank you!", Talk::Thanks),
            ("danke dir", Talk::Thanks),
            ("hello", Talk::Hello),
            ("Hi coach", Talk::Hello),
            ("Guten Morgen!", Talk::Hello),
        ] {
            assert_eq!(read(text), Some(talk), "{text}");
        }
    }

    #[test]
    fn leaves_other_text_alone() {
        for text in [
            "",
            "   ",
            "34",
            "Berlin",
            "hi, I'm 34 and work at a desk",
            "thanks to my physio I can sit again",
            "stopwatch",
            "no numbness, no night pain",
            "it doesn't hurt any more",
            "keine Schmerzen",
            "history",
            "\u{202E}",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
