//! SGR escape sequences ("select graphic rendition"): a style's colours and attributes, written
//! in full for ANSI snapshots.

use ratatui::style::{Color, Modifier, Style};

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

/// Appends `style` in full: one sequence that resets everything, then sets what `style` sets
/// (what it leaves unset is the terminal's default).
pub fn write_style(out: &mut String, style: Style) {
    let mut codes = Codes::new(out);
    codes.push(0);
    codes.modifiers(style.add_modifier);
    for (color, base) in [(style.fg, 38), (style.bg, 48), (style.underline_color, 58)] {
        if let Some(color) = color.filter(|&c| c != Color::Reset) {
            codes.color(color, base);
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

    #[test]
    fn a_full_style_resets_first() {
        let mut out = String::new();
        let style = Style::new()
            .fg(Color::Indexed(2))
            .bg(Color::Reset)
            .add_modifier(Modifier::BOLD);
        write_style(&mut out, style);
        assert_eq!(out, "\x1b[0;1;38;5;2m");
    }

    #[test]
    fn colours_of_every_kind() {
        let mut out = String::new();
        let style = Style::new()
            .fg(Color::LightBlue)
            .bg(Color::Rgb(0, 114, 178))
            .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
        write_style(&mut out, style);
        assert_eq!(out, "\x1b[0;4;7;38;5;12;48;2;0;114;178m");
    }
}
