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
}
