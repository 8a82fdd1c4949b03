//! The command line, end to end: the real `shenzhen-dash` binary with piped stdio, never a
//! terminal.
//!
//! - `snapshot`: the default frame is 100×30 plain text; `--tab all` gives every tab under its
//!   header; ANSI, HTML and SVG are well formed; themes, `NO_COLOR`, `--ascii`; every format is
//!   deterministic; `--tab` takes an id, a title (any case) or a number; the text is exactly
//!   what the library draws.
//! - `export`: CSV and JSON describe the same points, values with their published precision.
//! - `check`: a summary and exit 0, or every problem on stderr and exit 1.
//! - Bad input (the table in `bad_input`): every kind of bad dataset file, in every mode that
//!   loads one, gives exit 1, nothing on stdout and one clean line on stderr that names the
//!   file (`check`: one line per problem). A reader that stops early is not an error; a full
//!   disk is, in one line.
//! - Usage errors exit 2 and list the valid choices; the interactive mode refuses to run
//!   without a terminal; `--help` of every command (insta snapshots).
//! - Known bugs have `#[ignore]`d tests that state the behaviour wanted; run them with
//!   `cargo test --test it cli:: -- --ignored`.
//!
//! Paths are relative: cargo runs integration tests from the crate root, and the binary
//! inherits it. Temporary files go to a fresh `tempfile` directory, removed when the test
//! ends. The binary runs under `assert_cmd` with a deadline, so a mode that wrongly waits for a
//! terminal fails instead of hanging; a terminal emulator (`vt100`) shows what ANSI output
//! draws.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a test failure, with its message"
)]

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::thread;

use assert_cmd::cargo::cargo_bin;
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use shenzhen_dash::app::App;
use shenzhen_dash::data::{Dataset, MAX_FILE_BYTES};
use shenzhen_dash::headless::{render, to_text};
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

use crate::support::{TIMEOUT, dashboard, emulate};

const INVALID: &str = "tests/fixtures/invalid";
const MINIMAL: &str = "tests/fixtures/valid/minimal.json";
const MINIMAL_TEXT: &str = include_str!("../fixtures/valid/minimal.json");
const CHINA: &str = "assets/examples/china.json";
/// Points in the embedded asset (README: "224 points for 29 indicators").
const EMBEDDED_POINTS: usize = 224;
/// The tab headers of `snapshot --tab all` for the embedded asset.
const TAB_HEADERS: [&str; 6] = [
    "== 1 overview: Overview ==",
    "== 2 gdp: GDP ==",
    "== 3 rd: R&D ==",
    "== 4 trade: Trade ==",
    "== 5 people: People & firms ==",
    "== 6 innovation: Innovation ==",
];
const FORMATS: [&str; 4] = ["text", "ansi", "html", "svg"];

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// Exit 0, nothing on stderr; the output as text.
    fn ok(&self) -> &str {
        assert_eq!((self.code, self.stderr.as_str()), (0, ""), "{self:?}");
        self.stdout()
    }
}

/// Runs `command` to its end; fails if it is still running after `TIMEOUT` (`assert_cmd` then
/// kills it) or was killed.
fn finish(mut command: assert_cmd::Command) -> Run {
    let started = std::time::Instant::now();
    let output = command.output().expect("the binary starts");
    assert!(
        started.elapsed() < TIMEOUT,
        "{command:?} did not finish within {TIMEOUT:?}"
    );
    Run {
        code: output
            .status
            .code()
            .unwrap_or_else(|| panic!("{command:?} was killed by a signal: {}", output.status)),
        stdout: output.stdout,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    finish(dashboard(args))
}

fn run_env<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &str)]) -> Run {
    let mut command = dashboard(args);
    command.envs(env.iter().copied());
    finish(command)
}

/// Writes `contents` to the file `name` in `dir`.
fn write_file(dir: &TempDir, name: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, contents).unwrap();
    path
}

// ---------------------------------------------------------------------------------------------
// Reading the output
// ---------------------------------------------------------------------------------------------

/// A path as the binary names it in a message: control characters replaced by U+FFFD.
fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// The first control character in `text` other than a newline, if any.
fn control_besides_newline(text: &str) -> Option<char> {
    text.chars().find(|&c| c.is_control() && c != '\n')
}

