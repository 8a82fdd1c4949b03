//! Semantic checks on a parsed dataset, each with a message a user can act on and the JSON path
//! of the offending value.

use std::collections::{HashMap, HashSet};
use std::fmt;

use unicode_width::UnicodeWidthStr;

use super::{Annotation, ChartKind, ChartSpec, Dataset, Indicator, Mark, On, Page, Ref, Source};
use crate::error::Problem;
use crate::text::{first_unsafe, is_unsafe, sanitize};

/// The earliest and latest year a point, break or tile may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Larger magnitudes are typos, not statistics.
const MAX_MAGNITUDE: f64 = 1e15;

/// The widest an annotation's text may be, in terminal columns: it is written on a chart, beside
/// the point or across the years it is about, and a sentence is for the speaker to say.
pub const MAX_ANNOTATION_WIDTH: usize = 40;

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
    check.unique_ids(
        "annotations",
        data.annotations.iter().map(|a| a.id.as_str()),
    );
    check.unique_ids("pages", data.pages.iter().map(|p| p.id.as_str()));
    for (i, indicator) in data.indicators.iter().enumerate() {
        check.indicator(Path::Root("indicators").at(i), indicator);
    }
    for (i, event) in data.events.iter().enumerate() {
        let path = Path::Root("events").at(i);
        check.text(path.field("label"), &event.label);
        if let Some(message) = date_problem(&event.date) {
            check.problem(path.field("date"), message);
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
    let years = data.year_span();
    for (i, annotation) in data.annotations.iter().enumerate() {
        check.annotation(Path::Root("annotations").at(i), annotation, data, years);
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
        self.chart_year(path, chart, data);
    }

    /// A compare chart shows one year, which some series must have; other kinds take no year.
    fn chart_year(&mut self, path: Path, chart: &ChartSpec, data: &Dataset) {
        let at = path.field("year");
        match (chart.kind, chart.year) {
            (ChartKind::Compare, None) => {
                self.problem(at, "a compare chart needs the year it compares".to_owned());
            }
            (ChartKind::Compare, Some(year)) => {
                let mut indicators = chart
                    .series
                    .iter()
                    .filter_map(|s| data.indicator(s.indicator.id()));
                if !indicators.any(|i| i.point(year).is_some()) {
                    self.problem(
                        at,
                        format!("none of the chart's series has a point for {year}"),
                    );
                }
            }
            (_, Some(_)) => {
                self.problem(at, "only a compare chart takes a year".to_owned());
            }
            (_, None) => {}
        }
    }

    /// A callout names a point that exists, a period lies within the data's years, a reference
    /// line is drawn on something that exists; their text is short enough for a chart.
    fn annotation(
        &mut self,
        path: Path,
        annotation: &Annotation,
        data: &Dataset,
        years: Option<(i32, i32)>,
    ) {
        match &annotation.mark {
            Mark::Callout {
                indicator,
                year,
                text,
            } => {
                match data.indicator(indicator.id()) {
                    None => self.unknown_indicator(path, indicator.id()),
                    Some(found) if found.point(*year).is_none() => self.problem(
                        path.field("year"),
                        format!("\"{}\" has no point for {year}", found.id),
                    ),
                    Some(_) => {}
                }
                self.short_text(path.field("text"), text);
            }
            Mark::Period { from, to, label } => {
                for (field, year) in [("from", *from), ("to", *to)] {
                    if let Some((first, last)) = years
                        && !(first..=last).contains(&year)
                    {
                        self.problem(
                            path.field(field),
                            format!("{year} is outside the data's years, {first}-{last}"),
                        );
                    }
                }
                if to < from {
                    self.problem(
                        path.field("to"),
                        format!("{to} is before the period's first year, {from}"),
                    );
                }
                self.short_text(path.field("label"), label);
            }
            Mark::Reference {
                on,
                value,
                label,
                sources,
            } => {
                match on {
                    On::Indicator(id) if data.indicator(id.id()).is_none() => {
                        self.unknown_indicator(path, id.id());
                    }
                    On::Indicator(_) => {}
                    On::Unit(unit) => {
                        self.text(path.field("unit"), unit);
                        if !data.indicators.iter().any(|i| i.unit == *unit) {
                            self.problem(
                                path.field("unit"),
                                format!("no indicator has the unit \"{unit}\""),
                            );
                        }
                    }
                }
                self.number(path.field("value"), value.number);
                self.short_text(path.field("label"), label);
                self.cites(path, sources);
            }
        }
    }

    /// Text written on a chart: safe, not blank, and at most [`MAX_ANNOTATION_WIDTH`] columns.
    fn short_text(&mut self, path: Path, text: &str) {
        self.text(path, text);
        let width = text.width();
        if text.trim().is_empty() {
            self.problem(path, "is empty".to_owned());
        } else if width > MAX_ANNOTATION_WIDTH {
            self.problem(
                path,
                format!(
                    "is {width} columns wide; an annotation's text is at most {MAX_ANNOTATION_WIDTH}"
                ),
            );
        }
    }

    fn unknown_indicator(&mut self, path: Path, id: &str) {
        self.problem(
            path.field("indicator"),
            format!("unknown indicator id \"{}\"", sanitize(id)),
        );
    }
}

/// What is wrong with an event's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if anything.
fn date_problem(date: &str) -> Option<String> {
    let number = |part: &str, len: usize| -> Option<i32> {
        let digits = part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    };
    let parts: Vec<Option<i32>> = date
        .split('-')
        .enumerate()
        .map(|(i, part)| number(part, if i == 0 { 4 } else { 2 }))
        .collect();
    let (year, month, day) = match parts.as_slice() {
        [Some(y)] => (*y, 1, 1),
        [Some(y), Some(m)] => (*y, *m, 1),
        [Some(y), Some(m), Some(d)] => (*y, *m, *d),
        _ => (0, 0, 0),
    };
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || day < 1 {
        return Some("expected a date as YYYY, YYYY-MM or YYYY-MM-DD".to_owned());
    }
    let days = days_in_month(year, month);
    (day > days).then(|| format!("no such day: {year}-{month:02} has {days} days"))
}

fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::date_problem;

    const SHAPE: &str = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";

    #[test]
    fn dates_take_three_shapes() {
        for good in ["1980", "1980-08", "2021-03-01", "1800", "2200-12-31"] {
            assert_eq!(date_problem(good), None, "{good}");
        }
        for bad in [
            "2021-13",
            "2021-00",
            "2021-01-00",
            "21-03-01",
            "2021/03/01",
            "2021-3-01",
            "2021-03-1",
            "2021-03-01-01",
            "1799",
            "2201-01",
            "",
            "2021-",
        ] {
            assert_eq!(date_problem(bad).as_deref(), Some(SHAPE), "{bad}");
        }
    }

    #[test]
    fn a_day_must_be_in_its_month() {
        for good in [
            "2021-01-31",
            "2021-02-28",
            "2020-02-29",
            "2000-02-29",
            "2021-03-31",
            "2021-04-30",
            "2021-12-31",
        ] {
            assert_eq!(date_problem(good), None, "{good}");
        }
        for (bad, days) in [
            ("2021-02-31", "2021-02 has 28 days"),
            ("2021-02-29", "2021-02 has 28 days"),
            ("1900-02-29", "1900-02 has 28 days"),
            ("2024-02-30", "2024-02 has 29 days"),
            ("2021-04-31", "2021-04 has 30 days"),
            ("2021-06-31", "2021-06 has 30 days"),
            ("2021-09-31", "2021-09 has 30 days"),
            ("2021-11-31", "2021-11 has 30 days"),
            ("2021-01-32", "2021-01 has 31 days"),
        ] {
            assert_eq!(
                date_problem(bad),
                Some(format!("no such day: {days}")),
                "{bad}"
            );
        }
    }
}
