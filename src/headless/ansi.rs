//! Frames as text with SGR escape sequences, for terminals and `less -R`.

use ratatui::buffer::Buffer;

use super::runs;
use super::sgr;

/// Each run of one style starts with that style in full, so any line can be read on its own.
pub fn write(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        for run in runs(buf, y) {
            sgr::write_style(&mut out, run.style);
            out.push_str(&run.text);
        }
        out.push_str("\x1b[0m\n");
    }
    out
}
