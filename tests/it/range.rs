//! Year ranges as the audience sees them: every chart of the tab shaded over the range (a band
//! in colour, a bracket on the year axis without it), the readout from the first to the last
//! year with the change and the growth a year or the reason there is none, and the overview's
//! tiles, which compute their change the same way.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::headless::{render, to_text};
use shenzhen_dash::theme::{Theme, ThemeName};

use crate::support::{app_on, screen};

const OVERVIEW: usize = 0;
const GDP: usize = 1;
const RD: usize = 2;
const PEOPLE: usize = 4;
const PEERS: usize = 6;

/// The embedded dashboard on `tab` with the year range `from`–`to`.
fn ranged(tab: usize, from: i32, to: i32) -> App {
    app_on(tab, &[]).with_range(Some((from, to)))
}

/// The readout's line for the series named `name`.
fn readout_line(text: &str, name: &str) -> String {
    let prefix = format!("   {name}: ");
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&prefix));
    let first = lines
        .next()
        .unwrap_or_else(|| panic!("no readout line for {name}:\n{text}"));
    // Wrapped: the rows after the first are indented under the values.
    lines
        .take_while(|l| l.starts_with("    "))
        .fold(first.trim_end().to_owned(), |line, row| {
            line + " " + row.trim()
        })
}

/// The screen as text, each blank cell of the range's band shown as `░`: where the band is.
fn band(buf: &Buffer, colour: Color) -> String {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| {
                    let cell = &buf[(x, y)];
                    match (cell.bg == colour, cell.symbol()) {
                        (true, " ") => "░",
                        (_, symbol) => symbol,
                    }
                })
                .collect();
            row.trim_end().to_owned() + "\n"
        })
        .collect()
}

#[test]
fn the_readout_gives_each_series_from_its_first_to_its_last_year() {
    let text = screen(&ranged(GDP, 2012, 2021), 120, 40);
    assert!(
        text.contains(" 2012 → 2021  9 years · changes and growth a year derived · m clears"),
        "{text}"
    );
    assert_eq!(
        readout_line(&text, "Shenzhen GDP, first published"),
        "   Shenzhen GDP, first published: 1,295.01 → 3,066.49 bn CNY · ×2.37 · +10.1% a year \
         · G1, CD22, S2, S24"
    );
    // A growth rate changes in points, and has no growth a year of its own.
    assert_eq!(
        readout_line(&text, "Shenzhen real GDP growth"),
        "   Shenzhen real GDP growth: 10.0% → 6.7% · −3.3 pts · G1, G2, S2, X6"
    );
    // The revised series ends in 2020: its unit follows the value it has.
    assert_eq!(
        readout_line(&text, "Shenzhen GDP, revised (Yearbook 2020 series)"),
        "   Shenzhen GDP, revised (Yearbook 2020 series): 1,349.63 bn CNY → no 2021 figure · no \
         change shown · S4"
    );
    insta::assert_snapshot!("range_gdp_2012_2021_120x40", text);
}

