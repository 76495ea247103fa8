//! The rate limiter every message to Telegram goes through, replies and reminders alike:
//! it belongs to the transport that sends them (see `telegram::TelegramTransport`).

use std::collections::{BTreeSet, HashMap};
use std::time::Duration as StdDuration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// Spacing between any two messages (Telegram: about 30 a second overall). 34 ms is
/// 29.4 a second: 98% of the limit, with room for timer jitter.
pub const GLOBAL_SPACING: StdDuration = StdDuration::from_millis(34);
/// Telegram's free overall rate, messages a second (Bot FAQ).
pub const FREE_RATE: u32 = 30;
/// The paid broadcast's overall rates: above the free one, up to Telegram's 1,000 a second
/// for messages sent with `allow_paid_broadcast` (Bot API 7.11).
pub const PAID_RATE_MIN: u32 = FREE_RATE + 1;
pub const PAID_RATE_MAX: u32 = 1_000;
/// Spacing between two messages to one chat (Telegram: about 1 a second).
pub const CHAT_SPACING: StdDuration = StdDuration::from_millis(1_050);

/// Telegram tolerates short bursts to one chat: a reply of three messages goes at once,
/// then one a second (ours, on the Bot FAQ's "short bursts tolerated").
pub const CHAT_BURST: u32 = 3;

/// Reserves send slots: one every [`GLOBAL_SPACING`] overall, and per chat one every
/// [`CHAT_SPACING`] after a burst of [`CHAT_BURST`] (the generic cell rate algorithm).
/// Callers sleep until their slot, so many sends can be in flight while the rate stays
/// within the limits.
#[derive(Debug)]
pub struct Limiter {
    global: StdDuration,
    per_chat: StdDuration,
    burst: u32,
    state: Mutex<SlotState>,
}

#[derive(Debug)]
struct SlotState {
    /// Overall, time is cut into slots of `global` from `origin`; each slot carries one
    /// message. A message that must wait for its chat takes the first free slot after that
    /// wait and leaves the slots before it to others.
    origin: Instant,
    taken: BTreeSet<u64>,
    /// No slot before this one (after a 429).
    held_until: u64,
    next_chat: HashMap<i64, Instant>,
    /// When the latest message was let go: a sender that wakes late (a busy machine) still
    /// keeps `global` after it, so late slots never go out in a bunch.
    released: Option<Instant>,
}

impl Limiter {
    pub fn new(global: StdDuration, per_chat: StdDuration, burst: u32) -> Limiter {
        Limiter {
            global,
            per_chat,
            burst: burst.max(1),
            state: Mutex::new(SlotState {
                origin: Instant::now(),
                taken: BTreeSet::new(),
                held_until: 0,
                next_chat: HashMap::new(),
                released: None,
            }),
        }
    }

    /// No limits at all.
    pub fn unlimited() -> Limiter {
        Limiter::new(StdDuration::ZERO, StdDuration::ZERO, 1)
    }

    /// Telegram's limits.
    pub fn telegram() -> Limiter {
        Limiter::new(GLOBAL_SPACING, CHAT_SPACING, CHAT_BURST)
    }

    /// Telegram's limits with `rate` messages a second overall (the paid broadcast's);
    /// one a second per chat and the reply burst as ever. At most the free rate is the
    /// free spacing.
    pub fn telegram_at(rate: u32) -> Limiter {
        let global = if rate <= FREE_RATE {
            GLOBAL_SPACING
        } else {
            spacing(rate)
        };
        Limiter::new(global, CHAT_SPACING, CHAT_BURST)
    }

    /// Messages a second overall (0: no limit).
    pub fn per_second(&self) -> f64 {
        if self.global.is_zero() {
            0.0
        } else {
            1.0 / self.global.as_secs_f64()
        }
    }

    /// Waits for a slot to send to `chat` (a reply: may burst).
    pub async fn acquire(&self, chat: i64) {
        self.acquire_with_burst(chat, self.burst).await;
    }

