//! Generated datasets: valid by construction, extreme in every other way (values, year spans,
//! units, text and annotations), rendered in every view; and annotations of any shape added to
//! them, loaded or refused in one line.

use std::fmt::Write as _;
use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use shenzhen_dash::action::Action;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::derive::View;
use shenzhen_dash::theme::Theme;

use super::{FILE, config, render_checked, show_view, size, theme};

#[derive(Debug, Clone)]
struct GenPoint {
    year: i32,
    value: String,
    confidence: &'static str,
    flags: Vec<&'static str>,
}

#[derive(Debug, Clone)]
struct GenIndicator {
    name: String,
    points: Vec<GenPoint>,
    breaks: Vec<i32>,
}

#[derive(Debug, Clone)]
struct GenChart {
    title: String,
    /// 0 bar, 1 line, 2 compare (of the first point's year of its first series).
    kind: u8,
    /// Indices into the indicators (taken modulo their number).
    series: Vec<usize>,
}

#[derive(Debug, Clone)]
struct GenTile {
    indicator: usize,
    label: Option<String>,
    /// Compare with the point this many before the latest, if there is one.
    since: Option<usize>,
}

#[derive(Debug, Clone)]
struct GenPage {
    title: String,
    charts: Vec<GenChart>,
    tiles: Vec<GenTile>,
    growth: Vec<usize>,
    highlights: bool,
}

/// An annotation, placed by indices that `to_json` turns into years and ids the dataset has.
#[derive(Debug, Clone)]
enum GenAnnotation {
    /// On the `point`th point (modulo their number) of the `indicator`th indicator.
    Callout {
        indicator: usize,
        point: usize,
        text: String,
    },
    /// From the data's first year plus `start`, for `length` more years, within the data's years.
    Period {
        start: usize,
        length: usize,
        label: String,
    },
    /// On the `indicator`th indicator, or on the dataset's unit.
    Reference {
        indicator: Option<usize>,
        value: String,
        label: String,
    },
}

/// Text an annotation may hold: not blank, at most 40 columns, extreme otherwise.
fn gen_short_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z &]{0,39}",
        1 => select(vec![
            "深圳市 GDP",
            "深圳深圳深圳深圳深圳深圳深圳深圳深圳深圳",
            "👩‍👩‍👧 family",
            "e\u{301}\u{301}\u{301}",
            "ｗｉｄｅ　ｔｉｔｌｅ",
            "\u{fe0f}",
            "R&D · % of GDP",
        ])
        .prop_map(str::to_owned),
    ]
}

fn gen_annotation() -> impl Strategy<Value = GenAnnotation> {
    prop_oneof![
        (0usize..8, 0usize..16, gen_short_text()).prop_map(|(indicator, point, text)| {
            GenAnnotation::Callout {
                indicator,
                point,
                text,
            }
        }),
        (0usize..500, 0usize..20, gen_short_text()).prop_map(|(start, length, label)| {
            GenAnnotation::Period {
                start,
                length,
                label,
            }
        }),
        (
            proptest::option::of(0usize..8),
            gen_value(),
            gen_short_text()
        )
            .prop_map(|(indicator, value, label)| GenAnnotation::Reference {
                indicator,
                value,
                label,
            }),
    ]
}

#[derive(Debug, Clone)]
struct GenDataset {
    unit: String,
    indicators: Vec<GenIndicator>,
    events: Vec<i32>,
    annotations: Vec<GenAnnotation>,
    pages: Vec<GenPage>,
}

fn gen_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z &]{1,20}",
        1 => Just(String::new()),
        1 => select(vec![
            "深圳市 GDP",
            "Ünïcödé ñame",
            "👩‍👩‍👧 family",
            "e\u{301}\u{301}\u{301}",
            "ｗｉｄｅ　ｔｉｔｌｅ",
            "a\u{200d}b",
            "\u{fe0f}",
            "R&D · % of GDP",
        ])
        .prop_map(str::to_owned),
        1 => (1usize..300).prop_map(|n| "Long ".repeat(n)),
    ]
}

fn gen_unit() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "%",
            "% of GDP",
            "bn CNY",
            "count",
            "",
            "million",
            "深圳元",
            "% y/y",
            "pts",
            "index",
        ])
        .prop_map(str::to_owned),
        (1usize..80).prop_map(|n| "u".repeat(n)),
    ]
}

