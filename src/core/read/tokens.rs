//! The tokenizer the answer readers share: text cut into numbers, words and symbols, and
//! the small patterns (fillers, amounts, "out of 10") they match.

/// Why an answer could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The text is not in any form we recognise.
    #[error("not understood")]
    NotUnderstood,
    /// The text was read, but the value is outside what the question allows.
    #[error("out of range")]
    OutOfRange,
    /// A decimal where the scale has whole numbers only (a pain score of 4.5).
    #[error("not a whole number")]
    NotWhole,
}

/// Longer answers are not answers to our questions; refusing them keeps work bounded.
pub(crate) const MAX_INPUT_BYTES: usize = 200;

/// Lower case, single spaces, no surrounding whitespace and no trailing period.
pub(crate) fn normalize(text: &str) -> Result<String, AnswerError> {
    let text = text.trim().trim_end_matches(['.', '!']).trim();
    if text.is_empty() || text.len() > MAX_INPUT_BYTES {
        return Err(AnswerError::NotUnderstood);
    }
    let lower = text.to_lowercase();
    Ok(lower.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One piece of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok<'a> {
    /// A number such as `7`, `2.5` or `19,30`.
    Num(Num<'a>),
    /// A run of letters, such as `mon` or `täglich`.
    Word(&'a str),
    /// Any other single character; all dashes are `-`, all apostrophes `'`.
    Sym(char),
}

/// A number as typed: its whole part and, if it has one, the digits after the point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num<'a> {
    /// ASCII digits, never empty.
    pub(crate) int: &'a str,
    /// ASCII digits after a `.` or `,`; never empty when present.
    pub(crate) frac: Option<&'a str>,
}

/// Cuts normalized text into tokens; whitespace only separates them.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c.is_ascii_digit() {
            let (int, after) = split_digits(rest);
            let (frac, after) = split_fraction(after);
            tokens.push(Tok::Num(Num { int, frac }));
            rest = after;
        } else if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let (word, after) = rest.split_at(end);
            if let Some((int, left)) = compound(word, after) {
                tokens.push(Tok::Num(Num { int, frac: None }));
                rest = left;
                continue;
            }
            tokens.push(match number_word(word) {
                Some(int) => Tok::Num(Num { int, frac: None }),
                None => Tok::Word(word),
            });
            // A dot right after a word only abbreviates it: "ca.", "Mon.", "a.m.".
            rest = after.strip_prefix('.').unwrap_or(after);
        } else {
            tokens.push(Tok::Sym(canonical_symbol(c)));
            rest = &rest[c.len_utf8()..];
        }
    }
    tokens
}

/// Splits the leading ASCII digits off `text`.
pub(crate) fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Splits a decimal part (`.5`, `,30`) off the text after a number, if there is one.
pub(crate) fn split_fraction(after: &str) -> (Option<&str>, &str) {
    let Some(rest) = after.strip_prefix(['.', ',']) else {
        return (None, after);
    };
    let (digits, rest) = split_digits(rest);
    if digits.is_empty() {
        (None, after)
    } else {
        (Some(digits), rest)
    }
}

/// Folds look-alike characters together.
pub(crate) fn canonical_symbol(c: char) -> char {
    match c {
        '–' | '—' | '−' | '‐' | '‑' => '-',
        '’' | '‘' | '`' | '´' => '\'',
        '≈' => '~',
        c => c,
    }
}

/// Words and symbols to ignore. Words come in several lists so that shared lists such as
/// [`HEDGES`] need not be repeated.
pub(crate) struct Filler {
    pub(crate) words: &'static [&'static [&'static str]],
    pub(crate) symbols: &'static [char],
}

/// The tokens with every filler removed, wherever it stands.
pub(crate) fn without<'a>(tokens: &[Tok<'a>], filler: Filler) -> Vec<Tok<'a>> {
    tokens
        .iter()
        .filter(|token| !filler.matches(token))
        .copied()
        .collect()
}

/// The tokens after any leading fillers.
pub(crate) fn skip_while_in<'t, 'a>(tokens: &'t [Tok<'a>], filler: Filler) -> &'t [Tok<'a>] {
    let skipped = tokens
        .iter()
        .take_while(|token| filler.matches(token))
        .count();
    &tokens[skipped..]
}

/// Words that separate the two ends of a range.
pub(crate) const RANGE_WORDS: &[&str] = &["to", "bis", "until", "till", "til", "through", "thru"];

pub(crate) fn is_range_separator(token: &Tok<'_>) -> bool {
    match token {
        Tok::Sym(symbol) => *symbol == '-',
        Tok::Word(word) => RANGE_WORDS.contains(word),
        Tok::Num(_) => false,
    }
}

/// A value that fits a `u8`, for answers whose range is smaller still.
pub(crate) fn small(value: u32) -> Option<u8> {
    u8::try_from(value).ok()
}

/// A number, or two numbers given as a range, each rounded half up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    One(u32),
    Between(u32, u32),
}

