//! Every way a talk file can be wrong, and the exact one-line message each gives. Each file in
//! `tests/fixtures/talk/invalid/` is `tests/fixtures/talk/valid.toml` cut down, with one defect
//! (or a file that is not a talk at all). Messages are compared in full: rewording one is a
//! deliberate change made here too.

use std::path::Path;

use shenzhen_dash::data::{Dataset, MAX_FILE_BYTES};
use shenzhen_dash::derive::View;
use shenzhen_dash::error::LoadError;
use shenzhen_dash::talk::{Screen, Talk};

use super::VALID;

const INVALID: &str = "tests/fixtures/talk/invalid";

/// Each fixture in `INVALID` and the whole message it gives (after `INVALID/`).
const CASES: &[(&str, &str)] = &[
    // Against the dataset.
    (
        "unknown_tab.toml",
        "4:7: beat 1, tab: unknown tab \"gpd\"; the tabs are overview, gdp, rd, trade, people, innovation, peers",
    ),
    (
        "unknown_chart_number.toml",
        "5:9: beat 1, chart: tab \"gdp\" has no chart 4, only 1–3",
    ),
    (
        "unknown_chart_title.toml",
        "5:9: beat 1, chart: no chart of tab \"gdp\" is titled \"Nominal GPD\"; its charts are \"Nominal GDP, first published\", \"Real GDP growth\", \"GDP vintages\"",
    ),
    (
        "unknown_indicator.toml",
        "5:9: beat 1, chart: unknown indicator \"gdp_grwoth\", and no chart of tab \"gdp\" has that title",
    ),
    (
        "indicator_on_another_tab.toml",
        "5:9: beat 1, chart: indicator \"rd_spending\" is on no chart of tab \"gdp\"",
    ),
    (
        "chart_on_a_tab_without_charts.toml",
        "5:9: beat 1, chart: tab \"overview\" has no charts to focus",
    ),
    (
        "year_outside_the_tab.toml",
        "5:8: beat 1, year: 2025 is outside the years of tab \"rd\" (2010–2024)",
    ),
    // The talk's own rules.
    (
        "no_beats.toml",
        "1:1: the talk has no beats: add a [[beat]] table",
    ),
    ("empty_title.toml", "1:9: title: is empty"),
    (
        "control_character_in_title.toml",
        "1:9: title: contains a control character (U+001B)",
    ),
    (
        "control_character_in_caption.toml",
        "5:11: beat 1, caption: contains a control character (U+0009)",
    ),
    (
        "bidi_override_in_notes.toml",
        "5:9: beat 1, notes: contains a bidirectional override character (U+202E)",
    ),
    (
        "caption_of_three_lines.toml",
        "5:11: beat 1, caption: has 3 lines; a caption is one or two",
    ),
    (
        "caption_line_too_wide.toml",
        "5:11: beat 1, caption: line 1 is 80 columns wide; at most 76 fit an 80-column screen",
    ),
    (
        "bad_duration.toml",
        "2:12: duration: expected a length of time such as \"20 min\" or \"1 h 15 min\", found \"a quarter of an hour\"",
    ),
    (
        "duration_out_of_range.toml",
        "2:12: duration: a talk lasts from 1 s to 24 h",
    ),
    (
        "range_outside_the_tab.toml",
        "5:9: beat 1, range: [2012, 2025] is outside the years of tab \"rd\" (2010–2024)",
    ),
    (
        "range_backwards.toml",
        "5:9: beat 1, range: [2021, 2012] must run from an earlier year to a later one",
    ),
    (
        "year_not_where_the_range_ends.toml",
        "5:8: beat 1, year: 2020 is not where the range ends (2021); a range ends at the cursor, so leave year out or make it 2021",
    ),
    (
        "unknown_annotation.toml",
        "5:15: beat 1, annotations: unknown annotation \"gdp_doubeld\"; the annotations are gdp_doubled, covid, oecd_rd_2019",
    ),
    // Shapes, found by the parser.
    (
        "unknown_field.toml",
        "5:1: unknown field `captoin`, expected one of `tab`, `chart`, `year`, `view`, `sources`, `caption`, `notes`, `range`, `annotations`",
    ),
    (
        "unknown_view.toml",
        "5:8: unknown variant `percent`, expected one of `levels`, `change`, `index`",
    ),
    (
        "wrong_type_year.toml",
        "5:8: invalid type: string \"2021\", expected a whole number",
    ),
    (
        "wrong_type_chart.toml",
        "5:9: invalid type: boolean `true`, expected a chart's number or title",
    ),
    ("missing_title.toml", "1:1: missing field `title`"),
    ("duplicate_key.toml", "5:1: duplicate key"),
    ("not_toml.toml", "3:8: unclosed array table, expected `]`"),
    (
        "json_instead.toml",
        "1:1: invalid key-value pair, expected key",
    ),
    (
        "not_utf8.toml",
        " is not UTF-8 text (invalid byte at offset 59)",
    ),
    (
        "several_problems.toml",
        "5:9: beat 1, chart: tab \"gdp\" has no chart 4, only 1–3 (and 2 more problems)",
    ),
];