#[test]
fn the_readout_says_why_where_it_computes_no_change() {
    // R&D intensity: 2012 to 2024 crosses the 2019 method change; China's has no break.
    let text = screen(&ranged(RD, 2012, 2024), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen R&D intensity").starts_with(
            "   Shenzhen R&D intensity: 3.81% → 6.67% · no change shown: break in 2019 (method \
             change)"
        ),
        "{text}"
    );
    assert!(
        readout_line(&text, "China R&D intensity, first published")
            .starts_with("   China R&D intensity, first published: 1.98% → 2.68%* · +0.70 pts ·"),
        "a flag keeps its mark, points are a percentage's change:\n{text}"
    );
    assert!(
        readout_line(&text, "Shenzhen R&D expenditure").starts_with(
            "   Shenzhen R&D expenditure: no 2012 figure → 245.31 bn CNY · no change shown ·"
        ),
        "{text}"
    );
    // Within one method, a change in points.
    let text = screen(&ranged(RD, 2019, 2024), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen R&D intensity")
            .starts_with("   Shenzhen R&D intensity: 4.93%† → 6.67% · +1.74 pts ·"),
        "{text}"
    );
    // Residents: the 2020 census correction.
    let text = screen(&ranged(PEOPLE, 2019, 2020), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen permanent residents, year-end").starts_with(
            "   Shenzhen permanent residents, year-end: 13.4388 → 17.5601 million · no change \
             shown: break in 2020 (census correction"
        ),
        "{text}"
    );
    // Market entities: "over 4.65 million" is a lower bound.
    let text = screen(&ranged(PEOPLE, 2024, 2025), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen registered market entities").starts_with(
            "   Shenzhen registered market entities: 4.4038 → 4.65≥ million · no change shown: \
             2025 is a lower bound"
        ),
        "{text}"
    );
}

#[test]
fn values_keep_their_published_precision_and_marks() {
    // GDP 2015 and 2016 were published rounded ("1.75 trillion yuan"): 1,750≈, never 1,750.00.
    let text = screen(&ranged(GDP, 2015, 2016), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen GDP, first published").starts_with(
            "   Shenzhen GDP, first published: 1,750≈ → 1,950≈ bn CNY · +11.4% · +11.4% a year"
        ),
        "{text}"
    );
}

#[test]
fn a_range_marked_with_keys_reads_the_same_as_one_set_directly() {
    // `m` on 2021, then back to 2012: the earlier year first.
    let back_to_2012 = std::iter::once(Action::LastYear)
        .chain(std::iter::repeat_n(Action::PrevYear, 4))
        .chain([Action::MarkRange])
        .chain(std::iter::repeat_n(Action::PrevYear, 9))
        .collect::<Vec<_>>();
    let keys = app_on(GDP, &back_to_2012);
    assert_eq!(keys.range(), Some((2012, 2021)));
    let text = screen(&keys, 120, 40);
    assert!(text.contains(" 2012 → 2021 "), "{text}");
    assert!(
        text.contains("1,295.01 → 3,066.49 bn CNY · ×2.37"),
        "{text}"
    );
}

#[test]
fn a_range_of_one_year_says_how_to_set_its_end() {
    let text = screen(&app_on(GDP, &[Action::MarkRange]), 120, 40);
    assert!(
        text.contains(" 2025  range from 2025: move the year cursor to its end · m clears"),
        "{text}"
    );
    // Until then the readout is the year's, with its change on the year before.
    assert!(
        text.contains("Shenzhen GDP, first published: 3,873.18 bn CNY · +5.2% on 2024"),
        "{text}"
    );
}

#[test]
fn the_range_stays_when_the_tab_changes() {
    let app = app_on(
        GDP,
        &[Action::MarkRange, Action::FirstYear, Action::NextTab],
    );
    assert_eq!(app.tab(), RD);
    let text = screen(&app, 120, 40);
    assert!(text.contains(" 2010 → 2025 "), "{text}");
    assert!(
        readout_line(&text, "Shenzhen R&D intensity").contains("no 2010 figure → no 2025 figure"),
        "{text}"
    );
    let cleared = app_on(
        GDP,
        &[
            Action::MarkRange,
            Action::FirstYear,
            Action::NextTab,
            Action::Back,
        ],
    );
    assert!(!screen(&cleared, 120, 40).contains(" → "), "Esc clears it");
}

