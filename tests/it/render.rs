//! What the dashboard draws: every tab at two common sizes (insta snapshots), every small size
//! without a panic, and the marks a reader relies on (selection, gaps, flags, negatives).

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.
use ratatui::style::Modifier;
use shenzhen_dash::action::{BINDINGS, Binding};
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::{render, to_text};

fn app_on(tab: usize) -> App {
    App::new(Dataset::embedded().unwrap()).with_tab(tab)
}

fn screen(app: &App, width: u16, height: u16) -> String {
    to_text(&render(app, width, height))
}

#[test]
fn every_tab_at_80x24_and_120x40() {
    let data = Dataset::embedded().unwrap();
    for (tab, page) in data.pages.iter().enumerate() {
        for (width, height) in [(80, 24), (120, 40)] {
            let text = screen(&app_on(tab), width, height);
            insta::assert_snapshot!(format!("{}_{width}x{height}", page.id), text);
        }
    }
}

#[test]
fn every_size_up_to_60x20_renders_without_panicking() {
    let tabs = Dataset::embedded().unwrap().pages.len();
    assert_eq!(tabs, 7, "the seventh tab, Peers, is drawn too");
    for tab in 0..tabs {
        let app = app_on(tab);
        for width in 0..=60 {
            for height in 0..=20 {
                let buf = render(&app, width, height);
                assert_eq!(buf.area.width, width);
            }
        }
    }
}

#[test]
fn below_the_minimum_size_a_message_asks_for_room() {
    let text = screen(&app_on(2), 48, 12);
    assert!(
        text.contains("terminal too small: need 50×15, have 48×12"),
        "{text}"
    );
    assert!(!text.contains("R&D intensity"));
    let narrow = screen(&app_on(2), 20, 6);
    assert!(narrow.contains("need 50×15"), "{narrow}");
    assert!(narrow.contains("have 20×6"), "{narrow}");
}

