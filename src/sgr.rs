//! SGR escape sequences ("select graphic rendition"): how a cell's colours and attributes are
//! written for a terminal. The live terminal ([`crate::tui`]) writes the change from one pen to
//! the next; ANSI snapshots ([`crate::headless`]) write each run's pen in full.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier, Style};

/// What the terminal draws the next character with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    pub const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// The pen a style draws with on a blank terminal: what it leaves unset is the default.
    pub fn from_style(style: Style) -> Pen {
        Pen {
            fg: style.fg.unwrap_or_default(),
            bg: style.bg.unwrap_or_default(),
            underline: style.underline_color.unwrap_or_default(),
            modifier: style.add_modifier,
        }
    }

    pub fn is_default(self) -> bool {
        self == Pen::DEFAULT
    }

    /// Whether `symbol` printed with this pen looks as it does in `wanted`: the same pen, or a
    /// space, which has no ink, so only its background and the attributes that mark a blank
    /// cell show.
    pub fn draws_like(self, wanted: Pen, symbol: &str) -> bool {
        self == wanted
            || (symbol == " "
                && self.bg == wanted.bg
                && !(self.modifier | wanted.modifier).intersects(SHOWS_ON_BLANK))
    }
}

/// Attributes that a space shows; its colour and weight it does not.
pub const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK);

/// Each attribute's code to turn it on.
const ON: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// The codes that turn attributes off. One code turns off both bold and dim, and one both blinks.
const OFF: [(Modifier, u8); 6] = [
    (Modifier::BOLD.union(Modifier::DIM), 22),
    (Modifier::ITALIC, 23),
    (Modifier::UNDERLINED, 24),
    (Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK), 25),
    (Modifier::REVERSED, 27),
    (Modifier::HIDDEN, 28),
];

/// Appends `pen` in full: one sequence that resets everything, then sets what `pen` sets.
pub fn write_pen(out: &mut String, pen: Pen) {
    let mut codes = Codes::new(out);
    codes.push(0);
    codes.modifiers(pen.modifier);
    for (color, base) in [(pen.fg, 38), (pen.bg, 48), (pen.underline, 58)] {
        if color != Color::Reset {
            codes.color(color, base);
        }
    }
    codes.finish();
}

/// Appends the one sequence that changes the terminal's pen from `from` to `to`, naming only
/// what differs; nothing when they are the same.
pub fn write_change(out: &mut String, from: Pen, to: Pen) {
    if from == to {
        return;
    }
    let mut codes = Codes::new(out);
    if to.is_default() {
        codes.push(0);
        codes.finish();
        return;
    }
    let removed = from.modifier - to.modifier;
    let mut added = to.modifier - from.modifier;
    for (group, code) in OFF {
        if removed.intersects(group) {
            codes.push(code);
            // Turning one off turns off its partner too: set again the one that stays.
            added |= to.modifier & group;
        }
    }
    if removed.contains(Modifier::CROSSED_OUT) {
        codes.push(29);
    }
    codes.modifiers(added);
    for (was, is, base) in [
        (from.fg, to.fg, 38),
        (from.bg, to.bg, 48),
        (from.underline, to.underline, 58),
    ] {
        if was != is {
            codes.color(is, base);
        }
    }
    codes.finish();
}

/// One sequence being written: `ESC [`, codes separated by `;`, then `m`.
struct Codes<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Codes<'a> {
    fn new(out: &'a mut String) -> Codes<'a> {
        out.push_str("\x1b[");
        Codes { out, first: true }
    }

    fn push(&mut self, code: u8) {
        if !self.first {
            self.out.push(';');
        }
        self.first = false;
        self.out.push_str(itoa::Buffer::new().format(code));
    }

    fn modifiers(&mut self, modifier: Modifier) {
        for (one, code) in ON {
            if modifier.contains(one) {
                self.push(code);
            }
        }
    }

    /// `base` is 38 (foreground), 48 (background) or 58 (underline); the default is base + 1.
    fn color(&mut self, color: Color, base: u8) {
        match color {
            Color::Reset => self.push(base + 1),
            Color::Rgb(r, g, b) => {
                for code in [base, 2, r, g, b] {
                    self.push(code);
                }
            }
            Color::Indexed(i) => {
                for code in [base, 5, i] {
                    self.push(code);
                }
            }
            named => {
                for code in [base, 5, palette_index(named)] {
                    self.push(code);
                }
            }
        }
    }

    fn finish(self) {
        self.out.push('m');
    }
}

/// The palette index of one of the 16 named colours.
pub fn palette_index(color: Color) -> u8 {
    match color {
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(from: Pen, to: Pen) -> String {
        let mut out = String::new();
        write_change(&mut out, from, to);
        out
    }

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            bg,
            modifier,
            ..Pen::DEFAULT
        }
    }

    #[test]
    fn a_change_names_only_what_differs() {
        let from = pen(Color::Indexed(7), Color::Reset, Modifier::BOLD);
        let to = pen(Color::Indexed(33), Color::Reset, Modifier::BOLD);
        assert_eq!(change(from, to), "\x1b[38;5;33m");
        assert_eq!(change(to, to), "");
    }

    #[test]
    fn back_to_the_default_is_one_reset() {
        let from = pen(Color::Rgb(1, 2, 3), Color::Indexed(4), Modifier::REVERSED);
        assert_eq!(change(from, Pen::DEFAULT), "\x1b[0m");
    }

    #[test]
    fn turning_off_bold_keeps_dim() {
        let from = pen(Color::Reset, Color::Reset, Modifier::BOLD | Modifier::DIM);
        let to = pen(Color::Red, Color::Reset, Modifier::DIM);
        assert_eq!(change(from, to), "\x1b[22;2;38;5;1m");
    }

    #[test]
    fn attributes_and_colours_in_one_sequence() {
        let from = pen(Color::White, Color::Reset, Modifier::UNDERLINED);
        let to = pen(Color::Reset, Color::Rgb(0, 114, 178), Modifier::REVERSED);
        assert_eq!(change(from, to), "\x1b[24;7;39;48;2;0;114;178m");
    }

    #[test]
    fn a_space_shows_only_background_and_marking_attributes() {
        let orange = pen(Color::Indexed(214), Color::Reset, Modifier::BOLD);
        assert!(orange.draws_like(Pen::DEFAULT, " "));
        assert!(!orange.draws_like(Pen::DEFAULT, "x"));
        let shaded = pen(Color::Reset, Color::Indexed(236), Modifier::empty());
        assert!(!shaded.draws_like(Pen::DEFAULT, " "));
        let reversed = pen(Color::Reset, Color::Reset, Modifier::REVERSED);
        assert!(!reversed.draws_like(Pen::DEFAULT, " "));
    }

    #[test]
    fn a_full_pen_resets_first() {
        let mut out = String::new();
        write_pen(
            &mut out,
            pen(Color::Indexed(2), Color::Reset, Modifier::BOLD),
        );
        assert_eq!(out, "\x1b[0;1;38;5;2m");
    }
}
