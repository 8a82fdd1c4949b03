//! The pre-flight test card (`shenzhen-dash preflight`): what a speaker checks at the venue
//! before going on stage. This module holds the card's state and what a key changes in it;
//! [`contrast`], [`depth`] and [`keys`] hold its arithmetic and wording, `ui/preflight.rs`
//! draws it, and `tui` runs it like the dashboard.

pub mod contrast;
pub mod depth;
pub mod keys;

use ratatui::crossterm::event::{Event, KeyEventKind};

use crate::action::{self, Action, Mode};
use crate::data::Dataset;
use crate::theme::Theme;
use depth::Env;
use keys::Meaning;

/// How many key presses the card remembers: a clicker button that sends two keys shows both.
pub const HISTORY: usize = 8;

/// One key press, as the card echoes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Echo {
    /// The press's number, from 1: two numbers for one click mean two keys were sent.
    pub number: u32,
    pub name: String,
    pub meanings: Vec<Meaning>,
}

/// Everything the card shows is derived from this.
#[derive(Debug, Clone)]
pub struct Preflight {
    /// The dataset the dashboard would chart: its tabs are what must fit.
    pub data: Dataset,
    /// The theme the dashboard would start with, as `--theme` and the colour depth make it.
    pub theme: Theme,
    pub ascii: bool,
    pub env: Env,
    /// The latest key presses, newest first.
    echoes: Vec<Echo>,
    presses: u32,
    quit: bool,
}

impl Preflight {
    pub fn new(data: Dataset, theme: Theme, ascii: bool, env: Env) -> Preflight {
        Preflight {
            data,
            theme,
            ascii,
            env,
            echoes: Vec::new(),
            presses: 0,
            quit: false,
        }
    }

    /// The latest key presses, newest first.
    pub fn echoes(&self) -> &[Echo] {
        &self.echoes
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A terminal event: a key press is echoed, but the keys that quit the dashboard (`q`,
    /// `Ctrl-C`) leave the card. `Esc` does not: a clicker sends it. Returns whether the card
    /// changed.
    pub fn handle(&mut self, event: &Event) -> bool {
        let Event::Key(key) = event else {
            return false;
        };
        if key.kind != KeyEventKind::Press {
            return false;
        }
        if matches!(
            action::from_key(*key, Mode::Dashboard),
            Action::Quit | Action::QuitNow
        ) {
            self.quit = true;
            return false;
        }
        self.presses = self.presses.saturating_add(1);
        self.echoes.insert(
            0,
            Echo {
                number: self.presses,
                name: keys::name(*key),
                meanings: keys::meanings(*key, &self.data.pages),
            },
        );
        self.echoes.truncate(HISTORY);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{
        KeyCode, KeyEvent, KeyEventState, KeyModifiers, MouseEvent, MouseEventKind,
    };

    #[allow(clippy::unwrap_used)]
    fn card() -> Preflight {
        Preflight::new(
            Dataset::embedded().unwrap(),
            Theme::dark(),
            false,
            Env::default(),
        )
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    fn names(card: &Preflight) -> Vec<(u32, &str)> {
        card.echoes()
            .iter()
            .map(|e| (e.number, e.name.as_str()))
            .collect()
    }

    #[test]
    fn keys_are_echoed_newest_first_and_esc_does_not_leave() {
        let mut card = card();
        assert!(card.handle(&key(KeyCode::F(5), KeyModifiers::NONE)));
        assert!(card.handle(&key(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(card.handle(&key(KeyCode::PageDown, KeyModifiers::NONE)));
        assert_eq!(names(&card), [(3, "PageDown"), (2, "Esc"), (1, "F5")]);
        assert_eq!(card.echoes()[0].meanings[0].action, Action::NextTab);
        assert!(!card.should_quit());
    }

    #[test]
    fn only_the_latest_presses_are_kept() {
        let mut card = card();
        for _ in 0..HISTORY + 3 {
            card.handle(&key(KeyCode::Char('x'), KeyModifiers::NONE));
        }
        assert_eq!(card.echoes().len(), HISTORY);
        assert_eq!(card.echoes()[0].number, HISTORY as u32 + 3);
        assert_eq!(card.echoes()[HISTORY - 1].number, 4);
    }

    #[test]
    fn q_and_ctrl_c_leave() {
        for (code, modifiers) in [
            (KeyCode::Char('q'), KeyModifiers::NONE),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
        ] {
            let mut card = card();
            assert!(!card.handle(&key(code, modifiers)));
            assert!(card.should_quit(), "{code:?}");
            assert!(card.echoes().is_empty());
        }
    }

    #[test]
    fn releases_repeats_mouse_and_focus_change_nothing() {
        let mut card = card();
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let release = Event::Key(KeyEvent::new_with_kind_and_state(
                KeyCode::Char('q'),
                KeyModifiers::NONE,
                kind,
                KeyEventState::NONE,
            ));
            assert!(!card.handle(&release));
        }
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 0,
            row: 0,
            modifiers: KeyModifiers::NONE,
        });
        assert!(!card.handle(&wheel));
        assert!(!card.handle(&Event::FocusGained));
        assert!(card.echoes().is_empty());
        assert!(!card.should_quit());
    }
}
