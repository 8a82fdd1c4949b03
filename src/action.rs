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
    /// Show the current tab's next chart across the whole body; after the last, the whole tab.
    Focus,
    /// Mark the cursor's year as the start of a year range (the cursor is its end); if a range
    /// is marked, clear it.
    MarkRange,
    /// Blank the screen to the theme's background; the next key only brings the picture back.
    Blank,
    /// Close the overlay, else leave the blank screen or focus, else clear the year range.
    /// Never quits.
    Back,
    /// Leave the dashboard and restore the terminal (`q`: the key a talk may ask to confirm).
    Quit,
    /// Leave the dashboard at once, whatever is showing (`Ctrl-C`).
    QuitNow,
    /// A key that must change nothing, not even close the help: a clicker's start/stop button.
    Nothing,
    /// A key with no binding: it only closes the help or brings a blank screen back.
    Unbound,
    /// Time passed (autoplay's timer, or the end of a talk's "press q again").
    Tick,
    /// In a talk: show the next beat; after the last, stay on it.
    NextBeat,
    /// In a talk: show the previous beat.
    PrevBeat,
    /// In a talk: show the first beat.
    FirstBeat,
    /// In a talk: back to the current beat's screen, exactly, after a detour.
    ReturnToBeat,
}

/// Which keys are in force. A talk binds a clicker's keys to its beats ([`TALK_BINDINGS`]);
/// every other key does what it does outside a talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Dashboard,
    Talk,
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
    /// What the keys do. A row bound to a tab counts from it: its second key shows the next
    /// tab, and so on, so `1`–`9` show tabs 1 to 9.
    pub action: Action,
    pub description: &'static str,
    /// The footer's short hint, for the bindings it has room to show.
    pub hint: Option<Hint>,
}

/// A footer hint: the row's first key, after the first key of the row bound to `with`.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub words: &'static str,
    pub with: Option<Action>,
}

const fn hint(words: &'static str) -> Hint {
    Hint { words, with: None }
}

impl Key {
    /// How the key is written in help, the footer and the README: `→`, `PgDn`, `C-c`.
    pub fn label(self) -> String {
        let name = match self.0 {
            KeyCode::Right => "→",
            KeyCode::Left => "←",
            KeyCode::Down => "↓",
            KeyCode::Up => "↑",
            KeyCode::Tab => "Tab",
            KeyCode::BackTab => "S-Tab",
            KeyCode::PageDown => "PgDn",
            KeyCode::PageUp => "PgUp",
            KeyCode::Home => "Home",
            KeyCode::End => "End",
            KeyCode::Esc => "Esc",
            KeyCode::Char(' ') => "Space",
            KeyCode::Char(c) => &c.to_string(),
            KeyCode::F(n) => &format!("F{n}"),
            other => &format!("{other:?}"),
        };
        let control = if self.1.contains(KeyModifiers::CONTROL) {
            "C-"
        } else {
            ""
        };
        let shift = if self.1.contains(KeyModifiers::SHIFT) {
            "S-"
        } else {
            ""
        };
        format!("{control}{shift}{name}")
    }

    /// Whether this key is the character after `previous`'s, with the same modifiers.
    fn follows(self, previous: Key) -> bool {
        match (previous.0, self.0) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                u32::from(b) == u32::from(a) + 1 && self.1 == previous.1
            }
            _ => false,
        }
    }

    /// Shift is implied by an upper-case character, `%`, `?` or BackTab: never required. (A
    /// row may still name a key with Shift, `S-F5`, to say that it does the same.)
    fn unshifted(self) -> Key {
        Key(self.0, self.1 - KeyModifiers::SHIFT)
    }
}

/// The keys as shown to the user; a run of consecutive characters reads as a range, `1–9`.
fn label(keys: &[Key]) -> String {
    let mut parts = Vec::new();
    let mut keys = keys.iter().copied().peekable();
    while let Some(first) = keys.next() {
        let mut last = first;
        while let Some(next) = keys.next_if(|k| k.follows(last)) {
            last = next;
        }
        parts.push(if last == first {
            first.label()
        } else {
            format!("{}–{}", first.label(), last.label())
        });
    }
    parts.join(" ")
}

impl Binding {
    /// The keys as shown to the user; a run of consecutive characters reads as a range, `1–9`.
    pub fn label(&self) -> String {
        label(self.keys)
    }

