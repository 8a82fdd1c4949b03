//! A frame as a picture on one cell grid: every cell at its column × [`CELL_WIDTH`] and row ×
//! [`CELL_HEIGHT`], whatever font a viewer has. Backgrounds and drawing characters become
//! shapes ([`shapes`]); the rest stays text, in pieces pinned to their cells. SVG and PNG
//! draw the whole picture; HTML draws its shapes under a text layer of its own.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::Frame;
use super::palette::{self, Page, Rgb};
use super::shapes::{self, CELL_HEIGHT, CELL_WIDTH, Shape};

/// The text's size in picture units: DejaVu Sans Mono's advance at this size is the cell's
/// width (1233/2048 of 16.61 is 10.0001).
pub const FONT_SIZE: f32 = 16.61;
/// The text's baseline below the top of its row: the font's height (19.3 units) centred in
/// the row, as a browser places it with a line height of one row.
pub const BASELINE: f32 = 15.75;

/// Shapes in the order they are painted, then text on top.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub columns: u16,
    pub rows: u16,
    pub page: Page,
    pub shapes: Vec<(Shape, Rgb)>,
    pub texts: Vec<Text>,
}

/// A piece of text on one row: either characters that every monospace font has (printable
/// ASCII, spaces between them kept), or one other character on its own, so that a glyph
/// from a fallback font of another width moves nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub column: u16,
    pub row: u16,
    /// How many cells it covers.
    pub columns: u16,
    pub text: String,
    pub colour: Rgb,
    pub bold: bool,
}

impl Text {
    pub fn x(&self) -> f32 {
        f32::from(self.column) * CELL_WIDTH
    }

    /// The top of its row.
    pub fn y(&self) -> f32 {
        f32::from(self.row) * CELL_HEIGHT
    }

    pub fn width(&self) -> f32 {
        f32::from(self.columns) * CELL_WIDTH
    }
}

impl Picture {
    pub fn new(columns: u16, rows: u16, page: Page) -> Picture {
        Picture {
            columns,
            rows,
            page,
            shapes: Vec::new(),
            texts: Vec::new(),
        }
    }

    /// One frame on its own.
    pub fn of(buf: &Buffer, page: Page) -> Picture {
        let mut picture = Picture::new(buf.area.width, buf.area.height, page);
        picture.frame(buf, 0);
        picture
    }

    /// Every frame, one under the other, each under its heading if it has one: the page of
    /// an SVG or PNG.
    pub fn document(frames: &[Frame], page: Page) -> Picture {
        let columns = frames.iter().map(|f| f.buf.area.width).max().unwrap_or(0);
        let rows = frames
            .iter()
            .map(|f| f.buf.area.height + u16::from(f.heading.is_some()))
            .sum();
        let mut picture = Picture::new(columns, rows, page);
        let mut row = 0;
        for frame in frames {
            if let Some(heading) = &frame.heading {
                picture.texts.push(Text {
                    column: 0,
                    row,
                    columns: heading.width() as u16,
                    text: heading.clone(),
                    colour: page.fg,
                    bold: true,
                });
                row += 1;
            }
            picture.frame(&frame.buf, row);
            row += frame.buf.area.height;
        }
        picture
    }

    /// Width and height in picture units.
    pub fn size(&self) -> (f32, f32) {
        (
            f32::from(self.columns) * CELL_WIDTH,
            f32::from(self.rows) * CELL_HEIGHT,
        )
    }

    /// Draws `buf` with its first row at `top`: first every background, then drawing
    /// characters and text.
    fn frame(&mut self, buf: &Buffer, top: u16) {
        let rows = buf.area.top()..buf.area.bottom();
        for y in rows.clone() {
            for cell in super::cells(buf, y) {
                if let Some(bg) = palette::cell(cell.style, self.page).bg {
                    self.paint(cell_rect(cell.x, top + y, cell.width), bg);
                }
            }
        }
        for y in rows {
            let row = top + y;
            // Where the last thing drawn on this row ends: a piece of text grows only over
            // blanks.
            let mut drawn_to = 0;
            for cell in super::cells(buf, y) {
                if cell.symbol.trim().is_empty() {
                    continue;
                }
                let ink = palette::cell(cell.style, self.page);
                if let Some(shapes) = shapes::shapes(cell.symbol) {
                    let (dx, dy) = (f32::from(cell.x) * CELL_WIDTH, f32::from(row) * CELL_HEIGHT);
                    for shape in shapes {
                        self.paint(moved(shape, dx, dy), ink.fg);
                    }
                } else {
                    self.text(cell.x, row, cell.width, cell.symbol, ink, drawn_to);
                }
                drawn_to = cell.x + cell.width;
            }
        }
    }

