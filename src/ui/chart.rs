//! One chart: its series, resolved for the current view, the border with title, unit and
//! footnote, and the legend; then the axes (`axes`) and the bars or lines (`bar`, `line`),
//! drawn on the plot's scales (`plot`). A comparison of one year (`compare`) has no axes.

mod annotate;
mod axes;
mod bar;
mod compare;
mod line;
mod plot;

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use axes::{render_x_axis, render_y_axis};
use plot::{Plot, Scale};

use super::format::Ticks;
use super::{Ctx, split};
use crate::data::{Break, ChartKind, ChartSpec, Flag, Indicator, Point};
use crate::derive;

/// One resolved series of a chart.
struct Series<'a> {
    indicator: &'a Indicator,
    label: &'a str,
}

/// Draws one chart of the page into `area`.
pub fn render(spec: &ChartSpec, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let resolved = resolve(spec, ctx);
    let series = Series::all(&resolved);
    if series.is_empty() {
        return;
    }
    if spec.kind == ChartKind::Compare {
        // The chart's year until the speaker moves the cursor, or the last of a year range;
        // validation made sure it has one.
        let range_end = ctx.range.and_then(|(from, to)| (from < to).then_some(to));
        if let Some(year) = range_end.or(ctx.cursor).or(spec.year) {
            compare::render(spec, &series, year, ctx, area, buf);
        }
        return;
    }
    match Model::new(spec, series, ctx, area.width) {
        Some(model) => render_chart(&model, ctx, area, buf),
        None => render_frame_only(spec, ctx, area, buf),
    }
}

/// What a chart shows, worked out before anything is drawn: its series and years, and the
/// lines on its border.
struct Model<'a> {
    kind: ChartKind,
    series: Vec<Series<'a>>,
    unit: &'a str,
    first_year: i32,
    years: usize,
    title: Line<'a>,
    legend: Line<'a>,
    /// The legend goes on the top border when it fits there beside the title.
    legend_on_border: bool,
    /// Otherwise inside, wrapped between series so that every series is named.
    legend_lines: Vec<Line<'a>>,
    footnote: Line<'a>,
    /// The values of the reference lines drawn on the chart, which its scale includes.
    references: Vec<f64>,
    /// The values of the points a callout is drawn on.
    callouts: Vec<f64>,
}

impl<'a> Model<'a> {
    /// `None` when the series have no points between them (a change view of a single year).
    fn new(spec: &ChartSpec, series: Vec<Series<'a>>, ctx: &Ctx, width: u16) -> Option<Model<'a>> {
        let unit = series.first()?.indicator.unit.as_str();
        let years = || {
            series
                .iter()
                .flat_map(|s| &s.indicator.points)
                .map(|p| p.year)
        };
        let (first_year, last_year) = (years().min()?, years().max()?);
        let heading = match ctx.view.label() {
            Some(view) => format!("{} ({view})", spec.title),
            None => spec.title.clone(),
        };
        let title = Line::styled(title(&heading, unit, width), ctx.theme.title);
        let legend = legend(spec.kind, &series, ctx);
        let legend_on_border =
            series.len() > 1 && title.width() + legend.width() + 4 <= usize::from(width);
        let legend_lines = if series.len() > 1 && !legend_on_border {
            wrap_legend(&legend, usize::from(width.saturating_sub(2)))
        } else {
            Vec::new()
        };
        let footnote = series_footnote(&series, ctx);
        let references = annotate::reference_values(&series, unit, ctx)
            .into_iter()
            .map(|(value, _)| value)
            .collect();
        let callouts = annotate::callout_values(&series, ctx);
        Some(Model {
            kind: spec.kind,
            unit,
            first_year,
            years: (last_year - first_year + 1) as usize,
            title,
            legend,
            legend_on_border,
            legend_lines,
            footnote,
            references,
            callouts,
            series,
        })
    }

    /// Rows the legend takes inside the border.
    fn legend_rows(&self) -> u16 {
        self.legend_lines.len() as u16
    }

    fn block(&self, ctx: &Ctx) -> Block<'a> {
        let block = ctx
            .bordered()
            .title(self.title.clone())
            .title_bottom(self.footnote.clone());
        if self.legend_on_border {
            block.title(self.legend.clone().right_aligned())
        } else {
            block
        }
    }

