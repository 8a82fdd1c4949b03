//! A frame as one self-contained SVG image: a grid of monospace text on its background.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::html::escape;
use super::{palette, runs};
use crate::theme::Theme;

/// One cell's size in SVG units, for a 16-unit monospace font.
const CELL_WIDTH: f64 = 9.6;
const CELL_HEIGHT: f64 = 20.0;

pub fn write(buf: &Buffer, theme: &Theme, title: &str) -> String {
    let page = palette::page(theme);
    let width = f64::from(buf.area.width) * CELL_WIDTH;
    let height = f64::from(buf.area.height) * CELL_HEIGHT;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"'DejaVu Sans Mono',Menlo,Consolas,monospace\" \
         font-size=\"16\">\n<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        escape(title),
        page.1
    );
    for y in buf.area.top()..buf.area.bottom() {
        let top = f64::from(y) * CELL_HEIGHT;
        let baseline = top + CELL_HEIGHT * 0.75;
        for run in runs(buf, y) {
            let (fg, bg, bold) = palette::cell(run.style, &page);
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
    out.push_str("</svg>\n");
    out
}
