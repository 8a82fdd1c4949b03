//! A talk as one self-contained HTML slide deck: the audience's handout, and the fallback when
//! the venue's terminal fails. One slide a beat, each an anchor (`#beat-N`) holding the frame
//! as the terminal shows it (from the HTML renderer) and the caption as selectable text. A few
//! lines of inline script show one slide at a time and walk them with the clicker's keys;
//! without script, and in print, the slides follow one another as a plain page. Nothing is
//! fetched: no external file, no network. The speaker's notes are not in it.

use std::fmt::Write;

use ratatui::buffer::Buffer;

use super::{escape, html};
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

/// The deck: `title` is the talk's. Each frame keeps the pictures' cell grid (`html::style`),
/// at its natural size; the slide centres it, with the caption and the navigation under it.
pub fn write(slides: &[Slide], theme: &Theme, title: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{grid}\
         .slide {{ box-sizing: border-box; min-height: 100vh; padding: 1vh 1vw; display: flex; \
         flex-direction: column; align-items: center; justify-content: center; \
         break-after: page; }}\n\
         .slide > .frame {{ margin: 0; }}\n\
         .caption {{ margin: 0.6em 0 0; font-weight: bold; text-align: center; }}\n\
         nav {{ margin: 0.4em 0 0; opacity: 0.7; }}\n\
         nav a {{ color: inherit; padding: 0 1em; }}\n\
         html.js .slide {{ display: none; }}\n\
         html.js .slide.current {{ display: flex; }}\n\
         @media print {{ html.js .slide {{ display: flex; }} nav {{ display: none; }} \
         .slide {{ min-height: 0; }} }}\n\
         </style>\n</head>\n<body>\n",
        title = escape(title),
        grid = html::style(theme),
    );
    let count = slides.len();
    for (i, slide) in slides.iter().enumerate() {
        let number = i + 1;
        let _ = writeln!(
            out,
            "<section class=\"slide\" id=\"beat-{number}\" aria-label=\"beat {number} of {count}\">"
        );
        out.push_str(&html::frame(&slide.buf, theme));
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
