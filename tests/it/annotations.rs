//! The dataset's annotations as the audience sees them: a callout beside its point, a period
//! shaded and bracketed over its years, a reference line across the charts of its indicator;
//! each degraded to a mark where the chart is small and named in the readout at the cursor's
//! year; in every theme, in ASCII and in focus; never drawn over what the chart shows; and
//! shown or hidden as a talk's beat chooses.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use std::path::Path;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::{render, to_text};
use shenzhen_dash::theme::{Theme, ThemeName};

use crate::support::{app_on, screen};

const GDP: usize = 1;
const RD: usize = 2;

const CALLOUT: &str = "more than doubled since 2012";
const PERIOD: &str = "COVID-19";
const REFERENCE: &str = "OECD average, 2019 · 2.47%";

/// The embedded dashboard on `tab` after `actions`, showing only the annotations `ids`.
fn showing(ids: &[&str], tab: usize, actions: &[Action]) -> App {
    let mut app = app_on(tab, actions);
    let unknown = app.show_annotations(Some(ids.iter().map(|id| (*id).to_owned()).collect()));
    assert!(unknown.is_empty(), "{unknown:?}");
    app
}

/// The cursor on `year`, from the last year of the tab's data.
fn cursor_on(app: &mut App, year: i32) {
    let now = Instant::now();
    app.update(Action::LastYear, now);
    while app.cursor().is_some_and(|y| y > year) {
        app.update(Action::PrevYear, now);
    }
    assert_eq!(app.cursor(), Some(year));
}

/// Where `needle` is on screen: its row, and the column (in cells) it starts at.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?;
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].symbol().starts_with(first) {
                let here: String = (x..buf.area.width)
                    .map(|cx| buf[(cx, y)].symbol())
                    .collect::<String>();
                if here.starts_with(needle) {
                    return Some((y, x));
                }
            }
        }
    }
    None
}

fn annotated() -> Dataset {
    Dataset::from_file(Path::new("tests/fixtures/valid/annotated.json")).unwrap()
}

#[test]
fn each_kind_at_a_normal_and_a_small_size() {
    for (id, tab, text, mark) in [
        ("gdp_doubled", GDP, CALLOUT, "↓"),
        ("covid", RD, PERIOD, "┌"),
        ("oecd_rd_2019", RD, REFERENCE, "╌"),
    ] {
        let normal = screen(&showing(&[id], tab, &[]), 120, 40);
        assert!(normal.contains(text), "{id} at 120×40:\n{normal}");
        insta::assert_snapshot!(format!("{id}_120x40"), normal);
        // The smallest window the dashboard draws: no room for the text, a mark instead.
        let small = screen(&showing(&[id], tab, &[]), 50, 15);
        assert!(!small.contains(text), "{id} at 50×15:\n{small}");
        assert!(
            small.contains(mark),
            "{id} at 50×15 keeps its mark:\n{small}"
        );
        insta::assert_snapshot!(format!("{id}_50x15"), small);
    }
}

#[test]
fn a_callout_points_down_at_its_bar_and_its_line_point() {
    let app = showing(&["gdp_doubled"], GDP, &[]);
    let buf = render(&app, 120, 40);
    // The bar chart, then the vintages' line chart: the text ends in a pointer whose column
    // runs down to the 2021 bar, and on the line to the 2021 marker, with nothing between.
    let (row, col) = find(&buf, &format!("{CALLOUT} ↓")).unwrap();
    let x = col + CALLOUT.chars().count() as u16 + 1;
    let below: Vec<&str> = (row + 1..40).map(|y| buf[(x, y)].symbol()).collect();
    let first = below.iter().find(|s| **s != " ").unwrap();
    assert!("▁▂▃▄▅▆▇█".contains(first), "{below:?}");
    let text = to_text(&buf);
    assert_eq!(
        text.matches(CALLOUT).count(),
        2,
        "bars and vintages:\n{text}"
    );
    let lower = text.rfind(CALLOUT).unwrap();
    let line_row = text[..lower].matches('\n').count() as u16;
    let line_col = find_from(&buf, line_row, CALLOUT) + CALLOUT.chars().count() as u16 + 1;
    assert_eq!(buf[(line_col, line_row)].symbol(), "↓");
    let marker = (line_row + 1..40)
        .map(|y| buf[(line_col, y)].symbol())
        .find(|s| *s != " ")
        .unwrap();
    // The pointer sits just above the line through the 2021 point: Braille or the marker.
    assert!(
        marker == "●" || ('\u{2800}'..='\u{28FF}').contains(&marker.chars().next().unwrap()),
        "{marker:?}\n{text}"
    );
}