    /// Waits for a slot to send to `chat`, with at most `burst` messages at once to it.
    pub async fn acquire_with_burst(&self, chat: i64, burst: u32) {
        let slot = {
            let mut state = self.state.lock().await;
            let now = Instant::now();
            // Per chat, `next_chat` is the theoretical arrival time: a send may go as
            // soon as it is no more than (burst - 1) intervals ahead of now.
            let tolerance = self.per_chat * (burst.clamp(1, self.burst) - 1);
            let tat = state.next_chat.get(&chat).copied().unwrap_or(now).max(now);
            let chat_at = tat.checked_sub(tolerance).unwrap_or(now).max(now);
            let slot = if self.global.is_zero() {
                chat_at
            } else {
                let index = |t: Instant| {
                    let nanos = t.saturating_duration_since(state.origin).as_nanos();
                    u64::try_from(nanos.div_ceil(self.global.as_nanos())).unwrap_or(u64::MAX)
                };
                let now_index = index(now);
                let floor = index(chat_at).max(state.held_until);
                let mut free = floor;
                while state.taken.contains(&free) {
                    free += 1;
                }
                state.taken.insert(free);
                // Slots in the past are spent; forget them.
                state.taken = state.taken.split_off(&now_index.saturating_sub(1));
                let nanos = u64::try_from(self.global.as_nanos()).unwrap_or(u64::MAX);
                state.origin + StdDuration::from_nanos(free.saturating_mul(nanos))
            };
            state.next_chat.insert(chat, tat.max(slot) + self.per_chat);
            if state.next_chat.len() > 10_000 {
                state.next_chat.retain(|_, at| *at > now);
            }
            slot
        };
        tokio::time::sleep_until(slot).await;
        if !self.global.is_zero() {
            self.keep_spacing().await;
        }
    }

    /// Lets a message go no sooner than `global` after the one before, however late its
    /// sender woke.
    async fn keep_spacing(&self) {
        let mut state = self.state.lock().await;
        let now = Instant::now();
        let at = state
            .released
            .map_or(now, |last| (last + self.global).max(now));
        state.released = Some(at);
        drop(state);
        tokio::time::sleep_until(at).await;
    }

    /// After a 429: nobody sends before `until`.
    pub async fn hold_all(&self, until: Instant) {
        let mut state = self.state.lock().await;
        if self.global.is_zero() {
            return;
        }
        let nanos = until.saturating_duration_since(state.origin).as_nanos();
        let index = u64::try_from(nanos.div_ceil(self.global.as_nanos())).unwrap_or(u64::MAX);
        state.held_until = state.held_until.max(index);
    }
}

