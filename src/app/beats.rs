//! The dashboard in a talk: starting one, a beat's screen put up (`show`, the one place a
//! beat's fields reach the dashboard) and read back (`screen`), detours, and the caption while
//! the beat's own screen shows.

use super::{App, Overlay};
use crate::action::Mode;
use crate::talk::{self, Screen, Talk};

impl App {
    /// Gives `talk` (checked against this app's dataset), from its first beat.
    #[must_use]
    pub fn with_talk(mut self, talk: Talk) -> App {
        self.talk = Some(talk::State::new(talk));
        self.go_to_beat(0);
        self
    }

    /// Shows beat `index` of the talk (the last, if there is no such beat): how a frame per
    /// beat is drawn without keys.
    pub fn go_to_beat(&mut self, index: usize) {
        if let Some(screen) = self.talk.as_mut().and_then(|t| t.go_to(index)) {
            self.show(&screen);
        }
    }

    /// The talk being given, and where it is.
    pub fn talk(&self) -> Option<&talk::State> {
        self.talk.as_ref()
    }

    /// Which keys are in force.
    pub fn mode(&self) -> Mode {
        if self.talk.is_some() {
            Mode::Talk
        } else {
            Mode::Dashboard
        }
    }

    /// What is on the screen, as a beat would say it; `None` while the help is open or the
    /// sources are scrolled, which no beat shows.
    pub fn screen(&self) -> Option<Screen> {
        let sources = match self.overlay {
            None => false,
            Some(Overlay::Sources { scroll: 0 }) => true,
            Some(_) => return None,
        };
        Some(Screen {
            tab: self.tab,
            chart: self.focus,
            year: self.cursor,
            range: self.range(),
            view: self.view(),
            sources,
        })
    }

    /// In a talk, whether the screen is off the current beat's (or autoplay will take it
    /// off): a question from the audience, which `r` ends.
    pub fn is_detour(&self) -> bool {
        self.talk
            .as_ref()
            .and_then(talk::State::beat)
            .is_some_and(|beat| self.screen() != Some(beat.screen) || self.autoplay.is_some())
    }

    /// The current beat's caption while its screen shows; none on a detour.
    pub fn caption(&self) -> Option<&[String]> {
        let beat = self.talk.as_ref()?.beat()?;
        (!beat.caption.is_empty() && !self.is_detour()).then_some(beat.caption.as_slice())
    }

    /// Puts the current beat's `screen` up, with its annotations. Autoplay stops: it would take
    /// the screen off the beat.
    pub(super) fn show(&mut self, screen: &Screen) {
        self.tab = screen.tab.min(self.data.pages.len().saturating_sub(1));
        self.focus = screen.chart;
        self.cursor = screen.year;
        self.set_range(screen.range);
        self.annotations = self
            .talk
            .as_ref()
            .and_then(talk::State::beat)
            .and_then(|beat| beat.annotations.clone());
        if let Some(view) = self.views.get_mut(self.tab) {
            *view = screen.view;
        }
        self.overlay = screen.sources.then_some(Overlay::Sources { scroll: 0 });
        self.autoplay = None;
    }
}
