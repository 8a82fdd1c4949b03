//! Errors a user can meet. Each `Display` is the one line printed before a non-zero exit: it
//! names the file and says what is wrong and where.

use std::{fmt, io};

use crate::text::sanitize;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read: {}", describe_io(.source))]
    Read {
        file: String,
        #[source]
        source: io::Error,
    },
    #[error("{file}: is a directory, not a {what} file")]
    NotAFile { file: String, what: &'static str },
    #[error(
        "{file}: is larger than {limit} bytes ({} MiB), the limit for a {what}",
        limit / (1024 * 1024)
    )]
    TooLarge {
        file: String,
        /// The kind of file: "dataset", "talk".
        what: &'static str,
        /// The file's size or, for a stream such as a pipe or device, how much was read before
        /// reading stopped.
        bytes: u64,
        /// The largest dataset file accepted.
        limit: u64,
    },
    #[error("{file}: is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { file: String, offset: usize },
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The binary form of the embedded dataset cannot be read (a build that went wrong).
    #[error("{file}: cannot be read: {message}")]
    Corrupt { file: String, message: String },
    #[error("{file}: {}{}", .problems[0], more(.problems.len()))]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
    /// A talk that parses but does not fit the dataset (or breaks a rule of its own).
    #[error("{file}:{}{}", .problems[0], more(.problems.len()))]
    InvalidTalk {
        file: String,
        problems: Vec<Located>,
    },
}

/// One thing wrong with a dataset, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `indicators[3].points[7].year`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// One thing wrong with a talk, and where: `line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl LoadError {
    /// Turns a serde error into a message with line:column and, for a wrong value, its JSON path.
    pub fn from_json(file: &str, err: &serde_path_to_error::Error<serde_json::Error>) -> LoadError {
        let path = err.path().to_string();
        let at = if path == "." || err.inner().is_syntax() || err.inner().is_eof() {
            String::new()
        } else {
            format!("{path}: ")
        };
        LoadError::syntax(file, err.inner(), at)
    }

    pub fn syntax(file: &str, err: &serde_json::Error, prefix: String) -> LoadError {
        let mut message = err.to_string();
        // serde_json appends " at line L column C"; we lead with it instead.
        if let Some(cut) = message.rfind(" at line ") {
            message.truncate(cut);
        }
        let message = plain_words(&message);
        LoadError::Syntax {
            file: file.to_owned(),
            line: err.line(),
            // serde_json counts columns from 1, except at the very start of a line.
            column: err.column().max(1),
            message: sanitize(&(prefix + &message)),
        }
    }
}

fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => sanitize(&err.to_string()),
    }
}

fn more(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " (and 1 more problem)".to_owned(),
        n => format!(" (and {} more problems)", n - 1),
    }
}

/// serde_json's wording with Rust's type names and jargon put in a dataset author's words.
fn plain_words(message: &str) -> String {
    let message = message.replace("EOF while", "the file ends while");
    // Every struct is a JSON object.
    reword(
        message,
        &[
            ("expected i32", "expected a whole number"),
            ("expected u64", "expected a whole number"),
            ("expected a sequence", "expected a list"),
            ("invalid type: map", "invalid type: object"),
            ("invalid type: sequence", "invalid type: list"),
        ],
        "expected an object",
    )
}

/// A serde message in a file author's words: each `(rust, plain)` pair replaced, and "expected
/// struct Dataset" and the like by `a_struct`, what a struct is in the file's format.
pub(crate) fn reword(mut message: String, pairs: &[(&str, &str)], a_struct: &str) -> String {
    for (rust, plain) in pairs {
        message = message.replace(rust, plain);
    }
    if let Some(start) = message.find("expected struct ") {
        let end = message[start + 16..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(message.len(), |i| start + 16 + i);
        message.replace_range(start..end, a_struct);
    }
    message
}
