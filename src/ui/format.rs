//! Numbers, units, changes and years as text.

pub use crate::data::is_percent;
use unicode_width::UnicodeWidthStr;

use crate::derive::{Change, NoChange};

/// `1295.008` with 2 decimals → `1,295.01`.
pub fn grouped(number: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, number.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
    if number.is_sign_negative() && text.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A value as a headline figure: grouped, with `%` for percentages and no other unit.
pub fn figure(number: f64, decimals: usize, unit: &str) -> String {
    let mut text = grouped(number, decimals);
    if is_percent(unit) {
        text.push('%');
    }
    text
}

/// A value with its unit for running text: `3,680.19 bn CNY`, `6.67%`, `17.99 million`.
pub fn with_unit(number: f64, decimals: usize, unit: &str) -> String {
    let number = grouped(number, decimals);
    if is_percent(unit) {
        format!("{number}%")
    } else if unit == "count" {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// Labels for a bar that `fits` (told a label's width in columns), longest first: full
/// precision, then fewer decimals, then `k`/`M`.
///
/// A shorter label is offered only where it still tells the bar from its `neighbours` (the
/// values of the bars beside it): for each neighbour of a different value, its label in the
/// same form must differ too, so 17.56 beside 17.63 never shortens to `18` or `17.6`. A lower
/// bound keeps its full precision: rounding 4.65 up to `4.7` would claim more than "over 4.65".
pub fn bar_labels(
    number: f64,
    decimals: usize,
    unit: &str,
    neighbours: &[f64],
    lower_bound: bool,
    fits: impl Fn(usize) -> bool,
) -> impl Iterator<Item = String> {
    let suffix = if is_percent(unit) { "%" } else { "" };
    // Dropping decimals is fine while two significant digits remain: 1.3 never becomes 1.
    let whole = whole_digits(number);
    let mut forms: Vec<Form> = (0..=decimals)
        .rev()
        .filter(|d| d == &decimals || whole + d >= 2)
        .map(Form::Decimals)
        .collect();
    if number.abs() >= 1_000.0 && suffix.is_empty() {
        let scale = if number.abs() >= 1_000_000.0 {
            (1_000_000.0, 'M')
        } else {
            (1_000.0, 'k')
        };
        forms.push(Form::Scaled(scale, 1));
        // Below ten, a whole number would keep only one significant digit: too coarse to print.
        if (number / scale.0).abs() >= 10.0 {
            forms.push(Form::Scaled(scale, 0));
        }
    }
    // The fewest columns a form can take, known without writing it: on a narrow bar most forms
    // cannot fit, and writing a number is the costly part of drawing its label.
    // Lazily, and only the labels that `fit`: a caller takes the first, so the other forms (and
    // their neighbours' labels) are written only when it needs them.
    let mut last: Option<String> = None;
    forms.into_iter().enumerate().filter_map(move |(i, form)| {
        if !fits(form.least_width(number, suffix)) {
            return None;
        }
        let label = form.write(number, suffix);
        if !fits(label.width()) {
            return None;
        }
        let full = i == 0;
        let offered = full
            || (!lower_bound
                && neighbours
                    .iter()
                    .all(|&other| other == number || form.write(other, suffix) != label));
        // The same label twice in a row (`1,295` from 1295.0 and from 1295) is offered once.
        if !offered || last.as_ref() == Some(&label) {
            return None;
        }
        last = Some(label.clone());
        Some(label)
    })
}

/// The digits of `number`'s whole part without its sign, none for a whole part of zero
/// (`1295.01` → 4, `0.5` → 0). Rounding to fewer decimals may carry into one digit more
/// (`9.96` → `10.0`), never fewer.
fn whole_digits(number: f64) -> usize {
    let whole = number.abs().trunc();
    // Below 10^15 a double's whole part is exactly an integer of that many digits.
    if whole < 1e15 {
        (whole as u64)
            .checked_ilog10()
            .map_or(0, |log| log as usize + 1)
    } else {
        format!("{whole:.0}").len()
    }
}

/// The columns of `decimals` decimals and their point.
fn fraction_width(decimals: usize) -> usize {
    if decimals == 0 { 0 } else { decimals + 1 }
}

/// One way to write a bar's value: with so many decimals, or divided by a thousand (`k`) or a
/// million (`M`) with so many decimals.
enum Form {
    Decimals(usize),
    Scaled((f64, char), usize),
}

impl Form {
    fn write(&self, value: f64, suffix: &str) -> String {
        match *self {
            Form::Decimals(d) => format!("{}{suffix}", grouped(value, d)),
            Form::Scaled((divisor, letter), d) => format!("{:.*}{letter}", d, value / divisor),
        }
    }

    /// The fewest columns `number` can take in this form: the whole part's digits (at least
    /// one) with their separators, the point and decimals, the suffix or letter. Not the sign,
    /// which a number rounding to zero loses, nor a digit that rounding carries into.
    fn least_width(&self, number: f64, suffix: &str) -> usize {
        match *self {
            Form::Decimals(d) => {
                let digits = whole_digits(number).max(1);
                digits + (digits - 1) / 3 + fraction_width(d) + suffix.len()
            }
            Form::Scaled((divisor, _), d) => {
                whole_digits(number / divisor).max(1) + fraction_width(d) + 1
            }
        }
    }
}

/// Evenly spaced, round axis values covering `lo..=hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Ticks {
    /// At most `max` ticks (at least 2) with a step of 1, 2, 2.5 or 5 × 10ⁿ.
    pub fn new(lo: f64, hi: f64, max: usize) -> Ticks {
        const UNIT: Ticks = Ticks {
            lo: 0.0,
            hi: 1.0,
            step: 1.0,
        };
        if !(lo.is_finite() && hi.is_finite()) {
            return UNIT;
        }
        // A flat range (one value, or values equal to the last digits) gets room around it.
        let scale = lo.abs().max(hi.abs());
        let (lo, hi) = if hi - lo <= scale * 1e-9 {
            let pad = (scale * 0.1).max(1e-6);
            (lo - pad, hi + pad)
        } else {
            (lo, hi)
        };
        let intervals = max.max(2) - 1;
        let raw = (hi - lo) / intervals as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let mut step = magnitude * 10.0;
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
            let candidate = magnitude * factor;
            let (a, b) = ((lo / candidate).floor(), (hi / candidate).ceil());
            if b - a <= intervals as f64 {
                step = candidate;
                break;
            }
        }
        let ticks = Ticks {
            lo: (lo / step).floor() * step,
            hi: (hi / step).ceil() * step,
            step,
        };
        let sane = step.is_finite() && step > 0.0 && ticks.lo.is_finite() && ticks.hi > ticks.lo;
        if sane { ticks } else { UNIT }
    }

    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        // `new` keeps this near `max`; the cap guards against float surprises.
        let count = (((self.hi - self.lo) / self.step).round() as usize).min(100);
        (0..=count).map(move |i| self.lo + i as f64 * self.step)
    }

    /// An axis label: `1,295`, `20k`, `2.5`, `5.5%`; as many decimals as the step needs.
    pub fn label(&self, value: f64, unit: &str) -> String {
        let big = self.lo.abs().max(self.hi.abs()) >= 10_000.0;
        let (value, step, suffix) = if big {
            (value / 1_000.0, self.step / 1_000.0, "k")
        } else if is_percent(unit) {
            (value, self.step, "%")
        } else {
            (value, self.step, "")
        };
        if value == 0.0 {
            return "0".to_owned();
        }
        let decimals = decimals_for(step);
        format!("{}{suffix}", grouped(value, decimals))
    }
}

