//! A talk file as written: TOML read into a model that keeps where each value is, so that a
//! check later in the file can still say `line:column`. Shapes are settled here (a year is a
//! whole number, a view one of three words, no unknown keys); meaning against the dataset is
//! `check`'s.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

use crate::error::{Located, reword};
use crate::text::sanitize;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub title: Spanned<String>,
    pub duration: Option<Spanned<String>>,
    /// `[[beat]]` tables, in order.
    #[serde(default, rename = "beat")]
    pub beats: Vec<Spanned<RawBeat>>,
}

/// One `[[beat]]` table; every key may be left out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBeat {
    pub tab: Option<Spanned<String>>,
    pub chart: Option<Spanned<ChartName>>,
    pub year: Option<Spanned<i64>>,
    pub view: Option<Spanned<ViewName>>,
    pub sources: Option<bool>,
    pub caption: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
    /// A year range, `[from, to]`: the cursor goes to `to`.
    pub range: Option<Spanned<[i64; 2]>>,
    /// The dataset's annotations to show, by id; all of them when left out.
    pub annotations: Option<Spanned<Vec<String>>>,
}

/// A chart named by its number on the tab (from 1, as the footer counts) or by its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartName {
    Number(i64),
    Title(String),
}

/// The view, as written: `%` is "change", `i` is "index".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewName {
    Levels,
    Change,
    Index,
}

impl<'de> Deserialize<'de> for ChartName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = ChartName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a chart's number or title")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<ChartName, E> {
                Ok(ChartName::Number(n))
            }
            fn visit_str<E: de::Error>(self, title: &str) -> Result<ChartName, E> {
                Ok(ChartName::Title(title.to_owned()))
            }
        }
        deserializer.deserialize_any(Name)
    }
}

/// Reads the TOML; a file that is not a talk's shape gets one message with its place.
pub fn parse(text: &str) -> Result<File, Located> {
    toml::from_str(text).map_err(|err| {
        let at = err.span().map_or(0, |span| span.start);
        locate(text, at, &plain_words(err.message()))
    })
}

/// A message at byte `offset` of `text`, with its line and column (in characters) from 1.
pub fn locate(text: &str, offset: usize, message: &str) -> Located {
    Places::new(text).locate(offset, message)
}

/// Line and column of byte offsets in a text. Offsets asked in increasing order cost one pass
/// over the text in all, however many there are (a file of a million beats, each with a
/// problem, stays fast); an earlier offset starts again from the top.
pub struct Places<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Places<'a> {
    pub fn new(text: &'a str) -> Places<'a> {
        Places {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The line and column of byte `offset` (of the character it falls in; the end, past it).
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let offset = (0..=offset.min(text.len()))
            .rev()
            .find(|o| text.is_char_boundary(*o))
            .unwrap_or(0);
        // From the last place on; an earlier one (a range that runs backwards) from the top.
        let ahead = text.get(self.offset..offset).unwrap_or_else(|| {
            *self = Places::new(text);
            &text[..offset]
        });
        for c in ahead.chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }

    pub fn locate(&mut self, offset: usize, message: &str) -> Located {
        let (line, column) = self.at(offset);
        Located {
            line,
            column,
            message: sanitize(message),
        }
    }
}

/// The parser's wording in a talk author's words, on one line: TOML has tables and arrays,
/// not Rust's maps, sequences and integer types.
fn plain_words(message: &str) -> String {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    reword(
        message,
        &[
            ("expected i64", "expected a whole number"),
            ("invalid type: map", "invalid type: table"),
            ("invalid type: sequence", "invalid type: array"),
            ("expected a sequence", "expected an array"),
            ("expected an array of length 2", "expected [from, to]"),
        ],
        "expected a table",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_and_characters_from_one() {
        let text = "a = 1\nb = \"深圳x\"\n";
        let at = |offset| {
            let l = locate(text, offset, "m");
            (l.line, l.column)
        };
        assert_eq!(at(0), (1, 1));
        assert_eq!(at(4), (1, 5));
        assert_eq!(at(6), (2, 1));
        // After two three-byte characters: the 3rd character of the string, column 8.
        assert_eq!(at(6 + 5 + 6), (2, 8));
        // Inside a character: its start.
        assert_eq!(at(6 + 5 + 1), (2, 6));
        assert_eq!(at(999), (3, 1), "past the end: the end");
        // In any order, from one `Places`.
        let mut places = Places::new(text);
        let order = [17, 6, 0, 12, 12, 999, 4];
        let seen: Vec<(usize, usize)> = order.iter().map(|o| places.at(*o)).collect();
        let fresh: Vec<(usize, usize)> = order.iter().map(|o| Places::new(text).at(*o)).collect();
        assert_eq!(seen, fresh);
    }

    #[test]
    fn rust_words_become_toml_words() {
        assert_eq!(
            plain_words("invalid type: string \"x\", expected i64"),
            "invalid type: string \"x\", expected a whole number"
        );
        assert_eq!(
            plain_words("invalid type: map, expected struct RawBeat"),
            "invalid type: table, expected a table"
        );
        assert_eq!(
            plain_words("expected struct File here"),
            "expected a table here"
        );
        assert_eq!(
            plain_words("invalid type: sequence,\n expected a sequence"),
            "invalid type: array, expected an array"
        );
        assert_eq!(
            plain_words("invalid length 3, expected an array of length 2"),
            "invalid length 3, expected [from, to]"
        );
    }
}
