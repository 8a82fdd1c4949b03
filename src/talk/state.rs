//! Where a talk is while it is given: the current beat, and whether the first `q` has asked
//! "press q again to quit". No clock here: the time comes in with each action, as in `App`.

use std::time::{Duration, Instant};

use super::{Beat, Screen, Talk};
use crate::action::Action;

/// How long "press q again to quit" stays up; a `q` after it asks again.
pub const QUIT_PROMPT: Duration = Duration::from_secs(3);

/// A talk being given.
#[derive(Debug, Clone)]
pub struct State {
    talk: Talk,
    /// An index into the talk's beats.
    beat: usize,
    /// When the first `q` asked, while the question is up.
    quit_asked: Option<Instant>,
}

impl State {
    /// At the first beat.
    pub fn new(talk: Talk) -> State {
        State {
            talk,
            beat: 0,
            quit_asked: None,
        }
    }

    pub fn talk(&self) -> &Talk {
        &self.talk
    }

    /// The current beat's index, from 0.
    pub fn index(&self) -> usize {
        self.beat
    }

    /// The current beat.
    pub fn beat(&self) -> Option<&Beat> {
        self.talk.beats.get(self.beat)
    }

    /// Goes to beat `index` (the last, if there is no such beat) and gives its screen.
    pub fn go_to(&mut self, index: usize) -> Option<Screen> {
        self.beat = index.min(self.talk.beats.len().saturating_sub(1));
        self.beat().map(|beat| beat.screen)
    }

    /// The screen a talk key leads to: the next beat (the last stays), the previous, the
    /// first, or the current one again. `None` for every other action.
    pub fn go(&mut self, action: Action) -> Option<Screen> {
        let index = match action {
            Action::NextBeat => self.beat + 1,
            Action::PrevBeat => self.beat.saturating_sub(1),
            Action::FirstBeat => 0,
            Action::ReturnToBeat => self.beat,
            _ => return None,
        };
        self.go_to(index)
    }

    /// `q`: whether to quit. Only a `q` while the question is up does; any other asks it.
    pub fn confirm_quit(&mut self, now: Instant) -> bool {
        match self.quit_asked {
            Some(asked) if now < asked + QUIT_PROMPT => true,
            _ => {
                self.quit_asked = Some(now);
                false
            }
        }
    }

    /// Takes the question down when another key comes or its time is up; whether it was up
    /// (and so the screen needs redrawing). `q` is [`State::confirm_quit`]'s, and a key that
    /// does nothing (`F5`) leaves it.
    pub fn hear(&mut self, action: Action, now: Instant) -> bool {
        match action {
            Action::Quit | Action::QuitNow | Action::Nothing => false,
            Action::Tick => {
                let expired = self.deadline().is_some_and(|at| now >= at);
                if expired {
                    self.quit_asked = None;
                }
                expired
            }
            _ => self.quit_asked.take().is_some(),
        }
    }

    /// Whether "press q again to quit" is up.
    pub fn asking_to_quit(&self) -> bool {
        self.quit_asked.is_some()
    }

    /// When the event loop must wake to take the question down; `None` otherwise, so an idle
    /// talk costs nothing.
    pub fn deadline(&self) -> Option<Instant> {
        self.quit_asked.map(|asked| asked + QUIT_PROMPT)
    }
}
