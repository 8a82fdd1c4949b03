//! The dataset: its serde model, the embedded asset, and the one parse + validate path that both
//! the embedded asset and a user's file go through.

mod annotation;
#[cfg(test)]
mod reproducible;
mod resolve;
mod validate;
mod value;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
pub use annotation::{Annotation, Mark, On};
pub use resolve::{Ref, Target};
pub use value::Value;

/// The Shenzhen dataset as text, built from `data/reference` and `assets/pages.json` by
/// `cargo xtask assets`: what the figures are read and checked from.
pub const EMBEDDED: &str = include_str!("../assets/shenzhen.json");

/// The same dataset as compiled into the binary: [`EMBEDDED`] loaded (parsed, validated, ids
/// resolved) and written in postcard's binary form by `cargo xtask assets`, so the dashboard's
/// first frame does not wait for JSON parsing and validation that give the same result at
/// every launch. A test proves it is exactly [`Dataset::encode`] of [`EMBEDDED`].
pub const EMBEDDED_BINARY: &[u8] = include_bytes!("../assets/shenzhen.bin");

/// How the embedded asset is named in messages.
pub const EMBEDDED_NAME: &str = "assets/shenzhen.json (embedded)";

pub use crate::file::MAX_FILE_BYTES;

/// A whole dataset: figures with their sources, and the pages that chart them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub city: String,
    pub title: String,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    /// Callouts, periods and reference lines drawn on the charts.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    pub sources: Vec<Source>,
    pub pages: Vec<Page>,
}

/// One series: what it measures, in which unit, and its yearly points.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub notes: String,
    /// Discontinuities (census corrections, method changes): a line is not drawn across them.
    #[serde(default)]
    pub breaks: Vec<Break>,
    pub points: Vec<Point>,
}

/// The series changes meaning between `year - 1` and `year`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub year: i32,
    pub label: String,
}

/// One sourced value for one year.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub year: i32,
    pub value: Value,
    pub confidence: Confidence,
    #[serde(default)]
    pub flags: Vec<Flag>,
    pub sources: Vec<Ref<Source>>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    /// The name as written in dataset files.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// Caveats a reader must be able to see on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    Preliminary,
    Approximate,
    Rounded,
    Derived,
    LowerBound,
}

impl Flag {
    pub const ALL: [Flag; 5] = [
        Flag::Approximate,
        Flag::Rounded,
        Flag::Preliminary,
        Flag::Derived,
        Flag::LowerBound,
    ];

    /// The one-character mark drawn beside a flagged value.
    pub fn symbol(self) -> char {
        match self {
            Flag::Approximate => '~',
            Flag::Rounded => '≈',
            Flag::Preliminary => '*',
            Flag::Derived => '†',
            Flag::LowerBound => '≥',
        }
    }

    /// The name as written in dataset files.
    pub fn id(self) -> &'static str {
        match self {
            Flag::LowerBound => "lower_bound",
            other => other.name(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Flag::Approximate => "approximate",
            Flag::Rounded => "rounded",
            Flag::Preliminary => "preliminary",
            Flag::Derived => "derived",
            Flag::LowerBound => "lower bound",
        }
    }
}

/// A dated event, drawn as an annotation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub label: String,
    pub sources: Vec<Ref<Source>>,
}

impl Event {
    /// The year of the event; validation guarantees the date starts with one.
    pub fn year(&self) -> Option<i32> {
        self.date.get(..4)?.parse().ok()
    }
}

/// A headline fact with its own sources.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub id: String,
    pub text: String,
    pub value: Value,
    pub unit: String,
    pub as_of: String,
    pub confidence: Confidence,
    pub sources: Vec<Ref<Source>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub kind: String,
}

/// One tab of the dashboard.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: String,
    /// Headline figures, each with a small trend.
    #[serde(default)]
    pub tiles: Vec<Tile>,
    /// Highlights shown below the tiles.
    #[serde(default)]
    pub highlights: Vec<Ref<Highlight>>,
    /// Indicators whose compound annual growth (first to last year with data) is stated.
    #[serde(default)]
    pub growth: Vec<Ref<Indicator>>,
    #[serde(default)]
    pub charts: Vec<ChartSpec>,
}

