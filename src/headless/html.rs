//! Frames as one self-contained HTML page. Each frame is a box `W` character advances wide
//! (`ch`, the viewer's own monospace font) and `H` rows high: an SVG of its backgrounds and
//! drawing characters fills the box, stretched to the grid, and the text lies on top in a
//! `<pre>`, selectable and searchable. Printable ASCII flows at the font's own advance, which
//! is the grid's; every other character sits in a box of its cells' width, so that a glyph
//! from a fallback font of another width moves nothing after it. Drawing characters are in
//! the text too (copy and paste give the terminal's text), but transparent.
//!
//! A page of another kind (a deck of slides) can use [`style`] and [`frame`] on its own.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::palette::{self, Ink, Page};
use super::picture::{FONT_SIZE, Picture};
use super::shapes::{self, CELL_HEIGHT};
use super::{FONT_FAMILY, Frame, escape, svg};
use crate::theme::Theme;

/// One page holding every frame, each under its heading when it has one.
pub fn write(frames: &[Frame], theme: &Theme, title: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>\n{}</style>\n</head>\n<body>\n",
        escape(title),
        style(theme)
    );
    for frame in frames {
        if let Some(heading) = &frame.heading {
            let _ = writeln!(out, "<h2>{}</h2>", escape(heading));
        }
        out.push_str(&self::frame(&frame.buf, theme));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The style sheet [`frame`]s need: the page's colours and font, and the grid. A page of its
/// own (a deck of slides) puts it in its `<head>`.
pub fn style(theme: &Theme) -> String {
    let page = palette::page(theme);
    format!(
        "body{{margin:0;padding:1em;color:{fg};background:{bg};font-family:{FONT_FAMILY};\
         font-size:{FONT_SIZE}px}}\n\
         h2{{font:inherit;font-weight:bold;margin:0;line-height:{CELL_HEIGHT}px}}\n\
         .frame{{position:relative;margin:0 0 1em 0}}\n\
         .frame>svg{{position:absolute;left:0;top:0;width:100%;height:100%}}\n\
         .frame>pre{{position:relative;margin:0;font:inherit;line-height:{CELL_HEIGHT}px}}\n\
         .cell{{display:inline-block;vertical-align:top;width:1ch;height:{CELL_HEIGHT}px}}\n\
         .drawn{{color:transparent;overflow:hidden}}\n",
        fg = page.fg,
        bg = page.bg,
    )
}

/// One frame as a `<div class="frame">`: the SVG of its shapes under a `<pre>` of its text.
pub fn frame(buf: &Buffer, theme: &Theme) -> String {
    let page = palette::page(theme);
    let (columns, rows) = (buf.area.width, buf.area.height);
    let picture = Picture::of(buf, page);
    let (width, height) = picture.size();
    let mut out = format!(
        "<div class=\"frame\" data-columns=\"{columns}\" data-rows=\"{rows}\" \
         style=\"width:{columns}ch;height:{height}px\">\n\
         <svg viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\n"
    );
    svg::write_shapes(&picture, &mut out);
    out.push_str("</svg>\n<pre>");
    for y in buf.area.top()..buf.area.bottom() {
        write_row(buf, y, page, &mut out);
        out.push('\n');
    }
    out.push_str("</pre>\n</div>\n");
    out
}

/// What a stretch of a row is, for the text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Printable ASCII and spaces, at the font's own advance.
    Flowing(Ink),
    /// Drawing characters: the SVG shows them; the text keeps them, transparent.
    Drawn,
    /// Any other character, in a box of its own.
    Boxed(Ink),
}

fn write_row(buf: &Buffer, y: u16, page: Page, out: &mut String) {
    // The piece being written, its text, and the cells it covers.
    let mut open: Option<(Piece, String, u16)> = None;
    for cell in super::cells(buf, y) {
        let ink = palette::cell(cell.style, page);
        let blank = cell.symbol.trim().is_empty();
        let piece = if shapes::shapes(cell.symbol).is_some() {
            Piece::Drawn
        } else if blank || (cell.width == 1 && cell.symbol.bytes().all(|b| b.is_ascii_graphic())) {
            Piece::Flowing(ink)
        } else {
            Piece::Boxed(ink)
        };
        let symbol = if blank { " " } else { cell.symbol };
        match &mut open {
            // A blank joins any flowing text, whatever its style: only its background
            // shows, and the SVG draws that.
            Some((Piece::Flowing(_), text, cells)) if blank => {
                text.push(' ');
                *cells += 1;
                continue;
            }
            Some((kind, text, cells))
                if *kind == piece && matches!(piece, Piece::Flowing(_) | Piece::Drawn) =>
            {
                text.push_str(symbol);
                *cells += cell.width;
                continue;
            }
            _ => {}
        }
        if let Some(done) = open.take() {
            write_piece(done, page, out);
        }
        open = Some((piece, symbol.to_owned(), cell.width));
    }
    if let Some(done) = open {
        write_piece(done, page, out);
    }
}

fn write_piece((piece, text, cells): (Piece, String, u16), page: Page, out: &mut String) {
    let text = escape(&text);
    let width = if cells == 1 {
        String::new()
    } else {
        format!(" style=\"width:{cells}ch\"")
    };
    match piece {
        Piece::Flowing(ink) if ink.fg == page.fg && !ink.bold => out.push_str(&text),
        Piece::Flowing(ink) => {
            let _ = write!(out, "<span style=\"{}\">{text}</span>", look(ink));
        }
        Piece::Drawn => {
            let _ = write!(out, "<span class=\"cell drawn\"{width}>{text}</span>");
        }
        Piece::Boxed(ink) => {
            let width = if cells == 1 {
                String::new()
            } else {
                format!("width:{cells}ch;")
            };
            let _ = write!(
                out,
                "<span class=\"cell\" style=\"{width}{}\">{text}</span>",
                look(ink)
            );
        }
    }
}

/// A piece of text's colour and weight as CSS.
fn look(ink: Ink) -> String {
    let bold = if ink.bold { ";font-weight:bold" } else { "" };
    format!("color:{}{bold}", ink.fg)
}
