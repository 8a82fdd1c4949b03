//! How one series changed between two years, or why no change is computed: the one
//! computation behind the year range's readout, the overview's "since 2012" tiles, the
//! readout's change on the year before and compound annual growth. A change is never computed
//! across a series break, from a missing year or to or from a lower bound.

use crate::data::{Break, Indicator, Point, is_percent};

/// A change between two values of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Levels: the later value over the earlier (2.37 reads ×2.37, 1.164 reads +16.4%).
    Ratio(f64),
    /// Percentages: the difference, in percentage points.
    Points(f64),
}

/// Why no change is computed between two years, in the order they are looked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NoChange<'a> {
    /// The two years are one: nothing to compare.
    OneYear,
    /// A series break (census correction, method change) lies between them.
    Break(&'a Break),
    /// The series has no figure for this year.
    Missing(i32),
    /// This year's value is only a lower bound ("over 4.65 million").
    LowerBound(i32),
    /// Levels: this year's value is no base for a ratio (zero or below).
    NoBase(i32),
}

/// One series from an earlier to a later year: its two points and the change between them.
#[derive(Debug, Clone, Copy)]
pub struct Stretch<'a> {
    /// The earlier year.
    pub from: i32,
    /// The later year.
    pub to: i32,
    pub start: Option<&'a Point>,
    pub end: Option<&'a Point>,
    pub change: Result<Change, NoChange<'a>>,
}

impl Stretch<'_> {
    /// Compound annual growth in % a year, for levels whose ends are both positive; a share in
    /// percent changes in points, so it has none.
    pub fn per_year(&self) -> Option<f64> {
        let Ok(Change::Ratio(ratio)) = self.change else {
            return None;
        };
        let years = f64::from(self.to - self.from);
        (ratio > 0.0).then(|| (ratio.powf(1.0 / years) - 1.0) * 100.0)
    }
}

/// The series between years `a` and `b`, in either order: the earlier year is `from`.
pub fn between(indicator: &Indicator, a: i32, b: i32) -> Stretch<'_> {
    let (from, to) = (a.min(b), a.max(b));
    let (start, end) = (indicator.point(from), indicator.point(to));
    Stretch {
        from,
        to,
        start,
        end,
        change: change(indicator, (from, start), (to, end)),
    }
}

