//! On stage: the blank screen a clicker's button asks for, and focus (one chart across the
//! whole body), as the audience sees them.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use crate::support::{app_on, screen};
use ratatui::style::Color;
use shenzhen_dash::action::Action;
use shenzhen_dash::headless::{Format, Frame, render, write};
use shenzhen_dash::theme::{Theme, ThemeName};

#[test]
fn blank_shows_the_themes_background_and_nothing_else() {
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::Mono] {
        let theme = Theme::named(name);
        let app =
            app_on(2, &[Action::LastYear, Action::Focus, Action::Blank]).with_theme(theme.clone());
        let buf = render(&app, 80, 24);
        for cell in &buf.content {
            assert_eq!(cell.symbol(), " ", "{name:?}");
            assert_eq!(cell.bg, theme.base.bg.unwrap_or(Color::Reset), "{name:?}");
        }
    }
    let app = app_on(2, &[Action::Blank]).with_theme(Theme::named(ThemeName::Light));
    let frame = Frame {
        heading: None,
        buf: render(&app, 80, 24),
    };
    // As a terminal gets it: every row white, nothing on it.
    let ansi = write(&[frame], Format::Ansi, &app.theme, "blank");
    let rows: Vec<String> = ansi.lines().map(|l| l.escape_debug().to_string()).collect();
    insta::assert_snapshot!("blank_light_80x24_ansi", rows.join("\n"));
}

#[test]
fn focus_draws_one_chart_across_the_whole_body() {
    let whole = screen(&app_on(2, &[]), 80, 24);
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen(&app_on(2, &[Action::Focus]), width, height);
        let rows: Vec<&str> = text.lines().collect();
        assert!(
            // Titles, or ids where seven titles do not fit.
            rows[0].to_lowercase().starts_with(" 1 overview"),
            "the tab bar stays:\n{text}"
        );
        assert!(rows[1].starts_with("╭ R&D intensity"), "{text}");
        assert!(
            rows[usize::from(height) - 2].starts_with("╰"),
            "the chart reaches the footer:\n{text}"
        );
        assert!(!text.contains("R&D spending"), "{text}");
        assert!(
            text.contains("chart 1/2 · f next · Esc whole tab"),
            "{text}"
        );
        insta::assert_snapshot!(format!("focus_rd_{width}x{height}"), text);
    }
    let second = screen(&app_on(2, &[Action::Focus, Action::Focus]), 80, 24);
    assert!(second.contains("╭ R&D spending"), "{second}");
    assert!(!second.contains("R&D intensity"), "{second}");
    assert!(second.contains("chart 2/2"), "{second}");
    let back = app_on(2, &[Action::Focus, Action::Focus, Action::Focus]);
    assert_eq!(
        screen(&back, 80, 24),
        whole,
        "after the last chart, the whole tab"
    );
    let escaped = app_on(2, &[Action::Focus, Action::Back]);
    assert_eq!(screen(&escaped, 80, 24), whole, "Esc: the whole tab");
}

#[test]
fn focus_lays_the_axes_out_for_the_space() {
    // The grid's R&D intensity chart at 80×24 has a few ticks on its y axis; in focus at
    // 120×40 it has room for more, and the x axis names every year.
    let ticks = |text: &str| text.lines().filter(|l| l.contains('┤')).count();
    let grid = screen(&app_on(2, &[]), 120, 40);
    let focus = screen(&app_on(2, &[Action::Focus]), 120, 40);
    let grid_chart: String = grid.lines().take_while(|l| !l.starts_with('╰')).collect();
    assert!(ticks(&focus) > ticks(&grid_chart), "{grid}\n{focus}");
    assert!(focus.contains("2010") && focus.contains("2024"), "{focus}");
}

#[test]
fn focus_keeps_the_cursor_views_and_a_readout_of_its_own_series() {
    // The R&D intensity chart with the cursor on 2019: the readout lists its two series, not
    // R&D spending, which is on the tab's other chart.
    let back_to_2019 = [Action::Focus, Action::LastYear]
        .into_iter()
        .chain(std::iter::repeat_n(Action::PrevYear, 5));
    let app = app_on(2, &back_to_2019.collect::<Vec<_>>());
    assert_eq!(app.cursor(), Some(2019));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("Shenzhen R&D intensity: 4.93% † derived"),
        "{text}"
    );
    assert!(text.contains("China R&D intensity"), "{text}");
    assert!(!text.contains("R&D spending"), "{text}");
    insta::assert_snapshot!("focus_rd_cursor_2019_120x40", text);

    let change = screen(&app_on(2, &[Action::Focus, Action::ToggleChange]), 120, 40);
    assert!(change.contains("year-on-year change, derived"), "{change}");
    assert!(change.contains("chart 1/2"), "{change}");
}

#[test]
fn f_on_the_overview_changes_nothing() {
    let app = app_on(0, &[Action::Focus]);
    assert_eq!(screen(&app, 120, 40), screen(&app_on(0, &[]), 120, 40));
}
