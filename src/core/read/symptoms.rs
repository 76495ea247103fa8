//! Red flags named in what people type, in English and German: "my knee is swollen and
//! locked up" names swelling and locking; "no swelling, never locks" names none.
//!
//! The text is cut into words (lower case, umlauts written out: "Fuß" is read as "fuss",
//! "Hüfte" and "Huefte" alike), whole words or stems are matched, never pieces of
//! other words ("number" is not "numb", "lockdown" is not "lock"). A sign named after a
//! denial ("no", "not", "never", "without", "kein", "nicht", "ohne" …) in the same clause
//! is denied; a clause ends at a comma, at "but"/"aber", at "when"/"wenn", at a sentence end,
//! and at "and"/"und" before a new denial or a new subject ("no swelling and it locks").
//! German also denies after the verb ("das Knie blockiert nicht"), read here as a denial a
//! few filler words after the sign. Not knowing is not a denial: "I don't know if it's
//! swollen" names swelling.
//!
//! The signs are the safety floor's (profile.rs `RedFlag`; coaching.md, seeds 000, 001,
//! 003); the word lists, windows and clause rules are ours. When in doubt a sign is
//! named: the intake asks the person to confirm what was read, so a false alarm costs one
//! tap and a missed sign costs more.

use std::sync::LazyLock;

use crate::core::read::sign_words::{SPECS, Spec};
use crate::core::values::profile::RedFlag;

/// What a text says about the red flags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    /// Signs the text names (sorted, no repeats).
    pub present: Vec<RedFlag>,
    /// Signs the text names only to deny them ("no swelling"), sorted, no repeats.
    pub denied: Vec<RedFlag>,
}

/// The red flags named in a text, sorted and without repeats. Denied signs are left out.
pub fn detect(text: &str) -> Vec<RedFlag> {
    read(text).present
}

/// The red flags a text names, and those it denies.
pub fn read(text: &str) -> Reading {
    let words = words(text);
    let mut present = Vec::new();
    let mut denied = Vec::new();
    for rule in RULES.iter() {
        for is_negated in rule.matches(&words) {
            if is_negated {
                denied.push(rule.flag);
            } else {
                present.push(rule.flag);
            }
        }
    }
    present.sort();
    present.dedup();
    denied.sort();
    denied.dedup();
    denied.retain(|f| !present.contains(f));
    Reading { present, denied }
}

/// True for an answer that says "none of these": "none", "no", "nothing like that",
/// "nein", "keine", "nichts davon" and the like, with nothing else in it.
pub fn is_none_answer(text: &str) -> bool {
    let words = words(text);
    let whole: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    if [
        "all good",
        "alles gut",
        "all fine",
        "alles ok",
        "alles okay",
    ]
    .iter()
    .any(|p| whole.join(" ") == *p)
    {
        return true;
    }
    whole.iter().any(|w| has(NONE_WORDS, w))
        && whole
            .iter()
            .all(|w| has(NONE_WORDS, w) || has(NONE_FILLER, w))
}

const NONE_WORDS: &str = "none no nope nah nothing neither nein kein keine keins keiner keines \
    nichts nicht noe nee ne nix";

const NONE_FILLER: &str = "of these those them that this it like the above apply applies at all \
    really thanks thank you i think so sort kind for me to here there any anything is are luckily \
    fortunately ok okay fine good pain problems issues symptoms signs davon dergleichen trifft \
    treffen zu gar ueberhaupt wirklich danke das von den die diesen dieser dies alles mir bei auf \
    zum glueck schmerzen beschwerden probleme symptome anzeichen gut";

