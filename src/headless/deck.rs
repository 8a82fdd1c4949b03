//! A talk as one self-contained HTML slide deck: the audience's handout, and the fallback when
//! the venue's terminal fails. One slide a beat, each an anchor (`#beat-N`) holding the frame
//! as the terminal shows it (from the HTML renderer) and the caption as selectable text. A few
//! lines of inline script show one slide at a time and walk them with the clicker's keys;
//! without script, and in print, the slides follow one another as a plain page. Nothing is
//! fetched: no external file, no network. The speaker's notes are not in it.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::html::{escape, pre};
use super::palette;
use crate::theme::Theme;

/// One beat's slide.
pub struct Slide {
    /// The frame as the terminal shows it at the beat.
    pub buf: Buffer,
    /// The beat's caption, one or two lines; empty for none.
    pub caption: Vec<String>,
}

/// Shows one slide at a time where script runs: ← → PageUp PageDown Space Home End (and
/// Enter, unless on a link) move, the address follows as `#beat-N`, and a `#beat-N` link or the
/// browser's back button lands on its slide.
const SCRIPT: &str = r"(function () {
  var slides = document.querySelectorAll('.slide'), n = slides.length, at = 0;
  document.documentElement.className = 'js';
  function show(i) {
    at = Math.max(0, Math.min(n - 1, i));
    for (var j = 0; j < n; j++) slides[j].classList.toggle('current', j === at);
  }
  function fromHash() {
    var m = /^#beat-(\d+)$/.exec(location.hash);
    show(m ? m[1] - 1 : 0);
  }
  var moves = { ArrowRight: 1, PageDown: 1, ' ': 1, Enter: 1, ArrowLeft: -1, PageUp: -1 };
  addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' && e.target.tagName === 'A') return;
    var to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : moves[e.key] ? at + moves[e.key] : null;
    if (to === null) return;
    e.preventDefault();
    to = Math.max(0, Math.min(n - 1, to));
    if (to !== at) location.hash = '#beat-' + (to + 1); else show(to);
  });
  addEventListener('hashchange', fromHash);
  fromHash();
})();";

/// The deck: `title` is the talk's, every slide `width`×`height` cells.
pub fn write(slides: &[Slide], theme: &Theme, title: &str) -> String {
    let (fg, bg) = palette::page(theme);
    let (columns, rows) = slides.first().map_or((80.0, 24.0), |s| {
        (f64::from(s.buf.area.width), f64::from(s.buf.area.height))
    });
    // The frame fills the window as a projector would want it: a monospace cell is about
    // 0.6 em wide and, here, 1.2 em high; the caption and navigation take about 5 lines more.
    // On paper, 7 pt puts 100 columns across an A4 or Letter page.
    let by_width = 96.0 / (columns * 0.61);
    let by_height = 96.0 / (rows * 1.2 + 6.0);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ margin: 0; color: {fg}; background: {bg}; \
         font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; line-height: 1.2; }}\n\
         .slide {{ box-sizing: border-box; min-height: 100vh; padding: 1vh 1vw; display: flex; \
         flex-direction: column; align-items: center; justify-content: center; \
         font-size: min({by_width:.3}vw, {by_height:.3}vh); break-after: page; }}\n\
         .caption {{ margin: 0.6em 0 0; font-weight: bold; text-align: center; }}\n\
         nav {{ margin: 0.4em 0 0; opacity: 0.7; }}\n\
         nav a {{ color: inherit; padding: 0 1em; }}\n\
         html.js .slide {{ display: none; }}\n\
         html.js .slide.current {{ display: flex; }}\n\
         @media print {{ html.js .slide {{ display: flex; }} nav {{ display: none; }} \
         .slide {{ min-height: 0; font-size: 7pt; }} }}\n\
         </style>\n</head>\n<body>\n",
        title = escape(title),
    );
    let count = slides.len();
    for (i, slide) in slides.iter().enumerate() {
        let number = i + 1;
        let _ = writeln!(
            out,
            "<section class=\"slide\" id=\"beat-{number}\" aria-label=\"beat {number} of {count}\">"
        );
        out.push_str(&pre(&slide.buf, theme));
        out.push('\n');
        if !slide.caption.is_empty() {
            let lines: Vec<String> = slide.caption.iter().map(|l| escape(l)).collect();
            let _ = writeln!(out, "<p class=\"caption\">{}</p>", lines.join("<br>"));
        }
        out.push_str("<nav>");
        if number > 1 {
            let _ = write!(out, "<a href=\"#beat-{}\">← previous</a>", number - 1);
        }
        let _ = write!(out, "beat {number}/{count}");
        if number < count {
            let _ = write!(out, "<a href=\"#beat-{}\">next →</a>", number + 1);
        }
        out.push_str("</nav>\n</section>\n");
    }
    let _ = write!(out, "<script>\n{SCRIPT}\n</script>\n</body>\n</html>\n");
    out
}
