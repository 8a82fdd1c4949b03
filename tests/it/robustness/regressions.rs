//! Regressions found by the properties: each a fixed input that once failed, checked on every
//! run.

use std::time::Instant;

use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::render;

use super::{FILE, MINIMAL};

/// One indicator with two consecutive years, charted as `kind` on one page.
fn two_point_dataset(kind: &str, first: &str, second: &str) -> String {
    format!(
        r#"{{"city": "T", "title": "T",
  "indicators": [{{"id": "x", "name": "X", "unit": "bn CNY", "points": [
    {{"year": 2020, "value": {first}, "confidence": "high", "sources": ["S1"]}},
    {{"year": 2021, "value": {second}, "confidence": "high", "sources": ["S1"]}}]}}],
  "sources": [{{"id": "S1", "title": "S"}}],
  "pages": [{{"id": "p", "title": "P",
    "charts": [{{"title": "X", "kind": "{kind}", "series": [{{"indicator": "x"}}]}}]}}]}}"#
    )
}

/// A dataset that passes validation (every value finite and within 1e15) whose change or index
/// view holds a value just below `f64::MAX`. The tick scale used to round its top up to a
/// whole step, which overflowed to infinity, and collecting the ticks panicked with "capacity
/// overflow" (`src/ui/chart.rs`, `labels` from `Ticks::values`): reached with `--data` and one
/// key press (`%` or `i`). Found by `generated_valid_datasets_render`.
#[test]
fn derived_values_near_f64_max_render() {
    let now = Instant::now();
    for (kind, first, second, view) in [
        // Change: (1.5e6 / 1e-300 - 1) * 100 = 1.5e308.
        ("bar", "1e-300", "1500000", Action::ToggleChange),
        // Index: 1.7e6 / 1e-300 * 100 = 1.7e308.
        ("line", "1e-300", "1700000", Action::ToggleIndex),
        ("bar", "-1e-306", "1", Action::ToggleIndex),
    ] {
        let data = Dataset::parse(&two_point_dataset(kind, first, second), FILE).expect("valid");
        let mut app = App::new(data);
        app.update(view, now);
        let frame = std::panic::catch_unwind(|| render(&app, 80, 24));
        assert!(
            frame.is_ok(),
            "{kind} chart of {first}, {second} in {view:?} panicked"
        );
    }
}

/// Unicode's line and paragraph separators (U+2028, U+2029) are neither control characters
/// nor bidirectional overrides, so `text::sanitize` and validation let them through: into the
/// one-line refusal message (from an unknown field or variant name) and, from any title or
/// name, onto the screen. Terminals (tmux, xterm) show them as nothing, so the message stays
/// one line there; a log viewer or editor that follows Unicode breaks the line. Found by
/// `mutated_dataset_text_is_loaded_or_refused_in_one_line`.
#[test]
fn unicode_line_separators_are_refused_and_neutralised() {
    let unknown_field = MINIMAL.replacen("\"city\"", "\"ci\\u2028ty\"", 1);
    let message = Dataset::parse(&unknown_field, FILE)
        .expect_err("an unknown field")
        .to_string();
    assert!(
        !message.contains(['\u{2028}', '\u{2029}']),
        "a line separator in the message: {message:?}"
    );
    let title = MINIMAL.replacen("Testville", "Test\\u2029ville", 1);
    assert!(
        Dataset::parse(&title, FILE).is_err(),
        "a paragraph separator in the city name was accepted"
    );
}

/// The negative twin of `derived_values_near_f64_max_render`: a bar chart whose change or
/// index view holds a negative value near `-f64::MAX` made the ticks fall back to the unit
/// scale, the bar's length in cells saturated to `i32::MAX`, and `top + cells` overflowed
/// ("attempt to add with overflow" in `Bar::draw`, `src/ui/chart/bar.rs`; a panic in debug
/// builds, a wrapped, empty loop in release). Found by `generated_valid_datasets_render`.
#[test]
fn huge_negative_derived_bars_render() {
    let now = Instant::now();
    for (second, view) in [
        // Change: (-1.5e6 / 1e-300 - 1) * 100 = -1.5e308.
        ("-1500000", Action::ToggleChange),
        // Index: -1.7e6 / 1e-300 * 100 = -1.7e308.
        ("-1700000", Action::ToggleIndex),
    ] {
        let text = two_point_dataset("bar", "1e-300", second);
        let data = Dataset::parse(&text, FILE).expect("valid");
        let mut app = App::new(data);
        app.update(view, now);
        let frame = std::panic::catch_unwind(|| render(&app, 80, 24));
        assert!(
            frame.is_ok(),
            "bar chart of 1e-300, {second} in {view:?} panicked"
        );
    }
}