/// Values within validation's limits (finite, at most 1e15 in magnitude), extreme within them.
/// Tiny ones matter: a later value divided by one (change and index views) can be infinite,
/// or land just below `f64::MAX` (see `derived_values_near_f64_max_render` and
/// `huge_negative_derived_bars_render`).
fn gen_value() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(vec![
            "0", "-0", "0.0", "1", "-1", "1e15", "-1e15", "999999999999999.9", "0.000000000001",
            "5e-324", "-5e-324", "1e-300", "2.2250738585072014e-308", "0.5", "-0.5",
            "100.000000000000", "1234567.891", "1000000000000000", "-999999999999999",
            "1.7976931348623157e-292", "-1e-306",
        ])
        .prop_map(str::to_owned),
        2 => (-1e15f64..=1e15).prop_map(|v| format!("{v}")),
        2 => (-1000i64..=1000).prop_map(|v| v.to_string()),
        1 => (0u32..1000, 1u32..13).prop_map(|(v, d)| format!("{v}.{}", "0".repeat(d as usize))),
        1 => (-1e15f64..=1e15).prop_map(|v| format!("{v:e}")),
    ]
}

fn gen_points() -> impl Strategy<Value = Vec<GenPoint>> {
    let span = select(vec![0i32, 1, 2, 5, 15, 60, 400]);
    (1800i32..=2200, span)
        .prop_flat_map(|(base, span)| {
            let last = (base + span).min(2200);
            prop::collection::btree_set(base..=last, 1..=16)
        })
        .prop_flat_map(|years| {
            let count = years.len();
            (
                Just(years),
                prop::collection::vec(
                    (
                        gen_value(),
                        select(vec!["high", "medium", "low"]),
                        prop::sample::subsequence(
                            vec![
                                "preliminary",
                                "approximate",
                                "rounded",
                                "derived",
                                "lower_bound",
                            ],
                            0..=5,
                        ),
                    ),
                    count,
                ),
            )
        })
        .prop_map(|(years, values)| {
            years
                .into_iter()
                .zip(values)
                .map(|(year, (value, confidence, flags))| GenPoint {
                    year,
                    value,
                    confidence,
                    flags,
                })
                .collect()
        })
}

fn gen_indicator() -> impl Strategy<Value = GenIndicator> {
    (
        gen_text(),
        gen_points(),
        prop::collection::vec(0usize..20, 0..=3),
    )
        .prop_map(|(name, points, breaks)| {
            // Breaks at years around the points: inside, at the first, just after the last.
            let first = points[0].year;
            let breaks = breaks
                .into_iter()
                .map(|k| (first + k as i32).min(2200))
                .collect();
            GenIndicator {
                name,
                points,
                breaks,
            }
        })
}

fn gen_page() -> impl Strategy<Value = GenPage> {
    (
        gen_text(),
        prop::collection::vec(
            (gen_text(), 0u8..3, prop::collection::vec(0usize..8, 1..=5)).prop_map(
                |(title, kind, series)| GenChart {
                    title,
                    kind,
                    series,
                },
            ),
            0..=5,
        ),
        prop::collection::vec(
            (
                0usize..8,
                proptest::option::of(gen_text()),
                proptest::option::of(1usize..20),
            )
                .prop_map(|(indicator, label, since)| GenTile {
                    indicator,
                    label,
                    since,
                }),
            0..=8,
        ),
        prop::collection::vec(0usize..8, 0..=3),
        any::<bool>(),
    )
        .prop_map(|(title, charts, mut tiles, growth, highlights)| {
            if charts.is_empty() && tiles.is_empty() {
                tiles.push(GenTile {
                    indicator: 0,
                    label: None,
                    since: None,
                });
            }
            GenPage {
                title,
                charts,
                tiles,
                growth,
                highlights,
            }
        })
}

