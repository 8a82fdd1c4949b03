//! Semantic checks on a parsed dataset, each with a message a user can act on and the JSON path
//! of the offending value.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{ChartSpec, Dataset, Indicator, Page, Ref, Source};
use crate::error::Problem;
use crate::text::{first_unsafe, is_unsafe, sanitize};

/// The earliest and latest year a point, break or tile may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Larger magnitudes are typos, not statistics.
const MAX_MAGNITUDE: f64 = 1e15;

/// Every problem found, in file order; empty when the dataset is good.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut check = Checker {
        problems: Vec::new(),
        sources: data.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    check.text(Path::Root("city"), &data.city);
    check.text(Path::Root("title"), &data.title);
    check.unique_ids("sources", data.sources.iter().map(|s| s.id.as_str()));
    check.unique_ids("indicators", data.indicators.iter().map(|i| i.id.as_str()));
    check.unique_ids("highlights", data.highlights.iter().map(|h| h.id.as_str()));
    check.unique_ids("pages", data.pages.iter().map(|p| p.id.as_str()));
    for (i, indicator) in data.indicators.iter().enumerate() {
        check.indicator(Path::Root("indicators").at(i), indicator);
    }
    for (i, event) in data.events.iter().enumerate() {
        let path = Path::Root("events").at(i);
        check.text(path.field("label"), &event.label);
        if !valid_date(&event.date) {
            check.problem(
                path.field("date"),
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD".to_owned(),
            );
        }
        check.cites(path, &event.sources);
    }
    for (i, highlight) in data.highlights.iter().enumerate() {
        let path = Path::Root("highlights").at(i);
        check.text(path.field("text"), &highlight.text);
        check.text(path.field("unit"), &highlight.unit);
        check.text(path.field("as_of"), &highlight.as_of);
        check.number(path.field("value"), highlight.value.number);
        check.cites(path, &highlight.sources);
    }
    for (i, source) in data.sources.iter().enumerate() {
        let path = Path::Root("sources").at(i);
        for (field, text) in [
            ("title", &source.title),
            ("publisher", &source.publisher),
            ("date", &source.date),
            ("url", &source.url),
            ("kind", &source.kind),
        ] {
            check.text(path.field(field), text);
        }
    }
    if data.pages.is_empty() {
        check.problem(Path::Root("pages"), "declares no pages".to_owned());
    }
    for (i, page) in data.pages.iter().enumerate() {
        check.page(Path::Root("pages").at(i), page, data);
    }
    check.problems
}