    /// The footer's hint, `(keys, words)`, for the rows that have one.
    pub fn hint(&self) -> Option<(String, &'static str)> {
        self.hint_in(Mode::Dashboard)
    }

    /// The footer's hint in `mode`: none where the row's first key does something else there
    /// (in a talk, `→` shows the next beat, so "←→ tabs" is not hinted).
    pub fn hint_in(&self, mode: Mode) -> Option<(String, &'static str)> {
        let hint = self.hint?;
        let first = *self.keys.first()?;
        if action_in(mode, first) != self.action_of(0) {
            return None;
        }
        let mut keys: String = hint
            .with
            .iter()
            .flat_map(|with| rows(mode).filter(move |b| b.action == *with))
            .filter_map(|b| b.keys.first())
            .map(|k| k.label())
            .collect();
        keys.push_str(&first.label());
        Some((keys, hint.words))
    }

    /// The keys that do this row's action in `mode`, as help shows them; empty when a talk
    /// has taken every one of them.
    pub fn label_in(&self, mode: Mode) -> String {
        let keys: Vec<Key> = (self.keys.iter().enumerate())
            .filter(|(n, key)| action_in(mode, **key) == self.action_of(*n))
            .map(|(_, key)| *key)
            .collect();
        label(&keys)
    }

    /// The action of the row's `n`th key.
    fn action_of(&self, n: usize) -> Action {
        match self.action {
            Action::GoToTab(first) => Action::GoToTab(first + n),
            action => action,
        }
    }
}

/// The rows in force in `mode`, in the order hints and help show them: in a talk, the talk's
/// rows first, whose keys win.
pub fn rows(mode: Mode) -> impl Iterator<Item = &'static Binding> + Clone {
    let talk: &[Binding] = match mode {
        Mode::Dashboard => &[],
        Mode::Talk => TALK_BINDINGS,
    };
    talk.iter().chain(BINDINGS)
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
        action: Action::NextTab,
        description: "next tab",
        hint: Some(Hint {
            words: "tabs",
            with: Some(Action::PrevTab),
        }),
    },
    Binding {
        keys: &[
            key(KeyCode::Left),
            char('h'),
            key(KeyCode::BackTab),
            key(KeyCode::PageUp),
        ],
        action: Action::PrevTab,
        description: "previous tab",
        hint: None,
    },
    Binding {
        keys: &DIGITS,
        action: Action::GoToTab(0),
        description: "jump to tab",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Down), char('j')],
        action: Action::NextYear,
        description: "year cursor: later",
        hint: Some(Hint {
            words: "year",
            with: Some(Action::PrevYear),
        }),
    },
    Binding {
        keys: &[key(KeyCode::Up), char('k')],
        action: Action::PrevYear,
        description: "year cursor: earlier",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home)],
        action: Action::FirstYear,
        description: "first year",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::End)],
        action: Action::LastYear,
        description: "last year",
        hint: None,
    },
    Binding {
        keys: &[char('s')],
        action: Action::ToggleSources,
        description: "sources",
        hint: Some(hint("sources")),
    },
    Binding {
        keys: &[char('%')],
        action: Action::ToggleChange,
        description: "levels / year-on-year change",
        hint: None,
    },
    Binding {
        keys: &[char('i')],
        action: Action::ToggleIndex,
        description: "levels / index (first year = 100)",
        hint: None,
    },
    Binding {
        keys: &[char('f')],
        action: Action::Focus,
        description: "focus: one chart on the whole screen, then the next",
        hint: None,
    },
    Binding {
        keys: &[char('m')],
        action: Action::MarkRange,
        description: "year range from the cursor's year (↑↓ move its end); again clears",
        hint: None,
    },
    Binding {
        keys: &[char('.'), char('b')],
        action: Action::Blank,
        description: "blank the screen; the next key brings it back",
        hint: None,
    },
    Binding {
        keys: &[char('t')],
        action: Action::CycleTheme,
        description: "theme: dark, light, mono",
        hint: None,
    },
    Binding {
        keys: &[char('g')],
        action: Action::ToggleAscii,
        description: "plain ASCII glyphs",
        hint: None,
    },
    Binding {
        keys: &[char('a')],
        action: Action::ToggleAutoplay,
        description: "autoplay on / off",
        hint: None,
    },
    Binding {
        keys: &[char(' ')],
        action: Action::PauseAutoplay,
        description: "pause / resume autoplay",
        hint: None,
    },
    Binding {
        keys: &[char('?')],
        action: Action::ToggleHelp,
        description: "help",
        hint: Some(hint("help")),
    },
    Binding {
        keys: &[key(KeyCode::F(5)), Key(KeyCode::F(5), KeyModifiers::SHIFT)],
        action: Action::Nothing,
        description: "nothing at all (a clicker's start / stop button)",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        description: "close overlay, leave focus or blank screen, clear range; never quits",
        hint: None,
    },
    Binding {
        keys: &[char('q')],
        action: Action::Quit,
        description: "quit (in a talk, press it twice)",
        hint: Some(hint("quit")),
    },
    Binding {
        keys: &[Key(KeyCode::Char('c'), KeyModifiers::CONTROL)],
        action: Action::QuitNow,
        description: "quit at once, whatever is showing",
        hint: None,
    },
];

