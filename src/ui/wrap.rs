//! Word wrapping of styled text, done once. ratatui's `Paragraph` wraps again every time it is
//! asked how many lines it takes and again when it draws, segmenting every grapheme each
//! time; a page that shows text whole or not at all asks both. Here `textwrap` breaks the
//! text at spaces (a word wider than the line is broken in it) and the lines are drawn as
//! they are.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

/// A line of styled spans, wrapped to `width` columns; each line keeps the line's style. Spaces
/// where a line breaks, and at its start, are dropped; an empty line stays one empty line.
pub fn lines(line: &Line, width: u16) -> Vec<Line<'static>> {
    wrap(line, width, false)
}

/// As [`lines`], but spaces at the start of the line stay, as an indent of its first row.
pub fn indented(line: &Line, width: u16) -> Vec<Line<'static>> {
    wrap(line, width, true)
}

/// `head`, then `body` wrapped to the `width` columns left after it (spaces at its start
/// kept), its later lines indented under its first. A head wider than half the width would
/// leave too little room: then the whole line wraps, its later lines indented two columns more
/// than the head's own indent.
pub fn hanging<'a>(head: &[Span<'a>], body: Vec<Span<'a>>, width: u16) -> Vec<Line<'a>> {
    let head_width = head.iter().map(Span::width).sum::<usize>();
    let (first, text, indent) = if head_width * 2 > usize::from(width) {
        let head_text: String = head.iter().map(|s| s.content.as_ref()).collect();
        let own = head_text.len() - head_text.trim_start_matches(' ').len();
        let whole: Vec<Span> = head.iter().cloned().chain(body).collect();
        (Vec::new(), whole, own + 2)
    } else {
        (head.to_vec(), body, head_width)
    };
    let room = width.saturating_sub(indent as u16).max(1);
    indented(&Line::from(text), room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut spans = if i == 0 {
                first.clone()
            } else {
                vec![Span::raw(" ".repeat(indent))]
            };
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

fn wrap(line: &Line, width: u16, indent: bool) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    // Where each span ends in `text`, with its style.
    let ends: Vec<(usize, Style)> = line
        .spans
        .iter()
        .scan(0, |end, span| {
            *end += span.content.len();
            Some((*end, span.style))
        })
        .collect();
    let width = usize::from(width.max(1));
    let mut found: Vec<Word> = WordSeparator::AsciiSpace.find_words(&text).collect();
    // Spaces at the start make an empty word; an indent joins them to the word after them.
    if indent && found.len() > 1 && found[0].word.is_empty() {
        let end = found[0].whitespace.len() + found[1].word.len() + found[1].whitespace.len();
        found.splice(0..2, [Word::from(&text[..end])]);
    }
    // The words cover the text from end to end, each starting where the one before ends;
    // an empty word left at the start is left out, so that no line starts with spaces.
    let mut start = 0;
    let (starts, words): (Vec<usize>, Vec<Word>) = break_words(found, width)
        .into_iter()
        .map(|word| {
            let this = start;
            start += word.word.len() + word.whitespace.len();
            (this, word)
        })
        .filter(|(_, word)| !word.word.is_empty())
        .unzip();
    let mut first = 0;
    let mut lines = Vec::new();
    for row in wrap_first_fit(&words, &[width as f64]) {
        let Some(last) = row.last() else {
            continue;
        };
        let end_word = first + row.len() - 1;
        let (start, end) = (starts[first], starts[end_word] + last.word.len());
        lines.push(styled(&text, start..end, &ends).style(line.style));
        first += row.len();
    }
    if lines.is_empty() {
        lines.push(Line::default().style(line.style));
    }
    lines
}

/// The text from `range`, cut where a span's style ends.
fn styled(text: &str, range: std::ops::Range<usize>, ends: &[(usize, Style)]) -> Line<'static> {
    let mut at = range.start;
    let mut spans = Vec::new();
    for &(end, style) in ends {
        let to = end.min(range.end);
        if to > at {
            spans.push(Span::styled(text[at..to].to_owned(), style));
            at = to;
        }
    }
    Line::from(spans)
}

/// Draws `lines` from the top of `area`, one a row, as many as fit.
pub fn render(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (line, row) in lines.iter().zip(area.rows()) {
        line.render(row, buf);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Color;

    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn lines_break_at_spaces_and_keep_each_piece_in_its_style() {
        let red = Style::new().fg(Color::Red);
        let line = Line::from(vec![Span::styled("▸ ", red), Span::raw("one two three")]);
        let lines = lines(&line, 9);
        assert_eq!(texts(&lines), ["▸ one two", "three"]);
        assert_eq!(lines[0].spans[0].style, red);
        assert_eq!(lines[0].spans[1].content, "one two");
        assert_eq!(lines[1].spans.len(), 1);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken() {
        let lines = lines(&Line::from("abcdefgh ij"), 3);
        assert_eq!(texts(&lines), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn no_line_starts_with_spaces() {
        let lines = lines(&Line::from(" ab  cd"), 3);
        assert_eq!(texts(&lines), ["ab", "cd"]);
    }

    #[test]
    fn an_indent_stays_on_the_first_row_only() {
        let lines = indented(&Line::from("  ab cd ef"), 5);
        assert_eq!(texts(&lines), ["  ab", "cd ef"]);
        let long = indented(&Line::from("  abcdef"), 5);
        assert_eq!(texts(&long), ["  abc", "def"]);
    }

    #[test]
    fn an_empty_line_stays_one_row() {
        assert_eq!(texts(&lines(&Line::default(), 5)), [""]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let lines = lines(&Line::from("深圳 深圳"), 4);
        assert_eq!(texts(&lines), ["深圳", "深圳"]);
    }
}
