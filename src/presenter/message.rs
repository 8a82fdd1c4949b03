//! What goes over the presenter link, as one small JSON object a datagram: the format's
//! version, the talk it belongs to, and what it says. A datagram that is too large, not a
//! message, of another version or for another talk decodes to nothing: it is ignored, never an
//! error.
//!
//! ```json
//! {"v":1,"talk":{"title":"…","fingerprint":"…"},"body":{"msg":"state","beat":2,"beats":14,"elapsed_ms":65000,"detour":false}}
//! ```

use serde::{Deserialize, Serialize};

use super::TalkId;
use crate::action::Action;

/// The version of the format; a message of any other is ignored.
pub const VERSION: u32 = 1;

/// The largest datagram accepted, in bytes: a message is a few hundred.
pub const MAX_LEN: usize = 1024;

/// What a message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "msg", rename_all = "lowercase")]
pub enum Body {
    /// Console → dashboard, every second: "I follow you; where are you?"
    Hello,
    /// Dashboard → console: where the talk is, in reply to a hello and at every change.
    State(Progress),
    /// Console → dashboard: a key pressed at the console.
    Key { action: Remote },
    /// Either way: "I am leaving" (a console that quits, a dashboard that ends).
    Bye,
}

/// Where a talk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The current beat, from 0.
    pub beat: usize,
    /// How many beats the talk has.
    pub beats: usize,
    /// Milliseconds since the first beat was shown.
    pub elapsed_ms: u64,
    /// The screen is off the beat's (a question from the audience); `r` returns.
    pub detour: bool,
}

/// The keys a console may send: the beat keys of a talk, nothing else. A console cannot quit
/// the dashboard or change what the beat shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Remote {
    Next,
    Previous,
    First,
    Return,
}

impl Remote {
    /// The remote key for a talk's beat action; `None` for every other action.
    pub fn from_action(action: Action) -> Option<Remote> {
        match action {
            Action::NextBeat => Some(Remote::Next),
            Action::PrevBeat => Some(Remote::Previous),
            Action::FirstBeat => Some(Remote::First),
            Action::ReturnToBeat => Some(Remote::Return),
            _ => None,
        }
    }

