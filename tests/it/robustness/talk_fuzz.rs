//! Talk fuzzing: the built-in talk and `tests/fixtures/talk/valid.toml`, mutated as text
//! (truncation, replaced and inserted snippets: quotes, brackets, tables, control characters,
//! huge and negative numbers, wrong types, deep nesting, duplicated and deleted lines) and as
//! raw bytes through a file, are loaded (and then every beat renders) or refused with one
//! clean line that names the file. Never a panic.

use std::io::Write as _;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::error::LoadError;
use shenzhen_dash::talk::{EMBEDDED, MAX_CAPTION_WIDTH, Talk};
use unicode_width::UnicodeWidthStr;

use super::{config, embedded, is_unsafe, render_checked};

const VALID: &str = include_str!("../../fixtures/talk/valid.toml");
const FILE: &str = "fuzz.toml";

/// One edit to a talk's text.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(Index),
    /// Replaces up to `len` characters at a place with a snippet.
    Replace(Index, usize, String),
    Insert(Index, String),
    /// Deletes one line, or repeats it.
    DeleteLine(Index),
    RepeatLine(Index),
}

impl Mutation {
    fn apply(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let at = |index: &Index| index.index(chars.len() + 1);
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        match self {
            Mutation::Truncate(i) => chars[..at(i)].iter().collect(),
            Mutation::Replace(i, len, snippet) => {
                let start = at(i);
                let end = (start + len).min(chars.len());
                let mut out: String = chars[..start].iter().collect();
                out.push_str(snippet);
                out.extend(&chars[end..]);
                out
            }
            Mutation::Insert(i, snippet) => {
                let start = at(i);
                let mut out: String = chars[..start].iter().collect();
                out.push_str(snippet);
                out.extend(&chars[start..]);
                out
            }
            Mutation::DeleteLine(i) | Mutation::RepeatLine(i) if !lines.is_empty() => {
                let n = i.index(lines.len());
                let mut out = lines.clone();
                if matches!(self, Mutation::DeleteLine(_)) {
                    out.remove(n);
                } else {
                    out.insert(n, lines[n]);
                }
                out.concat()
            }
            Mutation::DeleteLine(_) | Mutation::RepeatLine(_) => text.to_owned(),
        }
    }
}

fn snippet() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec![
            "\"", "'", "\"\"\"", "'''", "[", "]", "]]", "[[beat]]\n", "[beat]\n", "=", "\n",
            "#", ",", "{", "}", "\\", "\\u001b", "\\u202E", "\\r", "\\t", "\\U0010FFFF",
            "\u{1b}[2J", "\u{7}", "\u{202E}", "\u{2028}", "\u{0}", "\u{FEFF}", "\r", "\t",
            "99999999999999999999", "-9223372036854775808", "9223372036854775807", "-1", "0",
            "1e999", "nan", "inf", "2020.5", "true", "false", "1979-05-27", "[2012, 2021]",
            "[]", "{ a = 1 }", "深圳", "×", "→", "\u{301}",
        ])
        .prop_map(str::to_owned),
        2 => select(vec![
            "tab = \"peers\"\n", "tab = \"\"\n", "tab = 3\n", "chart = 0\n", "chart = -1\n",
            "chart = 99999999999999999999\n", "chart = \"\"\n", "chart = \"gdp\"\n",
            "chart = [1]\n", "year = 1800\n", "year = 2200\n", "year = -2147483649\n",
            "year = 2147483648\n", "year = 2024\n", "view = \"index\"\n", "view = \"%\"\n",
            "sources = true\n", "sources = 1\n", "caption = \"\"\n",
            "caption = \"\"\"\n\n\n\n\"\"\"\n", "caption = \"a\\nb\\nc\"\n", "notes = \"\\u0000\"\n",
            "range = [2012, 2021]\n", "range = [2012]\n", "annotations = [1]\n",
            "duration = \"0 s\"\n", "duration = \"25 h\"\n", "duration = 15\n",
            "title = \"x\"\n", "[[beat]]\ntab = \"rd\"\nyear = 2019\n",
        ])
        .prop_map(str::to_owned),
        1 => (1usize..=64, select(vec!["x", "深", "█"]))
            .prop_map(|(n, c)| format!("caption = \"{}\"\n", c.repeat(n * 2))),
        1 => (1usize..=20_000).prop_map(|depth| format!("x = {}{}\n", "[".repeat(depth), "]".repeat(depth))),
        1 => (1usize..=20_000).prop_map(|depth| "[".repeat(depth)),
        1 => any::<String>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::Truncate),
        4 => (any::<Index>(), 0usize..=12, snippet()).prop_map(|(i, n, s)| Mutation::Replace(i, n, s)),
        4 => (any::<Index>(), snippet()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => any::<Index>().prop_map(Mutation::RepeatLine),
    ]
}

