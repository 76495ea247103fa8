//! How long to wait before trying again what failed for a passing reason: a message the
//! Bot API did not take (delivery), a reminder that could not fire (the store holds it).

use chrono::Duration;

/// The back-off after the `attempts`-th failure: 2 s doubling to 5 minutes (ours).
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(0, 8) as u32;
    Duration::seconds((2i64 << exp).min(300))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_to_five_minutes() {
        let secs: Vec<i64> = (0..10).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    }
}