    fn text(&mut self, x: u16, row: u16, width: u16, symbol: &str, ink: palette::Ink, from: u16) {
        let plain = width == 1 && symbol.bytes().all(|b| b.is_ascii_graphic());
        if let Some(last) = self.texts.last_mut()
            && plain
            && last.row == row
            && last.column + last.columns == from
            && last.text.is_ascii()
            && (last.colour, last.bold) == (ink.fg, ink.bold)
        {
            for _ in from..x {
                last.text.push(' ');
            }
            last.text.push_str(symbol);
            last.columns = x + 1 - last.column;
            return;
        }
        self.texts.push(Text {
            column: x,
            row,
            columns: width,
            text: symbol.to_owned(),
            colour: ink.fg,
            bold: ink.bold,
        });
    }

    /// Adds a shape; a rectangle that continues the one before it on the same row, in the
    /// same colour, widens it instead, so that a bar or a line is one shape.
    fn paint(&mut self, shape: Shape, colour: Rgb) {
        if let (
            Some((
                Shape::Rect {
                    x: x0,
                    y: y0,
                    w: w0,
                    h: h0,
                    alpha: a0,
                },
                c0,
            )),
            Shape::Rect { x, y, w, h, alpha },
        ) = (self.shapes.last_mut(), shape)
            && (*y0, *h0, *a0, *c0) == (y, h, alpha, colour)
            && *x0 + *w0 == x
        {
            *w0 += w;
            return;
        }
        self.shapes.push((shape, colour));
    }
}

/// The background of `width` cells from column `x` on `row`.
fn cell_rect(x: u16, row: u16, width: u16) -> Shape {
    Shape::Rect {
        x: f32::from(x) * CELL_WIDTH,
        y: f32::from(row) * CELL_HEIGHT,
        w: f32::from(width) * CELL_WIDTH,
        h: CELL_HEIGHT,
        alpha: 1.0,
    }
}