/// The overall spacing for `rate` messages a second: 1/rate with the free spacing's 2%
/// room for timer jitter and requests that overtake each other on the way (ours).
fn spacing(rate: u32) -> StdDuration {
    let per_100_seconds = 98 * u64::from(rate.max(1));
    StdDuration::from_nanos(100_000_000_000_u64.div_ceil(per_100_seconds))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    /// Sends to `chats` in order through a limiter on tokio's paused clock and returns
    /// when each went, in milliseconds from the start.
    async fn schedule(limiter: Arc<Limiter>, chats: &[i64], burst: u32) -> Vec<(i64, u128)> {
        let start = Instant::now();
        let mut tasks = Vec::new();
        for &chat in chats {
            let limiter = limiter.clone();
            tasks.push(tokio::spawn(async move {
                limiter.acquire_with_burst(chat, burst).await;
                (chat, Instant::now().duration_since(start).as_millis())
            }));
            // Requests arrive in this order.
            tokio::task::yield_now().await;
        }
        let mut sent = Vec::new();
        for task in tasks {
            sent.push(task.await.unwrap());
        }
        sent
    }

    #[tokio::test(start_paused = true)]
    async fn spacing_overall_and_per_chat() {
        let limiter = Arc::new(Limiter::telegram());
        let chats: Vec<i64> = (1..=60).collect();
        let sent = schedule(limiter, &chats, 1).await;
        let mut times: Vec<u128> = sent.iter().map(|(_, t)| *t).collect();
        times.sort();
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= 34, "{pair:?}");
        }
        // Never more than 30 in any second.
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..].iter().take_while(|u| **u < t + 1000).count();
            assert!(in_window <= 30, "{in_window} within a second from {t} ms");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_chat_that_must_wait_does_not_hold_up_the_others() {
        let limiter = Arc::new(Limiter::telegram());
        // Chat 1 twice at the front, then 20 other chats.
        let mut chats = vec![1, 1];
        chats.extend(2..=21);
        let sent = schedule(limiter, &chats, 1).await;
        let ones: Vec<u128> = sent
            .iter()
            .filter(|(c, _)| *c == 1)
            .map(|(_, t)| *t)
            .collect();
        assert!(ones[1] - ones[0] >= 1050, "{ones:?}");
        let last_other = sent
            .iter()
            .filter(|(c, _)| *c != 1)
            .map(|(_, t)| *t)
            .max()
            .unwrap();
        // 21 messages in 34 ms slots: the others are done by slot 21, not pushed past the
        // second message to chat 1.
        assert!(
            last_other <= 21 * 34,
            "the others finished at {last_other} ms"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn replies_may_burst_three_then_one_a_second() {
        let limiter = Arc::new(Limiter::telegram());
        let sent = schedule(limiter, &[5, 5, 5, 5], CHAT_BURST).await;
        let times: Vec<u128> = sent.iter().map(|(_, t)| *t).collect();
        assert!(times[2] < 1000, "three at once: {times:?}");
        assert!(times[3] >= 1050, "the fourth waits: {times:?}");
    }

    /// Senders that all wake late (their slots passed while the machine was busy) still go
    /// one `global` apart, not in a bunch.
    #[tokio::test(start_paused = true)]
    async fn late_wakers_go_out_spaced_not_in_a_bunch() {
        let limiter = Arc::new(Limiter::telegram());
        let start = Instant::now();
        let mut tasks = Vec::new();
        for chat in 1..=10 {
            let limiter = limiter.clone();
            tasks.push(tokio::spawn(async move {
                limiter.acquire_with_burst(chat, 1).await;
                Instant::now().duration_since(start).as_millis()
            }));
            tokio::task::yield_now().await;
        }
        // A stall: the runtime is busy for half a second while the first slots pass.
        tokio::time::advance(StdDuration::from_millis(500)).await;
        let mut times = Vec::new();
        for task in tasks {
            times.push(task.await.unwrap());
        }
        times.sort();
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= 34, "{times:?}");
        }
    }

    /// With the paid broadcast at 1,000 a second: 3,000 sends to distinct chats go at
    /// most 1,000 in any second, a whole spacing apart, and much faster than 30 a second.
    #[tokio::test(start_paused = true)]
    async fn paid_rate_spacing_at_a_thousand_a_second() {
        let limiter = Arc::new(Limiter::telegram_at(PAID_RATE_MAX));
        let chats: Vec<i64> = (1..=3_000).collect();
        let sent = schedule(limiter, &chats, 1).await;
        let mut times: Vec<u128> = sent.iter().map(|(_, t)| *t).collect();
        times.sort();
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= 1, "{pair:?}");
        }
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..].iter().take_while(|u| **u < t + 1000).count();
            assert!(
                in_window <= 1_000,
                "{in_window} within a second from {t} ms"
            );
        }
        // 3,000 at ~980 a second: a little over three seconds, not 100 s at 30 a second.
        let last = *times.last().unwrap();
        assert!((3_000..3_300).contains(&last), "the last went at {last} ms");
    }

    /// The paid rate is overall only: one chat still gets one message a second, and a
    /// reply still bursts three.
    #[tokio::test(start_paused = true)]
    async fn paid_rate_keeps_one_a_second_per_chat() {
        let limiter = Arc::new(Limiter::telegram_at(PAID_RATE_MAX));
        let sent = schedule(limiter.clone(), &[9, 9, 9], 1).await;
        let times: Vec<u128> = sent.iter().map(|(_, t)| *t).collect();
        assert!(times[1] - times[0] >= 1050, "{times:?}");
        assert!(times[2] - times[1] >= 1050, "{times:?}");
        let sent = schedule(limiter, &[5, 5, 5, 5], CHAT_BURST).await;
        let times: Vec<u128> = sent.iter().map(|(_, t)| *t).collect();
        assert!(times[2] < 1000, "three at once: {times:?}");
        assert!(times[3] >= 1050, "the fourth waits: {times:?}");
    }

    #[test]
    fn spacing_of_a_rate() {
        // The free rate's own spacing, and the paid one with the same 2% room.
        assert_eq!(Limiter::telegram_at(FREE_RATE).global, GLOBAL_SPACING);
        assert_eq!(spacing(1_000), StdDuration::from_nanos(1_020_409));
        assert_eq!(spacing(500), StdDuration::from_nanos(2_040_817));
    }

    #[tokio::test(start_paused = true)]
    async fn a_429_holds_everyone() {
        let limiter = Arc::new(Limiter::telegram());
        limiter
            .hold_all(Instant::now() + StdDuration::from_secs(3))
            .await;
        let sent = schedule(limiter, &[1, 2], 1).await;
        assert!(sent.iter().all(|(_, t)| *t >= 3000), "{sent:?}");
    }
}
