//! The dashboard's side of the link: the dashboard giving a talk, with the socket consoles
//! talk to. It answers each console's hello with where the talk is, tells every console of
//! each change of beat (or of a detour), takes a console's beat keys as its own, and says
//! goodbye when it ends. Sends never wait: a datagram is handed to the kernel or dropped.

use std::net::{SocketAddr, UdpSocket};
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::TalkId;
use super::followers::Followers;
use super::message::{self, Body, Progress};
use crate::action::{self, Action};
use crate::app::App;
use crate::tui::{Recorder, Screen};
use crate::ui;

/// The dashboard, and with a talk and a socket, the consoles that follow it.
pub struct Hosted {
    pub app: App,
    link: Option<Link>,
}

struct Link {
    socket: UdpSocket,
    talk: TalkId,
    followers: Followers,
    /// When the first beat was shown: at the start, and again at `Home` (the first beat), so
    /// that a speaker who set up early starts the clock with the talk.
    started: Instant,
    /// The beat and detour the followers were last told of.
    told: (usize, bool),
}

impl Hosted {
    /// The dashboard `app`; with a talk and a `socket` (bound to loopback), consoles can follow
    /// it, from `now` on.
    pub fn new(app: App, socket: Option<UdpSocket>, now: Instant) -> Hosted {
        let link = socket.zip(app.talk()).map(|(socket, talk)| Link {
            socket,
            talk: TalkId::of(talk.talk()),
            followers: Followers::default(),
            started: now,
            told: (talk.index(), app.is_detour()),
        });
        Hosted { app, link }
    }

    /// Where the talk is, `now`, as a console is told.
    pub fn progress(&self, now: Instant) -> Option<Progress> {
        let link = self.link.as_ref()?;
        let talk = self.app.talk()?;
        Some(Progress {
            beat: talk.index(),
            beats: talk.talk().beats.len(),
            elapsed_ms: u64::try_from(now.saturating_duration_since(link.started).as_millis())
                .unwrap_or(u64::MAX),
            detour: self.app.is_detour(),
        })
    }

    /// An action, from a key here or at a console: the dashboard's, and every console is told
    /// if the beat or the detour changed.
    pub fn act(&mut self, action: Action, now: Instant) -> bool {
        if action == Action::FirstBeat
            && let Some(link) = &mut self.link
        {
            link.started = now;
        }
        let changed = self.app.update(action, now);
        self.tell_if_moved(now);
        changed
    }

    fn tell_if_moved(&mut self, now: Instant) {
        let Some(progress) = self.progress(now) else {
            return;
        };
        let Some(link) = &mut self.link else {
            return;
        };
        let now_at = (progress.beat, progress.detour);
        if link.told != now_at {
            link.told = now_at;
            let bytes = message::encode(&link.talk, Body::State(progress));
            for to in link.followers.current(now) {
                // Fire and forget: a console that is gone is no concern of the talk's.
                let _ = link.socket.send_to(&bytes, to);
            }
        }
    }

    /// What a console said, from `from`: a hello is answered, a key is acted on, a bye
    /// forgotten; anything else is ignored. Returns whether the screen changed.
    pub fn hear(&mut self, bytes: &[u8], from: SocketAddr, now: Instant) -> bool {
        let Some(link) = &mut self.link else {
            return false;
        };
        match message::decode(bytes, &link.talk) {
            Some(Body::Hello) => {
                link.followers.heard(from, now);
                if let Some(progress) = self.progress(now)
                    && let Some(link) = &self.link
                {
                    let bytes = message::encode(&link.talk, Body::State(progress));
                    let _ = link.socket.send_to(&bytes, from);
                }
                false
            }
            Some(Body::Key { action }) => {
                link.followers.heard(from, now);
                self.act(action.action(), now)
            }
            Some(Body::Bye) => {
                link.followers.forget(from);
                false
            }
            Some(Body::State(_)) | None => false,
        }
    }
}

impl Drop for Hosted {
    /// The dashboard ends: every console is told at once, rather than after its timeout.
    fn drop(&mut self) {
        if let Some(link) = &mut self.link {
            let bytes = message::encode(&link.talk, Body::Bye);
            for to in link.followers.current(Instant::now()) {
                let _ = link.socket.send_to(&bytes, to);
            }
        }
    }
}

impl Screen for Hosted {
    fn handle(&mut self, event: &Event, area: Rect, now: Instant) -> bool {
        // As `App`'s own: the tab bar is as wide as the last frame drawn.
        let tab_at = |column, row| ui::tab_at(&self.app.data.pages, area.width, column, row);
        action::from_event(event, self.app.mode(), tab_at)
            .is_some_and(|action| self.act(action, now))
    }

    fn deadline(&self) -> Option<Instant> {
        self.app.deadline()
    }

    fn tick(&mut self, now: Instant) -> bool {
        self.act(Action::Tick, now)
    }

    fn should_quit(&self) -> bool {
        self.app.should_quit()
    }

    fn mark(&self, recorder: &mut Recorder) {
        recorder.drawn(&self.app);
    }

