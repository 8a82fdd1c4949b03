//! Every way a dataset file can be wrong, and the exact one-line message each gives.
//!
//! Each file in `tests/fixtures/invalid/` is `tests/fixtures/valid/minimal.json` with one defect
//! (or, for the parser's cases, a file that is not a dataset at all). Messages are compared in
//! full, so rewording one is a deliberate change made here too. Paths are relative: cargo runs
//! integration tests from the crate root, and a relative path keeps the messages stable.

use std::path::Path;

use shenzhen_dash::data::{Dataset, MAX_FILE_BYTES};
use shenzhen_dash::error::{LoadError, Problem};

const INVALID: &str = "tests/fixtures/invalid";
const MINIMAL: &str = "tests/fixtures/valid/minimal.json";
const MINIMAL_TEXT: &str = include_str!("../fixtures/valid/minimal.json");

/// Each fixture in `INVALID` and the full `Display` of the error it gives.
const CASES: &[(&str, &str)] = &[
    // References between parts of the dataset.
    (
        "unknown_indicator_in_series.json",
        "tests/fixtures/invalid/unknown_indicator_in_series.json: pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\"",
    ),
    (
        "unknown_indicator_in_tile.json",
        "tests/fixtures/invalid/unknown_indicator_in_tile.json: pages[0].tiles[0].indicator: unknown indicator id \"gpd\"",
    ),
    (
        "unknown_source_in_point.json",
        "tests/fixtures/invalid/unknown_source_in_point.json: indicators[0].points[1].sources[0]: unknown source id \"S2\"",
    ),
    (
        "unknown_source_in_event.json",
        "tests/fixtures/invalid/unknown_source_in_event.json: events[0].sources[0]: unknown source id \"S2\"",
    ),
    (
        "unknown_source_in_highlight.json",
        "tests/fixtures/invalid/unknown_source_in_highlight.json: highlights[0].sources[0]: unknown source id \"S2\"",
    ),
    (
        "point_cites_no_source.json",
        "tests/fixtures/invalid/point_cites_no_source.json: indicators[0].points[1].sources: cites no source",
    ),
    (
        "unknown_highlight_on_page.json",
        "tests/fixtures/invalid/unknown_highlight_on_page.json: pages[0].highlights[0]: unknown highlight id \"h1\"",
    ),
    (
        "tile_since_latest_year.json",
        "tests/fixtures/invalid/tile_since_latest_year.json: pages[0].tiles[0].since: 2016 is not before \"gdp\"'s latest year; a change needs two years",
    ),
    (
        "unknown_indicator_in_growth.json",
        "tests/fixtures/invalid/unknown_indicator_in_growth.json: pages[0].growth[0]: unknown indicator id \"gpd\"",
    ),
    (
        "bidi_override_in_name.json",
        "tests/fixtures/invalid/bidi_override_in_name.json: indicators[0].name: contains a bidirectional override character (U+202E)",
    ),
    (
        "tile_since_without_point.json",
        "tests/fixtures/invalid/tile_since_without_point.json: pages[0].tiles[0].since: \"gdp\" has no point for 2010",
    ),
    // Values and years.
    (
        "duplicate_year.json",
        "tests/fixtures/invalid/duplicate_year.json: indicators[0].points[1].year: duplicate year 2015 (first at points[0])",
    ),
    (
        "non_finite_value.json",
        "tests/fixtures/invalid/non_finite_value.json: indicators[0].points[1].value: is not a finite number",
    ),
    (
        "implausibly_large_value.json",
        "tests/fixtures/invalid/implausibly_large_value.json: indicators[0].points[1].value: 1e16 is implausibly large (limit 1e15)",
    ),
    (
        "year_out_of_range.json",
        "tests/fixtures/invalid/year_out_of_range.json: indicators[0].points[1].year: year 2516 is outside 1800-2200",
    ),
    (
        "break_year_out_of_range.json",
        "tests/fixtures/invalid/break_year_out_of_range.json: indicators[0].breaks[0].year: year 1016 is outside 1800-2200",
    ),
    (
        "bad_event_date.json",
        "tests/fixtures/invalid/bad_event_date.json: events[0].date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "event_date_not_a_day.json",
        "tests/fixtures/invalid/event_date_not_a_day.json: events[1].date: no such day: 2021-02 has 28 days",
    ),
    // Structure.
    (
        "empty_series.json",
        "tests/fixtures/invalid/empty_series.json: indicators[0].points: empty series: no points",
    ),
    (
        "page_without_charts_or_tiles.json",
        "tests/fixtures/invalid/page_without_charts_or_tiles.json: pages[0]: page \"economy\" has no charts or tiles",
    ),
    (
        "no_pages.json",
        "tests/fixtures/invalid/no_pages.json: pages: declares no pages",
    ),
    (
        "chart_without_series.json",
        "tests/fixtures/invalid/chart_without_series.json: pages[0].charts[0].series: chart has no series",
    ),
    (
        "mixed_units.json",
        "tests/fixtures/invalid/mixed_units.json: pages[0].charts[0].series[1].indicator: unit \"million\" differs from the chart's \"bn CNY\"; one chart, one unit",
    ),
    // The compare chart: one year, which its series must have.
    (
        "compare_without_year.json",
        "tests/fixtures/invalid/compare_without_year.json: pages[0].charts[0].year: a compare chart needs the year it compares",
    ),
    (
        "compare_year_without_points.json",
        "tests/fixtures/invalid/compare_year_without_points.json: pages[0].charts[0].year: none of the chart's series has a point for 2020",
    ),
    (
        "compare_unknown_indicator.json",
        "tests/fixtures/invalid/compare_unknown_indicator.json: pages[0].charts[0].series[1].indicator: unknown indicator id \"gpd\"",
    ),
    (
        "year_on_a_line_chart.json",
        "tests/fixtures/invalid/year_on_a_line_chart.json: pages[0].charts[0].year: only a compare chart takes a year",
    ),
    // Ids and text.
    (
        "duplicate_indicator_id.json",
        "tests/fixtures/invalid/duplicate_indicator_id.json: indicators[1].id: duplicate id \"gdp\" (first at indicators[0])",
    ),
    (
        "duplicate_source_id.json",
        "tests/fixtures/invalid/duplicate_source_id.json: sources[1].id: duplicate id \"S1\" (first at sources[0])",
    ),
    (
        "duplicate_page_id.json",
        "tests/fixtures/invalid/duplicate_page_id.json: pages[1].id: duplicate id \"economy\" (first at pages[0])",
    ),
    (
        "empty_id.json",
        "tests/fixtures/invalid/empty_id.json: pages[0].id: is empty",
    ),
    (
        "control_character_in_title.json",
        "tests/fixtures/invalid/control_character_in_title.json: title: contains a control character (U+001B)",
    ),
    (
        "control_character_in_duplicate_id.json",
        "tests/fixtures/invalid/control_character_in_duplicate_id.json: sources[1].id: contains a control character (U+001B) (and 2 more problems)",
    ),
    (
        "several_problems.json",
        "tests/fixtures/invalid/several_problems.json: indicators[0].points[0].sources[0]: unknown source id \"S2\" (and 2 more problems)",
    ),
    // Annotations: references, years, text, and the fields each kind takes.
    (
        "annotation_duplicate_id.json",
        "tests/fixtures/invalid/annotation_duplicate_id.json: annotations[1].id: duplicate id \"dip\" (first at annotations[0])",
    ),
    (
        "annotation_callout_unknown_indicator.json",
        "tests/fixtures/invalid/annotation_callout_unknown_indicator.json: annotations[0].indicator: unknown indicator id \"gpd\"",
    ),
    (
        "annotation_callout_year_without_point.json",
        "tests/fixtures/invalid/annotation_callout_year_without_point.json: annotations[0].year: \"gdp\" has no point for 2014",
    ),
    (
        "annotation_period_outside_the_data.json",
        "tests/fixtures/invalid/annotation_period_outside_the_data.json: annotations[0].to: 2017 is outside the data's years, 2015-2016",
    ),
    (
        "annotation_period_ends_before_it_starts.json",
        "tests/fixtures/invalid/annotation_period_ends_before_it_starts.json: annotations[0].to: 2015 is before the period's first year, 2016",
    ),
    (
        "annotation_text_too_long.json",
        "tests/fixtures/invalid/annotation_text_too_long.json: annotations[0].text: is 41 columns wide; an annotation's text is at most 40",
    ),
    (
        "annotation_empty_label.json",
        "tests/fixtures/invalid/annotation_empty_label.json: annotations[0].label: is empty",
    ),
    (
        "annotation_control_character.json",
        "tests/fixtures/invalid/annotation_control_character.json: annotations[0].text: contains a control character (U+001B)",
    ),
    (
        "annotation_reference_unknown_indicator.json",
        "tests/fixtures/invalid/annotation_reference_unknown_indicator.json: annotations[0].indicator: unknown indicator id \"gpd\"",
    ),
    (
        "annotation_reference_unknown_unit.json",
        "tests/fixtures/invalid/annotation_reference_unknown_unit.json: annotations[0].unit: no indicator has the unit \"bn EUR\"",
    ),
    (
        "annotation_reference_cites_no_source.json",
        "tests/fixtures/invalid/annotation_reference_cites_no_source.json: annotations[0].sources: cites no source",
    ),
    (
        "annotation_reference_value_not_finite.json",
        "tests/fixtures/invalid/annotation_reference_value_not_finite.json: annotations[0].value: is not a finite number",
    ),
    (
        "annotation_callout_without_year.json",
        "tests/fixtures/invalid/annotation_callout_without_year.json:17:3: annotations[0]: a callout needs `year`; its fields are `indicator`, `year` and `text`",
    ),
    (
        "annotation_field_of_another_kind.json",
        "tests/fixtures/invalid/annotation_field_of_another_kind.json:17:3: annotations[0]: a period takes no `indicator`; its fields are `from`, `to` and `label`",
    ),
    (
        "annotation_reference_on_indicator_and_unit.json",
        "tests/fixtures/invalid/annotation_reference_on_indicator_and_unit.json:17:3: annotations[0]: a reference line takes `indicator` or `unit`, not both",
    ),
    (
        "annotation_reference_on_nothing.json",
        "tests/fixtures/invalid/annotation_reference_on_nothing.json:17:3: annotations[0]: a reference line needs `indicator` or `unit`: the charts it is drawn on",
    ),
    (
        "annotation_unknown_kind.json",
        "tests/fixtures/invalid/annotation_unknown_kind.json:16:33: annotations[0].kind: unknown variant `note`, expected one of `callout`, `period`, `reference`",
    ),
    // The parser: serde's messages, led by line:column and, for a wrong value, its JSON path.
    (
        "unknown_field.json",
        "tests/fixtures/invalid/unknown_field.json:16:25: sources[0].titel: unknown field `titel`, expected one of `id`, `title`, `publisher`, `date`, `url`, `kind`",
    ),
    (
        "unknown_field_with_control_character.json",
        "tests/fixtures/invalid/unknown_field_with_control_character.json:16:31: sources[0].ti\u{FFFD}tle: unknown field `ti\u{FFFD}tle`, expected one of `id`, `title`, `publisher`, `date`, `url`, `kind`",
    ),
    (
        "wrong_type.json",
        "tests/fixtures/invalid/wrong_type.json:10:37: indicators[0].points[0].value: expected a number, found a string",
    ),
    (
        "wrong_type_year.json",
        "tests/fixtures/invalid/wrong_type_year.json:11:24: indicators[0].points[1].year: invalid type: string \"2016\", expected a whole number",
    ),
    (
        "unknown_variant.json",
        "tests/fixtures/invalid/unknown_variant.json:23:39: pages[0].charts[0].kind: unknown variant `pie`, expected one of `bar`, `line`, `compare`",
    ),
    (
        "missing_field.json",
        "tests/fixtures/invalid/missing_field.json:12:5: indicators[0]: missing field `unit`",
    ),
    (
        "truncated.json",
        "tests/fixtures/invalid/truncated.json:11:38: the file ends while parsing an object",
    ),
    (
        "trailing_content.json",
        "tests/fixtures/invalid/trailing_content.json:28:1: trailing characters",
    ),
    (
        "not_json.json",
        "tests/fixtures/invalid/not_json.json:1:1: expected value",
    ),
    (
        "empty.json",
        "tests/fixtures/invalid/empty.json:1:1: the file ends while parsing a value",
    ),
    (
        "top_level_array.json",
        "tests/fixtures/invalid/top_level_array.json:1:1: expected a JSON object, found an array",
    ),
    // Before parsing.
    (
        "not_utf8.json",
        "tests/fixtures/invalid/not_utf8.json: is not UTF-8 text (invalid byte at offset 21)",
    ),
];

