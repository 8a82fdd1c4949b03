//! A talk's caption: one or two lines for the audience, in a band between the charts and the
//! footer, under a rule, bold and centred. Its first line is the headline: where the window is
//! tall and it fits, it is drawn in large type (each character 4 columns by 4 rows). A caption
//! is drawn whole or not at all, and never takes the charts below a few rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};
use tui_big_text::{BigText, PixelSize};

use super::{Ctx, split, wrap};

/// Large type: columns and rows a character takes.
const BIG_COLUMNS: usize = 4;
const BIG_ROWS: u16 = 4;
/// Large type only where the charts keep at least this many rows beside it.
const BODY_ROWS_WITH_BIG: u16 = 20;
/// No caption where the charts would keep fewer rows than this.
const BODY_ROWS: u16 = 6;

/// A caption laid out for a body of a given size.
pub struct Caption {
    /// The headline in large type, when there is room for it.
    big: Option<String>,
    /// Every other line, wrapped to the width.
    lines: Vec<Line<'static>>,
}

impl Caption {
    /// The caption as it fits in `body`, which it shares with the charts; `None` where it
    /// does not.
    pub fn fit(caption: &[String], body: Rect, ctx: &Ctx) -> Option<Caption> {
        let width = body.width.saturating_sub(2);
        let wrapped = |lines: &[String]| -> Vec<Line<'static>> {
            lines
                .iter()
                .flat_map(|line| wrap::lines(&Line::styled(line.clone(), ctx.theme.value), width))
                .collect()
        };
        let (headline, rest) = caption.split_first()?;
        let big = Caption {
            big: Some(headline.clone()),
            lines: wrapped(rest),
        };
        if drawable_big(headline, width)
            && body.height >= big.height() + BODY_ROWS_WITH_BIG
            && !ctx.glyphs.ascii
        {
            return Some(big);
        }
        let normal = Caption {
            big: None,
            lines: wrapped(caption),
        };
        (body.height >= normal.height() + BODY_ROWS).then_some(normal)
    }

    /// Rows taken: the rule above it, then the lines.
    pub fn height(&self) -> u16 {
        let big = if self.big.is_some() { BIG_ROWS } else { 0 };
        1 + big + self.lines.len() as u16
    }

    pub fn render(self, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
        let big_rows = if self.big.is_some() { BIG_ROWS } else { 0 };
        let [rule, big, lines] = split::rows(area, [Some(1), Some(big_rows), None]);
        Block::new()
            .borders(Borders::TOP)
            .border_set(ctx.glyphs.border)
            .border_style(ctx.theme.border)
            .render(rule, buf);
        if let Some(headline) = self.big {
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(ctx.theme.value)
                .lines(vec![Line::from(headline)])
                .centered()
                .build()
                .render(big, buf);
        }
        for (line, row) in self.lines.into_iter().zip(lines.rows()) {
            line.centered().render(row, buf);
        }
    }
}

/// Whether large type can draw the line in `width` columns: its font has ASCII and Latin-1
/// (`×`, `·`, `é`), not arrows or dashes, which would leave holes.
fn drawable_big(line: &str, width: u16) -> bool {
    line.chars().count() * BIG_COLUMNS <= usize::from(width)
        && line
            .chars()
            .all(|c| matches!(c, ' '..='~' | '\u{A0}'..='\u{FF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_type_needs_room_and_a_font_that_has_every_character() {
        assert!(drawable_big("GDP ×2.99 · 5.5%", 64));
        assert!(
            !drawable_big("GDP ×2.99 · 5.5%", 63),
            "16 characters need 64 columns"
        );
        assert!(!drawable_big("GDP → 2021", 80), "no arrow in the font");
        assert!(!drawable_big("R&D — 6.67%", 80), "no dash in the font");
        assert!(!drawable_big("深圳", 80));
    }
}
