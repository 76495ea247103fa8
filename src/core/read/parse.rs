//! Small readers for free-text answers. Each takes any string and never panics.

use crate::core::read::symptoms;

/// Reads a yes or a no in the languages we speak; `None` when it is neither.
pub fn yes_no(text: &str) -> Option<bool> {
    let t = text
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_lowercase();
    const YES: &[&str] = &[
        "yes",
        "y",
        "yeah",
        "yep",
        "yup",
        "right",
        "correct",
        "that's right",
        "sure",
        "ok",
        "okay",
        "ja",
        "jawohl",
        "stimmt",
        "richtig",
        "genau",
        "👍",
    ];
    const NO: &[&str] = &[
        "no",
        "n",
        "nope",
        "nah",
        "wrong",
        "not right",
        "nein",
        "falsch",
        "👎",
    ];
    let word = |t: &str| {
        if YES.contains(&t) {
            Some(true)
        } else if NO.contains(&t) {
            Some(false)
        } else {
            None
        }
    };
    word(t.as_str())
}

/// A yes or no at the start of a longer answer ("yes, the doctor checked it", "no, not
/// yet"), with what follows it. Callers decide whether the rest may be ignored.
pub fn leading_yes_no(text: &str) -> Option<(bool, &str)> {
    let (first, rest) = text.trim().split_once([',', ';', '!', '.', ' '])?;
    Some((yes_no(first)?, rest.trim()))
}

/// Shortens what someone typed before it is quoted back to them.
pub fn quote(text: &str) -> String {
    const MAX: usize = 40;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// A yes or no, alone or leading a longer answer whose rest names no warning sign ("yes,
/// the doctor saw me" is a yes; "no, my knee is swollen today" is a sign, first).
pub(crate) fn yes_no_naming_no_sign(text: &str) -> Option<bool> {
    yes_no(text).or_else(|| {
        let (answer, rest) = leading_yes_no(text)?;
        symptoms::detect(rest).is_empty().then_some(answer)
    })
}

/// The answer to "have you been checked?": a yes or no (as above), or words that say it
/// ("I've been checked", "the doctor said it's fine", "ich wurde untersucht"). Never a yes
/// when the text names a warning sign.
pub(crate) fn checked_answer(text: &str) -> Option<bool> {
    if !symptoms::detect(text).is_empty() {
        return None;
    }
    if let Some(answer) = yes_no_naming_no_sign(text) {
        return Some(answer);
    }
    let t = text.to_lowercase();
    const SAID: &[&str] = &[
        "checked",
        "cleared",
        "go-ahead",
        "go ahead",
        "said it's fine",
        "said its fine",
        "untersucht",
        "freigegeben",
        "darf trainieren",
        "grünes licht",
    ];
    const NOT: &[&str] = &["not", "n't", "nicht", "noch kein", "yet"];
    if ["not yet", "noch nicht"].iter().any(|w| t.trim() == *w) {
        return Some(false);
    }
    SAID.iter()
        .any(|w| t.contains(w))
        .then(|| !NOT.iter().any(|w| t.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yes_and_no() {
        assert_eq!(yes_no("Yes"), Some(true));
        assert_eq!(yes_no(" yep! "), Some(true));
        assert_eq!(yes_no("Ja"), Some(true));
        assert_eq!(yes_no("nope"), Some(false));
        assert_eq!(yes_no("Nein."), Some(false));
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(yes_no(""), None);
        assert_eq!(yes_no("yes, the doctor checked the swelling"), None);
        assert_eq!(
            leading_yes_no("yes, the doctor checked the swelling"),
            Some((true, "the doctor checked the swelling"))
        );
        assert_eq!(
            leading_yes_no("Nein, noch nicht."),
            Some((false, "noch nicht."))
        );
        assert_eq!(leading_yes_no("no swelling"), Some((false, "swelling")));
        assert_eq!(leading_yes_no("maybe, later"), None);
    }

    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(quote("a\nb"), "a b");
        let long = "x".repeat(100);
        assert_eq!(quote(&long).chars().count(), 40);
    }
}
