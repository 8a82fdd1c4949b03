//! The readout under the charts: for the cursor's year, each series' exact value with its unit,
//! its change on the year before, its flags and its sources, and the events of that year; then
//! the annotations about that year (and the reference lines) on these series, which a chart with
//! no room for their text shows only as a mark. For a year range, each series from its first to
//! its last year (`range`).

mod range;

use ratatui::text::{Line, Span};

use super::Ctx;
use super::format::{self, with_unit};
use super::wrap;
use crate::action::{Action, key_of};
use crate::data::{Indicator, Mark, On, Ref};
use crate::derive::{self, NoChange};

/// The readout's rows at `width` columns: each of its [`lines`] wrapped after its first span
/// (the series' name, the year), so that no figure or change is cut at the edge.
pub fn rows<'a>(indicators: &[&Indicator], ctx: &Ctx, width: u16) -> Vec<Line<'a>> {
    lines(indicators, ctx)
        .into_iter()
        .flat_map(|line| {
            let mut spans = line.spans.into_iter();
            let head: Vec<Span> = spans.next().into_iter().collect();
            wrap::hanging(&head, spans.collect(), width)
        })
        .collect()
}

/// The readout's lines for these indicators; none until the user moves the cursor.
pub fn lines<'a>(indicators: &[&Indicator], ctx: &Ctx) -> Vec<Line<'a>> {
    if let Some(range) = ctx.range.filter(|(from, to)| from < to) {
        return range::lines(indicators, range, ctx);
    }
    let Some(year) = ctx.cursor else {
        return Vec::new();
    };
    let theme = ctx.theme;
    let mut heading = vec![Span::styled(
        format!(" {year} "),
        theme.value.patch(theme.cursor),
    )];
    if ctx.range.is_some() {
        // Just marked: the range is this one year until the cursor moves.
        let clear = key_of(Action::MarkRange).unwrap_or_default();
        heading.push(Span::styled(
            format!(" range from {year}: move the year cursor to its end · {clear} clears "),
            theme.muted,
        ));
    }
    let events = ctx.data.events.iter().filter(|e| e.year() == Some(year));
    for event in events {
        heading.push(Span::styled(format!(" {} ", ctx.glyphs.event), theme.event));
        heading.push(Span::styled(
            format!("{} ({})", event.label, event.date),
            theme.text,
        ));
    }
    let mut lines = vec![Line::from(heading)];
    lines.extend(
        indicators
            .iter()
            .map(|indicator| series_line(indicator, year, ctx)),
    );
    lines.extend(annotation_lines(indicators, year, ctx));
    lines
}

fn series_line<'a>(indicator: &Indicator, year: i32, ctx: &Ctx) -> Line<'a> {
    let theme = ctx.theme;
    let mut spans = vec![Span::styled(
        format!("   {}: ", indicator.name),
        theme.muted,
    )];
    let Some(point) = indicator.point(year) else {
        spans.push(Span::styled("no data", theme.gap));
        return Line::from(spans);
    };
    let decimals = usize::from(point.value.decimals);
    spans.push(Span::styled(
        with_unit(point.value.number, decimals, &indicator.unit),
        theme.value,
    ));
    for flag in &point.flags {
        spans.push(Span::styled(
            format!(" {} {}", ctx.glyphs.flag(*flag), flag.name()),
            theme.flag,
        ));
    }
    let before = match derive::between(indicator, year - 1, year).change {
        Ok(change) => format!(" · {} on {}", format::change(change, decimals), year - 1),
        Err(NoChange::Break(brk)) => format!(" · no change shown: {}", brk.label),
        Err(NoChange::LowerBound(_)) => " · no change shown: lower bound".to_owned(),
        Err(NoChange::Missing(_)) => format!(" · no {} value to compare", year - 1),
        Err(why) => format!(" · no change shown: {}", format::no_change(why)),
    };
    spans.push(Span::styled(before, theme.muted));
    spans.push(Span::styled(
        format!(
            " · {} confidence · {}",
            point.confidence.name(),
            Ref::join(&point.sources, ", ")
        ),
        theme.muted,
    ));
    Line::from(spans)
}

/// A line for each annotation on these indicators that is about `year`: callouts on their
/// point, periods that include it, and reference lines on their indicator or unit, which hold
/// for every year.
fn annotation_lines<'a>(indicators: &[&Indicator], year: i32, ctx: &Ctx) -> Vec<Line<'a>> {
    let shows = |indicator: &Indicator| indicators.iter().any(|i| std::ptr::eq(*i, indicator));
    let glyphs = &ctx.glyphs;
    let mut lines = Vec::new();
    for annotation in &ctx.annotations {
        let (mark, text, detail) = match &annotation.mark {
            Mark::Callout {
                indicator, text, ..
            } if annotation.covers(year) && shows(ctx.data.get(indicator)) => (
                glyphs.callout[0].to_owned(),
                format!("{}, {year}: {text}", ctx.data.get(indicator).name),
                String::new(),
            ),
            Mark::Period { from, to, label }
                if annotation.covers(year) && !indicators.is_empty() =>
            {
                (
                    format!("{}{}", glyphs.period[0], glyphs.period[2]),
                    format!("{label}: {from}–{to}"),
                    String::new(),
                )
            }
            Mark::Reference {
                on,
                value,
                label,
                sources,
            } => {
                let unit = match on {
                    On::Indicator(target) if shows(ctx.data.get(target)) => {
                        &ctx.data.get(target).unit
                    }
                    On::Unit(unit) if indicators.iter().any(|i| i.unit == *unit) => unit,
                    On::Indicator(_) | On::Unit(_) => continue,
                };
                let number = with_unit(value.number, usize::from(value.decimals), unit);
                (
                    glyphs.reference[0].to_owned(),
                    format!("{label}: {number}"),
                    format!(" · reference line · {}", Ref::join(sources, ", ")),
                )
            }
            Mark::Callout { .. } | Mark::Period { .. } => continue,
        };
        lines.push(Line::from(vec![
            Span::styled(format!("   {mark} "), ctx.theme.annotation),
            Span::styled(text, ctx.theme.text),
            Span::styled(detail, ctx.theme.muted),
        ]));
    }
    lines
}