/// The parameter lists of the escape sequences in `text`, after checking that every one is SGR
/// (`ESC [ digits and semicolons m`): a snapshot sets colours and attributes, nothing else.
fn sgr_params(text: &str) -> Vec<&str> {
    let mut pieces = text.split('\x1b');
    assert!(pieces.next().is_some());
    pieces
        .map(|piece| {
            piece
                .strip_prefix('[')
                .and_then(|body| body.split_once('m'))
                .map(|(params, _)| params)
                .filter(|params| params.chars().all(|c| c.is_ascii_digit() || c == ';'))
                .unwrap_or_else(|| panic!("not an SGR sequence: ESC {piece:.20?}"))
        })
        .collect()
}

/// Whether an SGR parameter list sets a colour (16, 256 or 24-bit, foreground or background).
fn sets_colour(params: &str) -> bool {
    params
        .split(';')
        .filter_map(|p| p.parse::<u16>().ok())
        .any(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
}

/// What a terminal shows for `ansi`, a frame of `width` columns: each row's text without the
/// blanks at its end, and every cell.
fn terminal(ansi: &str, width: u16) -> (String, Vec<vt100::Cell>) {
    let rows = u16::try_from(ansi.lines().count()).unwrap();
    let parser = emulate(ansi, rows, width);
    let screen = parser.screen();
    let text = screen.rows(0, width).fold(String::new(), |mut text, row| {
        let _ = writeln!(text, "{}", row.trim_end());
        text
    });
    let cells = (0..rows)
        .flat_map(|y| (0..width).filter_map(move |x| screen.cell(y, x).cloned()))
        .collect();
    (text, cells)
}

/// Whether a cell shows a colour of its own, ink or background.
fn coloured(cell: &vt100::Cell) -> bool {
    cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
}

/// `text` split at the `--tab all` headers: each header with the frame after it.
fn sections(text: &str) -> Vec<(&str, String)> {
    let mut sections: Vec<(&str, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("== ") && line.ends_with(" ==\n") {
            sections.push((line.trim_end_matches('\n'), String::new()));
        } else {
            let (_, frame) = sections.last_mut().expect("output starts with a header");
            frame.push_str(line);
        }
    }
    sections
}

/// The text frame the library draws for `tab` of the embedded asset at `width`×`height`.
fn library_frame(tab: usize, width: u16, height: u16) -> String {
    let app = App::new(Dataset::embedded().unwrap()).with_tab(tab);
    to_text(&render(&app, width, height))
}

/// Every `&` in markup starts an entity.
fn entities_are_escaped(markup: &str) -> Result<(), String> {
    for (at, _) in markup.match_indices('&') {
        let rest = &markup[at..];
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"];
        if !known.iter().any(|e| rest.starts_with(e)) {
            return Err(format!(
                "raw '&' at byte {at}: {:?}",
                &rest[..rest.len().min(20)]
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// snapshot
// ---------------------------------------------------------------------------------------------

#[test]
fn snapshot_by_default_is_the_first_tab_as_100x30_plain_text() {
    let run = run(&["snapshot"]);
    let text = run.ok();
    assert!(!run.stdout.contains(&0x1b), "ESC in text output");
    assert_eq!(control_besides_newline(text), None, "{text}");
    assert!(text.ends_with('\n'), "{text:?}");
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    assert_eq!(lines.len(), 30, "{text}");
    let widest = lines.iter().map(|l| l.width()).max().unwrap();
    assert_eq!(
        widest, 100,
        "the frame fills 100 columns and no more:\n{text}"
    );
    assert_eq!(
        lines[0],
        " 1 Overview │ 2 GDP │ 3 R&D │ 4 Trade │ 5 People & firms │ 6 Innovation"
    );
    assert_eq!(text, library_frame(0, 100, 30));
}

#[test]
fn snapshot_size_sets_the_frame() {
    for (size, width, height) in [
        ("80x24", 80, 24),
        ("120X40", 120, 40),
        ("60×20", 60, 20),
        ("1000x500", 1000, 500),
        ("1x1", 1, 1),
    ] {
        let run = run(&["snapshot", "--tab", "rd", "--size", size]);
        let text = run.ok();
        let lines: Vec<&str> = text.split_terminator('\n').collect();
        assert_eq!(lines.len(), usize::from(height), "{size}");
        let widest = lines.iter().map(|l| l.width()).max().unwrap();
        assert!(widest <= usize::from(width), "{size}: {widest} columns");
        assert_eq!(text, library_frame(2, width, height), "{size}");
    }
}

#[test]
fn snapshot_tab_all_gives_every_tab_under_a_header() {
    let run = run(&["snapshot", "--tab", "all"]);
    let text = run.ok();
    assert_eq!(text.lines().count(), 6 * 31);
    let sections = sections(text);
    let headers: Vec<&str> = sections.iter().map(|(h, _)| *h).collect();
    assert_eq!(headers, TAB_HEADERS);
    for (tab, (header, frame)) in sections.iter().enumerate() {
        assert_eq!(frame.lines().count(), 30, "{header}");
        assert_eq!(*frame, library_frame(tab, 100, 30), "{header}");
    }
    // Any case, and the same bytes.
    assert_eq!(self::run(&["snapshot", "--tab", "ALL"]).ok(), text);
}

#[test]
fn snapshot_tab_takes_an_id_a_title_in_any_case_or_a_number() {
    let all = run(&["snapshot", "--tab", "all"]);
    let frames: Vec<String> = sections(all.ok()).into_iter().map(|(_, f)| f).collect();
    assert_ne!(
        frames[0], frames[2],
        "tabs must differ for this test to mean anything"
    );
    for (name, tab) in [
        ("rd", 2),
        ("RD", 2),
        ("R&D", 2),
        (" rd ", 2),
        ("3", 2),
        ("people & firms", 4),
        ("PEOPLE & FIRMS", 4),
        ("5", 4),
        ("1", 0),
        ("overview", 0),
        ("innovation", 5),
        ("6", 5),
    ] {
        let run = run(&["snapshot", "--tab", name]);
        assert!(
            run.ok() == frames[tab],
            "--tab {name:?} should show tab {}; got:\n{}",
            tab + 1,
            run.stdout()
        );
    }
}

#[test]
fn snapshot_ansi_is_the_text_with_sgr_sequences_only() {
    let ansi = run(&["snapshot", "--format", "ansi"]);
    let ansi = ansi.ok();
    assert!(ansi.contains("\x1b["), "{ansi:?}");
    let sequences = sgr_params(ansi);
    assert!(
        sequences.iter().any(|p| sets_colour(p)),
        "the dark theme has colour"
    );
    // As a terminal shows it (without the blanks at the ends of rows), the ANSI frame is the
    // text frame, in colour.
    let (plain, cells) = terminal(ansi, 100);
    assert!(cells.iter().any(coloured), "the dark theme shows colour");
    assert_eq!(plain, run(&["snapshot"]).ok());
    assert_eq!(control_besides_newline(&plain), None);
}

#[test]
fn snapshot_html_is_one_document() {
    let run = run(&["snapshot", "--format", "html", "--tab", "rd"]);
    let html = run.ok();
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    assert!(html.ends_with("</html>\n"), "{html}");
    assert_eq!(html.matches("<!DOCTYPE").count(), 1);
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.contains("<pre"), "{html}");
    assert!(
        html.contains("<title>Shenzhen economy · R&amp;D (100×30)</title>"),
        "{html}"
    );
    assert_eq!(control_besides_newline(html), None);
    entities_are_escaped(html).unwrap();
}

#[test]
fn snapshot_svg_is_one_image() {
    let run = run(&["snapshot", "--format", "svg", "--tab", "rd"]);
    let svg = run.ok();
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.ends_with("</svg>\n"), "{svg}");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(
        svg.contains("<title>Shenzhen economy · R&amp;D (100×30)</title>"),
        "{svg}"
    );
    assert_eq!(control_besides_newline(svg), None);
    entities_are_escaped(svg).unwrap();
}

#[test]
fn snapshot_light_theme_is_on_white() {
    let html = run(&["snapshot", "--format", "html", "--theme", "light"]);
    assert!(
        html.ok().contains("color:#080808;background:#ffffff;"),
        "{}",
        html.stdout()
    );
    let dark = run(&["snapshot", "--format", "html"]);
    assert!(!dark.ok().contains("background:#ffffff;"), "dark is dark");
    let svg = run(&["snapshot", "--format", "svg", "--theme", "light"]);
    assert!(
        svg.ok()
            .contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"),
        "{}",
        svg.stdout()
    );
}

#[test]
fn no_color_removes_colour_but_keeps_bold_and_reverse() {
    for theme in ["dark", "light", "mono"] {
        let run = run_env(
            &[
                "snapshot", "--format", "ansi", "--tab", "all", "--theme", theme,
            ],
            &[("NO_COLOR", "1")],
        );
        let ansi = run.ok();
        assert!(!ansi.contains("38;5") && !ansi.contains("48;5"), "{theme}");
        let sequences = sgr_params(ansi);
        let colours: Vec<_> = sequences.iter().filter(|p| sets_colour(p)).collect();
        assert!(colours.is_empty(), "{theme}: {colours:?}");
        assert!(ansi.contains(";1"), "{theme}: bold is kept");
        assert!(ansi.contains(";7"), "{theme}: reverse is kept");
        assert!(
            sequences.iter().any(|p| p.split(';').any(|p| p == "1")),
            "{theme}"
        );
        assert!(
            sequences.iter().any(|p| p.split(';').any(|p| p == "7")),
            "{theme}"
        );
        // And as a terminal shows it: no cell in colour, some bold, some reversed.
        let (_, cells) = terminal(ansi, 100);
        assert!(!cells.iter().any(coloured), "{theme}: a cell in colour");
        assert!(cells.iter().any(vt100::Cell::bold), "{theme}: no bold cell");
        assert!(
            cells.iter().any(vt100::Cell::inverse),
            "{theme}: no reversed cell"
        );
    }
}

#[test]
fn an_empty_no_color_keeps_colour() {
    // no-color.org: only a non-empty NO_COLOR removes colour.
    let run = run_env(&["snapshot", "--format", "ansi"], &[("NO_COLOR", "")]);
    assert!(sgr_params(run.ok()).iter().any(|p| sets_colour(p)));
    let (_, cells) = terminal(run.ok(), 100);
    assert!(cells.iter().any(coloured));
}

#[test]
fn the_mono_theme_has_no_colour() {
    let run = run(&[
        "snapshot", "--format", "ansi", "--tab", "all", "--theme", "mono",
    ]);
    let colours: Vec<_> = sgr_params(run.ok())
        .into_iter()
        .filter(|p| sets_colour(p))
        .collect();
    assert!(colours.is_empty(), "{colours:?}");
    let (_, cells) = terminal(run.ok(), 100);
    assert!(!cells.iter().any(coloured), "a cell in colour");
}

#[test]
fn snapshots_do_not_depend_on_the_terminal_they_are_made_in() {
    let plain = run(&["snapshot", "--format", "ansi", "--tab", "all"]);
    for colorterm in ["truecolor", "24bit"] {
        let truecolor = run_env(
            &["snapshot", "--format", "ansi", "--tab", "all"],
            &[("COLORTERM", colorterm)],
        );
        assert!(truecolor.ok() == plain.ok(), "COLORTERM={colorterm}");
    }
}

#[test]
fn ascii_snapshots_have_no_braille_or_block_elements() {
    for format in ["text", "ansi"] {
        let run = run(&["snapshot", "--ascii", "--tab", "all", "--format", format]);
        let text = run.ok();
        let bad: Vec<String> = text
            .chars()
            .filter(|c| matches!(c, '\u{2800}'..='\u{28FF}' | '\u{2580}'..='\u{259F}'))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(bad.is_empty(), "{format}: {bad:?}");
    }
    // Without --ascii the same tabs do use them, so the check above can fail.
    let fancy = run(&["snapshot", "--tab", "all"]);
    let fancy = fancy.ok();
    assert!(fancy.contains(|c| matches!(c, '\u{2800}'..='\u{28FF}')));
    assert!(fancy.contains(|c| matches!(c, '\u{2580}'..='\u{259F}')));
}

#[test]
fn ascii_snapshots_have_no_box_drawing() {
    let run = run(&["snapshot", "--ascii", "--tab", "all"]);
    let bad: Vec<(usize, &str)> = run
        .ok()
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(|c| matches!(c, '\u{2500}'..='\u{257F}')))
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_same_snapshot_twice_gives_the_same_bytes() {
    for format in FORMATS {
        for theme in ["dark", "light"] {
            let args = [
                "snapshot", "--tab", "all", "--format", format, "--theme", theme,
            ];
            let first = run(&args);
            let second = run(&args);
            assert_eq!(first.code, 0, "{format} {theme}: {first:?}");
            assert!(first.stdout == second.stdout, "{format} {theme} differs");
        }
    }
}

#[test]
fn snapshot_of_another_dataset() {
    let run = run(&["snapshot", "--data", MINIMAL, "--tab", "all"]);
    let text = run.ok();
    let sections = sections(text);
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0].0, "== 1 economy: Economy ==");
    assert_eq!(sections[0].1.lines().count(), 30);
    assert!(sections[0].1.starts_with(" 1 Economy\n"), "{text}");
    if Path::new(CHINA).exists() {
        let run = self::run(&["snapshot", "--data", CHINA, "--tab", "all"]);
        assert!(run.ok().starts_with("== 1 "), "{}", run.stdout());
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Megabytes of SVG: the pipe closes long before the binary has written them.
    // Spawned, not run to its end as `assert_cmd` does, so that the test can close the pipe.
    let mut child = std::process::Command::new(cargo_bin!("shenzhen-dash"))
        .args([
            "snapshot", "--tab", "all", "--size", "1000x500", "--format", "svg",
        ])
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0; 7];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert_eq!(&head, b"<svg xm");
    let output = child.wait_with_output().unwrap(); // stdout dropped: the pipe is closed
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!((output.status.code(), stderr.as_ref()), (Some(0), ""));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_in_one_line() {
    for args in [
        &["snapshot"][..],
        &["snapshot", "--format", "html"],
        &["export"],
        &["export", "--format", "json"],
        &["check", MINIMAL],
    ] {
        // `assert_cmd` pipes stdout; the shell points the binary's at /dev/full instead.
        let mut command = assert_cmd::Command::new("sh");
        command
            .args(["-c", r#"exec "$0" "$@" >/dev/full"#])
            .arg(cargo_bin!("shenzhen-dash"))
            .args(args)
            .write_stdin("")
            .timeout(TIMEOUT);
        let run = finish(command);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (
                1,
                "shenzhen-dash: cannot write the output: No space left on device (os error 28)\n"
            ),
            "{args:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------------------------

const CSV_HEADER: &str = "indicator,year,value,unit,confidence,flags,sources";

/// One object of `export --format json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRow {
    indicator: String,
    year: i32,
    value: Box<RawValue>,
    unit: String,
    confidence: String,
    flags: Vec<String>,
    sources: Vec<String>,
}

/// The keys of a JSON object, in the order written.
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

fn embedded_points() -> usize {
    let data = Dataset::embedded().unwrap();
    data.indicators.iter().map(|i| i.points.len()).sum()
}

#[test]
fn export_csv_has_the_header_and_every_point_as_published() {
    let run = run(&["export"]);
    let csv = run.ok();
    let lines: Vec<&str> = csv.split_terminator('\n').collect();
    assert_eq!(lines[0], CSV_HEADER);
    for row in [
        "rd_intensity,2021,5.49,% of GDP,high,,S27",
        "rd_intensity,2020,5.46,% of GDP,high,derived,S27;S28;G9",
        "gdp,2014,1600.20,bn CNY,medium,,G3",
    ] {
        assert!(lines.contains(&row), "missing row {row:?}");
    }
    assert_eq!(embedded_points(), EMBEDDED_POINTS);
    assert_eq!(lines.len() - 1, EMBEDDED_POINTS);
    assert!(!csv.contains('\r'), "LF line endings");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        CSV_HEADER.split(',').collect::<Vec<_>>()
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), EMBEDDED_POINTS);
    assert!(records.iter().all(|r| r.len() == 7));
}

#[test]
fn export_json_describes_the_same_points_as_csv() {
    let json = run(&["export", "--format", "json"]);
    let json = json.ok();
    assert!(json.ends_with("]\n"), "{json}");
    // Every object has exactly the CSV's keys, in its order.
    let keys: Vec<Keys> = serde_json::from_str(json).unwrap();
    assert_eq!(keys.len(), EMBEDDED_POINTS);
    for Keys(keys) in &keys {
        assert_eq!(keys.join(","), CSV_HEADER);
    }
    let rows: Vec<JsonRow> = serde_json::from_str(json).unwrap();
    let csv = run(&["export", "--format", "csv"]);
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.ok().as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), records.len());
    for (row, record) in rows.iter().zip(&records) {
        let from_json = [
            row.indicator.clone(),
            row.year.to_string(),
            // The literal as written: 1600.20 stays 1600.20.
            row.value.get().to_owned(),
            row.unit.clone(),
            row.confidence.clone(),
            row.flags.join(";"),
            row.sources.join(";"),
        ];
        let from_csv: Vec<&str> = record.iter().collect();
        assert_eq!(from_json.as_slice(), from_csv.as_slice());
        let number: f64 = serde_json::from_str(row.value.get()).unwrap();
        assert_eq!(number, record[2].parse::<f64>().unwrap());
    }
    let gdp_2014 = rows
        .iter()
        .find(|r| r.indicator == "gdp" && r.year == 2014)
        .unwrap();
    assert_eq!(gdp_2014.value.get(), "1600.20");
}

#[test]
fn export_of_another_dataset() {
    let csv = run(&["export", "--data", MINIMAL]);
    assert_eq!(
        csv.ok(),
        "indicator,year,value,unit,confidence,flags,sources\n\
         gdp,2015,100.5,bn CNY,high,,S1\n\
         gdp,2016,110.25,bn CNY,medium,,S1\n"
    );
    let json = run(&["export", "--data", MINIMAL, "--format", "json"]);
    let rows: Vec<JsonRow> = serde_json::from_str(json.ok()).unwrap();
    let values: Vec<&str> = rows.iter().map(|r| r.value.get()).collect();
    assert_eq!(values, ["100.5", "110.25"]);
}

// ---------------------------------------------------------------------------------------------
// check
// ---------------------------------------------------------------------------------------------

#[test]
fn check_summarises_a_valid_file() {
    let run = run(&["check", "assets/shenzhen.json"]);
    let out = run.ok();
    assert!(
        out.starts_with("assets/shenzhen.json: ok — Shenzhen, "),
        "{out}"
    );
    assert!(
        out.contains(&format!(" {EMBEDDED_POINTS} points, ")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.ends_with('\n'));

    let minimal = self::run(&["check", MINIMAL]);
    assert_eq!(
        minimal.ok(),
        "tests/fixtures/valid/minimal.json: ok — Testville, 1 indicator, 2 points, 2015–2016, 1 page, 1 source\n"
    );
}

#[test]
fn check_passes_the_china_example_if_present() {
    if !Path::new(CHINA).exists() {
        eprintln!("{CHINA} does not exist yet: not checked");
        return;
    }
    let run = run(&["check", CHINA]);
    let out = run.ok();
    assert!(
        out.starts_with("assets/examples/china.json: ok — "),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn check_lists_every_problem_on_stderr() {
    let file = format!("{INVALID}/several_problems.json");
    let run = run(&["check", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "shenzhen-dash: {file}: indicators[0].points[0].sources[0]: unknown source id \"S2\"\n\
             shenzhen-dash: {file}: indicators[0].points[1].year: duplicate year 2015 (first at points[0])\n\
             shenzhen-dash: {file}: pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\"\n"
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input, in every mode that loads data
// ---------------------------------------------------------------------------------------------

/// The modes that load a dataset; the file's path is appended.
const MODES: [&[&str]; 4] = [
    &["--data"],
    &["snapshot", "--data"],
    &["export", "--data"],
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

// ---------------------------------------------------------------------------------------------
// Usage errors (exit 2)
// ---------------------------------------------------------------------------------------------

/// `--tab` names nothing: the message lists the pages' ids.
fn unknown_tab(name: &str, ids: &str, count: usize) -> String {
    format!(
        "shenzhen-dash: unknown tab \"{name}\": choose one of {ids} or a number from 1 to {count}\n"
    )
}

/// clap's message for a bad value, with the possible values.
fn invalid_value(value: &str, arg: &str, possible: &str) -> String {
    format!(
        "error: invalid value '{value}' for '{arg}'\n  [possible values: {possible}]\n\n\
         For more information, try '--help'.\n"
    )
}

/// clap's message for a bad `--size`, with why.
fn invalid_size(value: &str, why: &str) -> String {
    format!(
        "error: invalid value '{value}' for '--size <WxH>': {why}\n\n\
         For more information, try '--help'.\n"
    )
}

#[test]
#[allow(clippy::too_many_lines)] // One table of every usage error reads best whole.
fn usage_errors_exit_2_and_list_the_choices() {
    const IDS: &str = "overview, gdp, rd, trade, people, innovation";
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["--tab", "nope"], unknown_tab("nope", IDS, 6)),
        (
            vec!["snapshot", "--tab", "nope"],
            unknown_tab("nope", &format!("{IDS}, all"), 6),
        ),
        (vec!["--tab", "0"], unknown_tab("0", IDS, 6)),
        (
            vec!["snapshot", "--tab", "7"],
            unknown_tab("7", &format!("{IDS}, all"), 6),
        ),
        (
            vec!["snapshot", "--data", MINIMAL, "--tab", "gdp"],
            unknown_tab("gdp", "economy, all", 1),
        ),
        (
            vec!["--theme", "neon"],
            invalid_value("neon", "--theme <THEME>", "dark, light, mono"),
        ),
        (
            vec!["snapshot", "--theme", "neon"],
            invalid_value("neon", "--theme <THEME>", "dark, light, mono"),
        ),
        (
            vec!["snapshot", "--format", "pdf"],
            invalid_value("pdf", "--format <FORMAT>", "text, ansi, html, svg"),
        ),
        (
            vec!["export", "--format", "xml"],
            invalid_value("xml", "--format <FORMAT>", "csv, json"),
        ),
        (
            vec!["snapshot", "--size", "0x30"],
            invalid_size(
                "0x30",
                "width must be a whole number from 1 to 1000, got \"0\"",
            ),
        ),
        (
            vec!["snapshot", "--size=-5x30"],
            invalid_size(
                "-5x30",
                "width must be a whole number from 1 to 1000, got \"-5\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "100x0"],
            invalid_size(
                "100x0",
                "height must be a whole number from 1 to 500, got \"0\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "99999x30"],
            invalid_size(
                "99999x30",
                "width must be a whole number from 1 to 1000, got \"99999\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "1001x30"],
            invalid_size(
                "1001x30",
                "width must be a whole number from 1 to 1000, got \"1001\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "100x501"],
            invalid_size(
                "100x501",
                "height must be a whole number from 1 to 500, got \"501\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "abc"],
            invalid_size("abc", "expected WIDTHxHEIGHT such as 100x30, got \"abc\""),
        ),
        (
            vec!["snapshot", "--size", "100"],
            invalid_size("100", "expected WIDTHxHEIGHT such as 100x30, got \"100\""),
        ),
        (
            vec!["--autoplay", "0"],
            "error: invalid value '0' for '--autoplay <SECONDS>': 0 is not in 1..=86400\n\n\
             For more information, try '--help'.\n"
                .to_owned(),
        ),
    ];
    let mut failures = Vec::new();
    for (args, expected) in &cases {
        let run = run(args);
        if (run.code, run.stdout.is_empty(), &run.stderr) != (2, true, expected) {
            failures.push(format!(
                "{args:?}:\n  expected: exit 2, no stdout, stderr {expected:?}\n  actual:   exit {}, stdout {:?}, stderr {:?}",
                run.code,
                String::from_utf8_lossy(&run.stdout),
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_negative_size_says_what_a_size_is() {
    let run = run(&["snapshot", "--size", "-5x30"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            invalid_size(
                "-5x30",
                "width must be a whole number from 1 to 1000, got \"-5\""
            )
            .as_str()
        )
    );
}

#[test]
fn the_interactive_mode_needs_a_terminal() {
    let expected = "shenzhen-dash: stdout is not a terminal; to render without one, use \
                    `shenzhen-dash snapshot`\n";
    for args in [
        vec![],
        vec![
            "--tab",
            "rd",
            "--theme",
            "light",
            "--ascii",
            "--autoplay",
            "5",
        ],
        vec!["--data", MINIMAL],
    ] {
        let run = run(&args);
        assert_eq!(
            (run.code, run.stdout(), run.stderr.as_str()),
            (2, "", expected),
            "{args:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Help and version
// ---------------------------------------------------------------------------------------------

#[test]
fn help_of_every_command() {
    for (name, args) in [
        ("help", &["--help"][..]),
        ("help_snapshot", &["snapshot", "--help"]),
        ("help_export", &["export", "--help"]),
        ("help_check", &["check", "--help"]),
    ] {
        let run = run(args);
        insta::assert_snapshot!(name, run.ok());
    }
}

#[test]
fn version() {
    let run = run(&["--version"]);
    assert_eq!(
        run.ok(),
        format!("shenzhen-dash {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_tab_in_html_or_svg_is_one_document() {
    let html = run(&["snapshot", "--tab", "all", "--format", "html"]);
    let html = html.ok();
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("<pre").count(), 6);
    assert!(html.contains("== 3 rd: R&amp;D =="), "{html}");
    let svg = run(&["snapshot", "--tab", "all", "--format", "svg"]);
    let svg = svg.ok();
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.contains("== 6 innovation: Innovation =="));
    assert!(svg.contains("<title>Shenzhen economy · all tabs (100×30)</title>"));
}
