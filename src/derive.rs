//! Figures computed from the dataset: year-on-year change, an index, the change between two
//! years and compound growth (`range`). Each is computed only between years that both have
//! data, never across a series break, never from a lower bound, and is labelled as derived
//! wherever it is shown.

mod range;

pub use range::{Change, NoChange, Stretch, between};

use crate::data::{Indicator, Point, Value, is_percent};

/// What a tab's charts show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The published values.
    #[default]
    Levels,
    /// Change on the year before: % for levels, percentage points for ratios.
    Change,
    /// The first year with data = 100, so series in different units compare.
    Index,
}

impl View {
    /// How the view names itself in a chart's title.
    pub fn label(self) -> Option<&'static str> {
        match self {
            View::Levels => None,
            View::Change => Some("year-on-year change, derived"),
            View::Index => Some("index, first year = 100, derived"),
        }
    }
}

/// The indicator as the view shows it; `None` for levels (use the indicator itself).
pub fn view(indicator: &Indicator, view: View) -> Option<Indicator> {
    match view {
        View::Levels => None,
        View::Change => Some(year_on_year(indicator)),
        View::Index => Some(index(indicator)),
    }
}

/// Change on the previous year, for each year whose previous year has data and no break
/// between them. Ratios change in percentage points, levels in percent.
pub fn year_on_year(indicator: &Indicator) -> Indicator {
    let points_unit = is_percent(&indicator.unit);
    let points = indicator
        .points
        .windows(2)
        .filter(|pair| pair[1].year == pair[0].year + 1 && !indicator.breaks_before(pair[1].year))
        .filter(|pair| comparable(&pair[0], &pair[1]))
        .filter_map(|pair| {
            let (before, after) = (&pair[0], &pair[1]);
            let number = if points_unit {
                after.value.number - before.value.number
            } else if before.value.number == 0.0 {
                return None;
            } else {
                (after.value.number / before.value.number - 1.0) * 100.0
            };
            // A ratio to a value next to zero is not a figure anyone published.
            let decimals = if points_unit { 2 } else { 1 };
            number
                .is_finite()
                .then(|| derived_point(after, before, number, decimals))
        })
        .collect();
    Indicator {
        unit: if points_unit {
            "pts".to_owned()
        } else {
            "% y/y".to_owned()
        },
        points,
        ..indicator.clone()
    }
}

/// Each value against the first year with data, which is 100. Not carried across a break:
/// the index restarts nowhere, it simply stops being comparable, so points after the first
/// break are left out, and so are lower bounds.
pub fn index(indicator: &Indicator) -> Indicator {
    let base = indicator.points.first();
    let first_break = indicator
        .breaks
        .iter()
        .map(|b| b.year)
        .filter(|year| base.is_some_and(|p| *year > p.year))
        .min();
    // A zero base gives no finite ratio, so no point at all: the index is left empty.
    let points = base.map_or_else(Vec::new, |base| {
        indicator
            .points
            .iter()
            .filter(|p| first_break.is_none_or(|b| p.year < b) && comparable(p, base))
            .map(|p| derived_point(p, base, p.value.number / base.value.number * 100.0, 1))
            .filter(|p| p.value.number.is_finite())
            .collect()
    });
    Indicator {
        unit: "index".to_owned(),
        points,
        ..indicator.clone()
    }
}

/// Compound annual growth from the first to the last year with data, when both exist, are
/// positive, differ, are not lower bounds, and no break lies between them: (first year, last
/// year, % per year). A share in percent has none: it changes in points ([`between`]).
pub fn cagr(indicator: &Indicator) -> Option<(i32, i32, f64)> {
    let (first, last) = (indicator.points.first()?, indicator.points.last()?);
    let stretch = between(indicator, first.year, last.year);
    Some((first.year, last.year, stretch.per_year()?))
}

/// Whether a change between two values may be computed: not if either is only a lower bound
/// ("over 4.65 million"), which is no level to measure a change from or to.
pub fn comparable(a: &Point, b: &Point) -> bool {
    !a.is_lower_bound() && !b.is_lower_bound()
}