/// A refusal is one printable line that names the file.
fn check_refusal(err: &LoadError, file: &str) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(
        !message.contains(['\n', '\r', '\u{b}', '\u{c}', '\u{85}']),
        "more than one line: {:?}",
        message
    );
    prop_assert!(!message.chars().any(is_unsafe), "unsafe: {:?}", message);
    prop_assert!(message.starts_with(&format!("{file}:")), "{:?}", message);
    Ok(())
}

/// A talk that loaded keeps its promises, and every beat draws.
fn check_talk(talk: &Talk, data: &Dataset) -> Result<(), TestCaseError> {
    prop_assert!(!talk.beats.is_empty(), "a talk without beats loaded");
    prop_assert!(!talk.title.trim().is_empty());
    for beat in &talk.beats {
        let screen = beat.screen;
        let page = &data.pages[screen.tab];
        if let Some(chart) = screen.chart {
            prop_assert!(
                chart < page.charts.len(),
                "chart {} of {}",
                chart,
                page.charts.len()
            );
        }
        prop_assert!(beat.caption.len() <= 2, "{:?}", beat.caption);
        for line in &beat.caption {
            prop_assert!(line.width() <= MAX_CAPTION_WIDTH, "{:?}", line);
            prop_assert!(
                !line.is_empty() && !line.chars().any(is_unsafe),
                "{:?}",
                line
            );
        }
        prop_assert!(!beat.notes.chars().any(|c| c != '\n' && is_unsafe(c)));
    }
    let mut app = App::new(data.clone()).with_talk(talk.clone());
    for index in 0..talk.beats.len() {
        app.go_to_beat(index);
        prop_assert_eq!(app.screen(), Some(talk.beats[index].screen));
        render_checked(&app, 80, 24)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_talk_text_is_loaded_or_refused_in_one_line(
        base in select(vec![EMBEDDED, VALID]),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let data = embedded();
        let mut text = base.to_owned();
        for mutation in &mutations {
            text = mutation.apply(&text);
        }
        match Talk::parse(&text, FILE, &data) {
            Ok(talk) => check_talk(&talk, &data)?,
            Err(err) => check_refusal(&err, FILE)?,
        }
    }

    #[test]
    fn mutated_talk_bytes_are_loaded_or_refused_in_one_line(
        base in select(vec![EMBEDDED, VALID]),
        edits in prop::collection::vec((any::<Index>(), any::<u8>()), 1..4),
        cut in proptest::option::of(any::<Index>()),
    ) {
        let data = embedded();
        let mut bytes = base.as_bytes().to_vec();
        for (at, byte) in &edits {
            let i = at.index(bytes.len());
            bytes[i] = *byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&bytes).unwrap();
        let name = file.path().display().to_string();
        match Talk::from_file(file.path(), &data) {
            Ok(talk) => check_talk(&talk, &data)?,
            Err(err) => check_refusal(&err, &name)?,
        }
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let data = embedded();
    for depth in [100, 10_000, 1_000_000] {
        let text = format!(
            "title = \"t\"\nx = {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let err = Talk::parse(&text, FILE, &data).unwrap_err();
        check_refusal(&err, FILE).unwrap();
    }
}
