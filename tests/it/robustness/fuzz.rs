//! Dataset fuzzing: mutated text and bytes are loaded or refused in one clean line. The
//! embedded asset, `tests/fixtures/valid/minimal.json` and `annotated.json` (every kind of
//! annotation), mutated (truncation, replaced
//! characters, swapped value types, duplicate keys, huge numbers, deep nesting, control
//! characters) as text and as raw bytes through a file; and the hostile inputs listed, each
//! placed where it matters, checked on every run whatever the seed.

use std::io::Write as _;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{TestCaseError, TestRunner};
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::{Dataset, EMBEDDED};
use shenzhen_dash::derive::View;
use shenzhen_dash::error::LoadError;

use super::{ANNOTATED, FILE, MINIMAL, config, is_unsafe, render_checked, show_view};

/// Where the JSON values of a (possibly broken) text are. A forgiving scanner: it never fails,
/// it just finds fewer tokens in broken text.
#[derive(Debug, Default)]
struct Tokens {
    numbers: Vec<Range<usize>>,
    /// Strings in value position (not keys).
    strings: Vec<Range<usize>>,
    /// Keys with the range of the value after them.
    keys: Vec<(Range<usize>, Range<usize>)>,
    /// Complete arrays and objects, brackets included.
    arrays: Vec<Range<usize>>,
    objects: Vec<Range<usize>>,
    /// Every complete value: numbers, value strings, literals, arrays and objects.
    values: Vec<Range<usize>>,
}

fn scan(text: &str) -> Tokens {
    let bytes = text.as_bytes();
    let mut tokens = Tokens::default();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    // A key waiting for its value: the key's range.
    let mut pending_key: Option<Range<usize>> = None;
    let mut i = 0;
    let skip_ws = |mut j: usize| {
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        j
    };
    let record = |tokens: &mut Tokens, key: &mut Option<Range<usize>>, value: Range<usize>| {
        if let Some(k) = key.take() {
            tokens.keys.push((k, value.clone()));
        }
        tokens.values.push(value);
    };
    // Keys of the values currently open (arrays and objects), to pair them when they close.
    let mut open_keys: Vec<Option<Range<usize>>> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    break;
                }
                i += 1;
                let range = start..i;
                if bytes.get(skip_ws(i)) == Some(&b':') {
                    pending_key = Some(range);
                } else {
                    tokens.strings.push(range.clone());
                    record(&mut tokens, &mut pending_key, range);
                }
                continue;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                tokens.numbers.push(start..i);
                record(&mut tokens, &mut pending_key, start..i);
                continue;
            }
            b't' | b'f' | b'n' => {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                record(&mut tokens, &mut pending_key, start..i);
                continue;
            }
            open @ (b'[' | b'{') => {
                stack.push((open, i));
                open_keys.push(pending_key.take());
            }
            close @ (b']' | b'}') => {
                let open = if close == b']' { b'[' } else { b'{' };
                if let Some((kind, start)) = stack.pop()
                    && kind == open
                {
                    let range = start..i + 1;
                    if kind == b'[' {
                        tokens.arrays.push(range.clone());
                    } else {
                        tokens.objects.push(range.clone());
                    }
                    let mut key = open_keys.pop().flatten();
                    record(&mut tokens, &mut key, range);
                } else {
                    // Unbalanced: stop pairing, keep what was found.
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    tokens
}

/// One edit to a dataset text. `Index` picks a position or token relative to what is there.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the text at a character boundary.
    Truncate(Index),
    /// Replace one character.
    ReplaceChar(Index, char),
    /// Delete up to this many characters.
    Delete(Index, u8),
    /// Insert text anywhere, even inside a token.
    Insert(Index, String),
    /// Replace a value (number, string, literal, array or object) with other JSON.
    ReplaceValue(Index, String),
    /// A number becomes a string: `12.5` → `"12.5"`.
    NumberToString(Index),
    /// A string value becomes a number.
    StringToNumber(Index),
    /// An array becomes an object and an object an array, with or without content.
    SwapContainer(Index, bool),
    /// A key and its value written twice in the same object.
    DuplicateKey(Index),
    /// Replace a value with a copy of another value (keeps the JSON valid, confuses types).
    CopyValue(Index, Index),
    /// Insert text (often a control character, raw or escaped) inside a string value.
    IntoString(Index, Index, String),
    /// The same inside a key, which makes it unknown: its name is quoted in the message.
    IntoKey(Index, Index, String),
    /// Replace a number with another number literal.
    ReplaceNumber(Index, String),
    /// Replace a number with one of its kind: a year for `year` and `since`, else a value.
    ReplaceNumberFitting(Index, i32, String),
}