fn find_from(buf: &Buffer, row: u16, needle: &str) -> u16 {
    let line: Vec<&str> = (0..buf.area.width)
        .map(|x| buf[(x, row)].symbol())
        .collect();
    (0..buf.area.width)
        .find(|x| line[usize::from(*x)..].concat().starts_with(needle))
        .unwrap()
}

#[test]
fn the_readout_names_what_the_chart_had_no_room_for() {
    let mut app = app_on(GDP, &[]);
    cursor_on(&mut app, 2021);
    let small = screen(&app, 80, 24);
    assert!(!small.contains(&format!("{CALLOUT} ↓")), "{small}");
    assert!(
        small.contains("↓ Shenzhen GDP, first published, 2021: more than doubled since 2012"),
        "{small}"
    );
    assert!(small.contains("┌┐ COVID-19: 2020–2022"), "{small}");
    // A year with neither: no annotation in the readout.
    cursor_on(&mut app, 2019);
    let before = screen(&app, 120, 40);
    assert!(
        !before.contains("┌┐") && !before.contains("2021: more"),
        "{before}"
    );
    // A reference line holds for every year, and says where its figure is from.
    for year in [2012, 2024] {
        let mut app = app_on(RD, &[]);
        cursor_on(&mut app, year);
        let text = screen(&app, 120, 40);
        assert!(
            text.contains("╌ OECD average, 2019: 2.47% · reference line · P76, P75"),
            "{text}"
        );
    }
}

#[test]
fn the_cursor_at_the_callout_keeps_the_bar_value_and_the_text() {
    let mut app = showing(&["gdp_doubled"], GDP, &[]);
    cursor_on(&mut app, 2021);
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("3,066.49"),
        "the value at the cursor:\n{text}"
    );
    assert!(text.contains(&format!("{CALLOUT} ↓")), "{text}");
}

#[test]
fn a_period_is_shaded_in_colour_and_bracketed_in_every_theme() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        let theme = Theme::named(name);
        let app = showing(&["covid"], RD, &[]).with_theme(theme.clone());
        let buf = render(&app, 120, 40);
        // The bracket over the R&D spending bars, 2020 to 2022.
        let (row, left) = find(&buf, "┌─").unwrap();
        let right = (left..120)
            .find(|x| buf[(*x, row)].symbol() == "┐")
            .unwrap();
        assert!(
            to_text(&buf)
                .lines()
                .nth(usize::from(row))
                .unwrap()
                .contains(PERIOD)
        );
        let base = theme.base.bg.unwrap_or(Color::Reset);
        let shade = theme.period.bg.unwrap_or(base);
        for y in [row, row + 5] {
            assert_eq!(buf[(left, y)].bg, shade, "{name:?}");
            assert_eq!(buf[(right, y)].bg, shade, "{name:?}");
            assert_eq!(buf[(left - 2, y)].bg, base, "{name:?}: outside the years");
            assert_eq!(buf[(right + 2, y)].bg, base, "{name:?}: outside the years");
        }
        if name == ThemeName::Mono {
            assert_eq!(shade, base, "mono has no colour: the bracket says it");
        } else {
            assert_ne!(shade, base, "{name:?}");
        }
        // The cursor's value in the period, reversed, keeps its own colours: no shade swapped
        // in for its text.
        let mut app = app.clone();
        cursor_on(&mut app, 2021);
        let buf = render(&app, 120, 40);
        let (row, col) = find(&buf, "168.2").unwrap();
        let cell = &buf[(col, row)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "{name:?}");
        assert_eq!(cell.bg, base, "{name:?}");
    }
}

