//! Words that must never reach the audience. "Seed" was the research's name for the article the
//! dashboard grew from; on screen it is "China Daily". No tab, overlay, export or talk may say it.
//!
//! The rule: the word "seed" (any case) must not stand on its own. A word is a run of letters,
//! digits and `_`; hyphens, slashes, dots and spaces end one. So `seeds` and `seed_archives` in
//! the source urls (`dbt/seeds/seed_hongheiku_timeseries_2021.csv`) are other, longer tokens, part
//! of a file name the audience can copy; but a url path segment `…/seed/…`, `seed-archive` or
//! `seed.html` would fail, because a reader sees the word itself there. The sources panel wraps
//! long urls; its rows are joined where a wrap cut a token in two, so a url wrapped just after
//! `seed` is judged as the whole token it is.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use std::time::Instant;

use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::export::{self, Format};
use shenzhen_dash::headless::{render, to_text};

const WORD: &str = "seed";

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where `text` says the whole word, case-insensitively, with a little context for the message.
fn whole_word(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(WORD) {
        let start = from + found;
        let end = start + WORD.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            let context: String = lower[..start].chars().rev().take(30).collect();
            let context: String = context.chars().rev().collect();
            return Some(format!("…{context}{}…", &lower[start..end]));
        }
        from = end;
    }
    None
}

#[test]
fn the_rule_tells_the_word_from_longer_tokens() {
    assert!(whole_word("the seed article").is_some());
    assert!(whole_word("The Seed").is_some());
    assert!(whole_word("SEED,").is_some());
    assert!(whole_word("https://example.org/seed/gdp.html").is_some());
    assert!(whole_word("seed-archive").is_some());
    assert!(whole_word("data/seed.html").is_some());
    assert!(whole_word("data/seed_archives/m2").is_none());
    assert!(whole_word("dbt/seeds/x.csv").is_none());
    assert!(whole_word("linseed aseed seeded").is_none());
    assert!(whole_word("").is_none());
}

fn app_on(tab: usize, actions: &[Action]) -> App {
    let mut app = App::new(Dataset::embedded().unwrap()).with_tab(tab);
    let now = Instant::now();
    for action in actions {
        app.update(*action, now);
    }
    app
}

/// The screen's rows joined into one text, a row that ends in a word character running into the
/// next row that starts with one: that is where a wrap may have cut a token.
fn joined(screen: &str) -> String {
    let mut out = String::new();
    for row in screen.lines() {
        let row = row.trim_end_matches([' ', '│', '|']);
        let next = row.trim_start_matches([' ', '│', '|']);
        let cut = out.chars().next_back().is_some_and(is_word_char)
            && next.chars().next().is_some_and(is_word_char);
        if cut {
            out.push_str(next);
        } else {
            out.push('\n');
            out.push_str(row);
        }
    }
    out
}

fn assert_clean(what: &str, screen: &str) {
    for text in [screen.to_owned(), joined(screen)] {
        if let Some(at) = whole_word(&text) {
            panic!("{what} says \"{WORD}\": {at}\n{screen}");
        }
    }
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

#[test]
fn no_tab_says_seed() {
    let pages = Dataset::embedded().unwrap().pages.len();
    for tab in 0..pages {
        // Without the cursor, and with it on the last year, so the readout shows too.
        for actions in [&[][..], &[Action::LastYear][..]] {
            let app = app_on(tab, actions);
            for (width, height) in SIZES {
                let text = to_text(&render(&app, width, height));
                assert_clean(&format!("tab {tab} at {width}×{height}"), &text);
            }
        }
    }
}

#[test]
fn no_overlay_says_seed_scrolled_to_the_end() {
    let pages = Dataset::embedded().unwrap().pages.len();
    // The Peers tab cites files named seed_hongheiku_*.csv: the check saw them and let them pass.
    let mut saw_longer_token = false;
    for tab in 0..pages {
        let help = app_on(tab, &[Action::ToggleHelp]);
        for (width, height) in SIZES {
            assert_clean("help", &to_text(&render(&help, width, height)));
        }
        for (width, height) in [(80, 24), (120, 40)] {
            let mut app = app_on(tab, &[Action::ToggleSources]);
            let mut previous = String::new();
            let mut pages_seen = 0;
            loop {
                let text = to_text(&render(&app, width, height));
                assert_clean(&format!("sources of tab {tab} at {width}×{height}"), &text);
                saw_longer_token |= text.contains("seed_hongheiku");
                // The panel stops scrolling at its last line: the screen no longer changes.
                if text == previous {
                    break;
                }
                previous = text;
                pages_seen += 1;
                assert!(pages_seen < 2_000, "the sources panel never ends");
                app.update(Action::NextYear, Instant::now());
            }
            if (width, height) == (80, 24) {
                assert!(pages_seen > 1, "tab {tab}: the sources panel scrolled");
            }
        }
    }
    assert!(
        saw_longer_token,
        "a source named seed_hongheiku_… was checked"
    );
}

#[test]
fn no_export_says_seed() {
    let data = Dataset::embedded().unwrap();
    for format in [Format::Csv, Format::Json] {
        let mut out = Vec::new();
        export::write(&data, format, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_clean(&format!("export as {format:?}"), &text);
    }
}

#[test]
fn no_beat_of_the_built_in_talk_says_seed() {
    // Nor its file: its notes are the speaker's, and a speaker reads them aloud.
    assert_clean("assets/talk.toml", shenzhen_dash::talk::EMBEDDED);
    let data = Dataset::embedded().unwrap();
    let talk = shenzhen_dash::talk::Talk::embedded(&data).unwrap();
    let beats = talk.beats.len();
    let mut app = App::new(data).with_talk(talk);
    for beat in 0..beats {
        app.go_to_beat(beat);
        for (width, height) in SIZES {
            let text = to_text(&render(&app, width, height));
            assert_clean(&format!("beat {} at {width}×{height}", beat + 1), &text);
        }
    }
}
