//! A frame as one self-contained HTML page: a `<pre>` with inline styles.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::{palette, runs};
use crate::theme::Theme;

pub fn write(buf: &Buffer, theme: &Theme, title: &str) -> String {
    let page = palette::page(theme);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n\
         <body style=\"margin:0;background:{bg}\">\n<pre style=\"margin:0;padding:1em;color:{fg};background:{bg};\
         font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:14px;line-height:1.2\">",
        escape(title),
        fg = page.0,
        bg = page.1,
    );
    for y in buf.area.top()..buf.area.bottom() {
        for run in runs(buf, y) {
            let (fg, bg, bold) = palette::cell(run.style, &page);
            let plain = fg == page.0 && bg.is_none() && !bold;
            if plain {
                out.push_str(&escape(&run.text));
                continue;
            }
            let mut style = format!("color:{fg}");
            if let Some(bg) = bg {
                let _ = write!(style, ";background:{bg}");
            }
            if bold {
                style.push_str(";font-weight:bold");
            }
            let _ = write!(out, "<span style=\"{style}\">{}</span>", escape(&run.text));
        }
        out.push('\n');
    }
    out.push_str("</pre>\n</body>\n</html>\n");
    out
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
