//! Presenter features as the audience sees them: the year cursor and its readout, the help and
//! sources overlays, themes, ASCII glyphs, derived views and mouse hit-testing.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use crate::support::{app_on, screen};
use ratatui::style::{Color, Modifier};
use shenzhen_dash::action::{Action, BINDINGS, TALK_BINDINGS};
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::render;
use shenzhen_dash::theme::{Theme, ThemeName};
use shenzhen_dash::ui::tab_at;

/// The cursor on `year`, counted back from the last year of the tab.
fn cursor_back(years: usize) -> Vec<Action> {
    std::iter::once(Action::LastYear)
        .chain(std::iter::repeat_n(Action::PrevYear, years))
        .collect()
}

#[test]
fn help_lists_every_binding_from_the_key_table() {
    let app = app_on(0, &[Action::ToggleHelp]);
    let text = screen(&app, 100, 40);
    for binding in BINDINGS {
        let label = binding.label();
        assert!(text.contains(&label), "{label}\n{text}");
        assert!(
            text.contains(binding.description),
            "{}\n{text}",
            binding.description
        );
    }
    insta::assert_snapshot!("help_100x40", text);
}

#[test]
fn readout_shows_values_changes_flags_sources_and_gaps() {
    // R&D tab, cursor on 2013: Shenzhen's ratio is a gap; China's has a value.
    let app = app_on(2, &cursor_back(11));
    assert_eq!(app.cursor(), Some(2013));
    let text = screen(&app, 120, 40);
    assert!(text.contains("Shenzhen R&D intensity: no data"), "{text}");
    assert!(text.contains("China R&D intensity, first published: 2.08% · +0.10 pts on 2012"));
    assert!(text.contains("high confidence · R4"), "{text}");
    insta::assert_snapshot!("readout_rd_2013_120x40", text);

    // 2019: a derived ratio, right after the method break.
    let app = app_on(2, &cursor_back(5));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("Shenzhen R&D intensity: 4.93% † derived · no change shown: method change"),
        "{text}"
    );
}

#[test]
fn readout_computes_no_change_from_a_lower_bound() {
    // People & firms, 2025: market entities "over 4.65 million", after an exact 2024 count.
    let app = app_on(4, &[Action::LastYear]);
    assert_eq!(app.cursor(), Some(2025));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains(
            "Shenzhen registered market entities: 4.65 million ≥ lower bound · no change shown: lower bound"
        ),
        "{text}"
    );
}

#[test]
fn readout_names_the_events_of_the_year() {
    let app = app_on(1, &cursor_back(4));
    assert_eq!(app.cursor(), Some(2021));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("China's first personal bankruptcy regulation in force (2021-03-01)"),
        "{text}"
    );
}

#[test]
fn sources_overlay_answers_where_a_figure_is_from() {
    let app = app_on(2, &[Action::ToggleSources]);
    let text = screen(&app, 120, 40);
    assert!(text.contains("Sources · R&D"), "{text}");
    assert!(text.contains("Shenzhen R&D intensity · % of GDP"), "{text}");
    assert!(text.contains("S27 SZ ranks No.3 in R&D input"), "{text}");
    insta::assert_snapshot!("sources_rd_120x40", text);
    let scrolled = app_on(
        2,
        &[Action::ToggleSources, Action::NextYear, Action::NextYear],
    );
    assert_ne!(screen(&scrolled, 120, 40), text, "↓ scrolls the sources");
}

#[test]
fn themes_keep_meaning_without_colour() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        let app = app_on(1, &[]).with_theme(Theme::named(name));
        let buf = render(&app, 100, 30);
        let row: String = (0..100).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        let gdp = row.find(" 2 GDP ").unwrap() as u16;
        let selected = buf[(gdp + 3, 0)].modifier;
        assert!(
            selected.contains(Modifier::REVERSED | Modifier::BOLD),
            "{name:?}"
        );
        if name == ThemeName::Mono {
            let coloured = buf
                .content
                .iter()
                .any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
            assert!(!coloured, "mono has no colour at all");
        }
    }
}

#[test]
fn light_theme_paints_a_white_page_and_dark_ink() {
    let theme = Theme::named(ThemeName::Light);
    let app = app_on(2, &[]).with_theme(theme.clone());
    let buf = render(&app, 100, 30);
    // A period's years are shaded a light grey; everything else is on white.
    let shade = theme.period.bg.unwrap();
    assert!(
        buf.content
            .iter()
            .all(|c| c.bg == Color::Indexed(231) || c.bg == shade),
        "every cell on white"
    );
    let shaded = buf.content.iter().filter(|c| c.bg == shade).count();
    assert!(shaded > 0 && shaded < buf.content.len() / 2, "{shaded}");
}

#[test]
fn grouped_bars_differ_by_fill_not_only_by_colour() {
    let text = screen(&app_on(3, &[]), 120, 40);
    assert!(
        text.contains("█ exports") && text.contains("▓ imports"),
        "{text}"
    );
    assert!(text.contains('▓'));
}

#[test]
fn ascii_mode_draws_without_unicode_art() {
    let app = app_on(2, &[Action::ToggleAscii]);
    let text = screen(&app, 100, 30);
    for c in text.chars() {
        assert!(
            c.is_ascii() || "→←↑↓·–—×".contains(c),
            "non-ASCII glyph {c:?} in\n{text}"
        );
    }
    insta::assert_snapshot!("ascii_rd_100x30", text);
}

