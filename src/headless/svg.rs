//! Frames as one self-contained SVG image: grids of monospace text on their background.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::html::escape;
use super::{Frame, palette, runs};
use crate::theme::Theme;

/// One cell's size in SVG units, for a 16-unit monospace font.
const CELL_WIDTH: f64 = 9.6;
const CELL_HEIGHT: f64 = 20.0;

/// One image holding every frame, one under the other, each under its heading if it has one.
pub fn write(frames: &[Frame], theme: &Theme, title: &str) -> String {
    let page = palette::page(theme);
    let columns = frames.iter().map(|f| f.buf.area.width).max().unwrap_or(0);
    let rows: u16 = frames
        .iter()
        .map(|f| f.buf.area.height + u16::from(f.heading.is_some()))
        .sum();
    let width = f64::from(columns) * CELL_WIDTH;
    let height = f64::from(rows) * CELL_HEIGHT;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"'DejaVu Sans Mono',Menlo,Consolas,monospace\" \
         font-size=\"16\">\n<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        escape(title),
        page.1
    );
    let mut row = 0;
    for frame in frames {
        if let Some(heading) = &frame.heading {
            let baseline = f64::from(row) * CELL_HEIGHT + CELL_HEIGHT * 0.75;
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"{baseline}\" fill=\"{}\" font-weight=\"bold\" \
                 xml:space=\"preserve\">{}</text>",
                page.0,
                escape(heading)
            );
            row += 1;
        }
        write_frame(&frame.buf, &page, row, &mut out);
        row += frame.buf.area.height;
    }
    out.push_str("</svg>\n");
    out
}

/// One frame's cells, `first_row` rows down the image.
fn write_frame(buf: &Buffer, page: &(String, String), first_row: u16, out: &mut String) {
    for y in buf.area.top()..buf.area.bottom() {
        let top = f64::from(first_row + y) * CELL_HEIGHT;
        let baseline = top + CELL_HEIGHT * 0.75;
        for run in runs(buf, y) {
            let (fg, bg, bold) = palette::cell(run.style, page);
            let x = f64::from(run.x) * CELL_WIDTH;
            let span = f64::from(run.width) * CELL_WIDTH;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{x:.1}\" y=\"{top}\" width=\"{span:.1}\" height=\"{CELL_HEIGHT}\" fill=\"{bg}\"/>"
                );
            }
            if run.text.trim().is_empty() {
                continue;
            }
            let weight = if bold { " font-weight=\"bold\"" } else { "" };
            let _ = writeln!(
                out,
                "<text x=\"{x:.1}\" y=\"{baseline}\" fill=\"{fg}\"{weight} textLength=\"{span:.1}\" \
                 lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
                escape(&run.text)
            );
        }
    }
}