fn change<'a>(
    indicator: &'a Indicator,
    (from, start): (i32, Option<&Point>),
    (to, end): (i32, Option<&Point>),
) -> Result<Change, NoChange<'a>> {
    if from == to {
        return Err(NoChange::OneYear);
    }
    if let Some(brk) = indicator.break_within(from, to) {
        return Err(NoChange::Break(brk));
    }
    let start = start.ok_or(NoChange::Missing(from))?;
    let end = end.ok_or(NoChange::Missing(to))?;
    for point in [start, end] {
        if point.is_lower_bound() {
            return Err(NoChange::LowerBound(point.year));
        }
    }
    let (before, after) = (start.value.number, end.value.number);
    if is_percent(&indicator.unit) {
        return Ok(Change::Points(after - before));
    }
    let ratio = after / before;
    // A ratio to nothing, or to a debt, is no growth anyone would read.
    if before > 0.0 && ratio.is_finite() {
        Ok(Change::Ratio(ratio))
    } else {
        Err(NoChange::NoBase(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::tests::{indicator, series};

    fn ratio(stretch: &Stretch) -> f64 {
        match stretch.change {
            Ok(Change::Ratio(ratio)) => ratio,
            other => panic!("no ratio: {other:?}"),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn gdp_from_2012_to_2021_is_times_2_37_and_10_1_percent_a_year() {
        let gdp = indicator("gdp");
        let stretch = between(&gdp, 2012, 2021);
        assert_eq!((stretch.from, stretch.to), (2012, 2021));
        assert_eq!(stretch.start.unwrap().value.number, 1295.01);
        assert_eq!(stretch.end.unwrap().value.number, 3066.49);
        assert!(close(ratio(&stretch), 3066.49 / 1295.01));
        assert_eq!(format!("{:.2}", ratio(&stretch)), "2.37");
        let expected = ((3066.49f64 / 1295.01).powf(1.0 / 9.0) - 1.0) * 100.0;
        let rate = stretch.per_year().unwrap();
        assert!(close(rate, expected), "{rate}");
        assert_eq!(format!("{rate:.1}"), "10.1");
    }

    #[test]
    fn the_years_may_come_in_either_order() {
        let gdp = indicator("gdp");
        let (forwards, backwards) = (between(&gdp, 2012, 2021), between(&gdp, 2021, 2012));
        assert_eq!((backwards.from, backwards.to), (2012, 2021));
        assert_eq!(backwards.start.unwrap().year, 2012);
        assert_eq!(backwards.end.unwrap().year, 2021);
        assert_eq!(backwards.change, forwards.change);
    }

    #[test]
    fn r_and_d_intensity_changes_in_points_within_a_method() {
        let rd = indicator("rd_intensity");
        // 2019 is the first year of the new method: 2019 to 2024 is on one method.
        let stretch = between(&rd, 2019, 2024);
        let Ok(Change::Points(points)) = stretch.change else {
            panic!("{stretch:?}")
        };
        assert!(close(points, 6.67 - 4.93), "{points}");
        assert_eq!(stretch.per_year(), None, "a share has no compound growth");
        let falling = between(&rd, 2016, 2012);
        assert_eq!(falling.change, Ok(Change::Points(4.1 - 3.81)));
    }

    #[test]
    fn r_and_d_intensity_from_2012_to_2024_crosses_the_2019_method_break() {
        let rd = indicator("rd_intensity");
        let stretch = between(&rd, 2012, 2024);
        let Err(NoChange::Break(brk)) = stretch.change else {
            panic!("{stretch:?}")
        };
        assert_eq!((brk.year, brk.label.as_str()), (2019, "method change"));
        // Both values are published and shown; only the change is refused.
        assert_eq!(stretch.start.unwrap().value.number, 3.81);
        assert_eq!(stretch.end.unwrap().value.number, 6.67);
        assert_eq!(stretch.per_year(), None);
        // A break in the last year is crossed too; one in the first year is not.
        assert!(matches!(
            between(&rd, 2018, 2019).change,
            Err(NoChange::Break(_))
        ));
        assert!(between(&rd, 2019, 2020).change.is_ok());
    }

    #[test]
    fn population_from_2019_to_2020_crosses_the_census_break() {
        let population = indicator("population");
        let stretch = between(&population, 2019, 2020);
        let Err(NoChange::Break(brk)) = stretch.change else {
            panic!("{stretch:?}")
        };
        assert_eq!((brk.year, brk.label.as_str()), (2020, "census correction"));
        assert!(close(
            ratio(&between(&population, 2020, 2024)),
            17.9895 / 17.5601
        ));
    }

    #[test]
    fn a_missing_end_point_is_named() {
        let rd = indicator("rd_intensity");
        let gap = between(&rd, 2013, 2016);
        assert_eq!(gap.change, Err(NoChange::Missing(2013)));
        assert!(gap.start.is_none() && gap.end.is_some());
        let gdp = indicator("gdp");
        assert_eq!(
            between(&gdp, 2012, 2030).change,
            Err(NoChange::Missing(2030))
        );
        assert_eq!(
            between(&gdp, 2030, 2040).change,
            Err(NoChange::Missing(2030)),
            "the earlier year first"
        );
        // A break is named before a missing year: both are reasons, the break the deeper one.
        assert!(matches!(
            between(&rd, 2013, 2024).change,
            Err(NoChange::Break(_))
        ));
    }

    #[test]
    fn one_year_is_no_change() {
        let gdp = indicator("gdp");
        let stretch = between(&gdp, 2015, 2015);
        assert_eq!(stretch.change, Err(NoChange::OneYear));
        assert_eq!(stretch.start.unwrap().value.number, 1750.0);
        assert_eq!(stretch.per_year(), None);
    }

    #[test]
    fn no_change_to_or_from_a_lower_bound() {
        // 2025: "over 4.65 million", a lower bound; 2024 is an exact count.
        let entities = indicator("market_entities");
        assert_eq!(
            between(&entities, 2024, 2025).change,
            Err(NoChange::LowerBound(2025))
        );
        let from_bound = series(
            "count",
            &[],
            &[
                (2020, "5", &["lower_bound"], &["A"]),
                (2021, "6", &[], &["A"]),
            ],
        );
        assert_eq!(
            between(&from_bound, 2020, 2021).change,
            Err(NoChange::LowerBound(2020))
        );
        assert!(close(
            ratio(&between(&entities, 2016, 2024)),
            4.4038 / 2.6698
        ));
    }

    #[test]
    fn levels_need_a_positive_base_and_growth_a_positive_end() {
        let ends = |from: &str, to: &str| {
            series(
                "bn CNY",
                &[],
                &[(2020, from, &[], &["A"]), (2022, to, &[], &["A"])],
            )
        };
        let good = ends("100", "121");
        let stretch = between(&good, 2020, 2022);
        assert!(close(ratio(&stretch), 1.21));
        assert!(close(stretch.per_year().unwrap(), 10.0));
        for from in ["0", "-100"] {
            assert_eq!(
                between(&ends(from, "121"), 2020, 2022).change,
                Err(NoChange::NoBase(2020)),
                "{from}"
            );
        }
        // To nothing is a fall of 100%, but no rate a year; a ratio too large is none.
        let (zero, debt, tiny, lower) = (
            ends("100", "0"),
            ends("100", "-50"),
            ends("1e-300", "1e15"),
            ends("121", "100"),
        );
        let to_zero = between(&zero, 2020, 2022);
        assert_eq!(to_zero.change, Ok(Change::Ratio(0.0)));
        assert_eq!(to_zero.per_year(), None);
        let to_debt = between(&debt, 2020, 2022);
        assert_eq!(to_debt.change, Ok(Change::Ratio(-0.5)));
        assert_eq!(to_debt.per_year(), None);
        assert_eq!(
            between(&tiny, 2020, 2022).change,
            Err(NoChange::NoBase(2020))
        );
        let falling = between(&lower, 2020, 2022);
        assert!(close(
            falling.per_year().unwrap(),
            (1.0 / 1.1 - 1.0) * 100.0
        ));
        // Percentages change in points whatever their sign.
        let shares = series(
            "% y/y",
            &[],
            &[(2020, "-1.5", &[], &["A"]), (2021, "2.5", &[], &["A"])],
        );
        assert_eq!(between(&shares, 2020, 2021).change, Ok(Change::Points(4.0)));
    }
}
