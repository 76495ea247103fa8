//! What a new person types to get through the intake and the self-tests, for tests that
//! need someone with a program: 34 years old, desk work, 8 hours sitting, Mon–Fri 9–17
//! with lunch 12–13, drills at 18:00 on Mon, Wed and Fri, the left knee hurts 1/10 on a
//! usual day, a band at home, no red flags; seated rotation 25° left and 28° right (below
//! the normal 35–45°), prone tests skipped, feet fall outward, both screens passed, no
//! pain during the tests. That gives the common track at level 2.

/// The intake alone (up to and including the red-flag screen).
#[allow(dead_code)] // Not every test file that includes this module needs it.
pub fn intake() -> &'static [&'static str] {
    &INTAKE_AND_TESTS[..INTAKE_LEN]
}

/// How many of the answers below belong to the intake.
#[allow(dead_code)]
pub const INTAKE_LEN: usize = 11;

pub const INTAKE_AND_TESTS: [&str; 21] = [
    "34",
    "desk work",
    "8",
    "mon-fri 9-17",
    "12-13",
    "18:00",
    "mon wed fri",
    "left knee",
    "1",
    "band",
    "none",
    "25",
    "28",
    "skip",
    "skip",
    "skip",
    "skip",
    "out",
    "yes",
    "yes",
    "0",
];
