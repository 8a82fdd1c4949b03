//! The consoles a dashboard sends its state to: each known by its address and when it was
//! last heard from. A few at most, and one silent for [`FORGET_AFTER`] is forgotten the next
//! time the list is used: the dashboard never wakes to look.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// How many consoles one dashboard follows at once: a speaker's laptop and a spare, with room.
pub const MAX_FOLLOWERS: usize = 8;

/// A console says hello every second; one not heard from for this long has gone.
pub const FORGET_AFTER: Duration = Duration::from_secs(5);

#[derive(Debug, Default)]
pub struct Followers {
    /// Each console and when it was last heard from.
    known: Vec<(SocketAddr, Instant)>,
}

impl Followers {
    /// `from` was heard `now`: it is followed, and keeps its place. When the list is full, the
    /// console heard from least recently makes room.
    pub fn heard(&mut self, from: SocketAddr, now: Instant) {
        self.forget_silent(now);
        if let Some(known) = self.known.iter_mut().find(|(a, _)| *a == from) {
            known.1 = now;
            return;
        }
        if self.known.len() >= MAX_FOLLOWERS
            && let Some(oldest) = (0..self.known.len()).min_by_key(|&i| self.known[i].1)
        {
            self.known.swap_remove(oldest);
        }
        self.known.push((from, now));
    }

    /// `from` said goodbye.
    pub fn forget(&mut self, from: SocketAddr) {
        self.known.retain(|(a, _)| *a != from);
    }

    /// The consoles still listening `now`.
    pub fn current(&mut self, now: Instant) -> impl Iterator<Item = SocketAddr> + '_ {
        self.forget_silent(now);
        self.known.iter().map(|(a, _)| *a)
    }

    fn forget_silent(&mut self, now: Instant) {
        self.known
            .retain(|(_, heard)| now.saturating_duration_since(*heard) < FORGET_AFTER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn console(port: u16) -> SocketAddr {
        super::super::address(port)
    }

    fn list(followers: &mut Followers, now: Instant) -> Vec<u16> {
        let mut ports: Vec<u16> = followers.current(now).map(|a| a.port()).collect();
        ports.sort_unstable();
        ports
    }

    #[test]
    fn each_console_is_followed_once() {
        let now = Instant::now();
        let mut followers = Followers::default();
        followers.heard(console(1), now);
        followers.heard(console(2), now);
        followers.heard(console(1), now + Duration::from_secs(1));
        assert_eq!(list(&mut followers, now + Duration::from_secs(1)), [1, 2]);
    }

    #[test]
    fn a_silent_console_is_forgotten_and_one_that_speaks_is_kept() {
        let start = Instant::now();
        let mut followers = Followers::default();
        followers.heard(console(1), start);
        followers.heard(console(2), start);
        followers.heard(console(2), start + Duration::from_secs(4));
        let just_before = start + FORGET_AFTER.saturating_sub(Duration::from_millis(1));
        assert_eq!(list(&mut followers, just_before), [1, 2]);
        assert_eq!(list(&mut followers, start + FORGET_AFTER), [2]);
    }

    #[test]
    fn bye_forgets_at_once() {
        let now = Instant::now();
        let mut followers = Followers::default();
        followers.heard(console(1), now);
        followers.heard(console(2), now);
        followers.forget(console(1));
        assert_eq!(list(&mut followers, now), [2]);
    }

    #[test]
    fn a_full_list_makes_room_for_a_new_console_by_dropping_the_quietest() {
        let start = Instant::now();
        let mut followers = Followers::default();
        let ports = 1..=MAX_FOLLOWERS as u16;
        for port in ports.clone() {
            // Console 3 was heard from first.
            let at = if port == 3 {
                start
            } else {
                start + Duration::from_millis(10 * u64::from(port))
            };
            followers.heard(console(port), at);
        }
        let now = start + Duration::from_secs(1);
        followers.heard(console(100), now);
        let expected: Vec<u16> = ports.filter(|&p| p != 3).chain([100]).collect();
        assert_eq!(list(&mut followers, now), expected);
    }
}