#[test]
fn change_and_index_views_are_labelled_derived() {
    let text = screen(&app_on(1, &[Action::ToggleChange]), 120, 40);
    assert!(text.contains("year-on-year change, derived"), "{text}");
    let text = screen(&app_on(1, &[Action::ToggleIndex]), 120, 40);
    assert!(text.contains("index, first year = 100, derived"), "{text}");
}

#[test]
fn clicks_hit_the_tab_under_the_pointer() {
    let data = Dataset::embedded().unwrap();
    // " 1 Overview │ 2 GDP │ 3 R&D │ …" at 100 columns.
    assert_eq!(tab_at(&data.pages, 100, 2, 0), Some(0));
    assert_eq!(tab_at(&data.pages, 100, 15, 0), Some(1));
    assert_eq!(tab_at(&data.pages, 100, 12, 0), None, "the separator");
    assert_eq!(tab_at(&data.pages, 100, 2, 1), None, "below the tab bar");
    assert_eq!(tab_at(&data.pages, 100, 99, 0), None, "past the last tab");
}

#[test]
fn readme_key_table_matches_the_key_table() {
    let readme = include_str!("../../README.md");
    for binding in BINDINGS.iter().chain(TALK_BINDINGS) {
        assert!(
            readme.contains(binding.description),
            "README lacks {:?}",
            binding.description
        );
        for key in binding.label().split(' ') {
            assert!(
                readme.contains(&format!("`{key}`")),
                "README lacks the key {key:?}"
            );
        }
    }
}

/// The Peers tab, the seventh.
const PEERS: usize = 6;

#[test]
fn peers_compare_r_and_d_in_2019_until_the_cursor_moves() {
    let text = screen(&app_on(PEERS, &[]), 120, 40);
    assert!(text.contains("R&D intensity, 2019 · % of GDP"), "{text}");
    for row in [
        "■ Beijing",
        "6.31%",
        "● Shenzhen",
        "4.93%†",
        "4.9%≈",
        "4%~",
        "3.0%≥",
        "2.47%",
        "2.23%",
    ] {
        assert!(text.contains(row), "{row}:\n{text}");
    }
    assert!(!text.contains("no data"), "2019 has all eight:\n{text}");
    assert!(text.contains("Chongqing (province-sized)"), "{text}");
    assert!(
        text.contains("┊ 2024 revised base"),
        "the peers' break:\n{text}"
    );
    assert_eq!(
        text.matches("2024 revised base").count(),
        1,
        "explained once"
    );
}

#[test]
fn the_comparison_follows_the_cursor_and_lists_the_missing_as_no_data() {
    // 2016: Shenzhen, China, the OECD and the USA have a ratio; the others do not.
    let app = app_on(PEERS, &cursor_back(9));
    assert_eq!(app.cursor(), Some(2016));
    let text = screen(&app, 120, 40);
    assert!(text.contains("R&D intensity, 2016 · % of GDP"), "{text}");
    // In the chart (the readout under it lists each indicator too).
    let rows = text
        .lines()
        .filter(|l| l.starts_with('│') && l.contains("no data"));
    assert_eq!(rows.count(), 4, "{text}");
    insta::assert_snapshot!("peers_compare_2016_120x40", text);
}

#[test]
fn the_peers_readout_says_why_beijing_shows_no_change_into_2024() {
    let app = app_on(PEERS, &cursor_back(1));
    assert_eq!(app.cursor(), Some(2024));
    let text = screen(&app, 120, 40);
    for city in ["Beijing", "Shanghai"] {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("{city} GDP, first published:")))
            .unwrap();
        assert!(line.contains("no change shown: revised base"), "{line}");
    }
}

/// How "Shenzhen passed Hong Kong in 2018" was measured, with its sources, under the charts.
#[test]
fn the_peers_tab_explains_how_shenzhen_passing_hong_kong_was_measured() {
    let text = screen(&app_on(PEERS, &[]), 120, 40);
    assert!(text.contains(" Highlights "), "{text}");
    assert!(
        text.contains("▸ Shenzhen's economy first passed Hong Kong's in 2018"),
        "{text}"
    );
    assert!(
        text.contains("[P55, P56]"),
        "whole, with its sources:\n{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let rule = lines.iter().position(|l| l.contains(" Highlights "));
    let last_chart = lines.iter().rposition(|l| l.starts_with('╰'));
    assert!(rule > last_chart, "under the charts:\n{text}");
}

/// On a small screen the highlight gives way, counted, and every chart is still drawn.
#[test]
fn on_a_small_screen_the_peers_highlight_gives_way_to_the_charts() {
    let text = screen(&app_on(PEERS, &[]), 80, 24);
    for title in [
        "GDP as first published",
        "Hong Kong GDP, HK dollars",
        "R&D intensity, 2019",
    ] {
        assert!(text.contains(title), "{title}:\n{text}");
    }
    assert!(!text.contains("more chart"), "{text}");
    assert!(!text.contains("Shenzhen's economy"), "{text}");
    assert!(
        text.contains("+1 more highlight: enlarge the window"),
        "{text}"
    );
}
