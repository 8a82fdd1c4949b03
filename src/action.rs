//! What the user can ask for, and the one table that maps keys to it. The footer's hints and
//! the help overlay are generated from the same table, so they cannot drift from the handling.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// A verb the app understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the next tab, wrapping after the last.
    NextTab,
    /// Show the previous tab, wrapping before the first.
    PrevTab,
    /// Show the tab at this zero-based index, if it exists.
    GoToTab(usize),
    /// Move the year cursor one year later (showing it first if hidden).
    NextYear,
    /// Move the year cursor one year earlier (showing it first if hidden).
    PrevYear,
    /// Put the year cursor on the first year with data.
    FirstYear,
    /// Put the year cursor on the last year with data.
    LastYear,
    /// Open or close the key help.
    ToggleHelp,
    /// Open or close the sources of the current tab.
    ToggleSources,
    /// Switch to the next colour theme.
    CycleTheme,
    /// Draw charts with plain ASCII instead of Braille and block characters.
    ToggleAscii,
    /// Show year-on-year change instead of levels on this tab.
    ToggleChange,
    /// Show an index (first year with data = 100) instead of levels on this tab.
    ToggleIndex,
    /// Start or stop advancing tabs on a timer.
    ToggleAutoplay,
    /// Pause or resume autoplay.
    PauseAutoplay,
    /// Close the open overlay, or quit when none is open.
    Back,
    /// Leave the dashboard and restore the terminal.
    Quit,
    /// A key with no binding: it only closes the help overlay.
    Unbound,
    /// Time passed (autoplay's timer).
    Tick,
}

/// A key chord: a key code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn key(code: KeyCode) -> Key {
    Key(code, KeyModifiers::NONE)
}

const fn char(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    /// What the keys do. `None` marks the `1`–`9` row, whose tab comes from the digit.
    pub action: Option<Action>,
    /// The keys as shown to the user; the first word is the footer's hint.
    pub label: &'static str,
    pub description: &'static str,
    /// The footer's short hint, `(keys, words)`, for the bindings it has room to show.
    pub hint: Option<(&'static str, &'static str)>,
}

const DIGITS: [Key; 9] = [
    char('1'),
    char('2'),
    char('3'),
    char('4'),
    char('5'),
    char('6'),
    char('7'),
    char('8'),
    char('9'),
];

/// Every key binding, in the order hints and help show them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[
            key(KeyCode::Right),
            char('l'),
            key(KeyCode::Tab),
            key(KeyCode::PageDown),
        ],
        action: Some(Action::NextTab),
        label: "→ l Tab PgDn",
        description: "next tab",
        hint: Some(("←→", "tabs")),
    },
    Binding {
        keys: &[
            key(KeyCode::Left),
            char('h'),
            Key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::BackTab),
            key(KeyCode::PageUp),
        ],
        action: Some(Action::PrevTab),
        label: "← h S-Tab PgUp",
        description: "previous tab",
        hint: None,
    },
    Binding {
        keys: &DIGITS,
        action: None,
        label: "1–9",
        description: "jump to tab",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Down), char('j')],
        action: Some(Action::NextYear),
        label: "↓ j",
        description: "year cursor: later",
        hint: Some(("↑↓", "year")),
    },
    Binding {
        keys: &[key(KeyCode::Up), char('k')],
        action: Some(Action::PrevYear),
        label: "↑ k",
        description: "year cursor: earlier",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home)],
        action: Some(Action::FirstYear),
        label: "Home",
        description: "first year",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::End)],
        action: Some(Action::LastYear),
        label: "End",
        description: "last year",
        hint: None,
    },
    Binding {
        keys: &[char('s')],
        action: Some(Action::ToggleSources),
        label: "s",
        description: "sources",
        hint: Some(("s", "sources")),
    },
    Binding {
        keys: &[char('%')],
        action: Some(Action::ToggleChange),
        label: "%",
        description: "levels / year-on-year change",
        hint: None,
    },
    Binding {
        keys: &[char('i')],
        action: Some(Action::ToggleIndex),
        label: "i",
        description: "levels / index (first year = 100)",
        hint: None,
    },
    Binding {
        keys: &[char('t')],
        action: Some(Action::CycleTheme),
        label: "t",
        description: "theme: dark, light, mono",
        hint: None,
    },
    Binding {
        keys: &[char('g')],
        action: Some(Action::ToggleAscii),
        label: "g",
        description: "plain ASCII glyphs",
        hint: None,
    },
    Binding {
        keys: &[char('a')],
        action: Some(Action::ToggleAutoplay),
        label: "a",
        description: "autoplay on / off",
        hint: None,
    },
    Binding {
        keys: &[char(' ')],
        action: Some(Action::PauseAutoplay),
        label: "Space",
        description: "pause / resume autoplay",
        hint: None,
    },
    Binding {
        keys: &[char('?')],
        action: Some(Action::ToggleHelp),
        label: "?",
        description: "help",
        hint: Some(("?", "help")),
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Some(Action::Back),
        label: "Esc",
        description: "close overlay, or quit",
        hint: None,
    },
    Binding {
        keys: &[char('q'), Key(KeyCode::Char('c'), KeyModifiers::CONTROL)],
        action: Some(Action::Quit),
        label: "q C-c",
        description: "quit",
        hint: Some(("q", "quit")),
    },
];