/// The keys only a talk has, before [`BINDINGS`] in a talk: a clicker's next and previous
/// buttons (`PgDn` `PgUp`), the arrows and the keys a speaker reaches for walk the beats.
pub const TALK_BINDINGS: &[Binding] = &[
    Binding {
        keys: &[
            key(KeyCode::Right),
            key(KeyCode::PageDown),
            char(' '),
            key(KeyCode::Enter),
        ],
        action: Action::NextBeat,
        description: "next beat (after the last, stays on it)",
        hint: Some(Hint {
            words: "beats",
            with: Some(Action::PrevBeat),
        }),
    },
    Binding {
        keys: &[key(KeyCode::Left), key(KeyCode::PageUp)],
        action: Action::PrevBeat,
        description: "previous beat",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home)],
        action: Action::FirstBeat,
        description: "first beat",
        hint: None,
    },
    Binding {
        keys: &[char('r')],
        action: Action::ReturnToBeat,
        description: "return to the beat after a detour (any other key)",
        hint: None,
    },
];

/// The first key bound to `action`, as the user sees it (`f`, `Esc`): for hints written
/// outside the footer's list.
pub fn key_of(action: Action) -> Option<String> {
    rows(Mode::Talk)
        .find(|b| b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
}

/// The action for a terminal event in `mode`, if any. Only key presses count: a release or a
/// repeat never moves a second tab. `tab_at` finds the tab under a mouse click.
pub fn from_event(
    event: &Event,
    mode: Mode,
    tab_at: impl Fn(u16, u16) -> Option<usize>,
) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => Some(from_key(*key, mode)),
        Event::Mouse(mouse) => from_mouse(*mouse, tab_at),
        _ => None,
    }
}

/// The action bound to a key press in `mode`; `Unbound` for any other key.
pub fn from_key(event: KeyEvent, mode: Mode) -> Action {
    action_in(mode, Key(event.code, event.modifiers))
}