/// A headline figure: the latest value of an indicator and its change.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tile {
    pub indicator: Ref<Indicator>,
    pub label: Option<String>,
    /// Compare the latest value with this year; without it, with the point before the latest.
    pub since: Option<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    pub title: String,
    pub kind: ChartKind,
    pub series: Vec<SeriesSpec>,
    /// The year a `compare` chart shows until the year cursor moves; only that kind takes one.
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Bars by year, one per series in each year.
    Bar,
    /// A line per series across the years, with a marker on every point.
    Line,
    /// One year: a horizontal bar per series, sorted by value.
    Compare,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesSpec {
    pub indicator: Ref<Indicator>,
    /// Legend text; the indicator's name when absent.
    pub label: Option<String>,
}

impl Dataset {
    /// The dataset compiled into the binary, as loaded from [`EMBEDDED`].
    pub fn embedded() -> Result<Dataset, LoadError> {
        postcard::from_bytes(EMBEDDED_BINARY).map_err(|err| LoadError::Corrupt {
            file: EMBEDDED_NAME.to_owned(),
            message: err.to_string(),
        })
    }

    /// The binary form of a loaded dataset, read back by [`Dataset::embedded`].
    pub fn encode(&self) -> Vec<u8> {
        // Writing to memory fails only if memory does.
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// Reads and loads a user's dataset file.
    pub fn from_file(path: &Path) -> Result<Dataset, LoadError> {
        let (name, text) = crate::file::read(path, "dataset")?;
        Dataset::parse(&text, &name)
    }

    /// Parses and validates dataset text; `file` names it in messages.
    pub fn parse(text: &str, file: &str) -> Result<Dataset, LoadError> {
        // Editors on Windows may save UTF-8 with a byte order mark; JSON parsers may ignore it.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        // serde also accepts a struct written as an array of its fields in order, which turns a
        // top-level array into baffling messages about its first element.
        let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
        if text[start..].starts_with('[') {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            return Err(LoadError::Syntax {
                file: file.to_owned(),
                line: text[..start].matches('\n').count() + 1,
                column: start - line_start + 1,
                message: "expected a JSON object, found an array".to_owned(),
            });
        }
        // Files are read fast, and only a file that fails is read again, slowly, tracking the
        // JSON path to name where it failed.
        let dataset: Dataset = serde_json::from_str(text).or_else(|_| {
            let mut json = serde_json::Deserializer::from_str(text);
            let parsed = serde_path_to_error::deserialize(&mut json)
                .map_err(|err| LoadError::from_json(file, &err))?;
            json.end()
                .map_err(|err| LoadError::syntax(file, &err, String::new()))?;
            Ok::<_, LoadError>(parsed)
        })?;
        let problems = validate::validate(&dataset);
        if problems.is_empty() {
            let mut dataset = dataset;
            for indicator in &mut dataset.indicators {
                indicator.points.sort_by_key(|p| p.year);
            }
            resolve::resolve(&mut dataset);
            Ok(dataset)
        } else {
            Err(LoadError::Invalid {
                file: file.to_owned(),
                problems,
            })
        }
    }

    /// The indicator with this id: for validation and tests. A loaded dataset's pages hold
    /// resolved references instead ([`Dataset::get`]).
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The first and last year with any point.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        year_span(&self.indicators)
    }

    /// Each indicator a page shows, once, in the order it first appears: tiles, then charts.
    pub fn page_indicators(&self, page: &Page) -> Vec<&Indicator> {
        let series = page.charts.iter().flat_map(|c| &c.series);
        let refs = page
            .tiles
            .iter()
            .map(|t| &t.indicator)
            .chain(series.map(|s| &s.indicator));
        let mut seen: Vec<&Ref<Indicator>> = Vec::new();
        for indicator in refs {
            if !seen.contains(&indicator) {
                seen.push(indicator);
            }
        }
        seen.into_iter().map(|r| self.get(r)).collect()
    }

    /// How many sources are cited anywhere, for the footer's "N sources".
    pub fn cited_source_count(&self) -> usize {
        let points = self.indicators.iter().flat_map(|i| &i.points);
        let mut cited = vec![false; self.sources.len()];
        let refs = points
            .flat_map(|p| &p.sources)
            .chain(self.events.iter().flat_map(|e| &e.sources))
            .chain(self.highlights.iter().flat_map(|h| &h.sources))
            .chain(self.annotations.iter().flat_map(Annotation::sources));
        for source in refs {
            cited[source.position()] = true;
        }
        cited.into_iter().filter(|&c| c).count()
    }
}

