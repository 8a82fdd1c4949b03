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
        self.app.mark(recorder);
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