/// Where a value sits in the file, such as `indicators[3].points[7].year`. Written out only
/// for a problem: most values have none, and a dataset has thousands of them.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'static str),
    Field(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    fn at(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

struct Checker<'a> {
    problems: Vec<Problem>,
    sources: HashSet<&'a str>,
}

impl Checker<'_> {
    /// Messages quote ids, units and other text from the file: keep their control characters
    /// from reaching the terminal, whichever check wrote the message.
    fn problem(&mut self, path: Path, message: String) {
        let message = if message.contains(is_unsafe) {
            sanitize(&message)
        } else {
            message
        };
        let path = path.to_string();
        self.problems.push(Problem { path, message });
    }

    /// Text reaches the terminal, so it must hold no control characters (ESC, BEL, CSI…) and
    /// no bidirectional overrides.
    fn text(&mut self, path: Path, text: &str) {
        if let Some((c, kind)) = first_unsafe(text) {
            self.problem(
                path,
                format!("contains a {kind} character (U+{:04X})", u32::from(c)),
            );
        }
    }

    fn id(&mut self, path: Path, id: &str) {
        self.text(path, id);
        if id.trim().is_empty() {
            self.problem(path, "is empty".to_owned());
        }
    }

    fn unique_ids<'i>(&mut self, list: &'static str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashMap::with_capacity(ids.size_hint().0);
        let root = Path::Root(list);
        for (i, id) in ids.enumerate() {
            let item = root.at(i);
            let path = item.field("id");
            self.id(path, id);
            if let Some(first) = seen.insert(id, i) {
                self.problem(
                    path,
                    format!("duplicate id \"{id}\" (first at {list}[{first}])"),
                );
            }
        }
    }

    fn year(&mut self, path: Path, year: i32) {
        if !YEARS.contains(&year) {
            self.problem(
                path,
                format!("year {year} is outside {}-{}", YEARS.start(), YEARS.end()),
            );
        }
    }

    fn number(&mut self, path: Path, number: f64) {
        if !number.is_finite() {
            self.problem(path, "is not a finite number".to_owned());
        } else if number.abs() > MAX_MAGNITUDE {
            self.problem(
                path,
                format!("{number:e} is implausibly large (limit {MAX_MAGNITUDE:e})"),
            );
        }
    }

    fn cites(&mut self, path: Path, sources: &[Ref<Source>]) {
        let list = path.field("sources");
        if sources.is_empty() {
            self.problem(list, "cites no source".to_owned());
        }
        for (i, id) in sources.iter().map(Ref::id).enumerate() {
            if !self.sources.contains(id) {
                self.text(list.at(i), id);
                self.problem(
                    list.at(i),
                    format!("unknown source id \"{}\"", sanitize(id)),
                );
            }
        }
    }

    fn indicator(&mut self, path: Path, indicator: &Indicator) {
        for (field, text) in [
            ("name", &indicator.name),
            ("unit", &indicator.unit),
            ("scope", &indicator.scope),
            ("definition", &indicator.definition),
            ("notes", &indicator.notes),
        ] {
            self.text(path.field(field), text);
        }
        let points = path.field("points");
        if indicator.points.is_empty() {
            self.problem(points, "empty series: no points".to_owned());
        }
        let mut years = HashMap::with_capacity(indicator.points.len());
        for (i, point) in indicator.points.iter().enumerate() {
            let at = points.at(i);
            self.year(at.field("year"), point.year);
            if let Some(first) = years.insert(point.year, i) {
                self.problem(
                    at.field("year"),
                    format!("duplicate year {} (first at points[{first}])", point.year),
                );
            }
            self.number(at.field("value"), point.value.number);
            self.text(at.field("note"), &point.note);
            self.cites(at, &point.sources);
        }
        let breaks = path.field("breaks");
        for (i, brk) in indicator.breaks.iter().enumerate() {
            let at = breaks.at(i);
            self.year(at.field("year"), brk.year);
            self.text(at.field("label"), &brk.label);
        }
    }

    fn page(&mut self, path: Path, page: &Page, data: &Dataset) {
        self.text(path.field("title"), &page.title);
        if page.charts.is_empty() && page.tiles.is_empty() {
            self.problem(
                path,
                format!("page \"{}\" has no charts or tiles", sanitize(&page.id)),
            );
        }
        let tiles = path.field("tiles");
        for (i, tile) in page.tiles.iter().enumerate() {
            let at = tiles.at(i);
            if let Some(label) = &tile.label {
                self.text(at.field("label"), label);
            }
            match data.indicator(tile.indicator.id()) {
                None => self.unknown_indicator(at, tile.indicator.id()),
                Some(indicator) => {
                    let latest = indicator.points.iter().map(|p| p.year).max();
                    if let Some(since) = tile.since
                        && latest.is_some_and(|latest| since >= latest)
                    {
                        self.problem(
                            at.field("since"),
                            format!(
                                "{since} is not before \"{}\"'s latest year; a change needs two years",
                                indicator.id
                            ),
                        );
                    } else if let Some(since) = tile.since
                        && indicator.point(since).is_none()
                    {
                        self.problem(
                            at.field("since"),
                            format!("\"{}\" has no point for {since}", indicator.id),
                        );
                    }
                }
            }
        }
        let growth = path.field("growth");
        for (i, id) in page.growth.iter().map(Ref::id).enumerate() {
            if data.indicator(id).is_none() {
                self.problem(
                    growth.at(i),
                    format!("unknown indicator id \"{}\"", sanitize(id)),
                );
            }
        }
        let highlights = path.field("highlights");
        for (i, id) in page.highlights.iter().map(Ref::id).enumerate() {
            if !data.highlights.iter().any(|h| h.id == id) {
                self.problem(
                    highlights.at(i),
                    format!("unknown highlight id \"{}\"", sanitize(id)),
                );
            }
        }
        let charts = path.field("charts");
        for (i, chart) in page.charts.iter().enumerate() {
            self.chart(charts.at(i), chart, data);
        }
    }

    fn chart(&mut self, path: Path, chart: &ChartSpec, data: &Dataset) {
        self.text(path.field("title"), &chart.title);
        let list = path.field("series");
        if chart.series.is_empty() {
            self.problem(list, "chart has no series".to_owned());
        }
        let mut unit: Option<&str> = None;
        for (i, series) in chart.series.iter().enumerate() {
            let at = list.at(i);
            if let Some(label) = &series.label {
                self.text(at.field("label"), label);
            }
            let Some(indicator) = data.indicator(series.indicator.id()) else {
                self.unknown_indicator(at, series.indicator.id());
                continue;
            };
            match unit {
                None => unit = Some(&indicator.unit),
                Some(first) if first != indicator.unit => self.problem(
                    at.field("indicator"),
                    format!(
                        "unit \"{}\" differs from the chart's \"{first}\"; one chart, one unit",
                        indicator.unit
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    fn unknown_indicator(&mut self, path: Path, id: &str) {
        self.problem(
            path.field("indicator"),
            format!("unknown indicator id \"{}\"", sanitize(id)),
        );
    }
}

fn valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |part: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        part.len() == len
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 1800..=2200),
        [y, m] => number(y, 4, 1800..=2200) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 1800..=2200) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::valid_date;

    #[test]
    fn dates_take_three_shapes() {
        assert!(valid_date("1980"));
        assert!(valid_date("1980-08"));
        assert!(valid_date("2021-03-01"));
        assert!(!valid_date("2021-13"));
        assert!(!valid_date("21-03-01"));
        assert!(!valid_date("2021/03/01"));
    }
}
