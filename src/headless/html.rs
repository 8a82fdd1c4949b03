//! Frames as one self-contained HTML page: a `<pre>` per frame, with inline styles.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::{Frame, palette, runs};
use crate::theme::Theme;

/// One page holding every frame, each under its heading when it has one.
pub fn write(frames: &[Frame], theme: &Theme, title: &str) -> String {
    let page = palette::page(theme);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:1em;color:{fg};background:{bg};\
         font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:14px;line-height:1.2\">\n",
        escape(title),
        fg = page.0,
        bg = page.1,
    );
    for frame in frames {
        if let Some(heading) = &frame.heading {
            let _ = writeln!(out, "<p style=\"font-weight:bold\">{}</p>", escape(heading));
        }
        out.push_str("<pre style=\"margin:0 0 1em 0;font:inherit\">");
        write_frame(&frame.buf, &page, &mut out);
        out.push_str("</pre>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// One frame alone, as the `<pre>` element [`write`] puts on its page: for pages made
/// elsewhere (the talk deck), which set the font and the page colours themselves.
pub fn pre(buf: &Buffer, theme: &Theme) -> String {
    let page = palette::page(theme);
    let mut out = String::from("<pre style=\"margin:0;font:inherit\">");
    write_frame(buf, &page, &mut out);
    out.push_str("</pre>");
    out
}

fn write_frame(buf: &Buffer, page: &(String, String), out: &mut String) {
    for y in buf.area.top()..buf.area.bottom() {
        for run in runs(buf, y) {
            let (fg, bg, bold) = palette::cell(run.style, page);
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