fn gen_dataset() -> impl Strategy<Value = GenDataset> {
    (
        gen_unit(),
        prop::collection::vec(gen_indicator(), 1..=4),
        prop::collection::vec(1800i32..=2200, 0..=4),
        prop::collection::vec(gen_page(), 1..=8),
        prop::collection::vec(gen_annotation(), 0..=4),
    )
        .prop_map(
            |(unit, indicators, events, pages, annotations)| GenDataset {
                unit,
                indicators,
                events,
                annotations,
                pages,
            },
        )
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

impl GenDataset {
    /// The `"annotations": […],` line: every annotation where the data has its point and years.
    fn annotations_json(&self, extra: &[String]) -> String {
        let n = self.indicators.len();
        let years = self
            .indicators
            .iter()
            .flat_map(|i| &i.points)
            .map(|p| p.year);
        let (first, last) = (
            years.clone().min().unwrap_or(2000),
            years.max().unwrap_or(2000),
        );
        let span = (last - first) as usize + 1;
        let annotations: Vec<String> = self
            .annotations
            .iter()
            .enumerate()
            .map(|(i, annotation)| match annotation {
                GenAnnotation::Callout {
                    indicator,
                    point,
                    text,
                } => {
                    let points = &self.indicators[indicator % n].points;
                    let year = points[point % points.len()].year;
                    format!(
                        "{{\"id\": \"a{i}\", \"kind\": \"callout\", \"indicator\": \"i{}\", \"year\": {year}, \"text\": {}}}",
                        indicator % n,
                        json_string(text)
                    )
                }
                GenAnnotation::Period {
                    start,
                    length,
                    label,
                } => {
                    let from = first + (start % span) as i32;
                    let to = (from + *length as i32).min(last);
                    format!(
                        "{{\"id\": \"a{i}\", \"kind\": \"period\", \"from\": {from}, \"to\": {to}, \"label\": {}}}",
                        json_string(label)
                    )
                }
                GenAnnotation::Reference {
                    indicator,
                    value,
                    label,
                } => {
                    let on = match indicator {
                        Some(indicator) => format!("\"indicator\": \"i{}\"", indicator % n),
                        None => format!("\"unit\": {}", json_string(&self.unit)),
                    };
                    format!(
                        "{{\"id\": \"a{i}\", \"kind\": \"reference\", {on}, \"value\": {value}, \"label\": {}, \"sources\": [\"S2\"]}}",
                        json_string(label)
                    )
                }
            })
            .chain(extra.iter().cloned())
            .collect();
        format!("  \"annotations\": [{}],\n", annotations.join(", "))
    }

    /// The dataset as a JSON file that should pass validation.
    fn to_json(&self) -> String {
        self.to_json_with(&[])
    }

    /// The dataset as a JSON file, with `extra` annotations (written as they are) after its own.
    #[allow(clippy::too_many_lines, reason = "one JSON section after another")]
    fn to_json_with(&self, extra: &[String]) -> String {
        let n = self.indicators.len();
        let mut out = String::from("{\n  \"city\": \"Gen City\",\n  \"title\": \"Generated\",\n");
        out.push_str("  \"indicators\": [\n");
        for (i, indicator) in self.indicators.iter().enumerate() {
            let points: Vec<String> = indicator
                .points
                .iter()
                .map(|p| {
                    let flags: Vec<String> = p.flags.iter().map(|f| json_string(f)).collect();
                    format!(
                        "{{\"year\": {}, \"value\": {}, \"confidence\": \"{}\", \"flags\": [{}], \"sources\": [\"S1\"], \"note\": \"n\"}}",
                        p.year,
                        p.value,
                        p.confidence,
                        flags.join(", ")
                    )
                })
                .collect();
            let breaks: Vec<String> = indicator
                .breaks
                .iter()
                .map(|y| format!("{{\"year\": {y}, \"label\": \"method change\"}}"))
                .collect();
            let _ = writeln!(
                out,
                "    {{\"id\": \"i{i}\", \"name\": {}, \"unit\": {}, \"scope\": \"city\", \"definition\": \"d\", \"breaks\": [{}], \"points\": [{}]}}{}",
                json_string(&indicator.name),
                json_string(&self.unit),
                breaks.join(", "),
                points.join(", "),
                if i + 1 < n { "," } else { "" }
            );
        }
        out.push_str("  ],\n  \"events\": [");
        let events: Vec<String> = self
            .events
            .iter()
            .map(|y| {
                format!("{{\"date\": \"{y}\", \"label\": \"event {y}\", \"sources\": [\"S1\"]}}")
            })
            .collect();
        out.push_str(&events.join(", "));
        out.push_str("],\n  \"highlights\": [{\"id\": \"h1\", \"text\": \"A checked fact with a long text that wraps over several lines when the window is narrow\", \"value\": 1, \"unit\": \"x\", \"as_of\": \"2020\", \"confidence\": \"high\", \"sources\": [\"S1\", \"S2\"]}],\n");
        out.push_str(&self.annotations_json(extra));
        out.push_str("  \"sources\": [{\"id\": \"S1\", \"title\": \"Bulletin\", \"publisher\": \"Bureau\", \"date\": \"2020-01-01\", \"url\": \"https://example.org/a\"}, {\"id\": \"S2\", \"title\": \"深圳统计\"}],\n");
        out.push_str("  \"pages\": [\n");
        for (p, page) in self.pages.iter().enumerate() {
            let charts: Vec<String> = page
                .charts
                .iter()
                .map(|c| {
                    let series: Vec<String> = c
                        .series
                        .iter()
                        .map(|s| format!("{{\"indicator\": \"i{}\"}}", s % n))
                        .collect();
                    let (kind, year) = match c.kind {
                        0 => ("bar", String::new()),
                        1 => ("line", String::new()),
                        _ => {
                            let first = &self.indicators[c.series[0] % n].points[0];
                            ("compare", format!(", \"year\": {}", first.year))
                        }
                    };
                    format!(
                        "{{\"title\": {}, \"kind\": \"{kind}\"{year}, \"series\": [{}]}}",
                        json_string(&c.title),
                        series.join(", ")
                    )
                })
                .collect();
            let tiles: Vec<String> = page
                .tiles
                .iter()
                .map(|t| {
                    let indicator = &self.indicators[t.indicator % n];
                    let points = &indicator.points;
                    let since = t
                        .since
                        .filter(|back| *back < points.len())
                        .map(|back| points[points.len() - 1 - back].year);
                    let mut tile = format!("{{\"indicator\": \"i{}\"", t.indicator % n);
                    if let Some(label) = &t.label {
                        let _ = write!(tile, ", \"label\": {}", json_string(label));
                    }
                    if let Some(year) = since {
                        let _ = write!(tile, ", \"since\": {year}");
                    }
                    tile.push('}');
                    tile
                })
                .collect();
            let growth: Vec<String> = page
                .growth
                .iter()
                .map(|g| format!("\"i{}\"", g % n))
                .collect();
            let _ = writeln!(
                out,
                "    {{\"id\": \"p{p}\", \"title\": {}, \"tiles\": [{}], \"highlights\": [{}], \"growth\": [{}], \"charts\": [{}]}}{}",
                json_string(&page.title),
                tiles.join(", "),
                if page.highlights { "\"h1\"" } else { "" },
                growth.join(", "),
                charts.join(", "),
                if p + 1 < self.pages.len() { "," } else { "" }
            );
        }
        out.push_str("  ]\n}\n");
        out
    }
}

proptest! {
    // Each case renders dozens of frames, so shrinking is slow: it is cut short, and a
    // failure carries the dataset's JSON, which reproduces it.
    #![proptest_config(ProptestConfig { max_shrink_time: 60_000, ..config() })]

    #[test]
    fn generated_valid_datasets_render(
        dataset in gen_dataset(),
        ascii in any::<bool>(),
        theme in theme(),
        cursor in select(vec![None, Some(Action::FirstYear), Some(Action::LastYear), Some(Action::PrevYear)]),
        overlay in select(vec![None, Some(Action::ToggleSources), Some(Action::ToggleHelp)]),
        shown in proptest::option::of(prop::collection::vec(any::<bool>(), 0..=4)),
        (width, height) in size(),
    ) {
        let text = dataset.to_json();
        let data = match Dataset::parse(&text, FILE) {
            Ok(data) => data,
            Err(err) => {
                return Err(TestCaseError::fail(format!(
                    "the generator made an invalid dataset ({err}):\n{text}"
                )));
            }
        };
        let now = Instant::now();
        for tab in 0..data.pages.len() {
            for view in [View::Levels, View::Change, View::Index] {
                let mut app = App::new(data.clone()).with_tab(tab);
                app.ascii = ascii;
                if let Some(shown) = &shown {
                    // A talk's beat showing some of them (ids beyond the dataset's show nothing).
                    let ids = shown.iter().enumerate().filter(|(_, s)| **s);
                    let _ = app.show_annotations(Some(ids.map(|(i, _)| format!("a{i}")).collect()));
                }
                app.colours = theme.1;
                app.theme = Theme::pick(theme.0, theme.1);
                if let Some(action) = cursor {
                    app.update(action, now);
                    if action == Action::PrevYear {
                        // The cursor one year in from the last: a year that may be a gap.
                        app.update(Action::PrevYear, now);
                    }
                }
                show_view(&mut app, view, now);
                if let Some(action) = overlay {
                    app.update(action, now);
                }
                for (w, h) in [(width, height), (80, 24)] {
                    // A panic becomes a failure that says where, with the dataset to reproduce it.
                    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        render_checked(&app, w, h)
                    }));
                    match checked {
                        Ok(result) => {
                            result?;
                        }
                        Err(panic) => {
                            let message = panic
                                .downcast_ref::<String>()
                                .map(String::as_str)
                                .or_else(|| panic.downcast_ref::<&str>().copied())
                                .unwrap_or("?");
                            return Err(TestCaseError::fail(format!(
                                "rendering panicked ({message}) on tab {tab}, {view:?} view, \
                                 cursor {cursor:?}, overlay {overlay:?}, ascii {ascii}, at {w}×{h}; \
                                 the dataset:\n{text}"
                            )));
                        }
                    }
                }
            }
        }
    }
}