#[test]
fn every_chart_of_the_tab_is_shaded_over_the_range_and_bracketed_on_its_axis() {
    let app = ranged(GDP, 2012, 2021);
    let buf = render(&app, 120, 40);
    let text = to_text(&buf);
    let band_colour = app.theme.range.bg.unwrap();
    let rows: Vec<&str> = text.lines().collect();
    // The three charts' year axes (two side by side, one below) carry the range's line.
    let axes: Vec<usize> = (0..rows.len())
        .filter(|&y| rows[y].contains("2012─"))
        .collect();
    assert_eq!(axes.len(), 2, "{text}");
    assert_eq!(rows[axes[0]].matches("2012─").count(), 2, "{text}");
    // The wide "GDP vintages" chart names every year: its bracket runs from 2012 to 2021.
    let y = axes[1];
    let row: Vec<char> = rows[y].chars().collect();
    let open = row.iter().position(|c| *c == '[').unwrap();
    let close = row.iter().position(|c| *c == ']').unwrap();
    let inside: String = row[open..=close].iter().collect();
    assert!(
        inside.starts_with("[─2012─") && inside.ends_with("─2021]"),
        "{inside}"
    );
    for x in [open, close] {
        assert_eq!(buf[(x as u16, y as u16)].bg, band_colour);
    }
    // Above the bracket, the plot's cells carry the band, and those beside it do not.
    let (left, right) = (open as u16, close as u16);
    let chart_rows = (y as u16 - 14)..y as u16;
    for row in chart_rows {
        for x in left..=right {
            let cell = &buf[(x, row)];
            if !cell.modifier.contains(Modifier::REVERSED) {
                assert_eq!(cell.bg, band_colour, "({x}, {row}):\n{text}");
            }
        }
        for x in [left - 1, right + 1] {
            assert_ne!(buf[(x, row)].bg, band_colour, "({x}, {row}):\n{text}");
        }
    }
}

#[test]
fn focus_shades_the_range_on_the_chart_across_the_whole_body() {
    let app = app_on(GDP, &[Action::Focus]).with_range(Some((2016, 2021)));
    let buf = render(&app, 120, 40);
    let shaded = band(&buf, app.theme.range.bg.unwrap());
    assert!(shaded.contains("[─2016─"), "{shaded}");
    insta::assert_snapshot!("range_focus_gdp_2016_2021_120x40", shaded);
}

#[test]
fn the_band_is_a_grey_that_reads_in_dark_and_light_and_a_bracket_without_colour() {
    for (name, grey) in [
        (ThemeName::Dark, Color::Indexed(238)),
        (ThemeName::Light, Color::Indexed(252)),
    ] {
        let app = ranged(RD, 2012, 2021).with_theme(Theme::named(name));
        assert_eq!(app.theme.range.bg, Some(grey), "{name:?}");
        let buf = render(&app, 120, 40);
        let shaded = buf.content.iter().filter(|c| c.bg == grey).count();
        assert!(shaded > 200, "{name:?}: {shaded} cells");
        // The band is a background: the lines on it keep their colours.
        assert!(
            buf.content
                .iter()
                .any(|c| c.bg == grey && c.fg == app.theme.series(0).fg.unwrap()),
            "{name:?}"
        );
    }
    // Mono: no colour at all, the bracket says it. ASCII: the bracket in plain characters.
    let mono = ranged(RD, 2012, 2021).with_theme(Theme::named(ThemeName::Mono));
    let buf = render(&mono, 120, 40);
    assert!(buf.content.iter().all(|c| c.bg == Color::Reset));
    let text = to_text(&buf);
    assert!(
        text.contains("[2012───2014") && text.contains("2018───────2021]"),
        "{text}"
    );
    let mut ascii = ranged(RD, 2012, 2021);
    ascii.ascii = true;
    let text = screen(&ascii, 120, 40);
    assert!(
        text.contains("[2012---2014") && text.contains("2018-------2021]"),
        "{text}"
    );
}