/// A computed point: it keeps both inputs' caveats and sources.
fn derived_point(point: &Point, other: &Point, number: f64, decimals: u8) -> Point {
    let mut flags = point.flags.clone();
    flags.extend(other.flags.iter().filter(|f| !point.flags.contains(f)));
    let mut sources = point.sources.clone();
    sources.extend(
        other
            .sources
            .iter()
            .filter(|s| !point.sources.contains(s))
            .cloned(),
    );
    Point {
        value: Value { number, decimals },
        flags,
        sources,
        ..point.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Flag, Ref};

    pub(super) fn indicator(id: &str) -> Indicator {
        Dataset::embedded().unwrap().indicator(id).unwrap().clone()
    }

    /// A series as a dataset file would declare it: `(year, value, flags, sources)` per point.
    pub(super) fn series(
        unit: &str,
        breaks: &[i32],
        points: &[(i32, &str, &[&str], &[&str])],
    ) -> Indicator {
        let breaks: Vec<String> = breaks
            .iter()
            .map(|year| format!(r#"{{"year": {year}, "label": "break"}}"#))
            .collect();
        let points: Vec<String> = points
            .iter()
            .map(|(year, value, flags, sources)| {
                format!(
                    r#"{{"year": {year}, "value": {value}, "confidence": "high", "flags": {flags:?}, "sources": {sources:?}, "note": "note {year}"}}"#
                )
            })
            .collect();
        serde_json::from_str(&format!(
            r#"{{"id": "x", "name": "X", "unit": "{unit}", "breaks": [{}], "points": [{}]}}"#,
            breaks.join(","),
            points.join(",")
        ))
        .unwrap()
    }

    fn values(indicator: &Indicator) -> Vec<(i32, f64)> {
        indicator
            .points
            .iter()
            .map(|p| (p.year, (p.value.number * 1e6).round() / 1e6))
            .collect()
    }

    #[test]
    fn levels_are_the_indicator_itself_and_the_other_views_are_computed() {
        let gdp = series(
            "bn CNY",
            &[],
            &[(2020, "200", &[], &["A"]), (2021, "250", &[], &["B"])],
        );
        assert!(view(&gdp, View::Levels).is_none());
        let change = view(&gdp, View::Change).unwrap();
        assert_eq!(values(&change), [(2021, 25.0)]);
        assert_eq!(change.unit, "% y/y");
        let index = view(&gdp, View::Index).unwrap();
        assert_eq!(values(&index), [(2020, 100.0), (2021, 125.0)]);
        assert_eq!(index.unit, "index");
    }

    #[test]
    fn year_on_year_skips_gaps_and_breaks() {
        let population = year_on_year(&indicator("population"));
        assert!(
            population.point(2020).is_none(),
            "no growth across the census break"
        );
        let change_2021 = population.point(2021).unwrap().value.number;
        assert!((change_2021 - (17.6816 / 17.5601 - 1.0) * 100.0).abs() < 1e-9);
        let rd = year_on_year(&indicator("rd_intensity"));
        assert!(rd.point(2014).is_none(), "2013 is a gap");
        assert_eq!(rd.unit, "pts");
        assert!((rd.point(2021).unwrap().value.number - 0.03).abs() < 1e-9);
    }

    #[test]
    fn year_on_year_of_a_zero_level_is_no_figure() {
        let firms = series(
            "count",
            &[],
            &[(2020, "0", &[], &["A"]), (2021, "5", &[], &["A"])],
        );
        assert!(year_on_year(&firms).points.is_empty());
    }

    #[test]
    fn index_starts_at_100_and_stops_at_a_break() {
        let gdp = index(&indicator("gdp"));
        assert!((gdp.point(2012).unwrap().value.number - 100.0).abs() < 1e-9);
        let population = index(&indicator("population"));
        assert!(population.point(2019).is_some());
        assert!(population.point(2020).is_none());
    }

    #[test]
    fn index_keeps_its_gaps_and_ignores_a_break_before_its_first_year() {
        let points: &[(i32, &str, &[&str], &[&str])] = &[
            (2016, "80", &[], &["A"]),
            (2018, "100", &[], &["A"]),
            (2019, "120", &[], &["A"]),
        ];
        let index = index(&series("bn CNY", &[2016], points));
        assert_eq!(
            values(&index),
            [(2016, 100.0), (2018, 125.0), (2019, 150.0)]
        );
        assert_eq!(index.unit, "index");
        assert_eq!(index.points[1].year, 2018, "the 2017 gap stays a gap");
    }

    #[test]
    fn index_on_a_zero_base_is_empty() {
        let points: &[(i32, &str, &[&str], &[&str])] =
            &[(2020, "0", &[], &["A"]), (2021, "5", &[], &["A"])];
        assert!(index(&series("count", &[], points)).points.is_empty());
    }

    #[test]
    fn cagr_uses_first_and_last_years_with_data() {
        let (first, last, rate) = cagr(&indicator("gdp")).unwrap();
        assert_eq!((first, last), (2012, 2025));
        let expected = ((3873.18f64 / 1295.01).powf(1.0 / 13.0) - 1.0) * 100.0;
        assert!((rate - expected).abs() < 1e-9);
        assert!(cagr(&indicator("population")).is_none(), "the census break");
        // A share changes in points: China's R&D intensity has no break, and no growth rate.
        assert!(cagr(&indicator("china_rd_intensity")).is_none());
    }

    #[test]
    fn cagr_refuses_one_year_a_break_and_non_positive_ends() {
        let good: &[(i32, &str, &[&str], &[&str])] =
            &[(2020, "100", &[], &["A"]), (2022, "121", &[], &["A"])];
        let (first, last, rate) = cagr(&series("bn CNY", &[], good)).unwrap();
        assert_eq!((first, last), (2020, 2022));
        assert!((rate - 10.0).abs() < 1e-9, "{rate}");
        assert!(cagr(&series("bn CNY", &[2021], good)).is_none(), "a break");
        let one_year: &[(i32, &str, &[&str], &[&str])] = &[(2020, "100", &[], &["A"])];
        assert!(cagr(&series("bn CNY", &[], one_year)).is_none(), "one year");
        for (from, to) in [("0", "121"), ("-100", "121"), ("100", "0"), ("100", "-121")] {
            let ends: &[(i32, &str, &[&str], &[&str])] =
                &[(2020, from, &[], &["A"]), (2022, to, &[], &["A"])];
            assert!(
                cagr(&series("bn CNY", &[], ends)).is_none(),
                "{from} → {to}"
            );
        }
        assert!(cagr(&series("bn CNY", &[], &[])).is_none(), "no data");
    }

    #[test]
    fn derived_points_keep_their_inputs_caveats() {
        let imports = year_on_year(&indicator("imports"));
        let p2020 = imports.point(2020).unwrap();
        assert!(p2020.flags.contains(&Flag::Derived), "2019 was derived");
    }

    #[test]
    fn a_derived_point_keeps_its_year_note_and_every_flag_and_source_once() {
        let points: &[(i32, &str, &[&str], &[&str])] = &[
            (2020, "200", &["preliminary"], &["A", "B"]),
            (2021, "250", &["rounded", "preliminary"], &["B", "C"]),
        ];
        let change = year_on_year(&series("bn CNY", &[], points));
        let [point] = change.points.as_slice() else {
            panic!("one change: {:?}", change.points)
        };
        assert_eq!(point.year, 2021);
        assert_eq!(point.note, "note 2021");
        assert_eq!(point.flags, [Flag::Rounded, Flag::Preliminary]);
        assert_eq!(Ref::join(&point.sources, ","), "B,C,A");
        assert_eq!(point.value.decimals, 1);
    }

    #[test]
    fn no_change_or_growth_is_computed_from_a_lower_bound() {
        // 2025: "over 4.65 million", a lower bound; 2024 is an exact count.
        let entities = indicator("market_entities");
        assert!(entities.point(2025).unwrap().is_lower_bound());
        assert!(year_on_year(&entities).point(2025).is_none());
        assert!(index(&entities).point(2025).is_none());
        assert!(index(&entities).point(2024).is_some());
        assert!(cagr(&entities).is_none(), "the last value is a lower bound");
    }
}
