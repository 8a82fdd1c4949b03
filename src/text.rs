//! Text from files on its way to a terminal: what may never reach it, and how to neutralise it.

/// Control characters (ESC, BEL, CSI…), Unicode's line and paragraph separators (which break
/// a one-line message in editors and logs), and the bidirectional overrides that make text
/// display in an order other than its own (CVE-2021-42574).
pub fn is_unsafe(c: char) -> bool {
    kind(c).is_some()
}

/// What sort of unsafe character `c` is, for a message; `None` when it is safe.
pub fn kind(c: char) -> Option<&'static str> {
    match c {
        c if c.is_control() => Some("control"),
        '\u{2028}' | '\u{2029}' => Some("line separator"),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some("bidirectional override"),
        _ => None,
    }
}

/// The first unsafe character in `text`, with its kind.
pub fn first_unsafe(text: &str) -> Option<(char, &'static str)> {
    // Nearly all text is printable ASCII, which a check of the bytes clears in bulk (a fold
    // with no early exit, so the compiler vectorises it).
    let control = |b: u8| b < b' ' || b == 0x7f;
    if text.is_ascii() && !text.bytes().fold(false, |any, b| any | control(b)) {
        return None;
    }
    text.chars().find_map(|c| Some((c, kind(c)?)))
}

/// `1 source`, `97 sources`: a count with its noun, singular where it should be.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The text with every unsafe character replaced by U+FFFD, for quoting in messages.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[2Jb\u{7}"), "a\u{FFFD}[2Jb\u{FFFD}");
        assert_eq!(sanitize("abc\u{202E}fed"), "abc\u{FFFD}fed");
        assert_eq!(sanitize("one\u{2028}two"), "one\u{FFFD}two");
        assert_eq!(sanitize("深圳 · 2024"), "深圳 · 2024");
    }

    #[test]
    fn the_first_unsafe_character_is_found_in_ascii_and_beyond() {
        assert_eq!(first_unsafe("GDP, 2024 (CNY ~)"), None);
        assert_eq!(first_unsafe("深圳 · 2024"), None);
        assert_eq!(first_unsafe("a\tb"), Some(('\t', "control")));
        assert_eq!(first_unsafe("a\u{7f}"), Some(('\u{7f}', "control")));
        assert_eq!(
            first_unsafe("深圳\u{202E}"),
            Some(('\u{202E}', "bidirectional override"))
        );
    }
}