fn char_boundary(text: &str, index: Index) -> usize {
    let mut at = index.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn pick<T: Clone>(items: &[T], index: Index) -> Option<T> {
    (!items.is_empty()).then(|| items[index.index(items.len())].clone())
}

fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}

impl Mutation {
    #[allow(clippy::too_many_lines, reason = "one short arm per kind of edit")]
    fn apply(&self, text: &str) -> String {
        let tokens = scan(text);
        match self {
            Mutation::Truncate(at) => text[..char_boundary(text, *at)].to_owned(),
            Mutation::ReplaceChar(at, c) => {
                let start = char_boundary(text, *at);
                let end = text[start..]
                    .chars()
                    .next()
                    .map_or(start, |old| start + old.len_utf8());
                splice(text, start..end, &c.to_string())
            }
            Mutation::Delete(at, count) => {
                let start = char_boundary(text, *at);
                let end = text[start..]
                    .char_indices()
                    .nth(usize::from(*count))
                    .map_or(text.len(), |(i, _)| start + i);
                splice(text, start..end, "")
            }
            Mutation::Insert(at, what) => {
                let at = char_boundary(text, *at);
                splice(text, at..at, what)
            }
            Mutation::ReplaceValue(which, with) => match pick(&tokens.values, *which) {
                Some(range) => splice(text, range, with),
                None => text.to_owned(),
            },
            Mutation::NumberToString(which) => match pick(&tokens.numbers, *which) {
                Some(range) => splice(text, range.clone(), &format!("\"{}\"", &text[range])),
                None => text.to_owned(),
            },
            Mutation::StringToNumber(which) => match pick(&tokens.strings, *which) {
                Some(range) => splice(text, range, "42"),
                None => text.to_owned(),
            },
            Mutation::SwapContainer(which, empty) => {
                if which.index(2) == 0 {
                    match pick(&tokens.arrays, *which) {
                        Some(range) if *empty => splice(text, range, "{}"),
                        Some(range) => splice(text, range, "{\"a\": 1}"),
                        None => text.to_owned(),
                    }
                } else {
                    match pick(&tokens.objects, *which) {
                        Some(range) if *empty => splice(text, range, "[]"),
                        Some(range) => splice(text, range.clone(), &format!("[{}]", &text[range])),
                        None => text.to_owned(),
                    }
                }
            }
            Mutation::DuplicateKey(which) => match pick(&tokens.keys, *which) {
                Some((key, value)) => {
                    let copy = format!(", {}: {}", &text[key], &text[value.clone()]);
                    splice(text, value.end..value.end, &copy)
                }
                None => text.to_owned(),
            },
            Mutation::CopyValue(to, from) => {
                match (pick(&tokens.values, *to), pick(&tokens.values, *from)) {
                    // Copying a value into itself or its own part would double the text.
                    (Some(to), Some(from)) if from.end <= to.start || to.end <= from.start => {
                        splice(text, to, &text[from])
                    }
                    _ => text.to_owned(),
                }
            }
            Mutation::IntoKey(which, at, what) => match pick(&tokens.keys, *which) {
                Some((key, _)) => {
                    let inner = &text[key.start + 1..key.end - 1];
                    let at = key.start + 1 + char_boundary(inner, *at);
                    splice(text, at..at, what)
                }
                None => text.to_owned(),
            },
            Mutation::IntoString(which, at, what) => match pick(&tokens.strings, *which) {
                Some(range) if range.len() >= 2 => {
                    let inner = &text[range.start + 1..range.end - 1];
                    let offset = char_boundary(inner, *at);
                    let at = range.start + 1 + offset;
                    splice(text, at..at, what)
                }
                _ => text.to_owned(),
            },
            Mutation::ReplaceNumber(which, with) => match pick(&tokens.numbers, *which) {
                Some(range) => splice(text, range, with),
                None => text.to_owned(),
            },
            Mutation::ReplaceNumberFitting(which, year, value) => {
                let Some(range) = pick(&tokens.numbers, *which) else {
                    return text.to_owned();
                };
                let is_year = tokens.keys.iter().any(|(key, v)| {
                    *v == range
                        && matches!(
                            &text[key.clone()],
                            "\"year\"" | "\"since\"" | "\"from\"" | "\"to\""
                        )
                });
                let with = if is_year {
                    year.to_string()
                } else {
                    value.clone()
                };
                splice(text, range, &with)
            }
        }
    }
}

