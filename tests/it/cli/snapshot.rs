//! `snapshot`: frames as text, ANSI, HTML and SVG; tabs, sizes, themes, `NO_COLOR`, `--ascii`.

use std::fmt::Write as _;
use std::path::Path;

use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::{render, to_text};
use unicode_width::UnicodeWidthStr;

use super::{CHINA, MINIMAL, MINIMAL_TEXT, control_besides_newline, run, run_env};
use crate::support::emulate;

/// The tab headers of `snapshot --tab all` for the embedded asset.
const TAB_HEADERS: [&str; 7] = [
    "== 1 overview: Overview ==",
    "== 2 gdp: GDP ==",
    "== 3 rd: R&D ==",
    "== 4 trade: Trade ==",
    "== 5 people: People & firms ==",
    "== 6 innovation: Innovation ==",
    "== 7 peers: Peers ==",
];
const FORMATS: [&str; 4] = ["text", "ansi", "html", "svg"];

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
        " 1 Overview │ 2 GDP │ 3 R&D │ 4 Trade │ 5 People & firms │ 6 Innovation │ 7 Peers"
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
    assert_eq!(text.lines().count(), 7 * 31);
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
fn every_tab_in_html_or_svg_is_one_document() {
    let html = run(&["snapshot", "--tab", "all", "--format", "html"]);
    let html = html.ok();
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("<pre").count(), 7);
    assert!(html.contains("== 3 rd: R&amp;D =="), "{html}");
    let svg = run(&["snapshot", "--tab", "all", "--format", "svg"]);
    let svg = svg.ok();
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.contains("== 6 innovation: Innovation =="));
    assert!(svg.contains("<title>Shenzhen economy · all tabs (100×30)</title>"));
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let pixmap = tiny_skia::Pixmap::decode_png(bytes).unwrap();
    (pixmap.width(), pixmap.height())
}

#[test]
fn snapshot_png_is_the_frame_at_twice_its_size_unless_scaled() {
    let png = run(&[
        "snapshot", "--format", "png", "--tab", "rd", "--size", "40x12",
    ]);
    assert_eq!((png.code, png.stderr.as_str()), (0, ""));
    // A cell is 10×20 units, at 2 pixels a unit unless told.
    assert_eq!(png_size(&png.stdout), (800, 480));
    for (scale, size) in [("1", (400, 240)), ("3", (1200, 720)), ("8", (3200, 1920))] {
        let args = [
            "snapshot", "--format", "png", "--tab", "rd", "--size", "40x12", "--scale", scale,
        ];
        let scaled = run(&args);
        assert_eq!((scaled.code, scaled.stderr.as_str()), (0, ""), "{scale}");
        assert_eq!(png_size(&scaled.stdout), size, "--scale {scale}");
    }
    // Every tab, one under the other, each under its heading row.
    let all = run(&[
        "snapshot", "--format", "png", "--tab", "all", "--size", "40x12",
    ]);
    assert_eq!(png_size(&all.stdout), (800, 7 * 13 * 40));
    // The same input, the same bytes.
    let again = run(&[
        "snapshot", "--format", "png", "--tab", "rd", "--size", "40x12",
    ]);
    assert!(again.stdout == png.stdout);
}

#[test]
fn snapshot_output_writes_the_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["png", "svg", "text"] {
        let path = dir.path().join(format!("frame.{format}"));
        let args = ["snapshot", "--tab", "rd", "--format", format];
        let written = run(&[&args[..], &["--output", path.to_str().unwrap()]].concat());
        assert_eq!(
            (written.code, written.stderr.as_str(), written.stdout.len()),
            (0, "", 0),
            "{format}"
        );
        assert!(
            std::fs::read(&path).unwrap() == run(&args).stdout,
            "{format}"
        );
    }
    // A file that cannot be written: one line that names it, exit 1.
    let run = run(&[
        "snapshot",
        "--format",
        "png",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!(
            "shenzhen-dash: {}: cannot write: ",
            dir.path().display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn snapshot_png_refuses_what_it_cannot_do_in_one_line() {
    for (args, message) in [
        (
            &["snapshot", "--format", "svg", "--scale", "2"][..],
            "shenzhen-dash: --scale sets a PNG's pixels: use it with --format png\n",
        ),
        (
            &["snapshot", "--format", "png", "--size", "1000x500"][..],
            "shenzhen-dash: a PNG of 20000×20000 pixels is too large (at most 50000000 pixels): \
             choose a smaller --size or --scale\n",
        ),
    ] {
        let run = run(args);
        assert_eq!((run.code, run.stderr.as_str()), (2, message), "{args:?}");
        assert!(run.stdout.is_empty());
    }
    for scale in ["0", "9", "x"] {
        let run = run(&["snapshot", "--format", "png", "--scale", scale]);
        assert_eq!(run.code, 2, "--scale {scale}");
    }
}

#[test]
fn snapshot_png_names_each_character_the_bundled_font_lacks_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("shenzhen.json");
    let text = MINIMAL_TEXT
        .replace("\"title\": \"Economy\"", "\"title\": \"深圳 Economy\"")
        .replace("\"title\": \"GDP\"", "\"title\": \"GDP 深圳\"");
    std::fs::write(&data, text).unwrap();
    let run = run(&[
        "snapshot",
        "--format",
        "png",
        "--data",
        data.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "shenzhen-dash: the bundled font has no '深' (U+6DF1): it is drawn as an empty box\n\
         shenzhen-dash: the bundled font has no '圳' (U+5733): it is drawn as an empty box\n"
    );
    png_size(&run.stdout);
}
