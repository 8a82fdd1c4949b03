//! Every kind of bad dataset file, in every mode that loads one: exit 1, nothing on stdout
//! and one clean line on stderr that names the file (`check`: one line per problem).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread;

use shenzhen_dash::data::MAX_FILE_BYTES;
use tempfile::TempDir;

use super::{INVALID, MINIMAL_TEXT, Run, control_besides_newline, run};

/// Writes `contents` to the file `name` in `dir`.
fn write_file(dir: &TempDir, name: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, contents).unwrap();
    path
}

/// A path as the binary names it in a message: control characters replaced by U+FFFD.
fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// The modes that load a dataset; the file's path is appended.
const MODES: [&[&str]; 5] = [
    &["--data"],
    &["snapshot", "--data"],
    &["export", "--data"],
    &["preflight", "--data"],
    &["check"],
];

/// One bad dataset file and what the binary must say about it.
struct Case {
    kind: &'static str,
    path: PathBuf,
    /// The one line every mode but `check` prints on stderr.
    line: String,
    /// The lines `check` prints on stderr.
    check: Vec<String>,
}

/// A file refused before validation: every mode, `check` too, prints the same line.
fn refused(kind: &'static str, path: impl Into<PathBuf>, message: &str) -> Case {
    let path = path.into();
    let line = format!("shenzhen-dash: {}{message}", shown(&path));
    Case {
        kind,
        path,
        check: vec![line.clone()],
        line,
    }
}

/// A file that parses but does not validate: the first problem and how many more, or, for
/// `check`, every problem on its own line (without the program's name).
fn invalid(kind: &'static str, path: impl Into<PathBuf>, problems: &[&str]) -> Case {
    let path = path.into();
    let file = shown(&path);
    let more = match problems.len() {
        1 => String::new(),
        2 => " (and 1 more problem)".to_owned(),
        n => format!(" (and {} more problems)", n - 1),
    };
    Case {
        kind,
        line: format!("shenzhen-dash: {file}: {}{more}", problems[0]),
        check: problems
            .iter()
            .map(|p| format!("shenzhen-dash: {file}: {p}"))
            .collect(),
        path,
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(INVALID).join(name)
}

/// Every kind of bad input; files that need generating are made in `dir`.
#[allow(
    clippy::too_many_lines,
    reason = "a table: one entry per kind of bad input"
)]
fn bad_input(dir: &TempDir) -> Vec<Case> {
    let mut cases = vec![
        refused(
            "missing file",
            fixture("does_not_exist.json"),
            ": cannot read: no such file",
        ),
        refused(
            "a directory",
            INVALID,
            ": is a directory, not a dataset file",
        ),
        refused(
            "empty file",
            fixture("empty.json"),
            ":1:1: the file ends while parsing a value",
        ),
        refused(
            "invalid UTF-8",
            fixture("not_utf8.json"),
            ": is not UTF-8 text (invalid byte at offset 21)",
        ),
        refused("not JSON", fixture("not_json.json"), ":1:1: expected value"),
        refused(
            "truncated JSON",
            fixture("truncated.json"),
            ":11:38: the file ends while parsing an object",
        ),
        refused(
            "trailing content",
            fixture("trailing_content.json"),
            ":28:1: trailing characters",
        ),
        refused(
            "top level is an array",
            fixture("top_level_array.json"),
            ":1:1: expected a JSON object, found an array",
        ),
        refused(
            "top level is a number",
            write_file(dir, "top_level_number.json", "42"),
            ":1:2: invalid type: integer `42`, expected an object",
        ),
        refused(
            "missing required field",
            fixture("missing_field.json"),
            ":12:5: indicators[0]: missing field `unit`",
        ),
        refused(
            "wrong type",
            fixture("wrong_type.json"),
            ":10:37: indicators[0].points[0].value: expected a number, found a string",
        ),
        refused(
            "unknown field",
            fixture("unknown_field.json"),
            ":16:25: sources[0].titel: unknown field `titel`, expected one of `id`, `title`, \
             `publisher`, `date`, `url`, `kind`",
        ),
        invalid(
            "non-finite number",
            fixture("non_finite_value.json"),
            &["indicators[0].points[1].value: is not a finite number"],
        ),
        invalid(
            "absurd number",
            fixture("implausibly_large_value.json"),
            &["indicators[0].points[1].value: 1e16 is implausibly large (limit 1e15)"],
        ),
        invalid(
            "duplicate years",
            fixture("duplicate_year.json"),
            &["indicators[0].points[1].year: duplicate year 2015 (first at points[0])"],
        ),
        invalid(
            "year out of range",
            fixture("year_out_of_range.json"),
            &["indicators[0].points[1].year: year 2516 is outside 1800-2200"],
        ),
        invalid(
            "unknown indicator",
            fixture("unknown_indicator_in_series.json"),
            &["pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\""],
        ),
        invalid(
            "unknown source",
            fixture("unknown_source_in_point.json"),
            &["indicators[0].points[1].sources[0]: unknown source id \"S2\""],
        ),
        invalid(
            "page with nothing",
            fixture("page_without_charts_or_tiles.json"),
            &["pages[0]: page \"economy\" has no charts or tiles"],
        ),
        invalid(
            "several problems",
            fixture("several_problems.json"),
            &[
                "indicators[0].points[0].sources[0]: unknown source id \"S2\"",
                "indicators[0].points[1].year: duplicate year 2015 (first at points[0])",
                "pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\"",
            ],
        ),
        refused(
            "very deep nesting at the top",
            write_file(dir, "deep_top.json", "[".repeat(100_000)),
            ":1:1: expected a JSON object, found an array",
        ),
        refused(
            "very deep nesting in a value",
            write_file(
                dir,
                "deep_value.json",
                MINIMAL_TEXT.replacen(
                    "100.5",
                    &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
                    1,
                ),
            ),
            ":10:200033: indicators[0].points[0].value: expected a number, found an array",
        ),
        refused(
            "very deep nesting, unclosed",
            write_file(
                dir,
                "deep_unclosed.json",
                MINIMAL_TEXT.replacen("100.5", &"[".repeat(100_000), 1),
            ),
            ":10:100034: expected value",
        ),
        invalid(
            "ESC in a title",
            fixture("control_character_in_title.json"),
            &["title: contains a control character (U+001B)"],
        ),
        invalid(
            "BEL and CSI in a title",
            write_file(
                dir,
                "bel_csi.json",
                MINIMAL_TEXT.replacen("Minimal dataset", r"Minimal \u0007\u009b2J dataset", 1),
            ),
            &["title: contains a control character (U+0007)"],
        ),
        invalid(
            "raw C1 CSI in a title",
            write_file(
                dir,
                "raw_csi.json",
                MINIMAL_TEXT.replacen("Minimal dataset", "Minimal \u{9b}2J dataset", 1),
            ),
            &["title: contains a control character (U+009B)"],
        ),
        refused(
            "raw ESC and BEL in a title",
            write_file(
                dir,
                "raw_esc.json",
                MINIMAL_TEXT.replacen("Minimal dataset", "Minimal \u{1b}[2J\u{7} dataset", 1),
            ),
            ":3:21: control character (\\u0000-\\u001F) found while parsing a string",
        ),
        invalid(
            "control characters in ids",
            fixture("control_character_in_duplicate_id.json"),
            &[
                "sources[1].id: contains a control character (U+001B)",
                "sources[2].id: contains a control character (U+001B)",
                "sources[2].id: duplicate id \"S\u{FFFD}[2J\" (first at sources[1])",
            ],
        ),
        invalid(
            "bidirectional override",
            fixture("bidi_override_in_name.json"),
            &["indicators[0].name: contains a bidirectional override character (U+202E)"],
        ),
    ];

    let too_large = dir.path().join("too_large.json");
    let file = fs::File::create(&too_large).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: costs no disk
    drop(file);
    cases.push(refused(
        "file over 16 MiB",
        too_large,
        ": is larger than 16777216 bytes (16 MiB), the limit for a dataset",
    ));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;

        cases.push(refused(
            "endless device",
            "/dev/zero",
            ": is larger than 16777216 bytes (16 MiB), the limit for a dataset",
        ));
        cases.push(refused(
            "control characters in the file name",
            write_file(dir, "bad\u{1b}[31mname\u{7}\n.json", ""),
            ":1:1: the file ends while parsing a value",
        ));
        let unreadable = write_file(dir, "unreadable.json", MINIMAL_TEXT);
        fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&unreadable).is_ok() {
            eprintln!("unreadable file: skipped, this user (root?) can read a mode-000 file");
        } else {
            cases.push(refused(
                "unreadable file",
                unreadable,
                ": cannot read: permission denied",
            ));
        }
    }
    cases
}