/// Number literals, ordinary and extreme.
fn number_literal() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "1e308",
            "1e309",
            "-1e400",
            "123456789012345678901234567890",
            "-123456789012345678901234567890",
            "0",
            "-0",
            "0.0",
            "5e-324",
            "1e-400",
            "1E+2",
            "1e15",
            "-1e15",
            "1000000000000001",
            "9007199254740993",
            "0.000000000001",
            "1.00000000000000000000000001",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "1800",
            "1799",
            "2200",
            "2201",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "18446744073709551616",
        ])
        .prop_map(str::to_owned),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<i32>().prop_map(|n| n.to_string()),
        (1790i32..2210).prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| format!("{v:e}")),
        (-1e16f64..1e16).prop_map(|v| format!("{v}")),
        (0u32..100_000, 0u32..1000).prop_map(|(a, b)| format!("{a}.{b:03}")),
    ]
}

/// Control characters, raw and as JSON escapes, and other troublesome text for strings.
fn string_insert() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "\\u001b",
            "\\u001b[2J",
            "\\u001b]0;title\\u0007",
            "\\u0007",
            "\\u009b",
            "\\u009b31m",
            "\\u0000",
            "\\n",
            "\\r",
            "\\t",
            "\\u0085",
            "\\u2028",
            "\\u2029",
            "\\u202e",
            "\\u2066",
            "\\ud800",
            "\\udfff",
            "\\ud83d\\ude00",
            "\\uD834\\uDD1E",
            "\\",
            "\\x",
            "\\u12",
            "\"",
            "\u{1b}",
            "\u{7}",
            "\u{9b}",
            "\u{0}",
            "\n",
            "\u{202e}",
            "\u{2028}",
            "\u{feff}",
            "深圳",
            "\u{301}",
            "\u{200d}",
            "👩\u{200d}👩\u{200d}👧",
            "\u{fe0f}",
            "ｗｉｄｅ",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,12}",
        ".{0,12}",
        (1usize..2000).prop_map(|n| "x".repeat(n)),
        (1usize..300).prop_map(|n| "深".repeat(n)),
    ]
}

/// JSON (and not quite JSON) to put where a value was.
fn replacement_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => number_literal(),
        2 => select(vec![
            "null", "true", "false", "\"\"", "\"x\"", "[]", "{}", "[1]", "{\"a\": 1}", "[null]",
            "\"high\"", "\"low\"", "\"bar\"", "\"line\"", "\"S1\"", "\"gdp\"", "\"2020\"",
            "\"2020-13-01\"", "\"preliminary\"", "[\"derived\", \"derived\"]", "NaN", "Infinity",
            "-Infinity", "nul", "tru", "\"\\u001b[31mred\"", "\"\\u0007\"", "\"\\u009b\"",
            "\"\u{1b}\"", "'single'", "01", "1.", ".5", "+1", "--1", "1e", "0x10",
        ])
        .prop_map(str::to_owned),
        1 => string_insert().prop_map(|s| format!("\"{s}\"")),
        1 => deep_nesting(),
    ]
}