#[test]
fn a_range_past_a_charts_years_runs_to_its_edge_without_a_bracket() {
    // R&D spending starts in 2019: a range from 2012 enters the chart at its left edge.
    let text = screen(&ranged(RD, 2012, 2021), 120, 40);
    let axis = text
        .lines()
        .find(|l| l.contains("2019─"))
        .expect("R&D spending's axis");
    let spending = &axis[axis.find("││").unwrap()..];
    assert!(spending.contains("───2019───"), "{spending}");
    assert!(!spending.contains('['), "{spending}");
    assert!(spending.contains("2021─"), "{spending}");
    // A range wholly outside a chart's years leaves it alone.
    let before = screen(&ranged(RD, 1990, 1995), 120, 40);
    assert!(!before.contains('['), "{before}");
}

#[test]
fn a_comparison_shows_the_ranges_last_year_and_where_each_bar_stood_in_its_first() {
    let text = screen(&ranged(PEERS, 2012, 2021), 120, 40);
    assert!(text.contains("R&D intensity, 2021 · % of GDP"), "{text}");
    assert!(text.contains("╎ in 2012"), "{text}");
    let row = |name: &str| {
        text.lines()
            .find(|l| l.contains(name) && l.contains('█'))
            .unwrap_or_else(|| panic!("{name}:\n{text}"))
            .to_owned()
    };
    // Shanghai 3.31% → 4.21% and China 1.98% → 2.44%: a mark inside each bar.
    for name in ["▲ Shanghai", "◆ China"] {
        let bar = row(name);
        let mark = bar.find('╎').unwrap_or_else(|| panic!("{bar}"));
        assert!(bar[mark..].contains('█'), "the bar grew past it: {bar}");
    }
    // Shenzhen's 2012 → 2021 crosses the method break: no mark.
    assert!(!row("● Shenzhen").contains('╎'), "{text}");
}

#[test]
fn the_overview_tiles_and_the_range_readout_agree() {
    let text = screen(&ranged(OVERVIEW, 2012, 2025), 120, 40);
    assert!(text.contains("×2.99 since 2012 (1,295.01)"), "{text}");
    assert!(
        readout_line(&text, "Shenzhen GDP, first published")
            .starts_with("   Shenzhen GDP, first published: 1,295.01 → 3,873.18 bn CNY · ×2.99 ·"),
        "{text}"
    );
    // R&D intensity since 2012 crosses the 2019 method change: neither computes a change.
    assert!(
        text.contains("no change since 2012: ┊ break in 2019"),
        "{text}"
    );
    let text = screen(&ranged(OVERVIEW, 2012, 2024), 120, 40);
    assert!(
        readout_line(&text, "Shenzhen R&D intensity")
            .contains("3.81% → 6.67% · no change shown: break in 2019 (method change)"),
        "{text}"
    );
}

#[test]
fn a_tile_that_computes_no_change_never_cuts_its_reason() {
    // The overview's tiles narrow as the window does: the R&D intensity tile drops its lead
    // words ("no change since 2012: ", then "no change: ") before the break's year.
    let mut leads = Vec::new();
    for width in 50..=140 {
        let text = screen(&app_on(OVERVIEW, &[]), width, 40);
        let line = text
            .lines()
            .find(|l| l.contains("break in"))
            .unwrap_or_else(|| panic!("{width}:\n{text}"));
        assert!(line.contains("┊ break in 2019"), "{width}:\n{text}");
        for lead in ["no change since 2012: ┊", "no change: ┊", "│┊ break"] {
            if line.contains(lead) && !leads.contains(&lead) {
                leads.push(lead);
            }
        }
    }
    assert_eq!(leads.len(), 3, "every lead in turn: {leads:?}");
}

/// At 80 columns a range's line is longer than the screen: it wraps under its values instead
/// of losing its end (`+10.1% a` and the sources were cut off).
#[test]
fn a_long_readout_line_wraps_and_keeps_its_end() {
    let text = screen(&ranged(GDP, 2012, 2021), 80, 24);
    let line = readout_line(&text, "Shenzhen GDP, first published");
    assert!(
        line.ends_with("· +10.1% a year · G1, CD22, S2, S24"),
        "{line}\n{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 80));
}