/// `shape` moved by `dx`, `dy`.
fn moved(shape: Shape, dx: f32, dy: f32) -> Shape {
    let at = |(x, y): (f32, f32)| (x + dx, y + dy);
    match shape {
        Shape::Rect { x, y, w, h, alpha } => Shape::Rect {
            x: x + dx,
            y: y + dy,
            w,
            h,
            alpha,
        },
        Shape::Dot { x, y, r } => Shape::Dot {
            x: x + dx,
            y: y + dy,
            r,
        },
        Shape::Line { from, to, width } => Shape::Line {
            from: at(from),
            to: at(to),
            width,
        },
        Shape::Corner {
            start,
            arc,
            end,
            width,
        } => Shape::Corner {
            start: at(start),
            arc: arc.map(at),
            end: at(end),
            width,
        },
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    use super::*;

    const PAGE: Page = Page {
        fg: Rgb(1, 1, 1),
        bg: Rgb(0, 0, 0),
    };
    const RED: Rgb = Rgb(205, 0, 0);

    fn buffer(rows: &[(&str, Style)]) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, rows.len() as u16));
        for (y, (text, style)) in rows.iter().enumerate() {
            buf.set_string(0, y as u16, text, *style);
        }
        buf
    }

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            alpha: 1.0,
        }
    }

    #[test]
    fn a_run_of_blocks_is_one_rectangle() {
        let red = Style::new().fg(Color::Red);
        let mut buf = buffer(&[("███ █▄▄", red)]);
        buf[(6, 0)].set_fg(Color::Green);
        let shapes = Picture::of(&buf, PAGE).shapes;
        assert_eq!(
            shapes,
            [
                (rect(0.0, 0.0, 30.0, 20.0), RED),
                (rect(40.0, 0.0, 10.0, 20.0), RED),
                (rect(50.0, 10.0, 10.0, 10.0), RED),
                (rect(60.0, 10.0, 10.0, 10.0), Rgb(0, 205, 0)),
            ]
        );
    }

    #[test]
    fn backgrounds_come_first_and_a_row_of_one_colour_is_one_rectangle() {
        let selected = Style::new().fg(Color::Red).add_modifier(Modifier::REVERSED);
        let buf = buffer(&[("ab", Style::new()), (" x─", selected)]);
        let picture = Picture::of(&buf, PAGE);
        // Reversed: the ink is the page's background, the cells' background the red.
        assert_eq!(
            picture.shapes,
            [
                (rect(0.0, 20.0, 30.0, 20.0), RED),
                (rect(20.0, 29.0, 10.0, 1.0), PAGE.bg),
            ]
        );
        assert_eq!(picture.texts.len(), 2);
    }

    fn texts(picture: &Picture) -> Vec<(u16, u16, u16, &str, bool)> {
        picture
            .texts
            .iter()
            .map(|t| (t.column, t.row, t.columns, t.text.as_str(), t.bold))
            .collect()
    }

    #[test]
    fn text_is_cut_into_pieces_pinned_to_their_cells() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut buf = buffer(&[("ab  cd●ef─gh", Style::new()), ("x深y", Style::new())]);
        buf[(11, 0)].set_style(bold);
        let picture = Picture::of(&buf, PAGE);
        assert_eq!(
            texts(&picture),
            [
                // Blanks between printable ASCII of one look stay in the piece.
                (0, 0, 6, "ab  cd", false),
                // Anything else stands alone.
                (6, 0, 1, "●", false),
                (7, 0, 2, "ef", false),
                // A drawing character between two pieces keeps them apart.
                (10, 0, 1, "g", false),
                (11, 0, 1, "h", true),
                (0, 1, 1, "x", false),
                // A wide character covers two cells.
                (1, 1, 2, "深", false),
                (3, 1, 1, "y", false),
            ]
        );
        let t = &picture.texts[4];
        assert_eq!((t.x(), t.y(), t.width()), (110.0, 0.0, 10.0));
        let t = &picture.texts[6];
        assert_eq!((t.x(), t.y(), t.width()), (10.0, 20.0, 20.0));
    }

    #[test]
    fn frames_stack_under_their_headings() {
        let frame = |heading: Option<&str>| Frame {
            heading: heading.map(str::to_owned),
            buf: buffer(&[("█", Style::new()), ("a", Style::new())]),
        };
        let frames = [frame(Some("== one ==")), frame(None), frame(Some("two"))];
        let picture = Picture::document(&frames, PAGE);
        assert_eq!((picture.columns, picture.rows), (12, 8));
        assert_eq!(picture.size(), (120.0, 160.0));
        assert_eq!(
            texts(&picture),
            [
                (0, 0, 9, "== one ==", true),
                (0, 2, 1, "a", false),
                (0, 4, 1, "a", false),
                (0, 5, 3, "two", true),
                (0, 7, 1, "a", false),
            ]
        );
        let tops: Vec<f32> = picture
            .shapes
            .iter()
            .map(|(s, _)| match s {
                Shape::Rect { y, .. } => *y,
                _ => panic!("{s:?}"),
            })
            .collect();
        assert_eq!(tops, [20.0, 60.0, 120.0]);
        assert_eq!(Picture::document(&[], PAGE).size(), (0.0, 0.0));
    }

    #[test]
    fn shapes_move_to_their_cell() {
        let buf = buffer(&[("", Style::new()), ("  ╭⠁╱", Style::new())]);
        let shapes: Vec<Shape> = Picture::of(&buf, PAGE)
            .shapes
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        let Shape::Corner {
            start, arc, end, ..
        } = shapes[0]
        else {
            panic!("{:?}", shapes[0])
        };
        assert_eq!(
            (start, arc[0], arc[3], end),
            ((30.0, 29.5), (29.0, 29.5), (24.5, 34.0), (24.5, 40.0))
        );
        assert_eq!(
            shapes[1],
            Shape::Dot {
                x: 32.5,
                y: 22.5,
                r: 1.5
            }
        );
        let Shape::Line { from, to, .. } = shapes[2] else {
            panic!("{:?}", shapes[2])
        };
        assert_eq!((from, to), ((40.0, 40.0), (50.0, 20.0)));
    }
}