    /// The round ticks of the y axis for a plot `rows` high, with their labels.
    fn y_axis(&self, rows: u16) -> YAxis {
        let values = || {
            self.series
                .iter()
                .flat_map(|s| &s.indicator.points)
                .map(|p| p.value.number)
                .chain(self.references.iter().copied())
        };
        let (mut lo, mut hi) = (
            values().fold(f64::INFINITY, f64::min),
            values().fold(f64::NEG_INFINITY, f64::max),
        );
        if self.kind == ChartKind::Bar {
            // Headroom above the tallest bar keeps a row free for its value.
            (lo, hi) = (lo.min(0.0) * 1.05, hi.max(0.0) * 1.05);
            // And above a bar with a callout, a row for the callout's text besides the value's.
            if rows > 3 {
                for value in &self.callouts {
                    hi = hi.max(value * f64::from(rows) / f64::from(rows - 2));
                }
            }
        }
        let max_ticks = usize::from(rows / 2 + 1).clamp(2, 6);
        let scale = Scale {
            ticks: Ticks::new(lo, hi, max_ticks),
            rows,
        };
        let labels: Vec<(f64, String)> = scale
            .ticks
            .values()
            .map(|v| (v, scale.ticks.label(v, self.unit)))
            .collect();
        let width = labels.iter().map(|(_, l)| l.width()).max().unwrap_or(0) as u16;
        YAxis {
            scale,
            labels,
            width,
        }
    }

    fn plot(&'a self, area: Rect, scale: Scale, ctx: &'a Ctx<'a>) -> Plot<'a> {
        Plot {
            area,
            first_year: self.first_year,
            years: self.years,
            scale,
            series: &self.series,
            unit: self.unit,
            ctx,
        }
    }
}

/// The y axis's scale and tick labels, and the columns the widest label takes.
struct YAxis {
    scale: Scale,
    labels: Vec<(f64, String)>,
    width: u16,
}

/// The border with its titles, the legend, and the axes and plot where they have room.
fn render_chart(model: &Model, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let block = model.block(ctx);
    let inner = block.inner(area);
    let legend_rows = model.legend_rows();
    let [legend, plot_rows, x_axis] = split::rows(inner, [Some(legend_rows), None, Some(1)]);
    let y_axis = model.y_axis(plot_rows.height);
    let [y_labels, y_line, plot_area] =
        split::columns(plot_rows, [Some(y_axis.width), Some(1), None]);
    block.render(area, buf);
    if inner.height < legend_rows + 2 || inner.width < 8 {
        return;
    }
    for (line, row) in model.legend_lines.iter().zip(legend.rows()) {
        line.render(row, buf);
    }
    if y_axis.width + 1 + 4 > plot_rows.width {
        return;
    }
    let plot = model.plot(plot_area, y_axis.scale, ctx);
    render_y_axis(&plot, model.kind, &y_axis.labels, y_labels, y_line, buf);
    render_x_axis(&plot, x_axis, buf);
    render_plot(&plot, model.kind, buf);
    // Last, as a background under what is drawn (a line chart's canvas paints its own).
    plot.draw_range(x_axis, buf);
}

/// The cursor's guide, then the bars or lines over it, then the events over those, then the
/// annotations where they leave room.
fn render_plot(plot: &Plot, kind: ChartKind, buf: &mut Buffer) {
    plot.draw_cursor(buf);
    match kind {
        ChartKind::Bar => bar::render(plot, buf),
        // A compare chart is drawn by `compare`, never on a plot by year.
        ChartKind::Line | ChartKind::Compare => {
            line::render(plot, buf);
            plot.draw_events(buf);
        }
    }
    annotate::render(plot, kind, buf);
}

/// Each series' indicator, its derived copy for a derived view, and its legend label.
impl<'a> Series<'a> {
    /// Each of [`resolve`]'s series: the view's derived indicator where there is one.
    fn all(resolved: &'a [(&'a Indicator, Option<Indicator>, &'a str)]) -> Vec<Series<'a>> {
        resolved
            .iter()
            .map(|(original, derived, label)| Series {
                indicator: derived.as_ref().unwrap_or(original),
                label,
            })
            .collect()
    }
}

fn resolve<'a>(
    spec: &'a ChartSpec,
    ctx: &Ctx<'a>,
) -> Vec<(&'a Indicator, Option<Indicator>, &'a str)> {
    spec.series
        .iter()
        .map(|s| {
            let indicator = ctx.data.get(&s.indicator);
            let label = s.label.as_deref().unwrap_or(&indicator.name);
            (indicator, derive::view(indicator, ctx.view), label)
        })
        .collect()
}

/// A chart whose view has no points (a change view of a single year): its frame and a note.
fn render_frame_only(spec: &ChartSpec, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let block = ctx
        .bordered()
        .title(Line::styled(format!(" {} ", spec.title), ctx.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let note = Line::styled(
        " not enough consecutive years for this view",
        ctx.theme.muted,
    );
    note.render(inner, buf);
}

/// ` Title · unit `, the title shortened with `…` so the unit always shows.
fn title(title: &str, unit: &str, width: u16) -> String {
    let room = usize::from(width).saturating_sub(4 + 3 + unit.width());
    if title.width() <= room {
        return format!(" {title} · {unit} ");
    }
    let mut short = String::new();
    for c in title.chars() {
        if short.width() + c.to_string().width() + 1 > room {
            break;
        }
        short.push(c);
    }
    format!(" {}… · {unit} ", short.trim_end())
}

/// The marker or fill that tells series apart without colour.
fn series_symbol(kind: ChartKind, index: usize, ctx: &Ctx) -> &'static str {
    match kind {
        ChartKind::Bar => ctx.glyphs.fills[index % ctx.glyphs.fills.len()],
        ChartKind::Line | ChartKind::Compare => {
            ctx.glyphs.markers[index % ctx.glyphs.markers.len()]
        }
    }
}

fn legend<'a>(kind: ChartKind, series: &[Series<'a>], ctx: &Ctx) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (i, s) in series.iter().enumerate() {
        spans.push(Span::styled(
            series_symbol(kind, i, ctx),
            ctx.theme.series(i),
        ));
        spans.push(Span::styled(format!(" {} ", s.label), ctx.theme.text));
    }
    Line::from(spans)
}

