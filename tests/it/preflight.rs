//! The pre-flight card: what it shows at two common sizes (insta snapshots, with fixed
//! environment variables and a few keys pressed), how its size verdicts agree with what the
//! dashboard really draws, and how it keeps to the theme, `--ascii` and `NO_COLOR`.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
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