#[test]
fn selected_tab_is_reversed_and_bold_so_it_shows_without_colour() {
    let buf = render(&app_on(1), 100, 30);
    let row: String = (0..100).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
    let gdp = row.find(" 2 GDP ").unwrap() as u16;
    let overview = row.find(" 1 Overview ").unwrap() as u16;
    let selected = buf[(gdp + 3, 0)].modifier;
    assert!(selected.contains(Modifier::REVERSED | Modifier::BOLD));
    assert!(!buf[(overview + 3, 0)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn footer_hints_come_from_the_key_table() {
    let text = screen(&app_on(0), 120, 40);
    let footer = text.lines().last().unwrap();
    let hints: Vec<_> = BINDINGS.iter().filter_map(Binding::hint).collect();
    assert!(hints.len() >= 4);
    for (keys, words) in hints {
        assert!(footer.contains(&format!("{keys} {words}")), "{footer}");
    }
}

#[test]
fn flagged_points_are_marked_and_explained() {
    let text = screen(&app_on(2), 120, 40);
    assert!(text.contains('†'), "derived R&D ratios carry †");
    assert!(text.contains('*'), "preliminary national ratios carry *");
    assert!(text.contains("† derived") && text.contains("* preliminary"));
    assert!(text.contains("┊ 2019 method change"));
    // The flag goes beside the point: the series' marker stays, so series differ without colour.
    assert!(text.contains("●†"), "Shenzhen's derived ratios:\n{text}");
    assert!(text.contains("■*"), "China's preliminary ratios:\n{text}");
}

/// A small dataset with a gap year, a flagged point and negative values.
fn custom() -> App {
    let json = r#"{
      "city": "Testville", "title": "Test economy",
      "sources": [{"id": "A", "title": "Bulletin"}],
      "indicators": [
        {"id": "output", "name": "Output", "unit": "bn CNY", "points": [
          {"year": 2010, "value": 30, "confidence": "high", "sources": ["A"]},
          {"year": 2011, "value": -20, "confidence": "high", "sources": ["A"]},
          {"year": 2013, "value": 50, "confidence": "high", "flags": ["approximate"], "sources": ["A"]}
        ]},
        {"id": "growth", "name": "Growth", "unit": "%", "points": [
          {"year": 2010, "value": -1.5, "confidence": "high", "sources": ["A"]},
          {"year": 2011, "value": 2.0, "confidence": "high", "sources": ["A"]},
          {"year": 2013, "value": 4.0, "confidence": "high", "sources": ["A"]}
        ]}
      ],
      "pages": [{"id": "p", "title": "Page", "charts": [
        {"title": "Output", "kind": "bar", "series": [{"indicator": "output"}]},
        {"title": "Growth", "kind": "line", "series": [{"indicator": "growth"}]}
      ]}]
    }"#;
    App::new(Dataset::parse(json, "custom.json").unwrap())
}

#[test]
fn gaps_negatives_and_flags_in_a_custom_dataset() {
    let text = screen(&custom(), 60, 30);
    insta::assert_snapshot!("custom_60x30", text);
}

#[test]
fn negative_bars_hang_below_the_zero_line() {
    let buf = render(&custom(), 60, 30);
    let text = to_text(&buf);
    let lines: Vec<&str> = text.lines().collect();
    let zero = lines
        .iter()
        .position(|l| l.contains(" 0┤"))
        .expect("a zero tick on the bar chart");
    let below: String = lines[zero + 1..zero + 4].concat();
    assert!(
        below.contains('█'),
        "the 2011 bar of −20 is drawn below zero:\n{text}"
    );
}

#[test]
fn a_missing_year_is_a_dot_not_a_bar() {
    let text = screen(&custom(), 60, 30);
    assert!(text.contains('·'), "2012 has no data:\n{text}");
    assert!(
        text.contains("50~"),
        "the approximate 2013 value is marked:\n{text}"
    );
}

#[test]
fn readme_snapshot_is_the_real_r_and_d_tab() {
    let readme = include_str!("../../README.md");
    let block = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    assert_eq!(
        block,
        screen(&app_on(2), 80, 24),
        "update the README's snapshot"
    );
}

#[test]
fn readme_screenshots_are_current() {
    let cases = [
        (
            "overview-dark.svg",
            &["--tab", "overview", "--size", "120x40", "--format", "svg"][..],
        ),
        (
            "rd-light.svg",
            &[
                "--tab", "rd", "--size", "100x30", "--format", "svg", "--theme", "light",
            ][..],
        ),
    ];
    for (file, args) in cases {
        let output = crate::support::dashboard(&["snapshot"])
            .args(args)
            .output()
            .unwrap();
        let path = format!("{}/docs/screenshots/{file}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read(&path).unwrap();
        assert!(
            output.stdout == committed,
            "{file} is stale: run scripts/screenshots.sh"
        );
    }
}

/// Two centuries of a series with one spike, on a chart narrower than the years.
fn long_series(kind: &str) -> App {
    let points: Vec<String> = (1800..2000)
        .map(|year| {
            let value = if year == 1900 { 500 } else { 100 + (year % 7) };
            format!(
                r#"{{"year": {year}, "value": {value}, "confidence": "high", "sources": ["A"]}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"city": "Long", "title": "Long", "sources": [{{"id": "A", "title": "A"}}],
        "indicators": [{{"id": "x", "name": "X", "unit": "count", "points": [{}]}}],
        "pages": [{{"id": "p", "title": "P", "charts": [{{"title": "X", "kind": "{kind}",
        "series": [{{"indicator": "x"}}]}}]}}]}}"#,
        points.join(",")
    );
    App::new(Dataset::parse(&json, "long.json").unwrap())
}

#[test]
fn more_years_than_columns_keep_every_columns_extremes() {
    for kind in ["line", "bar"] {
        let text = screen(&long_series(kind), 80, 20);
        let plot_rows: Vec<&str> = text.lines().skip(2).take(12).collect();
        // The 1900 spike (five times the rest) reaches the top rows in its column.
        let top = plot_rows[..3].concat();
        assert!(
            top.chars()
                .any(|c| c != ' ' && c != '│' && c != '┤' && !c.is_ascii_digit()),
            "{kind}: the spike is lost:\n{text}"
        );
    }
}

/// A narrow tile drops its flags' names before it would cut the year: "≥ in 2025", never
/// "≥ lower bound in 2".
#[test]
fn a_narrow_tile_keeps_the_year_whole_and_the_flag_mark() {
    let text = crate::support::screen(&crate::support::app_on(0, &[]), 100, 30);
    assert!(text.contains("4.65 million ≥ in 2025"), "{text}");
    let wide = crate::support::screen(&crate::support::app_on(0, &[]), 120, 40);
    assert!(wide.contains("million ≥ lower bound in 2025"), "{wide}");
}

/// A bar chart of `series` (each a list of value literals from 2000 on), one chart on a page.
fn bars(series: &[&[&str]]) -> App {
    let indicators: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, values)| {
            let points: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(year, value)| {
                    format!(
                        r#"{{"year": {}, "value": {value}, "confidence": "high", "sources": ["A"]}}"#,
                        2000 + year
                    )
                })
                .collect();
            format!(
                r#"{{"id": "s{i}", "name": "S{i}", "unit": "u", "points": [{}]}}"#,
                points.join(", ")
            )
        })
        .collect();
    let chart: Vec<String> = (0..series.len())
        .map(|i| format!(r#"{{"indicator": "s{i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"city": "Testville", "title": "Test economy",
      "sources": [{{"id": "A", "title": "Bulletin"}}],
      "indicators": [{}],
      "pages": [{{"id": "p", "title": "Page", "charts": [
        {{"title": "Bars", "kind": "bar", "series": [{}]}}]}}]}}"#,
        indicators.join(", "),
        chart.join(", ")
    );
    App::new(Dataset::parse(&json, "bars.json").unwrap())
}

/// Side by side, `17.1` and `17.6` must never be written touching, where they would read as
/// one number (`17.117.6`); nor may the cursor's wide label run into its neighbour's
/// (`3.7k` under `3,873.18` read `3.73,873.18`).
#[test]
fn bar_labels_never_touch_so_two_values_never_read_as_one() {
    let now = std::time::Instant::now();
    let pairs = bars(&[&["17.1"; 10], &["17.6"; 10]]);
    let growing = [
        "1295.01", "1473.48", "1634.20", "1750.10", "1950.00", "2243.84", "2422.19", "2692.71",
        "2767.02", "3066.45", "3238.77", "3460.64", "3680.19", "3873.18",
    ];
    let mut at_cursor = bars(&[&growing]);
    at_cursor.update(shenzhen_dash::action::Action::LastYear, now);
    for (app, shows) in [(at_cursor, ["3,873.18", "k "]), (pairs, ["17.1", "17.6"])] {
        let mut labelled = 0;
        for width in 50..=160 {
            for height in (16..=40).step_by(4) {
                let text = screen(&app, width, height);
                let numbers = text.split(|c: char| !(c.is_ascii_digit() || ".,k".contains(c)));
                for number in numbers {
                    let glued = number.matches('.').count() > 1
                        || number.trim_end_matches('k').contains('k');
                    assert!(!glued, "`{number}` at {width}x{height}:\n{text}");
                }
                labelled += usize::from(shows.iter().all(|label| text.contains(label)));
            }
        }
        assert!(
            labelled > 100,
            "{shows:?} are written at most sizes: {labelled}"
        );
    }
}