/// Reads tokens that hold only an amount. A leading minus is out of range: none of our
/// questions has a negative answer.
pub(crate) fn read_amount(tokens: &[Tok<'_>]) -> Result<Amount, AnswerError> {
    match tokens {
        [Tok::Num(n)] => Ok(Amount::One(n.rounded())),
        [Tok::Sym('-'), Tok::Num(_)] => Err(AnswerError::OutOfRange),
        [Tok::Num(low), separator, Tok::Num(high)] if is_range_separator(separator) => {
            Ok(Amount::Between(low.rounded(), high.rounded()))
        }
        _ => Err(AnswerError::NotUnderstood),
    }
}

/// Removes a trailing "/10", "out of 10" or "von 10". Another scale is not understood.
pub(crate) fn strip_out_of_ten<'t, 'a>(
    tokens: &'t [Tok<'a>],
) -> Result<&'t [Tok<'a>], AnswerError> {
    let (body, scale) = match tokens {
        [body @ .., Tok::Sym('/'), Tok::Num(scale)]
        | [
            body @ ..,
            Tok::Word("out"),
            Tok::Word("of"),
            Tok::Num(scale),
        ]
        | [body @ .., Tok::Word("of" | "von"), Tok::Num(scale)] => (body, scale),
        _ => return Ok(tokens),
    };
    if scale.frac.is_none() && scale.whole() == 10 {
        Ok(body)
    } else {
        Err(AnswerError::NotUnderstood)
    }
}

impl Num<'_> {
    /// The whole part; numbers too large for a `u32` become `u32::MAX`.
    pub(crate) fn whole(self) -> u32 {
        self.int.parse().unwrap_or(u32::MAX)
    }

    /// The number rounded half up to a whole number: `2.5` is 3, `2.49` is 2.
    pub(crate) fn rounded(self) -> u32 {
        let round_up = self
            .frac
            .and_then(|digits| digits.chars().next())
            .is_some_and(|first| first >= '5');
        self.whole().saturating_add(u32::from(round_up))
    }

    /// The number read as minutes after the hour: exactly two digits.
    pub(crate) fn minutes(self) -> Option<u32> {
        (self.frac.is_none() && self.int.len() == 2).then(|| self.whole())
    }
}

impl Filler {
    pub(crate) fn matches(&self, token: &Tok<'_>) -> bool {
        match token {
            Tok::Word(word) => self.words.iter().any(|list| list.contains(word)),
            Tok::Sym(symbol) => self.symbols.contains(symbol),
            Tok::Num(_) => false,
        }
    }
}

/// Words that hedge a number: "about 4", "ca. 35".
pub(crate) const HEDGES: &[&str] = &[
    "about",
    "around",
    "approx",
    "approximately",
    "roughly",
    "maybe",
    "like",
    "ca",
    "circa",
    "etwa",
    "ungefähr",
    "ungefaehr",
    "vielleicht",
];

/// Number words from zero to ten, English and German, as the digits they stand for ("ein"
/// is left out: in German it is mostly an article).
pub(crate) const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("null", "0"),
    ("one", "1"),
    ("eins", "1"),
    ("two", "2"),
    ("zwei", "2"),
    ("three", "3"),
    ("drei", "3"),
    ("four", "4"),
    ("vier", "4"),
    ("five", "5"),
    ("fünf", "5"),
    ("fuenf", "5"),
    ("six", "6"),
    ("sechs", "6"),
    ("seven", "7"),
    ("sieben", "7"),
    ("eight", "8"),
    ("acht", "8"),
    ("nine", "9"),
    ("neun", "9"),
    ("ten", "10"),
    ("zehn", "10"),
    // Hours sitting or working reach past ten.
    ("eleven", "11"),
    ("elf", "11"),
    ("twelve", "12"),
    ("zwölf", "12"),
    ("zwoelf", "12"),
];

/// The digits of every number up to 99, for number words read as numbers.
const DIGITS: [&str; 100] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32",
    "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48",
    "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64",
    "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80",
    "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96",
    "97", "98", "99",
];

/// Teens and tens in English and German: ages and degrees are often said this way.
const TENS_AND_TEENS: &[(&str, u8)] = &[
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("fuenfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    ("dreißig", 30),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("fuenfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

/// The value of one number word: zero to twelve, the teens and tens, and German's
/// "zweiundvierzig" (the units before "und", "ein" for one).
fn word_value(word: &str) -> Option<u8> {
    if let Some(digits) = NUMBER_WORDS.iter().find(|(name, _)| *name == word) {
        return digits.1.parse().ok();
    }
    if let Some((_, n)) = TENS_AND_TEENS.iter().find(|(name, _)| *name == word) {
        return Some(*n);
    }
    let (unit, tens) = word.split_once("und")?;
    let unit = if unit == "ein" { 1 } else { word_value(unit)? };
    let tens = word_value(tens)?;
    ((1..=9).contains(&unit) && tens % 10 == 0 && (20..=90).contains(&tens)).then_some(tens + unit)
}

/// The digits a number word stands for (the text is already lower case).
fn number_word(word: &str) -> Option<&'static str> {
    DIGITS.get(usize::from(word_value(word)?)).copied()
}

/// "forty two", "forty-two": a ten followed by a unit, as one number, and what is left
/// after it; `None` when `word` is not a ten or no unit follows.
fn compound<'a>(word: &str, after: &'a str) -> Option<(&'static str, &'a str)> {
    let tens = word_value(word).filter(|n| n % 10 == 0 && (20..=90).contains(n))?;
    let rest = after.strip_prefix(['-', ' ']).unwrap_or(after);
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (unit, left) = rest.split_at(end);
    let unit = word_value(unit).filter(|n| (1..=9).contains(n))?;
    Some((DIGITS.get(usize::from(tens + unit)).copied()?, left))
}