    /// The action the dashboard takes, as if the key had been pressed there.
    pub fn action(self) -> Action {
        match self {
            Remote::Next => Action::NextBeat,
            Remote::Previous => Action::PrevBeat,
            Remote::First => Action::FirstBeat,
            Remote::Return => Action::ReturnToBeat,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    v: u32,
    talk: TalkId,
    body: Body,
}

/// The datagram for `body`, in `talk`.
pub fn encode(talk: &TalkId, body: Body) -> Vec<u8> {
    let envelope = Envelope {
        v: VERSION,
        talk: talk.clone(),
        body,
    };
    serde_json::to_vec(&envelope).unwrap_or_default()
}

/// What a datagram says, if it is a message of this version for `talk` that makes sense (a
/// state's beat is one of its beats); `None` for anything else.
pub fn decode(bytes: &[u8], talk: &TalkId) -> Option<Body> {
    if bytes.len() > MAX_LEN {
        return None;
    }
    let envelope: Envelope = serde_json::from_slice(bytes).ok()?;
    if envelope.v != VERSION || envelope.talk != *talk {
        return None;
    }
    match envelope.body {
        Body::State(progress) if progress.beat >= progress.beats => None,
        body => Some(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn talk() -> TalkId {
        TalkId {
            title: "Shenzhen's decade of innovation".to_owned(),
            fingerprint: "0123456789abcdef".to_owned(),
        }
    }

    const STATE: Body = Body::State(Progress {
        beat: 2,
        beats: 14,
        elapsed_ms: 65_000,
        detour: true,
    });

    fn every_body() -> [Body; 7] {
        [
            Body::Hello,
            STATE,
            Body::Key {
                action: Remote::Next,
            },
            Body::Key {
                action: Remote::Previous,
            },
            Body::Key {
                action: Remote::First,
            },
            Body::Key {
                action: Remote::Return,
            },
            Body::Bye,
        ]
    }

    #[test]
    fn every_message_survives_the_round_trip() {
        for body in every_body() {
            let bytes = encode(&talk(), body);
            assert!(bytes.len() <= MAX_LEN, "{body:?}");
            assert_eq!(decode(&bytes, &talk()), Some(body));
        }
    }

    #[test]
    fn the_wire_format_is_as_documented() {
        let text = String::from_utf8(encode(&talk(), STATE)).expect("JSON is UTF-8");
        assert_eq!(
            text,
            r#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"state","beat":2,"beats":14,"elapsed_ms":65000,"detour":true}}"#
        );
        let key = String::from_utf8(encode(
            &talk(),
            Body::Key {
                action: Remote::Return,
            },
        ))
        .expect("JSON is UTF-8");
        assert!(
            key.ends_with(r#""body":{"msg":"key","action":"return"}}"#),
            "{key}"
        );
    }

    #[test]
    fn another_version_is_ignored() {
        let bytes = String::from_utf8(encode(&talk(), Body::Hello)).expect("JSON is UTF-8");
        for v in ["0", "2", "-1", "1.5", "\"1\""] {
            let other = bytes.replacen("\"v\":1", &format!("\"v\":{v}"), 1);
            assert_ne!(other, bytes);
            assert_eq!(decode(other.as_bytes(), &talk()), None, "{v}");
        }
    }

    #[test]
    fn another_talk_is_ignored() {
        let bytes = encode(&talk(), STATE);
        let mut fingerprint = talk();
        fingerprint.fingerprint = "0123456789abcdee".to_owned();
        assert_eq!(decode(&bytes, &fingerprint), None);
        let mut title = talk();
        title.title.push('?');
        assert_eq!(decode(&bytes, &title), None);
    }

    #[test]
    fn an_oversized_datagram_is_ignored_even_if_it_is_a_message() {
        let mut long = talk();
        long.title = "x".repeat(MAX_LEN);
        let bytes = encode(&long, Body::Hello);
        assert!(bytes.len() > MAX_LEN);
        assert_eq!(decode(&bytes, &long), None);
        // Just under the limit is fine.
        let mut padded = talk();
        let base = encode(&padded, Body::Hello).len();
        padded.title.push_str(&"x".repeat(MAX_LEN - base));
        let bytes = encode(&padded, Body::Hello);
        assert_eq!(bytes.len(), MAX_LEN);
        assert_eq!(decode(&bytes, &padded), Some(Body::Hello));
    }

    #[test]
    fn garbage_and_nonsense_are_ignored() {
        let bad: [&[u8]; 10] = [
            b"",
            b"hello",
            b"{}",
            b"null",
            b"\xff\xfe\x00",
            br#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"quit"}}"#,
            br#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"key","action":"quit"}}"#,
            br#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"state","beat":14,"beats":14,"elapsed_ms":0,"detour":false}}"#,
            br#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"state","beat":0,"beats":14,"elapsed_ms":-5,"detour":false}}"#,
            br#"{"v":1,"talk":{"title":"Shenzhen's decade of innovation","fingerprint":"0123456789abcdef"},"body":{"msg":"hello"},"extra":1}"#,
        ];
        for bytes in bad {
            assert_eq!(
                decode(bytes, &talk()),
                None,
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn remote_keys_are_the_talk_beat_actions_and_no_others() {
        for remote in [
            Remote::Next,
            Remote::Previous,
            Remote::First,
            Remote::Return,
        ] {
            assert_eq!(Remote::from_action(remote.action()), Some(remote));
        }
        for other in [
            Action::Quit,
            Action::QuitNow,
            Action::NextTab,
            Action::Back,
            Action::Blank,
        ] {
            assert_eq!(Remote::from_action(other), None, "{other:?}");
        }
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic_and_are_never_accepted(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048)
        ) {
            prop_assert_eq!(decode(&bytes, &talk()), None);
        }

        #[test]
        fn a_message_cut_short_is_never_accepted(
            which in 0usize..7,
            cut in any::<prop::sample::Index>(),
        ) {
            let bytes = encode(&talk(), every_body()[which]);
            let short = &bytes[..cut.index(bytes.len())];
            prop_assert_eq!(decode(short, &talk()), None);
        }

        #[test]
        fn a_message_for_any_other_talk_is_never_accepted(
            which in 0usize..7,
            fingerprint in "[0-9a-f]{16}",
        ) {
            prop_assume!(fingerprint != talk().fingerprint);
            let other = TalkId { fingerprint, ..talk() };
            prop_assert_eq!(decode(&encode(&other, every_body()[which]), &talk()), None);
        }
    }
}
