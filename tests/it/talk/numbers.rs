//! Every number in a caption of the built-in talk is one the dataset holds, at its published
//! precision, or one the app derives and shows on the same beat. The rule, for each number
//! written in a caption (a run of digits with `,` thousands and an optional decimal part,
//! compared without the commas):
//!
//! 1. a year of the data (1800–2200) the beat's indicators have a point for; or
//! 2. the published value text of a point of the beat's indicators (those the beat's screen
//!    shows: its focused chart's series, else every indicator of its tab), as the dataset
//!    writes it (`3873.18`, `10.0`); or
//! 3. a number written in a highlight of the beat's tab, or an event of the cursor's year
//!    (dataset text the readout or the tab shows); or
//! 4. derived and shown: a number the beat's own frame shows, drawn without its caption at
//!    120×40 and at 80×24. These are listed below by hand, so that an axis label that
//!    happens to match cannot pass a figure silently.

use std::collections::BTreeSet;

use shenzhen_dash::app::App;
use shenzhen_dash::data::{Dataset, Indicator};
use shenzhen_dash::talk::{Beat, Talk};

use crate::support::screen;

/// The numbers accepted under rule 4, by beat (from 1): what the app derives and shows.
const DERIVED_AND_SHOWN: &[(usize, &str)] = &[
    // The overview's GDP tile: "×2.99 since 2012".
    (1, "2.99"),
    // The range readouts: nominal GDP 2012 → 2021, 2012 → 2025, R&D spending 2019 → 2024.
    (2, "2.37"),
    (2, "10.1"),
    (3, "2.99"),
    (3, "8.8"),
    (6, "84.7"),
    (6, "13.1"),
];

/// The numbers written in `text`: `3,873.18` is `3873.18`, `32nd` is `32`, `×2.99` is `2.99`.
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c.is_ascii_digit() {
                number.push(c);
            } else if c == ',' && next_is_digit && !number.contains('.') {
                // A thousands separator, not a comma between two figures ("2012, 2021").
                let group = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if group != 3 {
                    break;
                }
            } else if c == '.' && next_is_digit && !number.contains('.') {
                number.push(c);
            } else {
                break;
            }
            i += 1;
        }
        found.push(number);
    }
    found
}

#[test]
fn numbers_are_read_as_a_reader_reads_them() {
    assert_eq!(
        numbers("GDP 3,873.18 bn yuan in 2025: ×2.99 since 2012."),
        ["3873.18", "2025", "2.99", "2012"]
    );
    assert_eq!(
        numbers("in 2012, 3,066.49 bn in 2021"),
        ["2012", "3066.49", "2021"]
    );
    assert_eq!(
        numbers("the 32nd year; 10.0% and 4.6%."),
        ["32", "10.0", "4.6"]
    );
    assert_eq!(numbers("HK$2.87 trillion"), ["2.87"]);
    assert_eq!(numbers("no figures here"), Vec::<String>::new());
}

/// The indicators a beat's screen shows.
fn indicators<'a>(data: &'a Dataset, beat: &Beat) -> Vec<&'a Indicator> {
    let page = &data.pages[beat.screen.tab];
    match beat.screen.chart {
        Some(chart) => page.charts[chart]
            .series
            .iter()
            .map(|s| data.get(&s.indicator))
            .collect(),
        None => data.page_indicators(page),
    }
}

/// What rules 1 to 3 accept for a beat.
fn held(data: &Dataset, beat: &Beat) -> BTreeSet<String> {
    let shown = indicators(data, beat);
    let mut held: BTreeSet<String> = shown
        .iter()
        .flat_map(|i| &i.points)
        .flat_map(|p| [p.year.to_string(), p.value.to_string()])
        .collect();
    let page = &data.pages[beat.screen.tab];
    for highlight in &page.highlights {
        held.extend(numbers(&data.get(highlight).text));
    }
    for event in &data.events {
        if beat.screen.year.is_some() && event.year() == beat.screen.year {
            held.extend(numbers(&event.label));
        }
    }
    held
}

#[test]
fn every_number_in_a_caption_is_held_by_the_data_or_derived_and_shown() {
    let data = Dataset::embedded().unwrap();
    let talk = Talk::embedded(&data).unwrap();
    let mut failures = Vec::new();
    let mut derived = Vec::new();
    for (index, beat) in talk.beats.iter().enumerate() {
        let n = index + 1;
        let held = held(&data, beat);
        // The beat's screen as the app draws it, without its caption.
        let mut frames = Vec::new();
        for (width, height) in [(120, 40), (80, 24)] {
            let mut app = App::new(data.clone()).with_talk(Talk {
                beats: vec![Beat {
                    caption: Vec::new(),
                    ..beat.clone()
                }],
                ..talk.clone()
            });
            app.go_to_beat(0);
            frames.push(numbers(&screen(&app, width, height)));
        }
        for number in beat.caption.iter().flat_map(|line| numbers(line)) {
            if held.contains(&number) {
                continue;
            }
            if frames.iter().all(|shown| shown.contains(&number)) {
                derived.push((n, number));
            } else {
                failures.push(format!("beat {n}: {number} is neither held nor shown"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    let expected: Vec<(usize, String)> = DERIVED_AND_SHOWN
        .iter()
        .map(|(n, number)| (*n, (*number).to_owned()))
        .collect();
    assert_eq!(derived, expected, "numbers passed as derived and shown");
}

#[test]
fn a_number_the_data_does_not_hold_is_caught() {
    // China Daily's 38.6 % for 2021 (the checked figure is 39.6 %) and a rounding of 3,873.18.
    let data = Dataset::embedded().unwrap();
    let talk = Talk::embedded(&data).unwrap();
    let sei = talk
        .beats
        .iter()
        .find(|b| b.caption.iter().any(|l| l.contains("39.6%")))
        .unwrap();
    let held = held(&data, sei);
    assert!(held.contains("39.6"));
    assert!(!held.contains("38.6"));
    let first = &talk.beats[0];
    assert!(held_or_not(&data, first, "3873.18"));
    assert!(!held_or_not(&data, first, "3873.2"));
    assert!(!held_or_not(&data, first, "3873"));
}

fn held_or_not(data: &Dataset, beat: &Beat, number: &str) -> bool {
    held(data, beat).contains(number)
}
