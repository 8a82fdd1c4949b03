//! Whatever sequence of frames is drawn, a terminal emulator (the `vt100` crate) fed the
//! painter's bytes shows exactly the last buffer: every character, and every colour and
//! attribute that can be seen. This is what lets the painter skip cells, codes and moves.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};

use super::Painter;
use crate::sgr;

/// One column each, and then a wide one.
const SYMBOLS: [&str; 9] = ["a", "b", " ", " ", "·", "⣿", "─", "é", "深"];
const NARROW: usize = 8;

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        Just(Color::Reset),
        Just(Color::Red),
        Just(Color::Indexed(214)),
        Just(Color::Rgb(0, 114, 178)),
    ]
}

fn style() -> impl Strategy<Value = Style> {
    let modifier = prop::sample::subsequence(
        vec![
            Modifier::BOLD,
            Modifier::DIM,
            Modifier::ITALIC,
            Modifier::UNDERLINED,
            Modifier::REVERSED,
        ],
        0..3,
    )
    .prop_map(|mods| mods.into_iter().fold(Modifier::empty(), |a, b| a | b));
    let bg = prop_oneof![3 => Just(Color::Reset), 1 => Just(Color::Indexed(236))];
    (color(), bg, modifier)
        .prop_map(|(fg, bg, modifier)| Style::new().fg(fg).bg(bg).add_modifier(modifier))
}

/// Text written at a place, as a widget would.
#[derive(Debug, Clone)]
struct Span {
    x: u16,
    y: u16,
    text: String,
    style: Style,
}

fn span(symbols: usize) -> impl Strategy<Value = Span> {
    let text = prop::collection::vec(prop::sample::select(SYMBOLS[..symbols].to_vec()), 1..8)
        .prop_map(|symbols| symbols.concat());
    (0u16..16, 0u16..6, text, style()).prop_map(|(x, y, text, style)| Span { x, y, text, style })
}

/// One frame: maybe a resize first, then spans over a blank screen.
type Frame = (Option<(u16, u16)>, Vec<Span>);

fn frame(symbols: usize) -> impl Strategy<Value = Frame> {
    let resize = prop::option::weighted(0.15, (4u16..16, 2u16..6));
    (resize, prop::collection::vec(span(symbols), 0..12))
}

fn frames(symbols: usize) -> impl Strategy<Value = Vec<Frame>> {
    prop::collection::vec(frame(symbols), 1..6)
}

fn emulated(color: vt100::Color) -> Color {
    match color {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn meant(color: Color) -> Color {
    match color {
        Color::Reset | Color::Indexed(_) | Color::Rgb(..) => color,
        named => Color::Indexed(sgr::palette_index(named)),
    }
}

/// The first cell where the emulated screen differs from the buffer, in text or in what can be
/// seen of the style, if any.
fn difference(screen: &vt100::Screen, buf: &Buffer) -> Option<String> {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let Some(shown) = screen.cell(y, x) else {
                return Some(format!("({x}, {y}) is off the emulated screen"));
            };
            if shown.is_wide_continuation() {
                continue;
            }
            let cell = &buf[(x, y)];
            let symbol = match shown.contents() {
                "" => " ",
                text => text,
            };
            let m = cell.modifier;
            let blank = cell.symbol() == " ";
            // vt100 keeps one intensity, as many terminals do: bold and dim at once is not
            // compared.
            let intensity = !blank && !m.contains(Modifier::BOLD | Modifier::DIM);
            let expected = (
                cell.symbol(),
                meant(cell.bg),
                m.contains(Modifier::REVERSED),
                m.contains(Modifier::UNDERLINED),
                // A space shows no ink: its colour and weight are free.
                (!blank).then(|| meant(cell.fg)),
                intensity.then(|| m.contains(Modifier::BOLD)),
                intensity.then(|| m.contains(Modifier::DIM)),
                (!blank).then(|| m.contains(Modifier::ITALIC)),
            );
            let actual = (
                symbol,
                emulated(shown.bgcolor()),
                shown.inverse(),
                shown.underline(),
                (!blank).then(|| emulated(shown.fgcolor())),
                intensity.then(|| shown.bold()),
                intensity.then(|| shown.dim()),
                (!blank).then(|| shown.italic()),
            );
            if expected != actual {
                return Some(format!(
                    "at ({x}, {y}): meant {expected:?}, shown {actual:?}"
                ));
            }
        }
    }
    None
}

/// Paints the frames, as the event loop does, into a fresh emulated terminal; the first
/// difference between a frame and the emulated screen after it, if any.
fn draw(frames: Vec<Frame>) -> Option<String> {
    let size = Size {
        width: 16,
        height: 6,
    };
    let mut painter = Painter::new(Vec::new(), size);
    let mut parser = vt100::Parser::new(size.height, size.width, 0);
    let mut buf = Buffer::empty(size.into());
    for (resize, spans) in frames {
        if let Some((width, height)) = resize {
            buf.resize(Rect::new(0, 0, width, height));
            parser.screen_mut().set_size(height, width);
        }
        buf.reset();
        for span in &spans {
            if buf.area.contains((span.x, span.y).into()) {
                buf.set_string(span.x, span.y, &span.text, span.style);
            }
        }
        painter.paint(&buf).unwrap();
        parser.process(&std::mem::take(&mut painter.out));
        let difference = difference(parser.screen(), &buf);
        if difference.is_some() {
            return difference;
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_emulated_screen_shows_the_last_frame(frames in frames(NARROW)) {
        prop_assert_eq!(draw(frames), None);
    }

    /// Wide characters too: the columns one covered are painted again once it is gone,
    /// whatever the terminal left there.
    #[test]
    fn wide_characters_leave_nothing_behind(frames in frames(SYMBOLS.len())) {
        prop_assert_eq!(draw(frames), None);
    }
}

/// A narrow character over the left half of a wide one: the terminal blanks the right half,
/// and what was there before the wide character must not be printed again.
#[test]
fn the_column_a_wide_character_covered_is_never_printed_again() {
    let at = |x, text: &str| Span {
        x,
        y: 0,
        text: text.to_owned(),
        style: Style::new(),
    };
    let frames = vec![
        (None, vec![at(0, "abcdef")]),
        (None, vec![at(0, "ab深ef")]),
        (None, vec![at(0, "abX eZ")]),
    ];
    assert_eq!(draw(frames), None);
}