/// Thousands of open brackets, balanced or not.
fn deep_nesting() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..5000).prop_map(|n| format!("{}1{}", "[".repeat(n), "]".repeat(n))),
        (1usize..5000).prop_map(|n| "[".repeat(n)),
        (1usize..3000).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        (1usize..3000).prop_map(|n| "{\"a\":[".repeat(n)),
        (1usize..5000).prop_map(|n| "]".repeat(n)),
    ]
}

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => select(vec![
            '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '0', '1', '9', '-', '.', 'e', 'E', 'x',
            'n', '\u{0}', '\u{7}', '\u{1b}', '\u{9b}', '\n', '\r', '\t', '\u{7f}', '\u{85}',
            '\u{202e}', '\u{2028}', '\u{feff}', '\u{fffd}', '深', '\u{301}',
        ]),
        1 => any::<char>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), interesting_char()).prop_map(|(i, c)| Mutation::ReplaceChar(i, c)),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(i, n)| Mutation::Delete(i, n)),
        2 => (
            any::<Index>(),
            prop_oneof![interesting_char().prop_map(String::from), string_insert(), deep_nesting()],
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        4 => (any::<Index>(), replacement_value()).prop_map(|(i, s)| Mutation::ReplaceValue(i, s)),
        2 => any::<Index>().prop_map(Mutation::NumberToString),
        1 => any::<Index>().prop_map(Mutation::StringToNumber),
        2 => (any::<Index>(), any::<bool>()).prop_map(|(i, e)| Mutation::SwapContainer(i, e)),
        2 => any::<Index>().prop_map(Mutation::DuplicateKey),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::CopyValue(a, b)),
        4 => (any::<Index>(), any::<Index>(), string_insert())
            .prop_map(|(i, j, s)| Mutation::IntoString(i, j, s)),
        2 => (any::<Index>(), any::<Index>(), string_insert())
            .prop_map(|(i, j, s)| Mutation::IntoKey(i, j, s)),
        // Most of these keep the dataset valid, so the render path gets odd numbers.
        6 => (any::<Index>(), number_literal()).prop_map(|(i, s)| Mutation::ReplaceNumber(i, s)),
    ]
}

/// Edits that mostly keep the dataset valid, so that many fuzzed datasets load and the
/// render path meets odd but accepted numbers and text.
fn benign_mutation() -> impl Strategy<Value = Mutation> {
    let plausible_number = prop_oneof![
        (-1e15f64..=1e15).prop_map(|v| format!("{v}")),
        (-1000i64..=1000).prop_map(|v| v.to_string()),
        select(vec![
            "0",
            "-0",
            "1e15",
            "-1e15",
            "5e-324",
            "0.000000000001",
            "1e-300"
        ])
        .prop_map(str::to_owned),
    ];
    let printable = prop_oneof![
        "[ -~&&[^\"\\\\]]{0,20}",
        select(vec![
            "深圳",
            "\\u00e9",
            "e\\u0301",
            "👩\\u200d👩\\u200d👧",
            "ｗｉｄｅ",
            "\\\"quoted\\\""
        ])
        .prop_map(str::to_owned),
        (1usize..500).prop_map(|n| "long ".repeat(n)),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1800i32..=2200, plausible_number)
            .prop_map(|(i, year, value)| Mutation::ReplaceNumberFitting(i, year, value)),
        2 => (any::<Index>(), any::<Index>(), printable)
            .prop_map(|(i, j, s)| Mutation::IntoString(i, j, s)),
        // Valid JSON that validation must refuse; were it to load, the render check would
        // find the character on screen.
        1 => (
            any::<Index>(),
            any::<Index>(),
            select(vec!["\\u001b[2J", "\\u202e", "\\u0007", "\\u009b", "\\u2066"]),
        )
            .prop_map(|(i, j, s)| Mutation::IntoString(i, j, s.to_owned())),
    ]
}

/// One to four arbitrary edits, or up to eight mostly harmless ones.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop_oneof![
        prop::collection::vec(mutation(), 1..=4),
        prop::collection::vec(benign_mutation(), 1..=8),
    ]
}

fn base_text() -> impl Strategy<Value = &'static str> {
    prop_oneof![3 => Just(EMBEDDED), 1 => Just(MINIMAL), 1 => Just(ANNOTATED)]
}

/// A refusal is one line, names the file, and carries nothing a terminal would act on.
fn check_refusal(err: &LoadError, file: &str) -> Result<(), TestCaseError> {
    let message = err.to_string();
    prop_assert!(!message.is_empty());
    // Line breaks a terminal acts on; U+2028 and U+2029 are among the unsafe ones below.
    prop_assert!(
        !message.contains(['\n', '\r', '\u{b}', '\u{c}', '\u{85}']),
        "the message is more than one line: {:?}",
        message
    );
    prop_assert!(
        !message.chars().any(is_unsafe),
        "the message holds an unsafe character: {:?}",
        message
    );
    prop_assert!(
        message.starts_with(&format!("{file}:")),
        "the message does not start with the file name {:?}: {:?}",
        file,
        message
    );
    Ok(())
}