fn action_in(mode: Mode, key: Key) -> Action {
    let pressed = key.unshifted();
    rows(mode)
        .find_map(|binding| {
            let n = binding.keys.iter().position(|k| k.unshifted() == pressed)?;
            Some(binding.action_of(n))
        })
        .unwrap_or(Action::Unbound)
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
        from_event(
            &Event::Key(KeyEvent::new(code, modifiers)),
            Mode::Dashboard,
            |_, _| None,
        )
    }

    fn press_in_a_talk(code: KeyCode) -> Action {
        from_key(KeyEvent::new(code, KeyModifiers::NONE), Mode::Talk)
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
            Some(Action::QuitNow)
        );
    }

    #[test]
    fn clicker_keys_map_to_stage_safe_actions() {
        // A clicker's start/stop button sends F5 and Esc (some send Shift-F5); its blank button
        // `.` or `b`; its arrows PageDown and PageUp.
        let cases = [
            (KeyCode::F(5), KeyModifiers::NONE, Action::Nothing),
            (KeyCode::F(5), KeyModifiers::SHIFT, Action::Nothing),
            (KeyCode::Esc, KeyModifiers::NONE, Action::Back),
            (KeyCode::Char('.'), KeyModifiers::NONE, Action::Blank),
            (KeyCode::Char('b'), KeyModifiers::NONE, Action::Blank),
            (KeyCode::Char('f'), KeyModifiers::NONE, Action::Focus),
            (KeyCode::PageDown, KeyModifiers::NONE, Action::NextTab),
            (KeyCode::PageUp, KeyModifiers::NONE, Action::PrevTab),
        ];
        for (code, modifiers, action) in cases {
            assert_eq!(
                press(code, modifiers),
                Some(action),
                "{code:?} {modifiers:?}"
            );
        }
        for code in [KeyCode::F(4), KeyCode::F(6)] {
            assert_eq!(press(code, KeyModifiers::NONE), Some(Action::Unbound));
        }
    }

    #[test]
    fn the_first_key_of_an_action_is_named_for_hints() {
        assert_eq!(key_of(Action::Focus).as_deref(), Some("f"));
        assert_eq!(key_of(Action::Back).as_deref(), Some("Esc"));
        assert_eq!(key_of(Action::NextTab).as_deref(), Some("→"));
        assert_eq!(key_of(Action::ReturnToBeat).as_deref(), Some("r"));
        assert_eq!(key_of(Action::Tick), None);
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
            (KeyCode::Char('m'), Action::MarkRange),
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
    fn help_labels_are_written_from_the_keys() {
        let labels: Vec<String> = BINDINGS.iter().map(Binding::label).collect();
        assert_eq!(
            labels,
            [
                "→ l Tab PgDn",
                "← h S-Tab PgUp",
                "1–9",
                "↓ j",
                "↑ k",
                "Home",
                "End",
                "s",
                "%",
                "i",
                "f",
                "m",
                ". b",
                "t",
                "g",
                "a",
                "Space",
                "?",
                "F5 S-F5",
                "Esc",
                "q",
                "C-c",
            ]
        );
    }

    #[test]
    fn only_a_run_of_following_characters_reads_as_a_range() {
        let binding = |keys: Vec<Key>| Binding {
            keys: keys.leak(),
            action: Action::Quit,
            description: "",
            hint: None,
        };
        assert_eq!(binding(vec![char('a'), char('b')]).label(), "a–b");
        assert_eq!(binding(vec![char('a'), char('c')]).label(), "a c");
        assert_eq!(binding(vec![char('b'), char('a')]).label(), "b a");
        let control_b = Key(KeyCode::Char('b'), KeyModifiers::CONTROL);
        assert_eq!(binding(vec![char('a'), control_b]).label(), "a C-b");
        let control_shift_f1 = Key(KeyCode::F(1), KeyModifiers::CONTROL | KeyModifiers::SHIFT);
        assert_eq!(binding(vec![control_shift_f1]).label(), "C-S-F1");
        assert_eq!(
            binding(vec![key(KeyCode::Up), key(KeyCode::Down)]).label(),
            "↑ ↓"
        );
    }

    #[test]
    fn footer_hints_are_written_from_the_keys() {
        let hints: Vec<(String, &str)> = BINDINGS.iter().filter_map(Binding::hint).collect();
        let hints: Vec<(&str, &str)> = hints.iter().map(|(k, w)| (k.as_str(), *w)).collect();
        assert_eq!(
            hints,
            [
                ("←→", "tabs"),
                ("↑↓", "year"),
                ("s", "sources"),
                ("?", "help"),
                ("q", "quit")
            ]
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        // A row may name a key with and without Shift (`F5 S-F5`); two rows of one table may
        // not share one. (A talk's rows take keys from the dashboard's on purpose.)
        for table in [BINDINGS, TALK_BINDINGS] {
            no_key_is_bound_twice_in(table);
        }
    }

    fn no_key_is_bound_twice_in(table: &[Binding]) {
        let keys: Vec<(usize, Key)> = table
            .iter()
            .enumerate()
            .flat_map(|(row, b)| b.keys.iter().map(move |k| (row, *k)))
            .collect();
        for (i, (row, key)) in keys.iter().enumerate() {
            for (other_row, other) in &keys[..i] {
                assert!(key != other, "{} is bound twice", key.label());
                assert!(
                    key.unshifted() != other.unshifted() || row == other_row,
                    "{} is bound in two rows",
                    key.label()
                );
            }
        }
    }

    #[test]
    fn every_key_in_the_table_does_what_its_row_says() {
        for binding in BINDINGS {
            for (n, key) in binding.keys.iter().enumerate() {
                let expected = match binding.action {
                    Action::GoToTab(first) => Action::GoToTab(first + n),
                    action => action,
                };
                assert_eq!(press(key.0, key.1), Some(expected), "{}", key.label());
            }
        }
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
            assert_eq!(
                from_event(&Event::Key(event), Mode::Talk, |_, _| None),
                None
            );
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
        for mode in [Mode::Dashboard, Mode::Talk] {
            assert_eq!(from_event(&click, mode, tab_at), Some(Action::GoToTab(1)));
            assert_eq!(
                from_event(&mouse(MouseEventKind::ScrollDown), mode, tab_at),
                Some(Action::NextYear)
            );
            assert_eq!(
                from_event(&mouse(MouseEventKind::ScrollUp), mode, tab_at),
                Some(Action::PrevYear)
            );
            assert_eq!(
                from_event(&mouse(MouseEventKind::Moved), mode, tab_at),
                None
            );
        }
    }

    #[test]
    fn in_a_talk_the_clicker_walks_the_beats_and_other_keys_work_as_usual() {
        let cases = [
            (KeyCode::Right, Action::NextBeat),
            (KeyCode::PageDown, Action::NextBeat),
            (KeyCode::Char(' '), Action::NextBeat),
            (KeyCode::Enter, Action::NextBeat),
            (KeyCode::Left, Action::PrevBeat),
            (KeyCode::PageUp, Action::PrevBeat),
            (KeyCode::Home, Action::FirstBeat),
            (KeyCode::Char('r'), Action::ReturnToBeat),
            (KeyCode::Tab, Action::NextTab),
            (KeyCode::Char('l'), Action::NextTab),
            (KeyCode::Char('h'), Action::PrevTab),
            (KeyCode::Char('3'), Action::GoToTab(2)),
            (KeyCode::Down, Action::NextYear),
            (KeyCode::End, Action::LastYear),
            (KeyCode::Char('f'), Action::Focus),
            (KeyCode::Char('q'), Action::Quit),
            (KeyCode::Esc, Action::Back),
            (KeyCode::F(5), Action::Nothing),
            (KeyCode::Char('b'), Action::Blank),
            (KeyCode::Char('x'), Action::Unbound),
        ];
        for (code, action) in cases {
            assert_eq!(press_in_a_talk(code), action, "{code:?}");
        }
        // Outside a talk the same keys do what they always did.
        assert_eq!(
            press(KeyCode::Right, KeyModifiers::NONE),
            Some(Action::NextTab)
        );
        assert_eq!(
            press(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Action::PauseAutoplay)
        );
        assert_eq!(
            press(KeyCode::Home, KeyModifiers::NONE),
            Some(Action::FirstYear)
        );
        for code in [KeyCode::Enter, KeyCode::Char('r')] {
            assert_eq!(press(code, KeyModifiers::NONE), Some(Action::Unbound));
        }
    }

    #[test]
    fn help_in_a_talk_lists_the_talk_keys_first_and_only_the_keys_left_to_each_row() {
        let help: Vec<(String, &str)> = rows(Mode::Talk)
            .map(|b| (b.label_in(Mode::Talk), b.description))
            .filter(|(label, _)| !label.is_empty())
            .collect();
        let labels: Vec<&str> = help.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "→ PgDn Space Enter",
                "← PgUp",
                "Home",
                "r",
                "l Tab",
                "h S-Tab",
                "1–9",
                "↓ j",
                "↑ k",
                "End",
                "s",
                "%",
                "i",
                "f",
                "m",
                ". b",
                "t",
                "g",
                "a",
                "?",
                "F5 S-F5",
                "Esc",
                "q",
                "C-c",
            ]
        );
        assert!(
            !help
                .iter()
                .any(|(_, d)| *d == "first year" || d.contains("pause")),
            "rows whose every key a talk took are left out"
        );
        let dashboard: Vec<String> = rows(Mode::Dashboard)
            .map(|b| b.label_in(Mode::Dashboard))
            .collect();
        let all: Vec<String> = BINDINGS.iter().map(Binding::label).collect();
        assert_eq!(dashboard, all, "outside a talk, every row has all its keys");
    }

    #[test]
    fn footer_hints_in_a_talk_name_the_beats_and_not_the_keys_it_took() {
        let hints: Vec<(String, &str)> = rows(Mode::Talk)
            .filter_map(|b| b.hint_in(Mode::Talk))
            .collect();
        let hints: Vec<(&str, &str)> = hints.iter().map(|(k, w)| (k.as_str(), *w)).collect();
        assert_eq!(
            hints,
            [
                ("←→", "beats"),
                ("↑↓", "year"),
                ("s", "sources"),
                ("?", "help"),
                ("q", "quit")
            ]
        );
    }
}