/// The decimals needed to tell ticks `step` apart (2.5 → 1, 0.25 → 2, 50 → 0): the fewest that
/// make it a whole number. By 17 decimals every finite double is whole; a step that is not
/// finite gets none.
fn decimals_for(step: f64) -> usize {
    (0..=17)
        .find(|&decimals| {
            let scaled = step * 10f64.powi(decimals);
            (scaled.round() - scaled).abs() <= 1e-6
        })
        .map_or(0, |decimals| decimals as usize)
}

/// A change as a reader would say it: `+2.86 pts` for percentages (`decimals` of the later
/// value, at least one), `×2.84` for more than a doubling, `+16.4%` otherwise.
pub fn change(change: Change, decimals: usize) -> String {
    match change {
        Change::Points(points) => format!(
            "{}{} pts",
            sign(points),
            grouped(points.abs(), decimals.max(1))
        ),
        Change::Ratio(ratio) if ratio >= 2.0 => format!("×{ratio:.2}"),
        Change::Ratio(ratio) => {
            let percent = (ratio - 1.0) * 100.0;
            format!("{}{:.1}%", sign(percent), percent.abs())
        }
    }
}

/// Compound annual growth: `+10.1%`, `−0.6%`.
pub fn per_year(rate: f64) -> String {
    format!("{}{:.1}%", sign(rate), rate.abs())
}

