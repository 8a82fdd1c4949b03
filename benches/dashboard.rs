//! `cargo bench`: parsing + validating datasets and rendering tabs to a buffer.
//!
//! - `load/embedded`, `load/generated_{100,1000}_indicators`: `Dataset::parse` of the embedded
//!   asset and of generated datasets with 200 years per indicator (throughput in bytes, so
//!   linear growth shows as an equal MiB/s). Dropping the dataset is not timed.
//! - `render/<tab>/{120x40,300x100}`: every tab of the embedded dataset.
//! - `render_cold_layout/<tab>/120x40`: the same with ratatui's layout cache cut to one entry,
//!   as on a tab's first visit.
//! - `render/generated_200_years/120x40`: a single line chart of 200 years, in a dataset of
//!   1,000 indicators × 200 years.
//! - `render_scaling/points/...`: that chart with 20, 200 and 400 years in a dataset of that one
//!   indicator (does a frame grow with the points charted?), and
//!   `render_scaling/dataset/...`: the 200-year chart in datasets of 100 and 1,000 indicators
//!   (does a frame grow with the data that is not on screen?).
//!
//! The generated datasets are built here, in memory; nothing is committed. Results and how to
//! read them: docs/PERFORMANCE.md.

// A benchmark that cannot load its own fixture has nothing to measure: failing loudly is right.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::num::NonZeroUsize;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::layout::Layout;
use shenzhen_dash::app::App;
use shenzhen_dash::data::{Dataset, EMBEDDED, EMBEDDED_BINARY};
use shenzhen_dash::headless;

const SIZES: [(u16, u16); 2] = [(120, 40), (300, 100)];
const FIRST_YEAR: usize = 1800;

