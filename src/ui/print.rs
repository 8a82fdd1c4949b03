//! Lines of text drawn as ratatui's `Line` widget draws them, faster where the text is plain:
//! a printable-ASCII character is one grapheme one column wide, so it goes straight into its
//! cell without ratatui's grapheme segmentation and width lookup, which cost several times as
//! much per character. Other spans, and lines not aligned left, are drawn by ratatui.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Draws `line` in the first row of `area`, as `line.render(area, buf)` does.
pub fn line(line: &Line, area: Rect, buf: &mut Buffer) {
    if !matches!(line.alignment, None | Some(Alignment::Left)) {
        line.render(area, buf);
        return;
    }
    let area = area.intersection(buf.area);
    // (ratatui draws nothing of a line of no width; the first span with some settles it.)
    let blank = line.spans.iter().all(|span| columns(&span.content) == 0);
    if area.is_empty() || blank {
        return;
    }
    let area = Rect { height: 1, ..area };
    buf.set_style(area, line.style);
    let mut x = area.x;
    for span in &line.spans {
        if x >= area.right() {
            return;
        }
        if is_plain(&span.content) {
            let start = buf.index_of(x, area.y);
            let cells = &mut buf.content[start..start + usize::from(area.right() - x)];
            for (cell, c) in cells.iter_mut().zip(span.content.chars()) {
                cell.set_char(c).set_style(span.style);
                x += 1;
            }
        } else {
            // (ratatui leaves out a span of no width.)
            let width = u16::try_from(span.width()).unwrap_or(u16::MAX);
            if width > 0 {
                let rest = Rect {
                    x,
                    width: area.right() - x,
                    ..area
                };
                span.render(rest, buf);
                x = x.saturating_add(width);
            }
        }
    }
}

/// The columns `text` takes, as ratatui counts them.
fn columns(text: &str) -> usize {
    if is_plain(text) {
        text.len()
    } else {
        text.width()
    }
}

/// Printable ASCII: each character a grapheme of one column.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    use super::*;

    fn style() -> impl Strategy<Value = Style> {
        let color = prop_oneof![
            Just(None),
            Just(Some(Color::Red)),
            Just(Some(Color::Indexed(8)))
        ];
        (color.clone(), color, any::<bool>()).prop_map(|(fg, bg, bold)| {
            let style = Style {
                fg,
                bg,
                ..Style::new()
            };
            if bold {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            }
        })
    }

    fn line() -> impl Strategy<Value = Line<'static>> {
        // Plain text, and now and then a character that is not.
        let span = ("[ -~]{0,8}|[a é深\u{301}]{0,4}", style())
            .prop_map(|(text, style)| Span::styled(text, style));
        let alignment = prop_oneof![
            Just(None),
            Just(Some(Alignment::Left)),
            Just(Some(Alignment::Right))
        ];
        (prop::collection::vec(span, 0..4), style(), alignment).prop_map(
            |(spans, style, alignment)| {
                let line = Line::from(spans).style(style);
                match alignment {
                    Some(alignment) => line.alignment(alignment),
                    None => line,
                }
            },
        )
    }

    proptest! {
        #[test]
        fn draws_as_ratatui_draws(line in line(), x in 0u16..6, width in 0u16..20, height in 0u16..3) {
            let area = Rect::new(x, 1, width, height);
            // Over cells that already hold text and a style, as a title over a border.
            let mut theirs = Buffer::empty(Rect::new(0, 0, 16, 3));
            let under = Style::new().fg(Color::Green).bg(Color::Indexed(3)).add_modifier(Modifier::ITALIC);
            theirs.set_string(0, 1, "─".repeat(16), under);
            let mut ours = theirs.clone();
            line.clone().render(area, &mut theirs);
            super::line(&line, area, &mut ours);
            prop_assert_eq!(ours, theirs);
        }
    }
}