    fn socket(&self) -> Option<UdpSocket> {
        self.link.as_ref()?.socket.try_clone().ok()
    }

    fn datagram(&mut self, bytes: &[u8], from: SocketAddr, now: Instant) -> bool {
        self.hear(bytes, from, now)
    }
}

impl Widget for &Hosted {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.app.render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::talk::Talk;
    use std::net::Ipv4Addr;
    use std::time::Duration;

    /// A socket on loopback, on a port the system picks: tests never collide.
    fn socket() -> UdpSocket {
        let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).expect("loopback binds");
        socket
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("a timeout can be set");
        socket
    }

    fn hosted(now: Instant) -> (Hosted, SocketAddr, TalkId) {
        let data = Dataset::embedded().expect("the embedded dataset loads");
        let talk = Talk::embedded(&data).expect("the built-in talk loads");
        let id = TalkId::of(&talk);
        let app = App::new(data).with_talk(talk);
        let socket = socket();
        let address = socket.local_addr().expect("a bound socket has an address");
        (Hosted::new(app, Some(socket), now), address, id)
    }

    /// The next message `console` receives, from `dashboard`.
    fn receive(console: &UdpSocket, dashboard: SocketAddr, id: &TalkId) -> Option<Body> {
        let mut buf = [0; 2048];
        let (len, from) = console.recv_from(&mut buf).expect("a reply comes");
        assert_eq!(from, dashboard);
        message::decode(&buf[..len], id)
    }

    /// Whether anything is waiting for `console` (loopback delivers before `send_to` returns).
    fn nothing_for(console: &UdpSocket) -> bool {
        console.set_nonblocking(true).expect("non-blocking");
        let mut buf = [0; 2048];
        let nothing = console
            .recv_from(&mut buf)
            .is_err_and(|err| err.kind() == std::io::ErrorKind::WouldBlock);
        console.set_nonblocking(false).expect("blocking");
        nothing
    }

    fn state(beat: usize, elapsed_ms: u64, detour: bool) -> Body {
        Body::State(Progress {
            beat,
            beats: 14,
            elapsed_ms,
            detour,
        })
    }

    #[test]
    fn a_hello_is_answered_with_where_the_talk_is() {
        let start = Instant::now();
        let (mut hosted, dashboard, id) = hosted(start);
        let console = socket();
        let me = console.local_addr().expect("bound");
        let hello = message::encode(&id, Body::Hello);
        assert!(!hosted.hear(&hello, me, start + Duration::from_millis(1_500)));
        assert_eq!(
            receive(&console, dashboard, &id),
            Some(state(0, 1_500, false))
        );
        assert!(nothing_for(&console));
    }

    #[test]
    fn a_console_key_moves_the_dashboard_and_every_console_hears_it() {
        let start = Instant::now();
        let (mut hosted, dashboard, id) = hosted(start);
        let (one, two) = (socket(), socket());
        let hello = message::encode(&id, Body::Hello);
        for console in [&one, &two] {
            hosted.hear(&hello, console.local_addr().expect("bound"), start);
            receive(console, dashboard, &id);
        }
        let next = message::encode(
            &id,
            Body::Key {
                action: message::Remote::Next,
            },
        );
        let at = start + Duration::from_secs(2);
        assert!(hosted.hear(&next, one.local_addr().expect("bound"), at));
        assert_eq!(hosted.app.talk().map(crate::talk::State::index), Some(1));
        for console in [&one, &two] {
            assert_eq!(
                receive(console, dashboard, &id),
                Some(state(1, 2_000, false))
            );
        }
        // A key that moves nothing tells nobody anything.
        assert!(!hosted.act(Action::Nothing, at));
        assert!(nothing_for(&one) && nothing_for(&two));
        // A detour, and r, are news too.
        hosted.act(Action::NextTab, at);
        assert_eq!(receive(&two, dashboard, &id), Some(state(1, 2_000, true)));
        hosted.act(Action::ReturnToBeat, at);
        assert_eq!(receive(&two, dashboard, &id), Some(state(1, 2_000, false)));
    }

    #[test]
    fn home_restarts_the_clock() {
        let start = Instant::now();
        let (mut hosted, _, _) = hosted(start);
        let at = start + Duration::from_secs(600);
        hosted.act(Action::NextBeat, at);
        assert_eq!(hosted.progress(at).map(|p| p.elapsed_ms), Some(600_000));
        hosted.act(Action::FirstBeat, at);
        let later = at + Duration::from_secs(3);
        assert_eq!(hosted.progress(later).map(|p| p.elapsed_ms), Some(3_000));
        // Going back to the first beat step by step does not.
        hosted.act(Action::NextBeat, later);
        hosted.act(Action::PrevBeat, later);
        assert_eq!(hosted.progress(later).map(|p| p.elapsed_ms), Some(3_000));
        assert_eq!(
            hosted
                .progress(later + Duration::from_secs(1))
                .map(|p| p.elapsed_ms),
            Some(4_000)
        );
    }

    #[test]
    fn strangers_and_other_talks_get_no_answer_and_no_say() {
        let start = Instant::now();
        let (mut hosted, _, id) = hosted(start);
        let console = socket();
        let me = console.local_addr().expect("bound");
        let mut other = id.clone();
        other.fingerprint = "0000000000000000".to_owned();
        assert!(!hosted.hear(&message::encode(&other, Body::Hello), me, start));
        let next = Body::Key {
            action: message::Remote::Next,
        };
        assert!(!hosted.hear(&message::encode(&other, next), me, start));
        assert!(!hosted.hear(b"{\"v\":1}", me, start));
        // A console does not tell the dashboard where it is.
        assert!(!hosted.hear(&message::encode(&id, state(5, 0, false)), me, start));
        assert_eq!(hosted.app.talk().map(crate::talk::State::index), Some(0));
        assert!(nothing_for(&console));
    }

    #[test]
    fn a_console_that_says_bye_is_told_nothing_more_and_the_dashboard_says_bye_to_the_rest() {
        let start = Instant::now();
        let (mut hosted, dashboard, id) = hosted(start);
        let (leaving, staying) = (socket(), socket());
        let hello = message::encode(&id, Body::Hello);
        for console in [&leaving, &staying] {
            hosted.hear(&hello, console.local_addr().expect("bound"), start);
            receive(console, dashboard, &id);
        }
        let bye = message::encode(&id, Body::Bye);
        hosted.hear(&bye, leaving.local_addr().expect("bound"), start);
        hosted.act(Action::NextBeat, start);
        assert!(nothing_for(&leaving));
        assert_eq!(receive(&staying, dashboard, &id), Some(state(1, 0, false)));
        drop(hosted);
        assert_eq!(receive(&staying, dashboard, &id), Some(Body::Bye));
        assert!(nothing_for(&leaving));
    }

    #[test]
    fn without_a_talk_or_a_socket_there_is_no_link() {
        let data = Dataset::embedded().expect("the embedded dataset loads");
        let now = Instant::now();
        let hosted = Hosted::new(App::new(data.clone()), Some(socket()), now);
        assert!(hosted.socket().is_none());
        assert_eq!(hosted.progress(now), None);
        let talk = Talk::embedded(&data).expect("the built-in talk loads");
        let hosted = Hosted::new(App::new(data).with_talk(talk), None, now);
        assert!(hosted.socket().is_none());
        assert_eq!(hosted.progress(now), None);
    }
}

