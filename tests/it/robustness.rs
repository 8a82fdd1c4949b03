//! Robustness properties, checked with proptest: whatever the state, size, action sequence or
//! dataset text, nothing panics, every frame is exactly the size asked for, and a bad dataset
//! is refused with one clean line. One idea per module:
//!
//! - `states`: `any_state_renders_at_any_size`: every tab × theme (× colour depth) × ASCII
//!   on/off × overlay (none, help, sources scrolled) × year cursor × view (levels, change,
//!   index) × focus × blank screen, at sizes from 0×0 to 400×150.
//! - `actions`: `action_sequences_keep_the_app_valid`: random sequences of every `Action` (tab
//!   indices up to 20 and beyond, ticks at advancing times, with and without autoplay, focus
//!   and blank), checking the stage-safe keys' promises (Esc never quits, F5 changes nothing,
//!   the key after a blank only brings the picture back) at every step.
//! - `fuzz`: `mutated_dataset_text_is_loaded_or_refused_in_one_line` and
//!   `mutated_dataset_bytes_are_loaded_or_refused_in_one_line`: the embedded asset and
//!   `tests/fixtures/valid/minimal.json` and `annotated.json` (annotations of every kind), mutated (truncation, replaced characters, swapped
//!   value types, duplicate keys, huge numbers, deep nesting, control characters) as text and
//!   as raw bytes through a file; and `listed_hostile_inputs_are_refused_in_one_line`: the
//!   hostile inputs above, each placed where it matters, checked on every run whatever the
//!   seed.
//! - `generated`: `generated_valid_datasets_render`: datasets built to pass validation but with
//!   extreme values, year spans, units and text, and annotations of every kind (some of them
//!   shown, as a talk's beat chooses), rendered in every view; and
//!   `generated_annotations_load_or_are_refused_in_one_line`: annotations of any shape (wrong
//!   kinds, fields, ids, years, text) added to such a dataset load and render, or are refused
//!   in one clean line.
//! - `regressions`: regression tests for what the properties found.
//! - `talk_fuzz`: `mutated_talk_text_is_loaded_or_refused_in_one_line` and
//!   `mutated_talk_bytes_are_loaded_or_refused_in_one_line`: talk files mutated as text and as
//!   bytes; one that loads draws every beat.
//! - `talk_keys`: `key_sequences_in_a_talk_keep_its_promises`: random keys in a talk, on a
//!   fake clock, never panic, quit only on `C-c` or a second `q`, and `r` always restores the
//!   beat's screen, frame for frame.
//!
//! This module holds what they share: the proptest configuration, the embedded dataset, the
//! size and theme strategies, and the checks every rendered frame must pass.
//!
//! How many cases: each property runs `DEFAULT_CASES` (64) cases, so all of them take about
//! 15 seconds in a debug build on two cores. For a soak run, raise it with the
//! `PROPTEST_CASES` environment variable. Keep overflow checks on, or arithmetic overflow
//! wraps silently instead of failing:
//! `PROPTEST_CASES=5000 CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true cargo test --release --test
//! it robustness::` (about three minutes on two cores). proptest writes the seed of any failure
//! next to the property's file (`tests/it/robustness/fuzz.proptest-regressions` for the
//! properties in `fuzz.rs`, and so on) and replays it first on the next run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a test failure, with its message"
)]

mod actions;
mod fuzz;
mod generated;
mod regressions;
mod states;
mod talk_fuzz;
mod talk_keys;

use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{FileFailurePersistence, TestCaseError};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::{Dataset, EMBEDDED};
use shenzhen_dash::derive::View;
use shenzhen_dash::headless::render;
use shenzhen_dash::theme::{Colours, ThemeName};

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 64;

const MINIMAL: &str = include_str!("../fixtures/valid/minimal.json");

/// A small dataset with one annotation of each kind, on bar, line and compare charts.
const ANNOTATED: &str = include_str!("../fixtures/valid/annotated.json");

/// The name parse errors must start with.
const FILE: &str = "fuzz.json";

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        // Explicit, so proptest does not warn that it found no lib.rs beside tests/.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        // Each property's own file, so its regressions sit beside it: `proptest!` sets it to
        // the file the macro is in, and `fuzz::run_fuzz` to its own.
        source_file: None,
        ..ProptestConfig::default()
    }
}

fn embedded() -> Dataset {
    Dataset::parse(EMBEDDED, "embedded").expect("the embedded asset loads")
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties
// ---------------------------------------------------------------------------------------------

/// Characters that must never reach the terminal from data: C0/C1 controls (ESC, BEL, CSI…),
/// the line and paragraph separators and the bidirectional overrides. Written out here rather
/// than taken from the crate, so a mistake there cannot hide here.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every action that takes no argument and neither quits nor walks a talk's beats: the keys a
/// dashboard acts on, and the ones it reads and ignores. The properties that send random keys
/// share it, so that a new key reaches all of them (`actions::every_variant_is_generated`
/// fails to compile until it is listed somewhere).
fn plain_actions() -> Vec<Action> {
    vec![
        Action::NextTab,
        Action::PrevTab,
        Action::NextYear,
        Action::PrevYear,
        Action::FirstYear,
        Action::LastYear,
        Action::ToggleHelp,
        Action::ToggleSources,
        Action::CycleTheme,
        Action::ToggleAscii,
        Action::ToggleChange,
        Action::ToggleIndex,
        Action::ToggleAutoplay,
        Action::PauseAutoplay,
        Action::Focus,
        Action::MarkRange,
        Action::Blank,
        Action::Back,
        Action::Nothing,
        Action::Unbound,
        Action::Tick,
    ]
}

/// Switches the app's current tab to `view` with the key that does it.
fn show_view(app: &mut App, view: View, now: Instant) {
    let key = match view {
        View::Levels => return,
        View::Change => Action::ToggleChange,
        View::Index => Action::ToggleIndex,
    };
    app.update(key, now);
}

/// Renders at `width`×`height` and checks the frame's size and content.
fn render_checked(app: &App, width: u16, height: u16) -> Result<Buffer, TestCaseError> {
    let buf = render(app, width, height);
    prop_assert_eq!(buf.area, Rect::new(0, 0, width, height));
    prop_assert_eq!(
        buf.content.len(),
        usize::from(width) * usize::from(height),
        "cells in the buffer"
    );
    for (i, cell) in buf.content.iter().enumerate() {
        prop_assert!(
            !cell.symbol().chars().any(is_unsafe),
            "cell {} holds an unsafe character: {:?}",
            i,
            cell.symbol()
        );
    }
    Ok(buf)
}

// ---------------------------------------------------------------------------------------------
// Strategies shared by the properties
// ---------------------------------------------------------------------------------------------

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (0u16..=400, 0u16..=150),
        // Around the minimum size, where the layout switches to the "too small" message.
        1 => (44u16..=56, 11u16..=19),
        1 => (0u16..=4, 0u16..=4),
        1 => select(vec![(400u16, 150u16), (400, 1), (1, 150), (0, 150), (400, 0)]),
    ]
}

fn theme() -> impl Strategy<Value = (ThemeName, Colours)> {
    (
        select(vec![ThemeName::Dark, ThemeName::Light, ThemeName::Mono]),
        select(vec![Colours::None, Colours::Indexed, Colours::Truecolor]),
    )
}