fn load(path: &str) -> Result<Talk, LoadError> {
    Talk::from_file(Path::new(path), &Dataset::embedded().unwrap())
}

#[test]
fn every_invalid_fixture_gives_its_one_line_message() {
    let mut failures = Vec::new();
    for (name, message) in CASES {
        let file = format!("{INVALID}/{name}");
        // `file:line:column: what`, or `file: what` where no place can be given.
        let expected = format!("{file}:{message}");
        match load(&file) {
            Ok(_) => failures.push(format!("{name}: loaded")),
            Err(err) => {
                let actual = err.to_string();
                if actual != expected {
                    failures.push(format!(
                        "{name}:\n  expected: {expected}\n  actual:   {actual}"
                    ));
                }
                if actual.contains('\n') || actual.chars().any(char::is_control) {
                    failures.push(format!("{name}: not one printable line: {actual:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_fixture_is_in_the_table_once() {
    crate::support::assert_every_fixture_listed_once(INVALID, CASES.iter().map(|(name, _)| *name));
}

#[test]
fn several_problems_are_all_found_in_file_order() {
    let err = load(&format!("{INVALID}/several_problems.toml")).unwrap_err();
    let LoadError::InvalidTalk { problems, .. } = err else {
        panic!("expected LoadError::InvalidTalk, got {err:?}");
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "5:9: beat 1, chart: tab \"gdp\" has no chart 4, only 1–3",
            "6:8: beat 1, year: 1999 is outside the years of tab \"gdp\" (2010–2025)",
            "10:11: beat 2, caption: contains a control character (U+0007)",
        ]
    );
}

#[test]
fn the_valid_fixture_resolves_every_beat_to_a_screen() {
    let talk = load(VALID).unwrap();
    assert_eq!(talk.title, "A short talk");
    assert_eq!(talk.duration, Some(std::time::Duration::from_secs(300)));
    let screens: Vec<Screen> = talk.beats.iter().map(|b| b.screen).collect();
    let screen = |tab, chart, year, view, sources| Screen {
        tab,
        chart,
        year,
        range: None,
        view,
        sources,
    };
    assert_eq!(
        screens,
        [
            screen(1, Some(0), Some(2021), View::Levels, false),
            // The tab carries over; nothing else does.
            screen(1, Some(1), None, View::Change, false),
            // A tab by its title, a chart by an indicator it shows.
            screen(2, Some(1), Some(2024), View::Index, false),
            screen(0, None, None, View::Levels, true),
        ]
    );
    assert_eq!(
        talk.beats[0].caption,
        [
            "GDP more than doubled",
            "1,295.01 bn yuan in 2012, 3,066.49 bn in 2021"
        ]
    );
    assert_eq!(talk.beats[0].notes, "Say where the figures come from.");
    assert_eq!(talk.beats[3].caption, ["Every figure has a source"]);
    assert!(talk.beats[1].caption.is_empty());
    let lines: Vec<usize> = talk.beats.iter().map(|b| b.line).collect();
    assert_eq!(lines, [5, 15, 19, 25], "where each [[beat]] starts");
}

#[test]
fn the_built_in_talk_fits_the_embedded_dataset() {
    let data = Dataset::embedded().unwrap();
    let talk = Talk::embedded(&data).unwrap();
    assert_eq!(talk.title, "Shenzhen's decade of innovation");
    assert!(
        (10..=15).contains(&talk.beats.len()),
        "{}",
        talk.beats.len()
    );
    assert!(talk.beats.iter().all(|b| !b.caption.is_empty()));
    assert!(talk.beats.iter().all(|b| !b.notes.is_empty()));
    // Beats 2, 3 and 6 set year ranges ("since 2012"), and their readouts give the change.
    let ranges: Vec<(usize, (i32, i32))> = talk
        .beats
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.screen.range.map(|r| (i + 1, r)))
        .collect();
    assert_eq!(
        ranges,
        [(2, (2012, 2021)), (3, (2012, 2025)), (6, (2019, 2024))]
    );
}

#[test]
fn the_built_in_talk_against_another_dataset_is_refused_in_one_line() {
    let data = Dataset::from_file(Path::new("tests/fixtures/valid/minimal.json")).unwrap();
    let err = Talk::embedded(&data).unwrap_err();
    assert_eq!(
        err.to_string(),
        "assets/talk.toml (embedded):11:7: beat 1, tab: unknown tab \"overview\"; the tabs are \
         economy (and 15 more problems)"
    );
}

#[test]
fn windows_line_ends_and_a_byte_order_mark_are_read_as_written() {
    let text = std::fs::read_to_string(VALID).unwrap();
    let windows = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let data = Dataset::embedded().unwrap();
    let talk = Talk::parse(&windows, "windows.toml", &data).unwrap();
    assert_eq!(talk, Talk::parse(&text, "unix.toml", &data).unwrap());
    // A carriage return on its own (written `\r`) is a control character.
    let lone = text.replace("Say where", "Say\\rwhere");
    assert_eq!(
        Talk::parse(&lone, "cr.toml", &data)
            .unwrap_err()
            .to_string(),
        "cr.toml:13:9: beat 1, notes: contains a control character (U+000D)"
    );
}

#[test]
fn a_talk_file_larger_than_the_limit_is_refused_before_reading() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("talk-too-large.toml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: costs no disk
    drop(file);
    let err = load(path.to_str().unwrap()).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: is larger than 16777216 bytes (16 MiB), the limit for a talk",
            path.display()
        )
    );
}

#[test]
fn a_directory_or_a_missing_file_is_no_talk() {
    assert_eq!(
        load(INVALID).unwrap_err().to_string(),
        "tests/fixtures/talk/invalid: is a directory, not a talk file"
    );
    assert_eq!(
        load("tests/fixtures/talk/missing.toml")
            .unwrap_err()
            .to_string(),
        "tests/fixtures/talk/missing.toml: cannot read: no such file"
    );
}

/// The talk `text` against the embedded dataset: its one-line error, or "ok".
fn verdict(text: &str) -> String {
    let data = Dataset::embedded().unwrap();
    Talk::parse(text, "t.toml", &data).map_or_else(|err| err.to_string(), |_| "ok".to_owned())
}

#[test]
fn the_edges_of_each_rule_are_where_they_say() {
    let beat = |lines: &str| format!("title = \"t\"\n[[beat]]\n{lines}\n");
    let cases = [
        // Charts count from 1 to the last; a tab's first and last years are its own.
        ("tab = \"gdp\"\nchart = 3", "ok".to_owned()),
        (
            "tab = \"gdp\"\nchart = 0",
            "t.toml:4:9: beat 1, chart: tab \"gdp\" has no chart 0, only 1–3".to_owned(),
        ),
        (
            "tab = \"gdp\"\nchart = -1",
            "t.toml:4:9: beat 1, chart: tab \"gdp\" has no chart -1, only 1–3".to_owned(),
        ),
        ("tab = \"rd\"\nyear = 2010", "ok".to_owned()),
        ("tab = \"rd\"\nyear = 2024", "ok".to_owned()),
        (
            "tab = \"rd\"\nyear = 2009",
            "t.toml:4:8: beat 1, year: 2009 is outside the years of tab \"rd\" (2010–2024)"
                .to_owned(),
        ),
        (
            "tab = \"rd\"\nyear = 9999999999",
            "t.toml:4:8: beat 1, year: 9999999999 is outside the years of tab \"rd\" (2010–2024)"
                .to_owned(),
        ),
        // A caption line of exactly 76 columns fits; 77 do not. Two lines fit.
        (&*format!("caption = \"{}\"", "x".repeat(76)), "ok".to_owned()),
        (
            &*format!("caption = \"{}\"", "深".repeat(39)),
            "t.toml:3:11: beat 1, caption: line 1 is 78 columns wide; at most 76 fit an 80-column screen"
                .to_owned(),
        ),
        ("caption = \"one\\n\\n  two  \\n\"", "ok".to_owned()),
        // Tabs by id or title, in any case.
        ("tab = \"PEOPLE & FIRMS\"", "ok".to_owned()),
        ("tab = \"Rd\"", "ok".to_owned()),
        // A line break is allowed in a caption and notes, not in a title.
        ("notes = \"one\\ntwo\"", "ok".to_owned()),
    ];
    for (lines, expected) in cases {
        assert_eq!(verdict(&beat(lines)), expected, "{lines}");
    }
    assert_eq!(
        verdict("title = \"a\\nb\"\n[[beat]]\n"),
        "t.toml:1:9: title: contains a control character (U+000A)"
    );
    for (duration, expected) in [
        ("24 h", "ok"),
        ("1 s", "ok"),
        (
            "0 s",
            "t.toml:2:12: duration: a talk lasts from 1 s to 24 h",
        ),
        (
            "86401 s",
            "t.toml:2:12: duration: a talk lasts from 1 s to 24 h",
        ),
    ] {
        let text = format!("title = \"t\"\nduration = \"{duration}\"\n[[beat]]\n");
        assert_eq!(verdict(&text), expected, "{duration}");
    }
}

#[test]
fn a_one_chart_tab_says_so() {
    let data = Dataset::from_file(Path::new("tests/fixtures/valid/minimal.json")).unwrap();
    let text = "title = \"t\"\n[[beat]]\ntab = \"economy\"\nchart = 2\n";
    assert_eq!(
        Talk::parse(text, "t.toml", &data).unwrap_err().to_string(),
        "t.toml:4:9: beat 1, chart: tab \"economy\" has no chart 2, only 1"
    );
}

#[test]
fn problems_are_listed_in_file_order_whatever_the_order_they_are_found_in() {
    let text =
        "title = \"t\"\n[[beat]]\nyear = 1999\ntab = \"gdp\"\ncaption = \"a\\u0007\"\nchart = 9\n";
    let err = Talk::parse(text, "t.toml", &Dataset::embedded().unwrap()).unwrap_err();
    let LoadError::InvalidTalk { problems, .. } = err else {
        panic!("{err:?}");
    };
    let places: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
    assert_eq!(places, [(3, 8), (5, 11), (6, 9)]);
}

#[test]
fn the_example_in_docs_talk_md_is_a_valid_talk() {
    let doc = std::fs::read_to_string("docs/TALK.md").unwrap();
    let example = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let talk = Talk::parse(example, "docs/TALK.md", &Dataset::embedded().unwrap()).unwrap();
    assert_eq!(talk.beats.len(), 4);
    assert_eq!(talk.beats[3].screen.range, Some((2012, 2021)));
}