/// A dataset that loaded: every tab renders at 80×24 in every view, with the cursor on (its
/// readout), and with the sources panel open (which shows every text an indicator and its
/// sources have).
fn check_loaded(data: &Dataset) -> Result<(), TestCaseError> {
    prop_assert!(!data.pages.is_empty(), "a loaded dataset has pages");
    let now = Instant::now();
    for tab in 0..data.pages.len() {
        for (view, cursor) in [
            (View::Levels, None),
            (View::Levels, Some(Action::ToggleSources)),
            (View::Change, Some(Action::LastYear)),
            (View::Index, Some(Action::FirstYear)),
        ] {
            let mut app = App::new(data.clone()).with_tab(tab);
            show_view(&mut app, view, now);
            if let Some(action) = cursor {
                app.update(action, now);
            }
            render_checked(&app, 80, 24)?;
        }
    }
    Ok(())
}

/// Whether a dataset text loaded (and rendered) or was refused (in one clean line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Loaded,
    Refused,
}

fn check_parse(text: &str) -> Result<Outcome, TestCaseError> {
    match Dataset::parse(text, FILE) {
        Ok(data) => check_loaded(&data).map(|()| Outcome::Loaded),
        Err(err) => check_refusal(&err, FILE).map(|()| Outcome::Refused),
    }
}

/// Runs a property with a plain `TestRunner`, so the test can say afterwards how many cases
/// loaded and how many were refused (visible with `--nocapture`), and fail if either path
/// went untested.
fn run_fuzz<S: Strategy>(
    name: &str,
    strategy: &S,
    test: impl Fn(S::Value) -> Result<Outcome, TestCaseError>,
) {
    let loaded = AtomicUsize::new(0);
    let refused = AtomicUsize::new(0);
    // This file, so the seed of a failure is kept beside it, as `proptest!` does for its own.
    let mut runner = TestRunner::new(ProptestConfig {
        source_file: Some(file!()),
        ..config()
    });
    let result = runner.run(strategy, |value| {
        let counter = match test(value)? {
            Outcome::Loaded => &loaded,
            Outcome::Refused => &refused,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        Ok(())
    });
    if let Err(err) = result {
        panic!("{name}: {err}");
    }
    let (loaded, refused) = (loaded.into_inner(), refused.into_inner());
    eprintln!("{name}: {loaded} loaded and rendered, {refused} refused");
    assert!(
        loaded > 0 && refused > 0,
        "{name}: the fuzzer should reach both paths ({loaded} loaded, {refused} refused)"
    );
}

#[test]
fn mutated_dataset_text_is_loaded_or_refused_in_one_line() {
    run_fuzz("text", &(base_text(), mutations()), |(base, mutations)| {
        let mut text = base.to_owned();
        for mutation in &mutations {
            text = mutation.apply(&text);
        }
        check_parse(&text)
    });
}

/// One edit to the raw bytes of a dataset file, which may leave it invalid UTF-8.
#[derive(Debug, Clone)]
enum ByteMutation {
    Truncate(Index),
    Replace(Index, u8),
    Insert(Index, Vec<u8>),
    /// A text mutation, for files that stay valid UTF-8.
    Text(Mutation),
}

fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    prop_oneof![
        2 => any::<Index>().prop_map(ByteMutation::Truncate),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteMutation::Replace(i, b)),
        1 => (any::<Index>(), select(vec![0x80u8, 0xC0, 0xC3, 0xE6, 0xED, 0xF4, 0xF8, 0xFF, 0xFE, 0x00, 0x1B]))
            .prop_map(|(i, b)| ByteMutation::Replace(i, b)),
        2 => (
            any::<Index>(),
            prop_oneof![
                select(vec![
                    vec![0xEF, 0xBB, 0xBF],
                    vec![0xFF, 0xFE],
                    vec![0xFE, 0xFF],
                    vec![0xC0, 0x80],
                    vec![0xED, 0xA0, 0x80],
                    vec![0xE6, 0xB7],
                    vec![0xF4, 0x90, 0x80, 0x80],
                    vec![0x1B, b'[', b'2', b'J'],
                    vec![0xC2, 0x9B],
                ]),
                prop::collection::vec(any::<u8>(), 1..8),
            ],
        )
            .prop_map(|(i, b)| ByteMutation::Insert(i, b)),
        2 => mutation().prop_map(ByteMutation::Text),
    ]
}