/// The first and last year with a point in any of these indicators.
pub fn year_span<'a>(indicators: impl IntoIterator<Item = &'a Indicator>) -> Option<(i32, i32)> {
    let years = indicators
        .into_iter()
        .flat_map(|i| &i.points)
        .map(|p| p.year);
    years.fold(None, |span, year| match span {
        None => Some((year, year)),
        Some((first, last)) => Some((first.min(year), last.max(year))),
    })
}

/// Whether a unit is a percentage (`%`, `% of GDP`): its changes are in points, its labels
/// carry `%`.
pub fn is_percent(unit: &str) -> bool {
    unit.starts_with('%')
}

impl Point {
    /// Whether the value is only a floor ("over 4.65 million"): not a level to compute a change
    /// or a growth rate from.
    pub fn is_lower_bound(&self) -> bool {
        self.flags.contains(&Flag::LowerBound)
    }
}

impl Indicator {
    /// The point for `year`; points are sorted by year once loaded.
    pub fn point(&self, year: i32) -> Option<&Point> {
        self.points.iter().find(|p| p.year == year)
    }

    /// A break between year `after` and year `through` (after `after`, by `through`): a change
    /// across it is not all real change.
    pub fn break_within(&self, after: i32, through: i32) -> Option<&Break> {
        self.breaks
            .iter()
            .find(|b| b.year > after && b.year <= through)
    }

    /// Whether a break separates `year` from the year before it.
    pub fn breaks_before(&self, year: i32) -> bool {
        self.break_within(year - 1, year).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_exactly_the_size_limit_is_read() {
        let path = std::env::temp_dir().join(format!(
            "shenzhen-dash-{}-at-the-limit.json",
            std::process::id()
        ));
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES).unwrap(); // sparse: costs no disk
        let err = Dataset::from_file(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(
            matches!(err, LoadError::Syntax { .. }),
            "read and parsed, not refused for its size: {err}"
        );
    }

    #[test]
    fn embedded_asset_is_valid() {
        let data = Dataset::embedded().expect("embedded asset validates");
        assert_eq!(data.city, "Shenzhen");
        assert_eq!(data.pages.len(), 7);
    }

    #[test]
    fn embedded_asset_has_the_corrected_rd_figures() {
        let data = Dataset::embedded().unwrap();
        let rd = data.indicator("rd_intensity").unwrap();
        assert_eq!(rd.point(2020).unwrap().value.number, 5.46);
        assert_eq!(rd.point(2021).unwrap().value.number, 5.49);
        assert!(rd.point(2013).is_none(), "2013 is a gap, not a value");
    }

    /// Each annotation of the embedded asset says only what its figures show.
    #[test]
    fn embedded_annotations_state_what_the_data_shows() {
        let data = Dataset::embedded().unwrap();
        let gdp = data.indicator("gdp").unwrap();
        let by_id = |id: &str| data.annotations.iter().find(|a| a.id == id).unwrap();
        let Mark::Callout {
            indicator,
            year,
            text,
        } = &by_id("gdp_doubled").mark
        else {
            panic!("a callout");
        };
        assert_eq!((data.get(indicator).id.as_str(), *year), ("gdp", 2021));
        assert_eq!(text, "more than doubled since 2012");
        let (then, now) = (gdp.point(2012).unwrap(), gdp.point(2021).unwrap());
        assert!(now.value.number / then.value.number > 2.0);
        assert!(
            gdp.break_within(2012, 2021).is_none(),
            "one series, no break between"
        );
        // The OECD line stands at the OECD's 2019 point, cites its sources and says its year.
        let Mark::Reference {
            value,
            label,
            sources,
            ..
        } = &by_id("oecd_rd_2019").mark
        else {
            panic!("a reference line");
        };
        let oecd = data
            .indicator("rd_intensity_oecd")
            .unwrap()
            .point(2019)
            .unwrap();
        assert_eq!(*value, oecd.value);
        assert_eq!(sources, &oecd.sources);
        assert!(label.contains("OECD") && label.contains("2019"), "{label}");
        let Mark::Period { from, to, .. } = by_id("covid").mark else {
            panic!("a period");
        };
        assert_eq!((from, to), (2020, 2022));
    }

    #[test]
    fn embedded_values_keep_their_published_precision() {
        let data = Dataset::embedded().unwrap();
        let gdp = data.indicator("gdp").unwrap();
        assert_eq!(gdp.point(2014).unwrap().value.to_string(), "1600.20");
        assert_eq!(gdp.point(2015).unwrap().value.to_string(), "1750");
    }
}