/// What is wrong with `run`'s output for `case` in `mode`, if anything.
fn judge(case: &Case, mode: &[&str], run: &Run) -> Vec<String> {
    let mut wrong = Vec::new();
    if run.code != 1 {
        wrong.push(format!("exit code {}, expected 1", run.code));
    }
    if !run.stdout.is_empty() {
        let stdout = String::from_utf8_lossy(&run.stdout);
        wrong.push(format!(
            "stdout not empty: {:?}",
            &stdout[..stdout.len().min(200)]
        ));
    }
    let stderr = &run.stderr;
    for bad in ["panicked", "RUST_BACKTRACE"] {
        if stderr.contains(bad) {
            wrong.push(format!("stderr mentions {bad:?}"));
        }
    }
    if !stderr.ends_with('\n') {
        wrong.push("stderr does not end with a newline".to_owned());
    }
    let lines: Vec<&str> = stderr.split_terminator('\n').collect();
    let expected: Vec<&str> = if mode == ["check"] {
        case.check.iter().map(String::as_str).collect()
    } else {
        if lines.len() != 1 {
            wrong.push(format!("{} lines on stderr, expected 1", lines.len()));
        }
        vec![case.line.as_str()]
    };
    let file = shown(&case.path);
    for line in &lines {
        if let Some(c) = control_besides_newline(line) {
            wrong.push(format!(
                "control character U+{:04X} on stderr",
                u32::from(c)
            ));
        }
        if !line.contains(&file) {
            wrong.push(format!("a line does not name {file:?}: {line:?}"));
        }
    }
    if lines != expected {
        wrong.push(format!(
            "stderr:\n      expected: {expected:?}\n      actual:   {lines:?}"
        ));
    }
    wrong
}

#[test]
fn bad_input_is_refused_in_one_clean_line_in_every_mode() {
    let dir = tempfile::Builder::new()
        .prefix("shenzhen-dash-cli-")
        .tempdir()
        .unwrap();
    let cases = bad_input(&dir);
    // Each case in its own thread: about 130 runs, in parallel.
    let reports: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .map(|case| {
                scope.spawn(move || {
                    let mut report = String::new();
                    for mode in MODES {
                        let mut args: Vec<OsString> = mode.iter().map(OsString::from).collect();
                        args.push(case.path.clone().into_os_string());
                        let run = run(&args);
                        for wrong in judge(case, mode, &run) {
                            let _ = writeln!(report, "{} [{}]: {wrong}", case.kind, mode.join(" "));
                        }
                    }
                    report
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let failures: String = reports.concat();
    assert!(failures.is_empty(), "\n{failures}");
}