/// The action for a terminal event, if any. Only key presses count: a release or a repeat
/// never moves a second tab. `tab_at` finds the tab under a mouse click.
pub fn from_event(event: &Event, tab_at: impl Fn(u16, u16) -> Option<usize>) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(from_key(*key)),
        Event::Mouse(mouse) => from_mouse(*mouse, tab_at),
        _ => None,
    }
}

/// The action bound to a key press; `Unbound` for any other key.
pub fn from_key(event: KeyEvent) -> Action {
    // Shift is implied by an upper-case character, `%`, `?` or BackTab: never require it.
    let modifiers = event.modifiers - KeyModifiers::SHIFT;
    let bound = |k: &Key| k.0 == event.code && k.1 - KeyModifiers::SHIFT == modifiers;
    BINDINGS
        .iter()
        .find(|binding| binding.keys.iter().any(bound))
        .map_or(Action::Unbound, |binding| {
            match (binding.action, event.code) {
                (Some(action), _) => action,
                (None, KeyCode::Char(digit)) => {
                    Action::GoToTab(digit.to_digit(10).map_or(0, |d| d as usize - 1))
                }
                (None, _) => Action::Unbound,
            }
        })
}

fn from_mouse(mouse: MouseEvent, tab_at: impl Fn(u16, u16) -> Option<usize>) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            tab_at(mouse.column, mouse.row).map(Action::GoToTab)
        }
        MouseEventKind::ScrollDown => Some(Action::NextYear),
        MouseEventKind::ScrollUp => Some(Action::PrevYear),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        from_event(&Event::Key(KeyEvent::new(code, modifiers)), |_, _| None)
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
        assert_eq!(press(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }

    #[test]
    fn presenter_keys_map_to_their_actions() {
        let cases = [
            (KeyCode::Down, Action::NextYear),
            (KeyCode::Char('j'), Action::NextYear),
            (KeyCode::Up, Action::PrevYear),
            (KeyCode::Char('k'), Action::PrevYear),
            (KeyCode::Home, Action::FirstYear),
            (KeyCode::End, Action::LastYear),
            (KeyCode::Char('?'), Action::ToggleHelp),
            (KeyCode::Char('s'), Action::ToggleSources),
            (KeyCode::Char('t'), Action::CycleTheme),
            (KeyCode::Char('g'), Action::ToggleAscii),
            (KeyCode::Char('i'), Action::ToggleIndex),
            (KeyCode::Char('a'), Action::ToggleAutoplay),
            (KeyCode::Char(' '), Action::PauseAutoplay),
        ];
        for (code, action) in cases {
            assert_eq!(press(code, KeyModifiers::NONE), Some(action), "{code:?}");
        }
        // `%` and `?` arrive with Shift held on most keyboards.
        assert_eq!(
            press(KeyCode::Char('%'), KeyModifiers::SHIFT),
            Some(Action::ToggleChange)
        );
        assert_eq!(
            press(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::ToggleHelp)
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
        assert_eq!(
            press(KeyCode::Char('0'), KeyModifiers::NONE),
            Some(Action::Unbound)
        );
    }

    #[test]
    fn plain_c_and_modified_letters_are_unbound() {
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::NONE),
            Some(Action::Unbound)
        );
        assert_eq!(
            press(KeyCode::Char('q'), KeyModifiers::CONTROL),
            Some(Action::Unbound)
        );
        assert_eq!(
            press(KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::Unbound)
        );
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
            assert_eq!(from_event(&Event::Key(event), |_, _| None), None);
        }
    }

    #[test]
    fn clicks_select_the_tab_under_the_pointer_and_the_wheel_moves_the_cursor() {
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 12,
                row: 0,
                modifiers: KeyModifiers::NONE,
            })
        };
        let tab_at = |column, row| (row == 0 && column >= 10).then_some(1);
        let click = mouse(MouseEventKind::Down(MouseButton::Left));
        assert_eq!(from_event(&click, tab_at), Some(Action::GoToTab(1)));
        assert_eq!(
            from_event(&mouse(MouseEventKind::ScrollDown), tab_at),
            Some(Action::NextYear)
        );
        assert_eq!(
            from_event(&mouse(MouseEventKind::ScrollUp), tab_at),
            Some(Action::PrevYear)
        );
        assert_eq!(from_event(&mouse(MouseEventKind::Moved), tab_at), None);
    }
}
