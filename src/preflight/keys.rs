//! The key echo: a key press named as a speaker would say it (`PageDown`, `F5`, `Esc`, `.`),
//! and what it does in the dashboard and in a talk, read from the key tables ([`crate::action`]).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::{self, Action, Binding, Mode};
use crate::data::Page;

/// The name of a key press: `PageDown`, `Shift-F5`, `Ctrl-c`, `Space`, `.`. Shift is named only
/// where the key does not show it already (an upper-case letter or `?` carries it).
pub fn name(key: KeyEvent) -> String {
    let code = match key.code {
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Left => "Left".to_owned(),
        KeyCode::Right => "Right".to_owned(),
        KeyCode::Up => "Up".to_owned(),
        KeyCode::Down => "Down".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PageUp".to_owned(),
        KeyCode::PageDown => "PageDown".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        // Shift-Tab arrives as a key of its own.
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Delete => "Delete".to_owned(),
        KeyCode::Insert => "Insert".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Null => "Null".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Media(media) => format!("Media {media:?}"),
        other => format!("{other:?}"),
    };
    let shift_shown = matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab);
    let mut name = String::new();
    for (modifier, prefix) in [
        (KeyModifiers::CONTROL, "Ctrl-"),
        (KeyModifiers::ALT, "Alt-"),
        (KeyModifiers::SUPER, "Super-"),
    ] {
        if key.modifiers.contains(modifier) {
            name.push_str(prefix);
        }
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) && !shift_shown {
        name.push_str("Shift-");
    }
    name.push_str(&code);
    name
}

/// What a key does in one mode of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    /// The mode: `dashboard`.
    pub mode: &'static str,
    pub action: Action,
    pub description: String,
}

/// The modes a key is read in, as the card names them: the dashboard, and a talk, where a
/// clicker's keys walk the beats.
const MODES: [(&str, Mode); 2] = [("dashboard", Mode::Dashboard), ("talk", Mode::Talk)];

/// What `key` does in each mode of the dashboard, one [`Meaning`] a mode, from the key table in
/// force there; `pages` names the tabs that digits jump to.
pub fn meanings(key: KeyEvent, pages: &[Page]) -> Vec<Meaning> {
    MODES
        .into_iter()
        .map(|(name, mode)| {
            let rows: Vec<&Binding> = action::rows(mode).collect();
            meaning(name, action::from_key(key, mode), &rows, pages)
        })
        .collect()
}