fn load(path: &str) -> Result<Dataset, LoadError> {
    Dataset::from_file(Path::new(path))
}

/// Why `message` could not be printed as the one line before a non-zero exit, if it cannot.
fn unprintable(message: &str) -> Option<String> {
    if message.is_empty() {
        return Some("is empty".to_owned());
    }
    let control = message.chars().find(|c| c.is_control())?;
    Some(format!(
        "holds control character U+{:04X}",
        u32::from(control)
    ))
}

#[test]
fn every_invalid_fixture_gives_its_exact_message() {
    let mut failures = Vec::new();
    for &(name, expected) in CASES {
        let path = format!("{INVALID}/{name}");
        let message = match load(&path) {
            Ok(_) => {
                failures.push(format!("{name}: loaded, expected: {expected}"));
                continue;
            }
            Err(err) => err.to_string(),
        };
        if message != expected {
            failures.push(format!(
                "{name}:\n  expected: {expected}\n  actual:   {message}"
            ));
        }
        if let Some(why) = unprintable(&message) {
            failures.push(format!("{name}: message {why}: {message:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_problem_of_every_fixture_is_one_printable_line() {
    for &(name, _) in CASES {
        if let Err(LoadError::Invalid { problems, .. }) = load(&format!("{INVALID}/{name}")) {
            assert!(!problems.is_empty(), "{name}: Invalid without problems");
            for problem in &problems {
                let line = problem.to_string();
                assert_eq!(unprintable(&line), None, "{name}: {line:?}");
            }
        }
    }
}

#[test]
fn every_fixture_is_in_the_table_once() {
    crate::support::assert_every_fixture_listed_once(INVALID, CASES.iter().map(|(name, _)| *name));
}

#[test]
fn the_minimal_fixture_loads() {
    let data = load(MINIMAL).unwrap();
    assert_eq!(data.city, "Testville");
    assert_eq!(data.sources.len(), 1);
    assert_eq!(data.indicators.len(), 1);
    assert_eq!(data.indicators[0].points.len(), 2);
    assert_eq!(data.pages.len(), 1);
    assert_eq!(data.pages[0].charts.len(), 1);
    assert_eq!(data.year_span(), Some((2015, 2016)));
    let gdp = data.indicator("gdp").unwrap();
    assert_eq!(gdp.point(2016).unwrap().value.to_string(), "110.25");
}

/// A page with charts may list highlights too: they are drawn under its charts.
#[test]
fn a_chart_page_may_list_highlights() {
    let text = include_str!("../fixtures/invalid/unknown_highlight_on_page.json")
        .replace(r#""highlights": ["h1"]"#, r#""highlights": ["h0"]"#);
    let data = Dataset::parse(&text, "chart_page_with_highlight.json").unwrap();
    assert!(!data.pages[0].charts.is_empty());
    assert_eq!(data.pages[0].highlights.len(), 1);
}

#[test]
fn the_embedded_asset_loads() {
    let data = Dataset::embedded().unwrap();
    assert_eq!(data.city, "Shenzhen");
    assert!(!data.pages.is_empty());
}

#[test]
fn a_missing_file_says_so() {
    let err = load("tests/fixtures/invalid/does_not_exist.json").unwrap_err();
    assert!(matches!(err, LoadError::Read { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "tests/fixtures/invalid/does_not_exist.json: cannot read: no such file"
    );
}

#[test]
fn a_directory_is_not_a_dataset() {
    let err = load("tests/fixtures/invalid").unwrap_err();
    assert!(matches!(err, LoadError::NotAFile { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "tests/fixtures/invalid: is a directory, not a dataset file"
    );
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let problem = |path: &str, message: &str| Problem {
        path: path.to_owned(),
        message: message.to_owned(),
    };
    let err = load("tests/fixtures/invalid/several_problems.json").unwrap_err();
    assert!(err.to_string().ends_with(" (and 2 more problems)"), "{err}");
    let LoadError::Invalid { file, problems } = err else {
        panic!("expected LoadError::Invalid, got {err:?}");
    };
    assert_eq!(file, "tests/fixtures/invalid/several_problems.json");
    assert_eq!(
        problems,
        [
            problem(
                "indicators[0].points[0].sources[0]",
                "unknown source id \"S2\""
            ),
            problem(
                "indicators[0].points[1].year",
                "duplicate year 2015 (first at points[0])"
            ),
            problem(
                "pages[0].charts[0].series[0].indicator",
                "unknown indicator id \"gpd\""
            ),
        ]
    );
}

#[test]
fn two_problems_say_one_more_problem() {
    let text = MINIMAL_TEXT
        .replace("\"year\": 2016", "\"year\": 2015")
        .replace("{ \"indicator\": \"gdp\" }", "{ \"indicator\": \"gpd\" }");
    let err = Dataset::parse(&text, "two.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "two.json: indicators[0].points[1].year: duplicate year 2015 (first at points[0]) (and 1 more problem)"
    );
}

#[test]
fn an_id_quoted_in_a_message_never_carries_a_control_character() {
    let err = load("tests/fixtures/invalid/control_character_in_duplicate_id.json").unwrap_err();
    let LoadError::Invalid { problems, .. } = err else {
        panic!("expected LoadError::Invalid, got {err:?}");
    };
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "sources[1].id: contains a control character (U+001B)",
            "sources[2].id: contains a control character (U+001B)",
            "sources[2].id: duplicate id \"S\u{FFFD}[2J\" (first at sources[1])",
        ]
    );
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let data = Dataset::parse(&format!("\u{FEFF}{MINIMAL_TEXT}"), "bom.json").unwrap();
    assert_eq!(data.city, "Testville");
}

#[test]
fn a_dataset_written_as_an_array_of_its_fields_is_refused() {
    // serde would read a struct from an array of its fields in order; a dataset is an object.
    let err = Dataset::parse("\n  [\"T\", \"T\", [], [], [], [], []]", "fields.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "fields.json:2:3: expected a JSON object, found an array"
    );
}

#[test]
fn other_top_level_types_name_the_type() {
    for (text, expected) in [
        (
            "\"Shenzhen\"",
            "top.json:1:10: invalid type: string \"Shenzhen\", expected an object",
        ),
        (
            "42",
            "top.json:1:2: invalid type: integer `42`, expected an object",
        ),
        (
            "null",
            "top.json:1:4: invalid type: null, expected an object",
        ),
        (" \n ", "top.json:2:1: the file ends while parsing a value"),
    ] {
        let err = Dataset::parse(text, "top.json").unwrap_err();
        assert_eq!(err.to_string(), expected, "for {text:?}");
    }
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_reading() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("validation-too-large.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: costs no disk
    drop(file);
    let err = Dataset::from_file(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(
        matches!(err, LoadError::TooLarge { bytes, .. } if bytes == MAX_FILE_BYTES + 1),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: is larger than 16777216 bytes (16 MiB), the limit for a dataset",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_at_the_limit() {
    // `/dev/zero` reports a size of 0; reading it whole would never end.
    let err = load("/dev/zero").unwrap_err();
    assert_eq!(
        err.to_string(),
        "/dev/zero: is larger than 16777216 bytes (16 MiB), the limit for a dataset"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_with_control_characters_stays_on_one_line() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("validation-bad\u{1b}[31mname\n.json");
    std::fs::write(&path, "").unwrap();
    let err = Dataset::from_file(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    let message = err.to_string();
    assert_eq!(unprintable(&message), None, "{message:?}");
    assert_eq!(
        message,
        format!(
            "{}/validation-bad\u{FFFD}[31mname\u{FFFD}.json:1:1: the file ends while parsing a value",
            dir.display()
        )
    );
}

#[test]
fn an_extreme_exponent_does_not_panic() {
    let text = MINIMAL_TEXT.replace("100.5", "1e-9223372036854775808");
    let data = Dataset::parse(&text, "exponent.json").unwrap();
    assert_eq!(data.indicators[0].points[0].value.number, 0.0);
}

/// The minimal fixture with these annotations.
fn with_annotations(annotations: &str) -> Result<Dataset, LoadError> {
    let text = MINIMAL_TEXT.replacen(
        "  \"sources\": [",
        &format!("  \"annotations\": [{annotations}],\n  \"sources\": ["),
        1,
    );
    Dataset::parse(&text, "annotated.json")
}

#[test]
fn annotations_at_their_limits_load() {
    // Text of exactly 40 columns (twenty wide characters), a period over exactly the data's
    // years and one of a single year, a callout on the first point, a line on a unit.
    let data = with_annotations(
        r#"{"id": "c", "kind": "callout", "indicator": "gdp", "year": 2015, "text": "深圳深圳深圳深圳深圳深圳深圳深圳深圳深圳"},
           {"id": "p", "kind": "period", "from": 2015, "to": 2016, "label": "all of it"},
           {"id": "q", "kind": "period", "from": 2016, "to": 2016, "label": "one year"},
           {"id": "r", "kind": "reference", "unit": "bn CNY", "value": 1e15, "label": "far above", "sources": ["S1"]}"#,
    )
    .unwrap();
    assert_eq!(data.annotations.len(), 4);
    let err = with_annotations(
        r#"{"id": "c", "kind": "callout", "indicator": "gdp", "year": 2015, "text": "深圳深圳深圳深圳深圳深圳深圳深圳深圳深圳深"}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "annotated.json: annotations[0].text: is 42 columns wide; an annotation's text is at most 40"
    );
    let early = with_annotations(
        r#"{"id": "p", "kind": "period", "from": 2014, "to": 2015, "label": "before"}"#,
    )
    .unwrap_err();
    assert_eq!(
        early.to_string(),
        "annotated.json: annotations[0].from: 2014 is outside the data's years, 2015-2016"
    );
}

#[test]
fn each_kind_names_the_fields_it_takes() {
    for (annotation, message) in [
        (
            r#"{"id": "c", "kind": "callout", "indicator": "gdp", "year": 2015, "text": "t", "from": 2015}"#,
            "a callout takes no `from`; its fields are `indicator`, `year` and `text`",
        ),
        (
            r#"{"id": "c", "kind": "callout", "year": 2015, "text": "t"}"#,
            "a callout needs `indicator`; its fields are `indicator`, `year` and `text`",
        ),
        (
            r#"{"id": "c", "kind": "callout", "indicator": "gdp", "year": 2015}"#,
            "a callout needs `text`; its fields are `indicator`, `year` and `text`",
        ),
        (
            r#"{"id": "p", "kind": "period", "to": 2016, "label": "l"}"#,
            "a period needs `from`; its fields are `from`, `to` and `label`",
        ),
        (
            r#"{"id": "p", "kind": "period", "from": 2015, "label": "l"}"#,
            "a period needs `to`; its fields are `from`, `to` and `label`",
        ),
        (
            r#"{"id": "p", "kind": "period", "from": 2015, "to": 2016}"#,
            "a period needs `label`; its fields are `from`, `to` and `label`",
        ),
        (
            r#"{"id": "r", "kind": "reference", "unit": "bn CNY", "label": "l", "sources": ["S1"]}"#,
            "a reference line needs `value`; its fields are `indicator` or `unit`, `value`, `label` and `sources`",
        ),
        (
            r#"{"id": "r", "kind": "reference", "unit": "bn CNY", "value": 1, "sources": ["S1"]}"#,
            "a reference line needs `label`; its fields are `indicator` or `unit`, `value`, `label` and `sources`",
        ),
        (
            r#"{"id": "r", "kind": "reference", "unit": "bn CNY", "value": 1, "label": "l"}"#,
            "a reference line needs `sources`; its fields are `indicator` or `unit`, `value`, `label` and `sources`",
        ),
        (
            r#"{"id": "r", "kind": "reference", "unit": "bn CNY", "value": 1, "label": "l", "sources": ["S1"], "year": 2015}"#,
            "a reference line takes no `year`; its fields are `indicator` or `unit`, `value`, `label` and `sources`",
        ),
    ] {
        let err = with_annotations(annotation).unwrap_err();
        let LoadError::Syntax { message: got, .. } = &err else {
            panic!("{annotation}: {err}");
        };
        assert_eq!(got, &format!("annotations[0]: {message}"), "{annotation}");
    }
}

/// The complete example in docs/DATASET.md is a file that passes `check`.
#[test]
fn the_documented_example_loads() {
    let doc = include_str!("../../docs/DATASET.md");
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap();
    let data = Dataset::parse(example, "DATASET.md").unwrap();
    assert_eq!(data.city, "Exampleton");
    assert!(
        !data.annotations.is_empty(),
        "the example shows annotations"
    );
}