impl ByteMutation {
    fn apply(&self, mut bytes: Vec<u8>) -> Vec<u8> {
        match self {
            ByteMutation::Truncate(at) => {
                bytes.truncate(at.index(bytes.len() + 1));
                bytes
            }
            ByteMutation::Replace(at, byte) => {
                if !bytes.is_empty() {
                    let at = at.index(bytes.len());
                    bytes[at] = *byte;
                }
                bytes
            }
            ByteMutation::Insert(at, what) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, what.iter().copied());
                bytes
            }
            ByteMutation::Text(mutation) => match String::from_utf8(bytes) {
                Ok(text) => mutation.apply(&text).into_bytes(),
                Err(err) => err.into_bytes(),
            },
        }
    }
}

/// `bytes` in a file of the temporary directory, removed when dropped.
fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new()
        .prefix("shenzhen-dash-robustness-")
        .suffix(".json")
        .tempfile()
        .expect("the temporary directory is writable");
    file.write_all(bytes)
        .expect("the temporary directory is writable");
    file
}

#[test]
fn mutated_dataset_bytes_are_loaded_or_refused_in_one_line() {
    run_fuzz(
        "bytes",
        &(
            base_text(),
            prop_oneof![
                prop::collection::vec(byte_mutation(), 1..=4),
                prop::collection::vec(benign_mutation().prop_map(ByteMutation::Text), 1..=8),
            ],
        ),
        |(base, mutations)| {
            let mut bytes = base.as_bytes().to_vec();
            for mutation in &mutations {
                bytes = mutation.apply(bytes);
            }
            let file = temp_file(&bytes);
            let name = file.path().display().to_string();
            let result = Dataset::from_file(file.path());
            let utf8 = std::str::from_utf8(&bytes);
            match result {
                Ok(data) => {
                    prop_assert!(utf8.is_ok(), "loaded invalid UTF-8");
                    check_loaded(&data).map(|()| Outcome::Loaded)
                }
                Err(err) => {
                    check_refusal(&err, &name)?;
                    // Invalid UTF-8 is refused as such, at the first bad byte.
                    match (utf8, &err) {
                        (Err(utf8), LoadError::NotUtf8 { offset, .. }) => {
                            prop_assert_eq!(*offset, utf8.valid_up_to());
                        }
                        (Err(_), other) => {
                            prop_assert!(false, "invalid UTF-8 refused as {:?}", other);
                        }
                        (Ok(_), LoadError::NotUtf8 { .. }) => {
                            prop_assert!(false, "valid UTF-8 refused as not UTF-8");
                        }
                        (Ok(_), _) => {}
                    }
                    Ok(Outcome::Refused)
                }
            }
        },
    );
}

