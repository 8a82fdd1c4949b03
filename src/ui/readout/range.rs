//! The readout of a year range: per series, its value in the first and the last year, the
//! change between them and the compound growth a year; where there is no change to give (a
//! series break, a missing year, a lower bound), why. Computed by `derive::between`, as the
//! overview's tiles are.

use ratatui::text::{Line, Span};

use crate::action::{Action, key_of};
use crate::data::{Indicator, Point, Ref, is_percent};
use crate::derive::{self, NoChange, Stretch};
use crate::text::count;
use crate::ui::Ctx;
use crate::ui::format::{self, figure};

/// The heading, then one line per indicator, from `from` to `to` (`from` < `to`).
pub(super) fn lines<'a>(
    indicators: &[&Indicator],
    (from, to): (i32, i32),
    ctx: &Ctx,
) -> Vec<Line<'a>> {
    let theme = ctx.theme;
    let years = count(usize::try_from(to - from).unwrap_or_default(), "year");
    let clear = key_of(Action::MarkRange).unwrap_or_default();
    let heading = Line::from(vec![
        Span::styled(format!(" {from} → {to} "), theme.value.patch(theme.cursor)),
        Span::styled(
            format!(" {years} · changes and growth a year derived · {clear} clears"),
            theme.muted,
        ),
    ]);
    let mut lines = vec![heading];
    lines.extend(indicators.iter().map(|indicator| {
        let stretch = derive::between(indicator, from, to);
        series_line(indicator, &stretch, ctx)
    }));
    lines
}

fn series_line<'a>(indicator: &Indicator, stretch: &Stretch, ctx: &Ctx) -> Line<'a> {
    let theme = ctx.theme;
    let unit = indicator.unit.as_str();
    let mut spans = vec![Span::styled(
        format!("   {}: ", indicator.name),
        theme.muted,
    )];
    // The unit once, after the last value shown; a percentage has its `%` on each.
    let unit_text = (!is_percent(unit) && unit != "count").then(|| format!(" {unit}"));
    let unit_after = |point: Option<&Point>, last: bool| {
        unit_text
            .clone()
            .filter(|_| point.is_some() && last)
            .map(|text| Span::styled(text, theme.value))
    };
    spans.extend(value(stretch.start, stretch.from, unit, ctx));
    spans.extend(unit_after(stretch.start, stretch.end.is_none()));
    spans.push(Span::styled(" → ", theme.muted));
    spans.extend(value(stretch.end, stretch.to, unit, ctx));
    spans.extend(unit_after(stretch.end, true));
    match stretch.change {
        Ok(change) => {
            let decimals = stretch.end.map_or(0, |p| usize::from(p.value.decimals));
            spans.push(Span::styled(" · ", theme.muted));
            spans.push(Span::styled(format::change(change, decimals), theme.value));
            if let Some(rate) = stretch.per_year() {
                spans.push(Span::styled(" · ", theme.muted));
                spans.push(Span::styled(format::per_year(rate), theme.value));
                spans.push(Span::styled(" a year", theme.muted));
            }
        }
        // The missing year already says so where its value would be.
        Err(NoChange::Missing(_)) => spans.push(Span::styled(" · no change shown", theme.muted)),
        Err(why) => spans.push(Span::styled(
            format!(" · no change shown: {}", format::no_change(why)),
            theme.muted,
        )),
    }
    let mut sources: Vec<Ref<_>> = Vec::new();
    for point in [stretch.start, stretch.end].into_iter().flatten() {
        for source in &point.sources {
            if !sources.iter().any(|s| s.id() == source.id()) {
                sources.push(source.clone());
            }
        }
    }
    if !sources.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", Ref::join(&sources, ", ")),
            theme.muted,
        ));
    }
    Line::from(spans)
}

/// A value as published, with its flags' marks (`1,750≈`), or `no 2013 figure`.
fn value<'a>(point: Option<&Point>, year: i32, unit: &str, ctx: &Ctx) -> Vec<Span<'a>> {
    let theme = ctx.theme;
    let Some(point) = point else {
        return vec![Span::styled(format!("no {year} figure"), theme.gap)];
    };
    let decimals = usize::from(point.value.decimals);
    let marks: String = point.flags.iter().map(|f| ctx.glyphs.flag(*f)).collect();
    vec![
        Span::styled(figure(point.value.number, decimals, unit), theme.value),
        Span::styled(marks, theme.flag),
    ]
}
