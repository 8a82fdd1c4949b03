//! The pre-flight card: what it shows at two common sizes (insta snapshots, with fixed
//! environment variables and a few keys pressed), how its size verdicts agree with what the
//! dashboard really draws, and how it keeps to the theme, `--ascii` and `NO_COLOR`.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::to_text;
use shenzhen_dash::preflight::Preflight;
use shenzhen_dash::preflight::depth::Env;
use shenzhen_dash::theme::{Theme, ThemeName};

/// A 256-colour terminal as most venues have one: `TERM=xterm-256color`, no `COLORTERM`.
fn venue() -> Env {
    Env {
        no_color: None,
        colorterm: None,
        term: Some("xterm-256color".to_owned()),
    }
}

fn card(theme: ThemeName, ascii: bool, env: Env) -> Preflight {
    let theme = Theme::pick(theme, env.colours());
    Preflight::new(Dataset::embedded().unwrap(), theme, ascii, env)
}

fn press(card: &mut Preflight, keys: &[KeyCode]) {
    for code in keys {
        card.handle(&Event::Key(KeyEvent::new(*code, KeyModifiers::NONE)));
    }
}

/// The card as a `width`×`height` terminal shows it.
fn draw(card: &Preflight, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(card, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn screen(card: &Preflight, width: u16, height: u16) -> String {
    to_text(&draw(card, width, height))
}

#[test]
fn the_card_at_80x24_and_120x40() {
    let mut card = card(ThemeName::Dark, false, venue());
    press(
        &mut card,
        &[
            KeyCode::F(5),
            KeyCode::Esc,
            KeyCode::PageDown,
            KeyCode::Char('.'),
        ],
    );
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("card_{width}x{height}"),
            screen(&card, width, height)
        );
    }
}

#[test]
fn a_light_theme_in_a_truecolor_terminal_is_measured_on_white() {
    let env = Env {
        colorterm: Some("truecolor".to_owned()),
        ..venue()
    };
    let text = screen(&card(ThemeName::Light, false, env), 120, 40);
    for expected in [
        "24-bit colour: COLORTERM=\"truecolor\"",
        "TERM=\"xterm-256color\"",
        "theme light",
        "Ratios on the theme's #FFFFFF",
        // The text, near-black, and Okabe–Ito blue #0072B2, the second series.
        "text     20.0:1",
        "series 2 5.1:1 ",
        // Vermillion, darkened to #C25100 to read on white.
        "series 1 4.6:1 ",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    assert!(!text.contains("under 4.5:1"), "{text}");
}

/// A speaker who runs the card sees no warning about the dashboard's own colours: every
/// shipped theme, in a 256-colour and a truecolor terminal, reads at 4.5:1 or more.
#[test]
fn the_shipped_themes_pass_their_own_contrast_check() {
    for colorterm in [None, Some("truecolor".to_owned())] {
        for theme in [ThemeName::Dark, ThemeName::Light] {
            let env = Env {
                colorterm: colorterm.clone(),
                ..venue()
            };
            let text = screen(&card(theme, false, env), 120, 40);
            assert!(text.contains("series 6"), "{text}");
            assert!(!text.contains(":1!"), "{theme:?} {colorterm:?}:\n{text}");
        }
    }
}

/// The check itself warns: a colour under 4.5:1 is marked and counted in the title.
#[test]
fn a_colour_under_aa_is_marked_and_counted() {
    let mut theme = Theme::pick(ThemeName::Light, venue().colours());
    theme.border = ratatui::style::Style::new().fg(Color::Indexed(250));
    let card = Preflight::new(Dataset::embedded().unwrap(), theme, false, venue());
    let text = screen(&card, 120, 40);
    assert!(text.contains("border   1.8:1!"), "{text}");
    assert!(text.contains("Colours: 1 under 4.5:1!"), "{text}");
}

#[test]
fn no_color_shows_no_colour_and_says_why() {
    let env = Env {
        no_color: Some("1".to_owned()),
        ..venue()
    };
    let card = card(ThemeName::Light, false, env);
    let buf = draw(&card, 100, 30);
    let text = to_text(&buf);
    assert!(text.contains("no colour: NO_COLOR is set"), "{text}");
    assert!(
        text.contains("no colours: bold, reverse and markers"),
        "{text}"
    );
    assert!(!text.contains("Ratios on"), "{text}");
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn ascii_draws_only_ascii_and_shows_the_plain_glyphs() {
    let mut card = card(ThemeName::Dark, true, venue());
    press(&mut card, &[KeyCode::PageDown]);
    for (width, height) in [(120, 40), (80, 24), (60, 30), (30, 10)] {
        let text = screen(&card, width, height);
        let odd: String = text.chars().filter(|c| !c.is_ascii()).collect();
        assert_eq!(odd, "", "{width}×{height}:\n{text}");
    }
    let text = screen(&card, 120, 40);
    for expected in [
        "--ascii is on: plain ASCII only",
        "marks   ox+@&$^% ~=*+>",
        "bars    #=%",
        "1 PageDown  dashboard: next tab",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    // The marks of a tab that leaves a chart out, in ASCII.
    let text = screen(&card, 100, 30);
    assert!(text.contains("|x 7 Peers "), "{text}");
    assert!(text.contains("with v readout: 2 of 3 charts"), "{text}");
}

#[test]
fn too_small_a_terminal_is_said_so_and_the_card_survives_any_size() {
    let card = card(ThemeName::Dark, false, venue());
    let text = screen(&card, 60, 14);
    assert!(text.contains("Size 60×14"), "{text}");
    assert!(
        text.contains("too small: the dashboard needs 50×15"),
        "{text}"
    );
    for width in 0..=90 {
        for height in (0..=30).step_by(3) {
            let buf = draw(&card, width, height);
            assert_eq!(buf.area.width, width);
        }
    }
}

#[test]
fn a_tab_that_leaves_a_chart_out_says_so_and_how_many_rows_show_it_all() {
    let card = card(ThemeName::Dark, false, venue());
    let text = screen(&card, 60, 20);
    // Three charts in one column do not fit in 60×20.
    assert!(text.contains("✗ 2 GDP"), "{text}");
    assert!(text.contains("2 of 3 charts"), "{text}");
    let text = screen(&card, 120, 40);
    assert!(text.contains("Size 120×40: every tab fits"), "{text}");
    assert!(text.contains("✓ 2 GDP             3 charts"), "{text}");
}

#[test]
fn a_named_ansi_colour_is_marked_as_assumed() {
    let env = venue();
    let mut theme = Theme::pick(ThemeName::Dark, env.colours());
    theme.flag = theme.flag.fg(Color::Red);
    let card = Preflight::new(Dataset::embedded().unwrap(), theme, false, env);
    let text = screen(&card, 120, 40);
    // xterm's red, #CD0000, on black: 3.5:1.
    assert!(text.contains("flag     ~3.5:1! ██ break"), "{text}");
    assert!(
        text.contains("~ a named ANSI colour: xterm's RGB assumed"),
        "{text}"
    );
}