/// One word of the text, and where it stands: its clause (where a denial ends) and its
/// part (where two words that belong together, like "night" and "pain", must both be).
#[derive(Clone, Debug)]
struct Word {
    text: String,
    clause: usize,
    part: usize,
    /// Denied by a "no", "not", "kein" … of its clause.
    negated: bool,
    /// Part of a phrase that never names a sign ("fell asleep", "by accident").
    blocked: bool,
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Gap {
    /// Only spaces or neutral marks (hyphen, colon, slash) between two words.
    Plain,
    /// A comma, a semicolon, a bracket, a dash: a new clause.
    Clause,
    /// A sentence end or a new line: a new clause and a new part.
    Sentence,
}

/// Lower case, umlauts and ß written out, so that "Fuß" and "FUSS", "Hüfte" and "Huefte"
/// are one word.
fn push_normalised(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match l {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            '’' | '‘' | '`' | '´' => out.push('\''),
            other => out.push(other),
        }
    }
}

fn normalise(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        push_normalised(c, &mut out);
    }
    out
}

/// The words of a text with the gap before each.
fn pieces(text: &str) -> Vec<(String, Gap)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut gap = Gap::Plain;
    for (i, &c) in chars.iter().enumerate() {
        let next_is_letter = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            push_normalised(c, &mut word);
        } else if matches!(c, '\'' | '’' | '‘') && !word.is_empty() && next_is_letter {
            word.push('\'');
        } else if c == '\u{308}' {
            // A combining diaeresis: "u" + "̈" is "ü".
            if word.ends_with(['a', 'o', 'u']) {
                word.push('e');
            }
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // Other combining marks stay inside the word and are not read.
        } else {
            if !word.is_empty() {
                out.push((std::mem::take(&mut word), gap));
                gap = Gap::Plain;
            }
            let here = match c {
                '.' | '!' | '?' | '\n' | '\r' | '…' | '¡' | '¿' => Gap::Sentence,
                ',' | ';' | '(' | ')' | '[' | ']' | '–' | '—' => Gap::Clause,
                _ => Gap::Plain,
            };
            if here > gap {
                gap = here;
            }
        }
    }
    if !word.is_empty() {
        out.push((word, gap));
    }
    out
}

/// Words that end a clause and a part: what follows stands on its own.
const CONTRAST: &str =
    "but though although however except aber sondern jedoch doch allerdings obwohl ausser";
/// Words that start a new clause within the same part.
const SUBORDINATE: &str = "when whenever if because while whilst since unless after before until \
    wenn weil falls sobald nachdem bevor waehrend seit seitdem bis";
/// "and", "or": a new clause when a new denial or a new subject follows.
const JOINS: &str = "and or plus und oder sowie";
const SUBJECTS: &str = "i it it's its my the he she they we there this that sometimes ich es mein \
    meine das der die er sie wir man manchmal dann then";
/// A German relative clause after a comma ("Schmerzen, die mich nachts wecken") belongs
/// to the clause before it.
const RELATIVE: &str = "der die das welche welcher welches";
const OBJECTS: &str = "mich dich uns euch einen mir dir sich ihn";

const NEGATORS: &str = "no not never none nothing neither nor without nope nah dont doesnt didnt \
    isnt arent wasnt werent havent hasnt hadnt wont wouldnt aint kein keine keinen keinem keiner \
    keines keins keinerlei nicht nichts nie niemals ohne weder nein";
/// A denial followed by one of these is not one: "not sure", "no idea", "not only",
/// "don't know", "not better", "nicht nur"; and not sleeping is a complaint, not a denial.
const NOT_A_DENIAL_BEFORE: &str = "sure certain only just matter doubt idea know knowing better \
    improving besser nur sicher ahnung sleep* schlaf* durchschlaf* einschlaf*";
/// "ich weiß nicht, ob …": not a denial.
const NOT_A_DENIAL_AFTER: &str = "weiss weis";
/// Words that may stand between a sign and a denial after it: "swelling is not an issue",
/// "Schwellungen habe ich keine", "blockiert eigentlich nie".
const BEFORE_LATE_DENIAL: &str = "is are was were be been it it's its that this a an the really at \
    all i have has had currently ist sind war waren habe hab hatte haben hat ich es das der die \
    mir gar wirklich eigentlich bisher momentan aktuell derzeit gerade zum glueck";
/// How far after a sign a late denial may stand (ours).
const LATE_DENIAL_WINDOW: usize = 4;

