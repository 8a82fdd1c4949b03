//! What the user can ask for, and the one table that maps keys to it. The footer's hints are
//! generated from the same table, so they cannot drift from the key handling.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A verb the app understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the next tab, wrapping after the last.
    NextTab,
    /// Show the previous tab, wrapping before the first.
    PrevTab,
    /// Show the tab at this zero-based index, if it exists.
    GoToTab(usize),
    /// Leave the dashboard and restore the terminal.
    Quit,
}

/// A key chord: a key code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn key(code: KeyCode) -> Key {
    Key(code, KeyModifiers::NONE)
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// What the keys do, for hints and help.
    pub action: Command,
    /// The keys as shown to the user.
    pub label: &'static str,
    pub description: &'static str,
}

/// A binding's verb. `JumpToTab` takes its tab number from the digit pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Next,
    Prev,
    JumpToTab,
    Quit,
}

const DIGITS: [Key; 9] = [
    key(KeyCode::Char('1')),
    key(KeyCode::Char('2')),
    key(KeyCode::Char('3')),
    key(KeyCode::Char('4')),
    key(KeyCode::Char('5')),
    key(KeyCode::Char('6')),
    key(KeyCode::Char('7')),
    key(KeyCode::Char('8')),
    key(KeyCode::Char('9')),
];

/// Every key binding, in the order hints show them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[
            key(KeyCode::Right),
            key(KeyCode::Char('l')),
            key(KeyCode::Tab),
            key(KeyCode::PageDown),
        ],
        action: Command::Next,
        label: "→ l Tab PgDn",
        description: "next tab",
    },
    Binding {
        keys: &[
            key(KeyCode::Left),
            key(KeyCode::Char('h')),
            Key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::BackTab),
            key(KeyCode::PageUp),
        ],
        action: Command::Prev,
        label: "← h S-Tab PgUp",
        description: "previous tab",
    },
    Binding {
        keys: &DIGITS,
        action: Command::JumpToTab,
        label: "1-9",
        description: "jump to tab",
    },
    Binding {
        keys: &[
            key(KeyCode::Char('q')),
            key(KeyCode::Esc),
            Key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ],
        action: Command::Quit,
        label: "q Esc C-c",
        description: "quit",
    },
];

/// The action for a terminal event, if any. Only key presses count: a release or a repeat
/// never moves a second tab.
pub fn from_event(event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => from_key(*key),
        _ => None,
    }
}

/// The action bound to a key press.
pub fn from_key(event: KeyEvent) -> Option<Action> {
    // Shift is implied by an upper-case character or BackTab, so it never has to match exactly.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    BINDINGS.iter().find_map(|binding| {
        binding
            .keys
            .iter()
            .any(|k| k.0 == event.code && k.1 - KeyModifiers::SHIFT == modifiers)
            .then(|| match binding.action {
                Command::Next => Action::NextTab,
                Command::Prev => Action::PrevTab,
                Command::Quit => Action::Quit,
                Command::JumpToTab => match event.code {
                    KeyCode::Char(digit) => {
                        Action::GoToTab(digit.to_digit(10).unwrap_or(1) as usize - 1)
                    }
                    _ => Action::GoToTab(0),
                },
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        from_event(&Event::Key(KeyEvent::new(code, modifiers)))
    }

    #[test]
    fn every_navigation_key_maps_to_its_action() {
        for code in [
            KeyCode::Right,
            KeyCode::Char('l'),
            KeyCode::Tab,
            KeyCode::PageDown,
        ] {
            assert_eq!(
                press(code, KeyModifiers::NONE),
                Some(Action::NextTab),
                "{code:?}"
            );
        }
        for code in [KeyCode::Left, KeyCode::Char('h'), KeyCode::PageUp] {
            assert_eq!(
                press(code, KeyModifiers::NONE),
                Some(Action::PrevTab),
                "{code:?}"
            );
        }
        assert_eq!(
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevTab)
        );
        assert_eq!(
            press(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(press(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Quit));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }

    #[test]
    fn digits_jump_to_tabs() {
        assert_eq!(
            press(KeyCode::Char('1'), KeyModifiers::NONE),
            Some(Action::GoToTab(0))
        );
        assert_eq!(
            press(KeyCode::Char('9'), KeyModifiers::NONE),
            Some(Action::GoToTab(8))
        );
        assert_eq!(press(KeyCode::Char('0'), KeyModifiers::NONE), None);
    }

    #[test]
    fn plain_c_and_modified_letters_do_nothing() {
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::NONE), None);
        assert_eq!(press(KeyCode::Char('q'), KeyModifiers::CONTROL), None);
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn releases_and_repeats_are_ignored() {
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let event = KeyEvent::new_with_kind_and_state(
                KeyCode::Right,
                KeyModifiers::NONE,
                kind,
                KeyEventState::NONE,
            );
            assert_eq!(from_event(&Event::Key(event)), None);
        }
    }
}
