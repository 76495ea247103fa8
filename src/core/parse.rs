//! Small readers for free-text answers. Each takes any string and never panics.

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
    // The whole answer, or its first clause: "yes, the doctor checked it", "no, not yet".
    word(t.as_str()).or_else(|| {
        let (first, _) = t.split_once([',', ';', '!', '.'])?;
        word(first.trim())
    })
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
        assert_eq!(yes_no("yes, the doctor checked the swelling"), Some(true));
        assert_eq!(yes_no("Nein, noch nicht."), Some(false));
        assert_eq!(yes_no("no swelling"), None);
        assert_eq!(yes_no("yes,"), Some(true));
    }

    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(quote("a\nb"), "a b");
        let long = "x".repeat(100);
        assert_eq!(quote(&long).chars().count(), 40);
    }
}