#[cfg(test)]
mod screen_tests {
    //! The dashboard as the event loop drives it, through `tui::Screen`.

    use super::*;
    use crate::data::Dataset;
    use crate::talk::Talk;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::net::Ipv4Addr;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn hosted(now: Instant) -> (Hosted, TalkId) {
        let data = Dataset::embedded().expect("the embedded dataset loads");
        let talk = Talk::embedded(&data).expect("the built-in talk loads");
        let id = TalkId::of(&talk);
        let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).expect("loopback binds");
        (
            Hosted::new(App::new(data).with_talk(talk), Some(socket), now),
            id,
        )
    }

    fn beat(hosted: &Hosted) -> Option<usize> {
        hosted.app.talk().map(crate::talk::State::index)
    }

    #[test]
    fn keys_here_are_the_dashboard_keys() {
        let now = Instant::now();
        let (mut hosted, _) = hosted(now);
        let area = Rect::new(0, 0, 100, 30);
        assert!(Screen::handle(
            &mut hosted,
            &key(KeyCode::PageDown),
            area,
            now
        ));
        assert_eq!(beat(&hosted), Some(1));
        assert!(!Screen::handle(&mut hosted, &key(KeyCode::F(5)), area, now));
        // q asks, and the question goes by itself: a deadline, then a tick.
        assert_eq!(Screen::deadline(&hosted), None);
        assert!(Screen::handle(
            &mut hosted,
            &key(KeyCode::Char('q')),
            area,
            now
        ));
        let asked = Screen::deadline(&hosted).expect("the question has a deadline");
        assert!(Screen::tick(&mut hosted, asked));
        assert!(!Screen::should_quit(&hosted));
        Screen::handle(&mut hosted, &key(KeyCode::Char('q')), area, asked);
        Screen::handle(&mut hosted, &key(KeyCode::Char('q')), area, asked);
        assert!(Screen::should_quit(&hosted));
    }

    #[test]
    fn a_console_key_comes_in_as_a_datagram() {
        let now = Instant::now();
        let (mut hosted, id) = hosted(now);
        let woken = Screen::socket(&hosted).expect("a talk with a socket is woken on it");
        assert!(woken.local_addr().is_ok());
        let next = message::encode(
            &id,
            Body::Key {
                action: message::Remote::Next,
            },
        );
        let from = super::super::address(9);
        assert!(Screen::datagram(&mut hosted, &next, from, now));
        assert_eq!(beat(&hosted), Some(1));
        assert!(!Screen::datagram(&mut hosted, b"noise", from, now));
    }
}