/// The inputs the fuzzer is meant to reach, placed where they matter, so they are checked on
/// every run whatever the random seed: each is refused with the expected path and message.
#[test]
fn listed_hostile_inputs_are_refused_in_one_line() {
    let point = r#"{ "year": 2015, "value": 100.5, "confidence": "high", "sources": ["S1"] }"#;
    let at = |from: &str, to: &str| {
        assert!(MINIMAL.contains(from), "{from:?} is not in the fixture");
        MINIMAL.replacen(from, to, 1)
    };
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    // Each with fragments of the message that must be there: the JSON path (or line:column)
    // and the gist, not the exact wording, which may improve.
    let cases: Vec<(String, &[&str])> = vec![
        (at("100.5", "1e308"), &["points[0].value", "1e308", "large"]),
        (at("100.5", "1e309"), &["points[0].value", "finite"]),
        (at("100.5", "-1e400"), &["points[0].value", "finite"]),
        (
            at("100.5", "123456789012345678901234567890"),
            &["points[0].value", "large"],
        ),
        (
            at("2015", "123456789012345678901234567890"),
            &["points[0].year"],
        ),
        (at("2015", "1e309"), &["fuzz.json:10:"]),
        (at("100.5", "\"100.5\""), &["points[0].value", "string"]),
        (at("100.5", "[100.5]"), &["points[0].value", "array"]),
        (at("100.5", "{}"), &["points[0].value", "object"]),
        (
            at("\"sources\": [\n    {", "\"sources\": {\"a\": [{"),
            &["fuzz.json:15:", "sources"],
        ),
        (
            at("\"city\"", "\"city\": \"A\", \"city\""),
            &["duplicate", "city"],
        ),
        (
            at(point, &format!("{point}, {point}")),
            &["points[1].year", "duplicate", "2015"],
        ),
        (at("100.5", &deep(5000)), &["points[0].value", "array"]),
        (at("\"GDP\"", &deep(5000)), &["indicators[0].name"]),
        (format!("{{\"city\": {}", "[".repeat(100_000)), &["city"]),
        ("[".repeat(100_000), &["fuzz.json:1:1:", "array"]),
        (at("Testville", "Test\\u001bville"), &["city", "U+001B"]),
        (at("Testville", "Test\\u0007ville"), &["city", "U+0007"]),
        (at("Testville", "Test\\u009bville"), &["city", "U+009B"]),
        (
            at("Testville", "Test\u{1b}ville"),
            &["fuzz.json:2:", "control character"],
        ),
        (
            at("\"city\"", "\"ci\\u001bty\""),
            &["unknown field", "ci\u{fffd}ty"],
        ),
        (
            at("Testville", "Test\\u202eville"),
            &["city", "bidirectional"],
        ),
        (
            at("\"high\"", "\"hi\\u001b[2Jgh\""),
            &["points[0].confidence", "hi\u{fffd}[2Jgh"],
        ),
    ];
    refused_as_expected(cases);
}

/// The same hostile inputs where an annotation of `tests/fixtures/valid/annotated.json` has them,
/// and the annotation rules broken one at a time.
#[test]
fn listed_hostile_annotations_are_refused_in_one_line() {
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let annotated = |from: &str, to: &str| {
        assert!(ANNOTATED.contains(from), "{from:?} is not in the fixture");
        ANNOTATED.replacen(from, to, 1)
    };
    let long_label = "long ".repeat(20);
    let annotation_cases: Vec<(String, &[&str])> = vec![
        (
            annotated("highest in the data", "highest\\u001b[2J"),
            &["annotations[0].text", "U+001B"],
        ),
        (
            annotated("\"label\": \"slump\"", "\"label\": \"slump\\u202e\""),
            &["annotations[1].label", "bidirectional"],
        ),
        (
            annotated(
                "\"text\": \"highest in the data\"",
                "\"text\": \"a\", \"text\": \"b\"",
            ),
            &["annotations[0]", "duplicate", "text"],
        ),
        (
            annotated("38.75", "1e309"),
            &["annotations[2].value", "finite"],
        ),
        (
            annotated("38.75", "1e308"),
            &["annotations[2].value", "large"],
        ),
        (annotated("38.75", &deep(5000)), &["annotations[2].value"]),
        (
            annotated("\"kind\": \"period\"", "\"kind\": \"Period\""),
            &["annotations[1].kind", "unknown variant `Period`"],
        ),
        (
            annotated("\"year\": 2022, \"text\"", "\"year\": 2023, \"text\""),
            &["annotations[0].year", "no point for 2023"],
        ),
        (
            annotated("\"to\": 2020", "\"to\": 2200"),
            &["annotations[1].to", "outside the data's years"],
        ),
        (
            annotated("regional average, 2019", &long_label),
            &["annotations[2].label", "columns wide"],
        ),
        (
            annotated("\"id\": \"slump\"", "\"id\": \"record\""),
            &["annotations[1].id", "duplicate id \"record\""],
        ),
    ];
    refused_as_expected(annotation_cases);
}

/// Each text is refused in one clean line holding each of its fragments.
fn refused_as_expected(cases: Vec<(String, &[&str])>) {
    for (text, expected) in cases {
        let Err(err) = Dataset::parse(&text, FILE) else {
            panic!("loaded, but expected {expected:?}: {text:.300}");
        };
        let message = err.to_string();
        check_refusal(&err, FILE).unwrap_or_else(|e| panic!("{e}"));
        for fragment in expected {
            assert!(
                message.contains(fragment),
                "expected {fragment:?} in {message:?}"
            );
        }
    }
}