/// The legend's entries (marker and label) on as many lines of `width` as they need, an entry
/// never split; an entry wider than a line gets a line of its own and is cut at its end.
fn wrap_legend<'a>(legend: &Line<'a>, width: usize) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    let mut line = Line::from(" ");
    for entry in legend.spans[1..].chunks(2) {
        let entry_width: usize = entry.iter().map(Span::width).sum();
        if line.width() > 1 && line.width() + entry_width > width {
            lines.push(std::mem::replace(&mut line, Line::from(" ")));
        }
        line.spans.extend(entry.iter().cloned());
    }
    lines.push(line);
    lines
}

/// Explains the marks on this chart: flags on its points, breaks in its series.
fn series_footnote<'a>(series: &[Series<'_>], ctx: &Ctx) -> Line<'a> {
    let flags: BTreeSet<Flag> = series
        .iter()
        .flat_map(|s| &s.indicator.points)
        .flat_map(|p| p.flags.iter().copied())
        .collect();
    footnote(&flags, series.iter().flat_map(|s| &s.indicator.breaks), ctx)
}

/// The marks of these flags, then each break once (two series may break in the same year for
/// the same reason).
fn footnote<'a, 'b>(
    flags: &BTreeSet<Flag>,
    breaks: impl Iterator<Item = &'b Break>,
    ctx: &Ctx,
) -> Line<'a> {
    let theme = ctx.theme;
    let mut spans = Vec::new();
    for flag in Flag::ALL.into_iter().filter(|f| flags.contains(f)) {
        spans.push(Span::styled(
            format!(" {}", ctx.glyphs.flag(flag)),
            theme.flag,
        ));
        spans.push(Span::styled(format!(" {}", flag.name()), theme.muted));
    }
    let mut shown: Vec<(i32, &str)> = Vec::new();
    for brk in breaks {
        if shown.contains(&(brk.year, brk.label.as_str())) {
            continue;
        }
        shown.push((brk.year, brk.label.as_str()));
        spans.push(Span::styled(
            format!(" {}", ctx.glyphs.series_break),
            theme.break_mark,
        ));
        spans.push(Span::styled(
            format!(" {} {}", brk.year, brk.label),
            theme.muted,
        ));
    }
    if !spans.is_empty() {
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// The flag marks of a point, such as `≈` or `†*`.
fn flag_marks(point: &Point, ctx: &Ctx) -> String {
    point.flags.iter().map(|f| ctx.glyphs.flag(*f)).collect()
}
