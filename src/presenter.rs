//! The presenter console (`shenzhen-dash presenter`): a second terminal on the speaker's
//! laptop that follows the dashboard giving the same talk, with the notes, what comes next and
//! the clock, and whose keys walk the dashboard's beats.
//!
//! The link is loopback UDP, on `127.0.0.1` only: the dashboard (with `--talk`) listens on a
//! port, each console says hello to it every second and gets the talk's state back, and every
//! console hears each beat change. No new dependency, the same code on every platform, and a
//! dashboard with no console never wakes for it. `docs/TALK.md` says how to use it.
//!
//! - `message`: what goes over the link, versioned, for one talk; everything else is ignored.
//! - `clock`: the time since the first beat and the time left, as the console shows them.
//! - `followers`: the consoles a dashboard sends to, a few, forgotten when they fall silent.
//! - `host`: the dashboard's side, around [`App`](crate::app::App).
//! - `console`: the console's state and keys; `ui/console.rs` draws it.

pub mod clock;
pub mod console;
pub mod followers;
pub mod host;
pub mod message;

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};

use serde::{Deserialize, Serialize};

use crate::talk::Talk;
pub use console::Console;
pub use host::Hosted;

/// The port a dashboard listens on unless `--port` says otherwise: in the dynamic range, so
/// that no registered service uses it.
pub const DEFAULT_PORT: u16 = 50_518;

/// The dashboard's address for `port`: loopback only, never another interface.
pub fn address(port: u16) -> SocketAddr {
    SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
}

/// How many characters of a talk's title a message carries: enough to read, and a message
/// stays small whatever the title.
const TITLE_CHARS: usize = 64;

/// The talk a message belongs to: its title (the first [`TITLE_CHARS`] characters) and a
/// fingerprint of what a console shows of it, so that a console and a dashboard agree on every
/// beat's caption and notes, not only on the title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalkId {
    pub title: String,
    /// FNV-1a 64, as 16 hexadecimal digits.
    pub fingerprint: String,
}

impl TalkId {
    pub fn of(talk: &Talk) -> TalkId {
        TalkId {
            title: talk.title.chars().take(TITLE_CHARS).collect(),
            fingerprint: format!("{:016x}", fingerprint(talk)),
        }
    }
}

/// FNV-1a 64 over the talk's canonical content: its title, planned duration and every beat's
/// screen, caption and notes, each field ended by a byte no text contains. The same talk read
/// from the built-in copy or from a file of the same content has the same fingerprint;
/// comments and layout in the file do not count.
pub fn fingerprint(talk: &Talk) -> u64 {
    let mut hash = Fnv::default();
    hash.field(talk.title.as_bytes());
    let duration = talk.duration.map_or(0, |d| d.as_secs());
    hash.field(duration.to_string().as_bytes());
    for beat in &talk.beats {
        hash.field(format!("{:?}", beat.screen).as_bytes());
        hash.field(beat.caption.join("\n").as_bytes());
        hash.field(beat.notes.as_bytes());
    }
    hash.0
}

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// A field and its end: `ab`,`c` and `a`,`bc` differ.
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(bytes);
        self.bytes(&[0]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    fn talk() -> Talk {
        Talk::embedded(&Dataset::embedded().expect("the embedded dataset loads"))
            .expect("the built-in talk loads")
    }

    #[test]
    fn fnv_1a_matches_its_reference_values() {
        // From the FNV reference (draft-eastlake-fnv): "" and "a".
        let mut empty = Fnv::default();
        empty.bytes(b"");
        assert_eq!(empty.0, 0xcbf2_9ce4_8422_2325);
        let mut a = Fnv::default();
        a.bytes(b"a");
        assert_eq!(a.0, 0xaf63_dc4c_8601_ec8c);
        let mut foobar = Fnv::default();
        foobar.bytes(b"foobar");
        assert_eq!(foobar.0, 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_part_of_the_talk_a_console_shows_changes_the_fingerprint() {
        let talk = talk();
        let same = fingerprint(&talk);
        assert_eq!(fingerprint(&talk.clone()), same);
        let mut title = talk.clone();
        title.title.push('!');
        let mut duration = talk.clone();
        duration.duration = Some(std::time::Duration::from_secs(1));
        let mut caption = talk.clone();
        caption.beats[3].caption.push("more".to_owned());
        let mut notes = talk.clone();
        notes.beats[5].notes.push('.');
        let mut screen = talk.clone();
        screen.beats[2].screen.year = None;
        let mut fewer = talk.clone();
        fewer.beats.pop();
        for (what, other) in [
            ("title", title),
            ("duration", duration),
            ("caption", caption),
            ("notes", notes),
            ("screen", screen),
            ("beats", fewer),
        ] {
            assert_ne!(fingerprint(&other), same, "{what}");
        }
    }

    #[test]
    fn fields_are_kept_apart() {
        let mut ab = Fnv::default();
        ab.field(b"ab");
        ab.field(b"c");
        let mut a = Fnv::default();
        a.field(b"a");
        a.field(b"bc");
        assert_ne!(ab.0, a.0);
    }

    #[test]
    fn a_message_names_the_talk_by_a_short_title_and_sixteen_hex_digits() {
        let mut talk = talk();
        talk.title = "深".repeat(100);
        let id = TalkId::of(&talk);
        assert_eq!(id.title.chars().count(), TITLE_CHARS);
        assert_eq!(id.fingerprint.len(), 16);
        assert!(id.fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn the_dashboard_listens_on_loopback_only() {
        assert!(address(DEFAULT_PORT).ip().is_loopback());
        assert_eq!(address(4000).port(), 4000);
    }
}
