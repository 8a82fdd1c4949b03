//! The last step of an ASCII frame: whatever Unicode art is left (box drawing, blocks, arrows,
//! dots, dashes) becomes its plain ASCII look-alike. Text in other scripts (Chinese names in
//! sources) is left alone: it is words, not drawing.

use ratatui::buffer::Buffer;

/// Replaces every drawing character in the buffer with ASCII.
pub fn transliterate(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(plain) = plain(c)
        {
            cell.set_char(plain);
        }
    }
}

/// The ASCII stand-in for a drawing character, if it is one.
fn plain(c: char) -> Option<char> {
    let plain = match c {
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '−' | '–' | '—' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '║' | '╎' | '╏' => '|',
        '┊' | '┋' => '!',
        '\u{2500}'..='\u{257F}' | '✚' | '†' => '+',
        '▁' | '▂' | '▃' => '_',
        '\u{2580}'..='\u{259F}' | '■' => '#',
        '\u{2800}'..='\u{28FF}' | '·' | '•' => '.',
        '←' => '<',
        '→' | '▸' | '▶' | '≥' => '>',
        '↑' | '▲' => '^',
        '↓' | '▾' | '▼' => 'v',
        '…' => '~',
        '×' => 'x',
        '●' => 'o',
        '◆' => '@',
        '★' => '*',
        '≈' => '=',
        _ => return None,
    };
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn drawing_becomes_ascii_and_words_stay() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "╭─┊█⣿→·深圳", ratatui::style::Style::new());
        transliterate(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol().to_owned()).collect();
        assert!(text.starts_with("+-!#.>.深"), "{text}");
    }
}