/// Text for an annotation's `text` or `label`, as JSON: ordinary, long, blank, or unsafe.
fn raw_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => gen_text().prop_map(|text| json_string(&text)),
        1 => select(vec!["\"a\\u001b[2Jb\"", "\"\\u202e\"", "\"\"", "\"   \"", "\"\\u0007\""])
            .prop_map(str::to_owned),
    ]
}

/// An annotation as JSON that may be wrong in any way validation checks: its kind, a field
/// of another kind or missing, unknown ids, years outside the data, long or unsafe text.
fn raw_annotation() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        select(vec!["i0", "i1", "i9", ""]).prop_map(|id| format!("\"indicator\": \"{id}\"")),
        (1790i32..2210).prop_map(|y| format!("\"year\": {y}")),
        (1790i32..2210).prop_map(|y| format!("\"from\": {y}")),
        (1790i32..2210).prop_map(|y| format!("\"to\": {y}")),
        raw_text().prop_map(|t| format!("\"text\": {t}")),
        raw_text().prop_map(|t| format!("\"label\": {t}")),
        gen_value().prop_map(|v| format!("\"value\": {v}")),
        select(vec!["1e309", "\"1\"", "null"]).prop_map(|v| format!("\"value\": {v}")),
        select(vec!["\"bn CNY\"", "\"%\"", "\"\""]).prop_map(|u| format!("\"unit\": {u}")),
        select(vec!["[\"S1\"]", "[]", "[\"S9\"]"]).prop_map(|s| format!("\"sources\": {s}")),
        Just("\"colour\": \"red\"".to_owned()),
    ];
    (
        select(vec!["a0", "a1", "x", ""]),
        select(vec![
            "\"callout\"",
            "\"period\"",
            "\"reference\"",
            "\"note\"",
            "3",
        ]),
        prop::collection::vec(field, 0..=7),
    )
        .prop_map(|(id, kind, fields)| {
            let fields: String = fields.iter().flat_map(|f| [", ", f.as_str()]).collect();
            format!("{{\"id\": \"{id}\", \"kind\": {kind}{fields}}}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { max_shrink_time: 60_000, ..config() })]

    /// Annotations of any shape added to a good dataset: it loads and renders, or is refused
    /// in one clean line that names the file.
    #[test]
    fn generated_annotations_load_or_are_refused_in_one_line(
        dataset in gen_dataset(),
        extra in prop::collection::vec(raw_annotation(), 1..=3),
        (width, height) in size(),
    ) {
        let text = dataset.to_json_with(&extra);
        match Dataset::parse(&text, FILE) {
            Ok(data) => {
                let now = Instant::now();
                for tab in 0..data.pages.len() {
                    let mut app = App::new(data.clone()).with_tab(tab);
                    app.update(Action::LastYear, now);
                    render_checked(&app, width, height)?;
                    render_checked(&app, 80, 24)?;
                }
            }
            Err(err) => {
                let message = err.to_string();
                prop_assert!(message.starts_with(&format!("{FILE}:")), "{}", message);
                prop_assert!(
                    !message.chars().any(super::is_unsafe),
                    "an unsafe character in {:?}",
                    message
                );
            }
        }
    }
}