/// Why no change is shown, in a few words: `break in 2019 (method change)`, `no 2013 figure`.
pub fn no_change(why: NoChange) -> String {
    match why {
        NoChange::OneYear => "one year".to_owned(),
        NoChange::Break(brk) => format!("break in {} ({})", brk.year, brk.label),
        NoChange::Missing(year) => format!("no {year} figure"),
        NoChange::LowerBound(year) => format!("{year} is a lower bound"),
        NoChange::NoBase(year) => format!("no ratio to the {year} value"),
    }
}

fn sign(number: f64) -> &'static str {
    if number < 0.0 { "−" } else { "+" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(1295.008, 2), "1,295.01");
        assert_eq!(grouped(134_908.4, 1), "134,908.4");
        assert_eq!(grouped(999.0, 0), "999");
        assert_eq!(grouped(-1627.47, 0), "-1,627");
        assert_eq!(grouped(-0.001, 1), "0.0");
    }

    #[test]
    fn units_read_naturally() {
        assert_eq!(with_unit(3680.19, 2, "bn CNY"), "3,680.19 bn CNY");
        assert_eq!(with_unit(6.67, 2, "% of GDP"), "6.67%");
        assert_eq!(with_unit(16347.0, 0, "count"), "16,347");
    }

    fn labels(
        number: f64,
        decimals: usize,
        unit: &str,
        neighbours: &[f64],
        lower_bound: bool,
    ) -> Vec<String> {
        bar_labels(number, decimals, unit, neighbours, lower_bound, |_| true).collect()
    }

    fn alone(number: f64, decimals: usize, unit: &str) -> Vec<String> {
        labels(number, decimals, unit, &[], false)
    }

    #[test]
    fn bar_labels_shrink_step_by_step() {
        assert_eq!(
            alone(1295.01, 2, "bn CNY"),
            ["1,295.01", "1,295.0", "1,295", "1.3k"]
        );
        assert_eq!(alone(5.49, 2, "% of GDP"), ["5.49%", "5.5%"]);
        assert_eq!(alone(19647.0, 0, "count"), ["19,647", "19.6k", "20k"]);
        assert_eq!(alone(1.3, 1, "million"), ["1.3"]);
        assert_eq!(alone(1_234_567.0, 0, "count"), ["1,234,567", "1.2M"]);
        assert_eq!(
            alone(12_345_678.0, 0, "count"),
            ["12,345,678", "12.3M", "12M"]
        );
        assert_eq!(
            alone(17.5601, 4, "million"),
            ["17.5601", "17.560", "17.56", "17.6", "18"]
        );
        assert_eq!(alone(-1627.0, 0, "bn CNY"), ["-1,627", "-1.6k"]);
    }

    #[test]
    fn bar_labels_keep_the_digits_that_tell_neighbours_apart() {
        // Residents 2020-2023: four different figures must not all read `18`.
        let residents = [17.56, 17.63, 17.68, 17.79];
        let shortest: Vec<String> = residents
            .iter()
            .enumerate()
            .map(|(i, &value)| {
                let neighbours: Vec<f64> = residents
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| i.abs_diff(*j) == 1)
                    .map(|(_, v)| *v)
                    .collect();
                labels(value, 2, "million", &neighbours, false)
                    .pop()
                    .unwrap()
            })
            .collect();
        assert_eq!(shortest, ["17.56", "17.63", "17.7", "17.8"]);
        // 17.63 and 17.79 differ at one decimal, not at none.
        assert_eq!(
            labels(17.63, 2, "million", &[17.79], false),
            ["17.63", "17.6"]
        );
        // The same figure beside it does not hold a label back.
        assert_eq!(
            labels(17.56, 2, "million", &[17.56], false),
            ["17.56", "17.6", "18"]
        );
        // Abbreviations too: 19,647 and 19,710 are both `20k` and both `19.6k`/`19.7k`.
        assert_eq!(
            labels(19647.0, 0, "count", &[19_710.0], false),
            ["19,647", "19.6k"]
        );
        assert_eq!(labels(19647.0, 0, "count", &[19_640.0], false), ["19,647"]);
        assert_eq!(labels(5.49, 2, "% of GDP", &[5.46], false), ["5.49%"]);
    }

    #[test]
    fn a_form_takes_its_least_width_without_a_carry_or_a_sign() {
        let k = Form::Scaled((1_000.0, 'k'), 1);
        let m = Form::Scaled((1_000_000.0, 'M'), 0);
        let cases: [(Form, f64, &str, usize); 9] = [
            (Form::Decimals(2), 1295.01, "", 8),
            (Form::Decimals(0), 1295.01, "", 5),
            (Form::Decimals(1), 5.49, "%", 4),
            (Form::Decimals(0), 0.4, "", 1),
            (Form::Decimals(3), 1_234_567.0, "", 13),
            (k, 1295.01, "", 4),
            (Form::Scaled((1_000.0, 'k'), 0), 19_647.0, "", 3),
            (m, 12_345_678.0, "", 3),
            // Rounding carries into a digit and a separator; the sign comes on top.
            (Form::Decimals(0), -999.6, "", 3),
        ];
        for (form, number, suffix, least) in cases {
            let written = form.write(number, suffix);
            assert_eq!(form.least_width(number, suffix), least, "{written}");
        }
        assert_eq!(Form::Decimals(0).write(-999.6, ""), "-1,000");
    }

    proptest::proptest! {
        #[test]
        fn no_form_is_narrower_than_its_least_width(
            number in -1e18f64..1e18,
            decimals in 0usize..4,
            percent in proptest::bool::ANY,
        ) {
            let suffix = if percent { "%" } else { "" };
            let forms = [
                Form::Decimals(decimals),
                Form::Scaled((1_000.0, 'k'), decimals.min(1)),
                Form::Scaled((1_000_000.0, 'M'), decimals.min(1)),
            ];
            for form in forms {
                let written = form.write(number, suffix);
                proptest::prop_assert!(form.least_width(number, suffix) <= written.width(), "{}", written);
            }
        }
    }

    #[test]
    fn whole_digits_count_the_whole_part() {
        assert_eq!(whole_digits(0.5), 0);
        assert_eq!(whole_digits(-7.9), 1);
        assert_eq!(whole_digits(999_999_999_999_999.0), 15);
        assert_eq!(whole_digits(1e15), 16);
        assert_eq!(whole_digits(-2.5e20), 21);
    }

    #[test]
    fn bar_labels_offer_only_what_fits() {
        let first = |neighbours: &[f64], room: usize| {
            bar_labels(1295.01, 2, "bn CNY", neighbours, false, |width| {
                width <= room
            })
            .next()
        };
        assert_eq!(first(&[], 8).as_deref(), Some("1,295.01"));
        assert_eq!(first(&[], 5).as_deref(), Some("1,295"));
        assert_eq!(first(&[], 4).as_deref(), Some("1.3k"));
        assert_eq!(first(&[], 3), None);
        // What fits must still tell the bar from its neighbour: 1,295 beside 1,295.4 does not.
        assert_eq!(first(&[1295.4], 7).as_deref(), Some("1,295.0"));
        assert_eq!(first(&[1295.4], 5), None);
    }

    #[test]
    fn a_lower_bound_keeps_its_full_precision() {
        // "over 4.65 million" must not read 4.7, which claims more than the bound.
        assert_eq!(labels(4.65, 2, "million", &[], true), ["4.65"]);
        assert_eq!(labels(6000.0, 0, "count", &[], true), ["6,000"]);
        assert_eq!(labels(6000.0, 0, "count", &[], false), ["6,000", "6.0k"]);
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let ticks = Ticks::new(0.0, 3680.19, 5);
        assert_eq!((ticks.lo, ticks.hi, ticks.step), (0.0, 4000.0, 1000.0));
        assert_eq!(ticks.label(3000.0, "bn CNY"), "3,000");
        let growth = Ticks::new(3.1, 12.0, 4);
        assert!(growth.lo <= 3.1 && growth.hi >= 12.0);
        assert_eq!(growth.values().count(), 4);
        assert_eq!(Ticks::new(0.0, 19647.0, 3).label(10_000.0, "count"), "10k");
        assert_eq!(Ticks::new(0.0, 19647.0, 3).label(0.0, "count"), "0");
        assert_eq!(Ticks::new(1.76, 6.67, 6).label(2.0, "% of GDP"), "2%");
    }

    #[test]
    fn tick_labels_have_the_decimals_their_step_needs() {
        let thousands = Ticks::new(0.0, 10_000.0, 5);
        assert_eq!(thousands.step, 2_500.0);
        let labels: Vec<String> = thousands
            .values()
            .map(|v| thousands.label(v, "bn CNY"))
            .collect();
        assert_eq!(labels, ["0", "2.5k", "5.0k", "7.5k", "10.0k"]);
        let ratios = Ticks::new(0.0, 1.0, 5);
        assert_eq!(ratios.label(0.25, "% of GDP"), "0.25%");
        let tiny = Ticks {
            lo: 0.0,
            hi: 0.000_01,
            step: 0.000_002_5,
        };
        assert_eq!(tiny.label(0.000_002_5, "% of GDP"), "0.0000025%");
    }

    #[test]
    fn tick_labels_of_small_ranges_tell_neighbours_apart() {
        for (lo, hi) in [
            (17.56, 17.79),
            (4.65, 4.66),
            (10_000.0, 10_003.0),
            (19_647.0, 19_710.0),
            (0.001, 0.0012),
            (5.46, 5.49),
            (-0.02, 0.01),
            (3_871.07, 3_873.18),
        ] {
            for max in 2..=6 {
                let ticks = Ticks::new(lo, hi, max);
                let labels: Vec<String> =
                    ticks.values().map(|v| ticks.label(v, "million")).collect();
                for pair in labels.windows(2) {
                    assert_ne!(pair[0], pair[1], "{lo}..{hi} in {max} ticks: {labels:?}");
                }
            }
        }
    }

    #[test]
    fn ticks_handle_negative_and_flat_ranges() {
        let ticks = Ticks::new(-1.6, 5.5, 5);
        assert!(ticks.lo <= -1.6 && ticks.values().any(|v| v == 0.0));
        let flat = Ticks::new(4.0, 4.0, 3);
        assert!(flat.lo < 4.0 && flat.hi > 4.0);
        for (lo, hi) in [
            (5e-324, 5e-324),
            (0.0, 5e-324),
            (1e15, 1e15 + 0.1),
            (f64::NEG_INFINITY, 1.0),
            (-1e308, 1e308),
        ] {
            let ticks = Ticks::new(lo, hi, 5);
            assert!(ticks.values().count() <= 101, "{lo} {hi}: {ticks:?}");
            assert!(
                ticks.step > 0.0 && ticks.step.is_finite(),
                "{lo} {hi}: {ticks:?}"
            );
        }
    }

    #[test]
    fn changes_read_as_people_say_them() {
        let ratio = |from: f64, to: f64| Change::Ratio(to / from);
        assert_eq!(change(ratio(1295.01, 3680.19), 2), "×2.84");
        assert_eq!(change(Change::Ratio(2.0), 2), "×2.00");
        assert_eq!(change(ratio(3871.07, 4504.82), 2), "+16.4%");
        assert_eq!(change(Change::Points(6.67 - 3.81), 2), "+2.86 pts");
        assert_eq!(change(ratio(17.6618, 17.5601), 4), "−0.6%");
        assert_eq!(change(Change::Points(0.0), 2), "+0.00 pts");
        assert_eq!(change(Change::Points(3.81 - 4.16), 2), "−0.35 pts");
        assert_eq!(change(Change::Points(0.2), 0), "+0.2 pts");
        assert_eq!(change(Change::Ratio(1.0), 2), "+0.0%");
    }

    #[test]
    fn growth_a_year_has_one_decimal_and_a_sign() {
        assert_eq!(per_year(10.0951), "+10.1%");
        assert_eq!(per_year(-0.64), "−0.6%");
        assert_eq!(per_year(0.0), "+0.0%");
    }

    #[test]
    fn reasons_for_no_change_name_the_year() {
        let brk = crate::data::Break {
            year: 2019,
            label: "method change".to_owned(),
        };
        assert_eq!(
            no_change(NoChange::Break(&brk)),
            "break in 2019 (method change)"
        );
        assert_eq!(no_change(NoChange::Missing(2013)), "no 2013 figure");
        assert_eq!(
            no_change(NoChange::LowerBound(2025)),
            "2025 is a lower bound"
        );
        assert_eq!(
            no_change(NoChange::NoBase(2020)),
            "no ratio to the 2020 value"
        );
        assert_eq!(no_change(NoChange::OneYear), "one year");
    }
}