/// Whether a word is in a list of words separated by spaces (the lists below).
fn has(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

fn is_negator(word: &str) -> bool {
    has(NEGATORS, word) || (word.ends_with("n't") && !matches!(word, "can't" | "couldn't"))
}

/// The words, with clause and part, before denials are read.
fn words(text: &str) -> Vec<Word> {
    let pieces = pieces(text);
    let mut out: Vec<Word> = Vec::new();
    let (mut clause, mut part) = (0, 0);
    for (i, (text, gap)) in pieces.iter().enumerate() {
        let next = pieces.get(i + 1).map(|(w, _)| w.as_str());
        match gap {
            Gap::Sentence => {
                clause += 1;
                part += 1;
            }
            Gap::Clause => {
                let relative =
                    has(RELATIVE, text.as_str()) && next.is_some_and(|n| has(OBJECTS, n));
                if !relative {
                    clause += 1;
                }
            }
            Gap::Plain => {}
        }
        let w = text.as_str();
        if has(CONTRAST, w) {
            clause += 1;
            part += 1;
            continue;
        }
        if has(SUBORDINATE, w) {
            clause += 1;
            continue;
        }
        if has(JOINS, w) && next.is_some_and(|n| is_negator(n) || has(SUBJECTS, n)) {
            clause += 1;
            continue;
        }
        out.push(Word {
            text: text.clone(),
            clause,
            part,
            negated: false,
            blocked: false,
        });
    }
    mark_blocked(&mut out);
    negations_into(&mut out);
    out
}

/// Phrases that never name a sign, and which of their words is kept from naming one.
const NOT_SIGNS: &[(&[&str], usize)] = &[
    (&["fell|fallen|falling", "asleep|for|apart"], 0),
    (&["by", "accident|accidentally"], 1),
    (&["look|looks|looking", "sharp"], 1),
    (&["locked|lock", "out|screen"], 0),
    (
        &[
            "sleep|sleeps|slept|sleeping",
            "well|fine|ok|okay|great|good|soundly",
        ],
        0,
    ),
    (&["schlafe|schlaf|schlafen", "gut"], 0),
    (&["unverletzt|*kooperation*"], 0),
];

fn mark_blocked(words: &mut [Word]) {
    for (phrase, which) in NOT_SIGNS {
        let terms: Vec<Alternatives> = phrase.iter().map(|p| Alternatives::new(p)).collect();
        for start in 0..words.len() {
            if seq_at(words, &terms, start) {
                words[start + which].blocked = true;
            }
        }
    }
}

/// Marks each word denied by a denial in its clause: everything after the denial, and a
/// sign a few filler words before it.
fn negations_into(words: &mut [Word]) {
    let before = Alternatives::new(NOT_A_DENIAL_BEFORE);
    let n = words.len();
    let mut active = vec![false; n];
    for i in 0..n {
        let w = words[i].text.as_str();
        if !is_negator(w) {
            continue;
        }
        let next = words
            .get(i + 1)
            .filter(|x| x.clause == words[i].clause)
            .map(|x| x.text.as_str());
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .filter(|x| x.clause == words[i].clause)
            .map(|x| x.text.as_str());
        let undone = next.is_some_and(|n| before.matches(n))
            || prev.is_some_and(|p| has(NOT_A_DENIAL_AFTER, p));
        active[i] = !undone;
    }
    // A denial inside a phrase that names a sign ("no feeling", "kein Gefühl") belongs to
    // the phrase.
    for rule in RULES.iter() {
        if let Pattern::Seq(terms) = &rule.pattern {
            for start in 0..n {
                if seq_at(words, terms, start) {
                    for a in active.iter_mut().skip(start).take(terms.len()) {
                        *a = false;
                    }
                }
            }
        }
    }
    let mut on = false;
    for i in 0..n {
        if i > 0 && words[i].clause != words[i - 1].clause {
            on = false;
        }
        words[i].negated = on;
        if active[i] {
            on = true;
        }
    }
    for i in 0..n {
        if words[i].negated {
            continue;
        }
        for j in i + 1..n.min(i + 1 + LATE_DENIAL_WINDOW) {
            if words[j].clause != words[i].clause {
                break;
            }
            if active[j] {
                words[i].negated = true;
                break;
            }
            if !has(BEFORE_LATE_DENIAL, words[j].text.as_str()) {
                break;
            }
        }
    }
}

/// One word of a pattern: `word` whole, `stem*` a word that starts so, `*end` one that
/// ends so (German compounds: "Knieschwellung"), `*core*` one that contains it; several
/// separated by `|` or spaces.
#[derive(Clone, Debug)]
struct Alternatives(Vec<(Kind, String)>);

#[derive(Clone, Copy, Debug)]
enum Kind {
    Whole,
    Start,
    End,
    Inside,
}

impl Alternatives {
    fn new(spec: &str) -> Alternatives {
        Alternatives(
            spec.split(|c: char| c == '|' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .map(|t| {
                    let kind = match (t.starts_with('*'), t.ends_with('*')) {
                        (true, true) => Kind::Inside,
                        (true, false) => Kind::End,
                        (false, true) => Kind::Start,
                        (false, false) => Kind::Whole,
                    };
                    (kind, normalise(t.trim_matches('*')))
                })
                .collect(),
        )
    }

    fn matches(&self, word: &str) -> bool {
        self.0.iter().any(|(kind, t)| match kind {
            Kind::Whole => word == t,
            Kind::Start => word.starts_with(t.as_str()),
            Kind::End => word.ends_with(t.as_str()),
            Kind::Inside => word.contains(t.as_str()),
        })
    }
}

/// Whether the words from `start` on are these, one after another, in one clause.
fn seq_at(words: &[Word], terms: &[Alternatives], start: usize) -> bool {
    let Some(first) = words.get(start) else {
        return false;
    };
    terms.iter().enumerate().all(|(k, t)| {
        words
            .get(start + k)
            .is_some_and(|w| w.clause == first.clause && t.matches(&w.text))
    })
}

#[derive(Clone, Debug)]
enum Pattern {
    /// Words one after another (one word: any of a list).
    Seq(Vec<Alternatives>),
    /// Two words at most this many words apart, in either order, in one part.
    Near(Alternatives, Alternatives, usize),
}

#[derive(Clone, Debug)]
struct Rule {
    flag: RedFlag,
    pattern: Pattern,
}

impl Rule {
    /// For each place the rule matches: whether that mention is denied.
    fn matches(&self, words: &[Word]) -> Vec<bool> {
        let mut out = Vec::new();
        match &self.pattern {
            Pattern::Seq(terms) => {
                for start in 0..words.len() {
                    if seq_at(words, terms, start) {
                        let span = &words[start..start + terms.len()];
                        if span.iter().any(|w| w.blocked) {
                            continue;
                        }
                        out.push(span.iter().any(|w| w.negated));
                    }
                }
            }
            Pattern::Near(a, b, window) => {
                for (i, x) in words.iter().enumerate() {
                    if x.blocked || !a.matches(&x.text) {
                        continue;
                    }
                    let from = i.saturating_sub(*window);
                    let to = (i + window + 1).min(words.len());
                    for (j, y) in words.iter().enumerate().take(to).skip(from) {
                        if j != i && y.part == x.part && !y.blocked && b.matches(&y.text) {
                            out.push(x.negated || y.negated);
                        }
                    }
                }
            }
        }
        out
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    SPECS
        .iter()
        .map(|(flag, spec)| Rule {
            flag: *flag,
            pattern: match spec {
                Spec::Any(list) => Pattern::Seq(vec![Alternatives::new(list)]),
                Spec::Seq(terms) => {
                    Pattern::Seq(terms.iter().map(|t| Alternatives::new(t)).collect())
                }
                Spec::Near(a, b, n) => {
                    Pattern::Near(Alternatives::new(a), Alternatives::new(b), *n)
                }
            },
        })
        .collect()
});

#[cfg(test)]
mod tests;
