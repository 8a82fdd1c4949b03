//! Talks, through the library: a talk file against the dataset, the keys of a talk through
//! `App::update` with a fake clock, what the audience sees on a beat, and the built-in talk's
//! numbers. One idea per module:
//!
//! - `validation`: one fixture per rule in `tests/fixtures/talk/invalid/`, each with its exact
//!   one-line message (`file:line:column: what`), and the valid fixture as a model.
//! - `keys`: beats, detours and `r`, the last beat that stays, `q q` on a fake clock.
//! - `screen`: a caption beat at 120×40 and 80×24 (insta), the caption only on its beat, the
//!   footer's counter and detour, the help in a talk.
//! - `numbers`: every number in a caption of the built-in talk is in the data at its published
//!   precision, or derived and shown on the beat.
//!
//! The binary's side (`--talk`, `check --talk`) is in `cli::talk`, and the real terminal in
//! `e2e_talk`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a test failure, with its message"
)]

mod keys;
mod numbers;
mod screen;
mod validation;

use std::time::Instant;

use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::talk::Talk;

/// The small valid talk every invalid fixture is a variant of.
const VALID: &str = "tests/fixtures/talk/valid.toml";

/// The embedded dashboard giving the built-in talk, from its first beat.
fn built_in() -> App {
    let data = Dataset::embedded().unwrap();
    let talk = Talk::embedded(&data).unwrap();
    App::new(data).with_talk(talk)
}

/// The embedded dashboard giving the talk in `file`.
fn giving(file: &str) -> App {
    let data = Dataset::embedded().unwrap();
    let talk = Talk::from_file(std::path::Path::new(file), &data).unwrap();
    App::new(data).with_talk(talk)
}

/// Presses `actions` at one moment.
fn press(app: &mut App, actions: &[Action]) {
    let now = Instant::now();
    for action in actions {
        app.update(*action, now);
    }
}