/// What `action` does, in the words of the first of `rows` that binds it.
fn meaning(mode: &'static str, action: Action, rows: &[&Binding], pages: &[Page]) -> Meaning {
    let row = |wanted: Action| rows.iter().find(|b| b.action == wanted);
    let description = match action {
        Action::GoToTab(index) => {
            let words = row(Action::GoToTab(0)).map_or("jump to tab", |b| b.description);
            match pages.get(index) {
                Some(page) => format!("{words} {}: {}", index + 1, page.title),
                None => format!(
                    "{words} {}: none (this dataset has {}), so nothing",
                    index + 1,
                    pages.len()
                ),
            }
        }
        Action::Unbound => "nothing (but close the help or end a blank screen)".to_owned(),
        action => row(action).map_or_else(|| format!("{action:?}"), |b| b.description.to_owned()),
    };
    Meaning {
        mode,
        action,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use ratatui::crossterm::event::MediaKeyCode;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_are_named_as_a_speaker_says_them() {
        let none = KeyModifiers::NONE;
        let shift = KeyModifiers::SHIFT;
        let cases = [
            (press(KeyCode::PageDown, none), "PageDown"),
            (press(KeyCode::PageUp, none), "PageUp"),
            (press(KeyCode::F(5), none), "F5"),
            (press(KeyCode::F(5), shift), "Shift-F5"),
            (press(KeyCode::Esc, none), "Esc"),
            (press(KeyCode::Char('.'), none), "."),
            (press(KeyCode::Char(' '), none), "Space"),
            (press(KeyCode::Char('B'), shift), "B"),
            (press(KeyCode::Char('?'), shift), "?"),
            (press(KeyCode::BackTab, shift), "Shift-Tab"),
            (press(KeyCode::Tab, none), "Tab"),
            (press(KeyCode::Char('c'), KeyModifiers::CONTROL), "Ctrl-c"),
            (
                press(
                    KeyCode::Right,
                    KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT,
                ),
                "Ctrl-Alt-Shift-Right",
            ),
            (press(KeyCode::Char('x'), KeyModifiers::SUPER), "Super-x"),
            (press(KeyCode::Left, none), "Left"),
            (press(KeyCode::Up, none), "Up"),
            (press(KeyCode::Down, none), "Down"),
            (press(KeyCode::Home, none), "Home"),
            (press(KeyCode::End, none), "End"),
            (press(KeyCode::Enter, none), "Enter"),
            (press(KeyCode::Backspace, none), "Backspace"),
            (press(KeyCode::Delete, none), "Delete"),
            (press(KeyCode::Insert, none), "Insert"),
            (press(KeyCode::Null, none), "Null"),
            (
                press(KeyCode::Media(MediaKeyCode::PlayPause), none),
                "Media PlayPause",
            ),
            (press(KeyCode::CapsLock, none), "CapsLock"),
        ];
        for (key, expected) in cases {
            assert_eq!(name(key), expected, "{key:?}");
        }
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn each_key_says_what_it_does_in_the_dashboard_and_in_a_talk_from_the_key_tables() {
        let data = Dataset::embedded().unwrap();
        let does = |code, modifiers| {
            let meanings = meanings(press(code, modifiers), &data.pages);
            let modes: Vec<&str> = meanings.iter().map(|m| m.mode).collect();
            assert_eq!(modes, ["dashboard", "talk"]);
            let said = |m: &Meaning| (m.action, m.description.clone());
            (said(&meanings[0]), said(&meanings[1]))
        };
        let none = KeyModifiers::NONE;
        assert_eq!(
            does(KeyCode::PageDown, none),
            (
                (Action::NextTab, "next tab".to_owned()),
                (
                    Action::NextBeat,
                    "next beat (after the last, stays on it)".to_owned()
                )
            )
        );
        assert_eq!(
            does(KeyCode::Char('r'), none).1,
            (
                Action::ReturnToBeat,
                "return to the beat after a detour (any other key)".to_owned()
            )
        );
        let same = |code, modifiers, action: Action, description: &str| {
            let said = (action, description.to_owned());
            assert_eq!(does(code, modifiers), (said.clone(), said), "{code:?}");
        };
        same(
            KeyCode::F(5),
            KeyModifiers::SHIFT,
            Action::Nothing,
            "nothing at all (a clicker's start / stop button)",
        );
        same(
            KeyCode::Esc,
            none,
            Action::Back,
            "close overlay, leave focus or blank screen, clear range; never quits",
        );
        same(
            KeyCode::Char('.'),
            none,
            Action::Blank,
            "blank the screen; the next key brings it back",
        );
        same(
            KeyCode::Char('3'),
            none,
            Action::GoToTab(2),
            "jump to tab 3: R&D",
        );
        same(
            KeyCode::Char('9'),
            none,
            Action::GoToTab(8),
            "jump to tab 9: none (this dataset has 7), so nothing",
        );
        same(
            KeyCode::Char('x'),
            none,
            Action::Unbound,
            "nothing (but close the help or end a blank screen)",
        );
    }

    #[test]
    fn an_action_without_a_row_is_named_for_itself() {
        let rows: Vec<&Binding> = action::rows(Mode::Dashboard).collect();
        let tick = meaning("dashboard", Action::Tick, &rows, &[]);
        assert_eq!(tick.description, "Tick");
        let tab = meaning("dashboard", Action::GoToTab(0), &[], &[]);
        assert_eq!(
            tab.description,
            "jump to tab 1: none (this dataset has 0), so nothing"
        );
    }
}