#[test]
fn ascii_mode_draws_every_kind_in_ascii() {
    let rd = screen(&app_on(RD, &[Action::ToggleAscii]), 120, 40);
    assert!(rd.is_ascii(), "{rd}");
    assert!(
        rd.contains("[----- COVID-19 ------]") || rd.contains("COVID-19 -"),
        "{rd}"
    );
    assert!(rd.contains("---- OECD average, 2019 . 2.47% "), "{rd}");
    let gdp = screen(&app_on(GDP, &[Action::ToggleAscii]), 120, 40);
    assert!(gdp.is_ascii(), "{gdp}");
    assert!(gdp.contains(&format!("{CALLOUT} V")), "{gdp}");
}

#[test]
fn focus_gives_the_annotations_room() {
    // The GDP bars in the grid at 80×24 have room only for the callout's pointer; in focus,
    // for its text.
    let grid = screen(&app_on(GDP, &[]), 80, 24);
    let bars: Vec<String> = grid
        .lines()
        .skip(1)
        .take_while(|line| !line.starts_with('╰'))
        .map(|line| line.chars().take(40).collect())
        .collect();
    let bars = bars.join("\n");
    assert!(!bars.contains(CALLOUT) && bars.contains('↓'), "{bars}");
    let focus = screen(&app_on(GDP, &[Action::Focus]), 80, 24);
    assert!(focus.contains(&format!("{CALLOUT} ↓")), "{focus}");
    assert!(focus.contains(PERIOD), "{focus}");
}

#[test]
fn reference_lines_show_in_levels_only() {
    // In a derived view the chart's unit is not the line's.
    let levels = screen(&app_on(RD, &[]), 120, 40);
    assert!(levels.contains(REFERENCE), "{levels}");
    for view in [Action::ToggleChange, Action::ToggleIndex] {
        let derived = screen(&app_on(RD, &[view]), 120, 40);
        assert!(
            !derived.contains("OECD") && !derived.contains('╌'),
            "{derived}"
        );
        assert!(
            derived.contains(PERIOD),
            "periods show in every view:\n{derived}"
        );
    }
}

#[test]
fn a_comparison_of_one_year_shows_callouts_and_reference_lines() {
    let data = annotated();
    let mut app = App::new(data).with_tab(1);
    let wide = screen(&app, 100, 30);
    assert!(wide.contains("50.3 ← highest in the data"), "{wide}");
    assert!(wide.contains("╎ regional average, 2019 · 38.75"), "{wide}");
    let narrow = screen(&app, 50, 15);
    assert!(
        narrow.contains("50.3 ←") && !narrow.contains("highest"),
        "{narrow}"
    );
    // The reference line stands just beyond the end of a bar of its value: Peerville's 35.6
    // ends before it.
    let buf = render(&app, 100, 30);
    let (row, x) = find(&buf, "╎ regional").unwrap();
    assert_eq!(buf[(x, row - 1)].symbol(), "╎");
    assert_eq!(buf[(x - 1, row - 1)].symbol(), " ");
    // Another year has no callout.
    cursor_on(&mut app, 2019);
    assert!(!screen(&app, 100, 30).contains("highest"));
}

#[test]
fn a_talk_chooses_which_annotations_show() {
    let all = screen(&app_on(GDP, &[]), 120, 40);
    assert!(all.contains(CALLOUT) && all.contains(PERIOD), "{all}");
    let period = screen(&showing(&["covid"], GDP, &[]), 120, 40);
    assert!(
        !period.contains(CALLOUT) && period.contains(PERIOD),
        "{period}"
    );
    let mut app = app_on(GDP, &[]);
    assert_eq!(app.shown_annotations().len(), 3);
    let _ = app.show_annotations(Some(Vec::new()));
    let none = screen(&app, 120, 40);
    assert!(!none.contains(CALLOUT) && !none.contains(PERIOD) && !none.contains('┌'));
    assert!(app.shown_annotations().is_empty());
    let unknown = app.show_annotations(Some(vec!["covid".to_owned(), "nope".to_owned()]));
    assert_eq!(unknown, ["nope"]);
    assert_eq!(screen(&app, 120, 40), period);
    assert!(app.show_annotations(None).is_empty());
    assert_eq!(
        screen(&app, 120, 40),
        all,
        "None: all of them, as outside a talk"
    );
}