/// A valid dataset of `indicators` series with `years` yearly points each (from 1800), five
/// sources, a few events, and three pages: tiles, a grid of four charts of a few indicators,
/// and one line chart of a single indicator over all its years (`long`).
fn generated(indicators: usize, years: usize) -> String {
    let mut json = String::with_capacity(indicators * years * 100);
    json.push_str(r#"{"city":"Generated","title":"Generated benchmark data","indicators":["#);
    for i in 0..indicators {
        if i > 0 {
            json.push(',');
        }
        write!(
            json,
            r#"{{"id":"ind{i}","name":"Indicator {i}","unit":"bn CNY","scope":"generated","#
        )
        .unwrap();
        if i % 10 == 0 {
            let year = FIRST_YEAR + years / 2;
            write!(
                json,
                r#""breaks":[{{"year":{year},"label":"method change"}}],"#
            )
            .unwrap();
        }
        json.push_str(r#""points":["#);
        for y in 0..years {
            if y > 0 {
                json.push(',');
            }
            let year = FIRST_YEAR + y;
            // Deterministic, varied values with two published decimals.
            let hundredths = 10_000 + (i * 7_919 + y * 104_729) % 100_000;
            let confidence = if (i + y) % 3 == 0 { "medium" } else { "high" };
            let source = 1 + (i + y) % 5;
            write!(
                json,
                r#"{{"year":{year},"value":{}.{:02},"confidence":"{confidence}","sources":["S{source}"]"#,
                hundredths / 100,
                hundredths % 100
            )
            .unwrap();
            if y + 1 == years {
                json.push_str(r#","flags":["preliminary"],"note":"early release""#);
            }
            json.push('}');
        }
        json.push_str("]}");
    }
    json.push_str(r#"],"events":["#);
    for (n, y) in [years / 4, years / 2, years * 3 / 4].iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        write!(
            json,
            r#"{{"date":"{}","label":"Event {n}","sources":["S1"]}}"#,
            FIRST_YEAR + y
        )
        .unwrap();
    }
    json.push_str(r#"],"sources":["#);
    for s in 1..=5 {
        if s > 1 {
            json.push(',');
        }
        write!(
            json,
            r#"{{"id":"S{s}","title":"Generated source {s}","publisher":"bench"}}"#
        )
        .unwrap();
    }
    let few = indicators.min(6);
    let ind = |k: usize| format!("ind{}", k % few);
    write!(
        json,
        r#"],"pages":[
{{"id":"overview","title":"Overview","tiles":[{{"indicator":"{a}"}},{{"indicator":"{b}"}},{{"indicator":"{c}"}}],"growth":["{a}","{b}"]}},
{{"id":"sample","title":"A few indicators","charts":[
 {{"title":"Two lines","kind":"line","series":[{{"indicator":"{a}"}},{{"indicator":"{b}"}}]}},
 {{"title":"Bars","kind":"bar","series":[{{"indicator":"{c}"}}]}},
 {{"title":"One line","kind":"line","series":[{{"indicator":"{d}"}}]}},
 {{"title":"Grouped bars","kind":"bar","series":[{{"indicator":"{e}"}},{{"indicator":"{f}"}}]}}]}},
{{"id":"long","title":"All years","charts":[{{"title":"Every year","kind":"line","series":[{{"indicator":"{a}"}}]}}]}}
]}}"#,
        a = ind(0),
        b = ind(1),
        c = ind(2),
        d = ind(3),
        e = ind(4),
        f = ind(5),
    )
    .unwrap();
    json
}

/// The app on the page with id `page`.
fn app_on(data: Dataset, page: &str) -> App {
    let tab = data.pages.iter().position(|p| p.id == page).unwrap();
    App::new(data).with_tab(tab)
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(EMBEDDED.len() as u64));
    // The embedded text as a user's file is read: JSON parsed, validated, ids resolved.
    group.bench_function("embedded_text", |b| {
        b.iter_with_large_drop(|| Dataset::parse(black_box(EMBEDDED), "embedded").unwrap());
    });
    // What a launch reads: the same dataset, already loaded, in its binary form.
    group.throughput(Throughput::Bytes(EMBEDDED_BINARY.len() as u64));
    group.bench_function("embedded_binary", |b| {
        b.iter_with_large_drop(|| Dataset::embedded().unwrap());
    });
    for indicators in [100, 1000] {
        let text = generated(indicators, 200);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("generated_{indicators}_indicators"), |b| {
            b.iter_with_large_drop(|| Dataset::parse(black_box(&text), "generated").unwrap());
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    let data = Dataset::embedded().unwrap();
    for page in &data.pages {
        let app = app_on(data.clone(), &page.id);
        for (width, height) in SIZES {
            group.bench_function(format!("{}/{width}x{height}", page.id), |b| {
                b.iter(|| headless::render(black_box(&app), width, height));
            });
        }
    }
    let app = app_on(
        Dataset::parse(&generated(1000, 200), "generated").unwrap(),
        "long",
    );
    group.bench_function("generated_200_years/120x40", |b| {
        b.iter(|| headless::render(black_box(&app), 120, 40));
    });
    group.finish();
}

/// Every tab with ratatui's layout cache cut to one entry: the cost of a tab's first frame,
/// when every `Layout` is solved anew (the `render` group measures the warm cache).
fn render_cold_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("render_cold_layout");
    let data = Dataset::embedded().unwrap();
    Layout::init_cache(NonZeroUsize::MIN);
    for page in &data.pages {
        let app = app_on(data.clone(), &page.id);
        group.bench_function(format!("{}/120x40", page.id), |b| {
            b.iter(|| headless::render(black_box(&app), 120, 40));
        });
    }
    Layout::init_cache(NonZeroUsize::new(Layout::DEFAULT_CACHE_SIZE).unwrap());
    group.finish();
}

/// What a frame's cost grows with: the points in the chart, or the size of the dataset.
fn render_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("render_scaling");
    // One indicator, so that the chart's points are nearly all the data there is.
    for years in [20, 200, 400] {
        let app = app_on(
            Dataset::parse(&generated(1, years), "generated").unwrap(),
            "long",
        );
        group.bench_function(format!("points/{years}_years_1_indicator/120x40"), |b| {
            b.iter(|| headless::render(black_box(&app), 120, 40));
        });
    }
    for indicators in [100, 1000] {
        let app = app_on(
            Dataset::parse(&generated(indicators, 200), "generated").unwrap(),
            "long",
        );
        group.bench_function(
            format!("dataset/200_years_{indicators}_indicators/120x40"),
            |b| b.iter(|| headless::render(black_box(&app), 120, 40)),
        );
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = load, render, render_cold_layout, render_scaling
}
criterion_main!(benches);
