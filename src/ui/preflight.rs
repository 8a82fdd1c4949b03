//! The pre-flight test card, drawn: the terminal's size against every tab, the colour depth
//! and the theme's contrast, a glyph test, and the keys pressed. Four panels: size and colours
//! side by side, glyphs and keys under them (one column on a narrow terminal).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::fit::{self, Fit};
use super::glyphs::{ASCII, Glyphs, UNICODE};
use super::{Ctx, MIN_HEIGHT, MIN_WIDTH, ascii, page, readout, split, too_small, wrap};
use crate::data::{Flag, Page, year_span};
use crate::derive::View;
use crate::preflight::contrast::{self, Source};
use crate::preflight::{Preflight, depth};
use crate::theme::{Theme, ThemeName};

/// Below this width the panels go in one column.
const TWO_COLUMNS: u16 = 80;
/// A swatch: its colour, its role, its ratio and its warning.
const SWATCH_WIDTH: u16 = 19;
/// The dark theme is drawn on the terminal's own background: ratios assume it is black.
const ASSUMED_BACKGROUND: [u8; 3] = [0, 0, 0];
/// Line charts are drawn in Braille: a sample of dots, from sparse to full.
const BRAILLE: &str = "⠁⠉⠒⠤⣀⡠⢄⣿";

impl Widget for &Preflight {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        if theme.base != Style::new() {
            buf.set_style(area, theme.base);
        }
        let ctx = Ctx {
            data: &self.data,
            theme,
            glyphs: Glyphs::new(self.ascii),
            cursor: None,
            range: None,
            view: View::Levels,
            // As the dashboard shows them outside a talk: all of them.
            annotations: self.data.annotations.iter().collect(),
        };
        let [title, body] = split::rows(area, [Some(1), None]);
        render_title(self, &ctx, title, buf);
        let glyphs = glyph_lines(&ctx);
        let panel = |lines: &Vec<Line>| lines.len() as u16 + 2;
        if area.width >= TWO_COLUMNS {
            let half = area.width / 2;
            let size = size_lines(self, &ctx, area, half - 2);
            let colours = colour_lines(self, &ctx, area.width - half - 2);
            let glyphs_width = glyphs.1.iter().map(Line::width).max().unwrap_or(0) as u16 + 2;
            let keys = key_lines(self, &ctx, area.width - glyphs_width - 2);
            let top_height = panel(&size.1).max(panel(&colours.1));
            let [top, bottom] = split::rows(body, [Some(top_height), None]);
            let [size_area, colours_area] = split::columns(top, [Some(half), None]);
            let [glyphs_area, keys_area] = split::columns(bottom, [Some(glyphs_width), None]);
            render_panel(&ctx, size, size_area, buf);
            render_panel(&ctx, colours, colours_area, buf);
            render_panel(&ctx, glyphs, glyphs_area, buf);
            render_panel(&ctx, keys, keys_area, buf);
        } else {
            let inner = area.width.saturating_sub(2);
            let size = size_lines(self, &ctx, area, inner);
            let colours = colour_lines(self, &ctx, inner);
            let keys = key_lines(self, &ctx, inner);
            // The keys come second: on a small terminal they matter most after the size.
            let [size_area, keys_area, colours_area, glyphs_area] = split::rows(
                body,
                [Some(panel(&size.1)), Some(6), Some(panel(&colours.1)), None],
            );
            render_panel(&ctx, size, size_area, buf);
            render_panel(&ctx, keys, keys_area, buf);
            render_panel(&ctx, colours, colours_area, buf);
            render_panel(&ctx, glyphs, glyphs_area, buf);
        }
        if self.ascii {
            ascii::transliterate(buf);
        }
    }
}

/// A panel: its title and its lines.
type Panel<'a> = (Line<'a>, Vec<Line<'a>>);

fn render_panel(ctx: &Ctx, (title, lines): Panel, area: Rect, buf: &mut Buffer) {
    let block = ctx.bordered().title(title);
    Paragraph::new(lines).block(block).render(area, buf);
}

fn render_title(card: &Preflight, ctx: &Ctx, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    let mut spans = vec![
        Span::styled(" Pre-flight check ", theme.tab_selected),
        Span::styled(
            format!(" {} · theme {}", card.data.title, theme_name(theme)),
            theme.muted,
        ),
    ];
    if card.ascii {
        spans.push(Span::styled(" · --ascii", theme.muted));
    }
    spans.extend([
        Span::styled(" · ", theme.muted),
        Span::styled("q", theme.key),
        Span::styled(" leaves, ", theme.muted),
        Span::styled("Esc", theme.key),
        Span::styled(" does not", theme.muted),
    ]);
    Line::from(spans).render(area, buf);
}

fn theme_name(theme: &Theme) -> &'static str {
    match theme.name {
        ThemeName::Dark => "dark",
        ThemeName::Light => "light",
        ThemeName::Mono => "mono",
    }
}

/// A check mark or a cross, in the glyph set in use.
fn mark(ctx: &Ctx, ok: bool) -> Span<'static> {
    match (ok, ctx.glyphs.ascii) {
        (true, false) => Span::styled("✓ ", ctx.theme.text),
        (true, true) => Span::styled("+ ", ctx.theme.text),
        (false, false) => Span::styled("✗ ", ctx.theme.warning),
        (false, true) => Span::styled("x ", ctx.theme.warning),
    }
}

/// How one tab fits this terminal.
struct TabFit {
    /// As the tab opens; `None` when the terminal is too small for the dashboard.
    opens: Option<Fit>,
    /// With the year cursor's readout under the charts.
    readout: Option<Fit>,
    complete: bool,
    /// The fewest rows that show everything at this width, with the readout too.
    rows: Option<u16>,
}

/// Each tab against the size of the terminal (`area`): what it shows as it opens, and where
/// something is left out (as it opens, or once `↓` shows the readout), the rows that show it
/// all at this width; in `width` columns.
fn size_lines<'a>(card: &Preflight, ctx: &Ctx, area: Rect, width: u16) -> Panel<'a> {
    let theme = ctx.theme;
    let height = area.height;
    let fits: Vec<TabFit> = card
        .data
        .pages
        .iter()
        .map(|p| {
            let shape = page::shape(p, ctx, area.width, longest_readout(p, ctx, area.width));
            TabFit {
                opens: fit::frame(&shape, area.width, height, false),
                readout: fit::frame(&shape, area.width, height, true),
                complete: fit::complete(&shape, area.width, height),
                rows: fit::rows_needed(&shape, area.width),
            }
        })
        .collect();
    let short = fits.iter().filter(|f| !f.complete).count();
    let needed = fits.iter().map(|f| f.rows).max().flatten();
    let verdict = match needed {
        _ if short == 0 => "every tab fits".to_owned(),
        Some(rows) if rows > height => format!("{short} short; {rows} rows show all"),
        _ => format!("{short} short; widen it"),
    };
    let title = Line::from(vec![
        Span::styled(format!(" Size {}×{height}: ", area.width), theme.title),
        Span::styled(
            format!("{verdict} "),
            if short == 0 {
                theme.title
            } else {
                theme.warning
            },
        ),
    ]);
    let name_width = (card.data.pages.iter())
        .map(|p| p.title.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    if too_small(area) {
        lines.push(Line::styled(
            format!("too small: the dashboard needs {MIN_WIDTH}×{MIN_HEIGHT}"),
            theme.warning,
        ));
    }
    for (i, (page, fit)) in card.data.pages.iter().zip(&fits).enumerate() {
        let name = format!("{} {:<name_width$}  ", i + 1, page.title);
        let mut spans = vec![mark(ctx, fit.complete), Span::styled(name, theme.text)];
        spans.extend(shown(fit.opens.as_ref(), ctx));
        lines.push(Line::from(spans));
        if fit.complete {
            continue;
        }
        let mut spans = vec![Span::styled("with ↓ readout: ", theme.muted)];
        spans.extend(shown(fit.readout.as_ref(), ctx));
        spans.push(Span::styled(
            match fit.rows {
                Some(rows) => format!("; {rows} rows show all"),
                None => "; wider shows all".to_owned(),
            },
            theme.muted,
        ));
        lines.extend(wrap::hanging(&[Span::raw("    ")], spans, width));
    }
    (title, lines)
}

/// The most rows the readout takes on `page` at `width` columns, over the years the cursor can
/// show: each series' value, and the year's annotations.
fn longest_readout(page: &Page, ctx: &Ctx, width: u16) -> u16 {
    let indicators = ctx.data.page_indicators(page);
    let Some((first, last)) = year_span(indicators.iter().copied()) else {
        return 0;
    };
    (first..=last)
        .map(|year| {
            let at = Ctx {
                data: ctx.data,
                theme: ctx.theme,
                glyphs: ctx.glyphs.clone(),
                cursor: Some(year),
                range: None,
                view: ctx.view,
                annotations: ctx.annotations.clone(),
            };
            readout::rows(&indicators, &at, width).len() as u16
        })
        .max()
        .unwrap_or(0)
}

/// `3 charts`, `2 of 3 charts`, `5 figures`.
fn shown<'a>(fit: Option<&Fit>, ctx: &Ctx) -> Vec<Span<'a>> {
    let theme = ctx.theme;
    let Some(fit) = fit else {
        return vec![Span::styled("nothing", theme.warning)];
    };
    let mut spans = Vec::new();
    for (count, one, many) in [
        (fit.charts, "chart", "charts"),
        (fit.figures, "figure", "figures"),
    ] {
        if count.total == 0 {
            continue;
        }
        if !spans.is_empty() {
            spans.push(Span::styled(", ", theme.muted));
        }
        let noun = if count.total == 1 { one } else { many };
        spans.push(if count.whole() {
            Span::styled(format!("{} {noun}", count.total), theme.text)
        } else {
            Span::styled(
                format!("{} of {} {noun}", count.shown, count.total),
                theme.warning,
            )
        });
    }
    spans
}

/// The colour depth and why, the background the ratios are against, and the theme's colours
/// as swatches with their contrast ratio, in `width` columns.
fn colour_lines<'a>(card: &Preflight, ctx: &Ctx, width: u16) -> Panel<'a> {
    let theme = ctx.theme;
    let mut lines: Vec<Line> = Vec::new();
    for finding in depth::findings(&card.env) {
        let style = if finding.warning {
            theme.warning
        } else {
            theme.text
        };
        let line = Line::from(vec![
            mark(ctx, !finding.warning),
            Span::styled(finding.text, style),
        ]);
        lines.extend(wrap::lines(&line, width));
    }
    let title = Line::styled(" Colours ", theme.title);
    let (own, coloured): (Vec<_>, Vec<_>) = roles(theme)
        .into_iter()
        .partition(|(_, color)| *color == Color::Reset);
    if coloured.is_empty() {
        let line = Line::styled(
            "no colours: bold, reverse and markers carry the meaning",
            theme.muted,
        );
        lines.extend(wrap::lines(&line, width));
        return (title, lines);
    }
    let (background, about) = match contrast::rgb(theme.background()) {
        Some(rgb) => (
            rgb.rgb,
            format!("Ratios on the theme's {}", contrast::hex(rgb.rgb)),
        ),
        None => (
            ASSUMED_BACKGROUND,
            format!(
                "Ratios on {}, assumed: the terminal's own background",
                contrast::hex(ASSUMED_BACKGROUND)
            ),
        ),
    };
    lines.extend(wrap::lines(&Line::styled(about, theme.muted), width));
    let per_line = (width / SWATCH_WIDTH).max(1);
    let swatches: Vec<Vec<Span>> = coloured
        .iter()
        .map(|(role, color)| swatch(role, *color, background, ctx))
        .collect();
    for row in swatches.chunks(usize::from(per_line)) {
        lines.push(Line::from(row.concat()));
    }
    if !own.is_empty() {
        let roles: Vec<&str> = own.iter().map(|(role, _)| role.as_str()).collect();
        let line = Line::styled(
            format!("The terminal's own colour: {}", roles.join(", ")),
            theme.muted,
        );
        lines.extend(wrap::lines(&line, width));
    }
    if coloured
        .iter()
        .any(|(_, color)| contrast::rgb(*color).is_some_and(|c| c.source == Source::Assumed))
    {
        let line = Line::styled(
            "~ a named ANSI colour: xterm's RGB assumed, yours may differ",
            theme.muted,
        );
        lines.extend(wrap::lines(&line, width));
    }
    let low = coloured
        .iter()
        .filter(|(_, color)| {
            contrast::rgb(*color).is_some_and(|c| contrast::ratio(c.rgb, background) < contrast::AA)
        })
        .count();
    if low == 0 {
        return (title, lines);
    }
    let title = Line::from(vec![
        Span::styled(" Colours: ", theme.title),
        Span::styled(format!("{low} under {}:1! ", contrast::AA), theme.warning),
    ]);
    (title, lines)
}

/// The theme's colours by role, in the order the card shows them.
fn roles(theme: &Theme) -> Vec<(String, Color)> {
    let fg = |style: Style| style.fg.unwrap_or(Color::Reset);
    let mut roles: Vec<(String, Color)> = [
        ("text", theme.text),
        ("muted", theme.muted),
        ("border", theme.border),
        ("key", theme.key),
        ("flag", theme.flag),
        ("break", theme.break_mark),
        ("warning", theme.warning),
        ("cursor", theme.cursor),
        ("event", theme.event),
        ("tab", theme.tab_selected),
    ]
    .into_iter()
    .map(|(role, style)| (role.to_owned(), fg(style)))
    .collect();
    roles.extend((0..6).map(|i| (format!("series {}", i + 1), theme.series_color(i))));
    roles
}

/// `██ series 1 9.3:1 `, with `!` under 4.5:1 and `~` where the RGB is assumed, padded to
/// [`SWATCH_WIDTH`].
fn swatch<'a>(role: &str, color: Color, background: [u8; 3], ctx: &Ctx) -> Vec<Span<'a>> {
    let theme = ctx.theme;
    let (label, style) = match contrast::rgb(color) {
        None => ("?".to_owned(), theme.muted),
        Some(rgb) => {
            let ratio = contrast::ratio(rgb.rgb, background);
            let assumed = if rgb.source == Source::Assumed {
                "~"
            } else {
                ""
            };
            let low = ratio < contrast::AA;
            let warning = if low { "!" } else { "" };
            let label = format!("{assumed}{}{warning}", contrast::label(ratio));
            (label, if low { theme.warning } else { theme.text })
        }
    };
    let name = format!(" {role:<8} ");
    let used = 2 + name.chars().count() + label.chars().count();
    // At least one space before the next swatch.
    let pad = usize::from(SWATCH_WIDTH).saturating_sub(used).max(1);
    vec![
        Span::styled("██", Style::new().fg(color)),
        Span::styled(name, theme.muted),
        Span::styled(label, style),
        Span::raw(" ".repeat(pad)),
    ]
}

/// The characters the charts are drawn with, by kind; with `--ascii`, the plain set in use.
fn glyph_lines<'a>(ctx: &Ctx) -> Panel<'a> {
    let theme = ctx.theme;
    let row = |kind: &str, glyphs: String| {
        Line::from(vec![
            Span::styled(format!("{kind:<8}"), theme.muted),
            Span::styled(glyphs, theme.text),
        ])
    };
    let flags = |glyphs: &Glyphs| -> String { Flag::ALL.iter().map(|f| glyphs.flag(*f)).collect() };
    if ctx.glyphs.ascii {
        let g = &ASCII;
        let lines = vec![
            row("bars", g.fills.concat()),
            row("marks", format!("{} {}", g.markers.concat(), flags(g))),
            row(
                "frames",
                format!(
                    "{}{}{}",
                    g.border.top_left, g.border.horizontal_top, g.border.vertical_left
                ),
            ),
            Line::styled("--ascii is on: plain ASCII only", theme.muted),
        ];
        return (Line::styled(" Glyphs ", theme.title), lines);
    }
    let g = &UNICODE;
    let b = &g.border;
    let lines = vec![
        row("Braille", BRAILLE.to_owned()),
        row(
            "blocks",
            format!(
                "{} {}",
                g.fills.concat(),
                g.eighths.map(|e| e.concat()).unwrap_or_default()
            ),
        ),
        row(
            "box",
            format!(
                "{}{}{}{} {}{}{}{}",
                b.top_left,
                b.horizontal_top,
                b.top_right,
                b.vertical_left,
                g.series_break,
                g.zero_line,
                g.tick,
                b.bottom_left
            ),
        ),
        row(
            "marks",
            format!("{} {}{}", g.markers.concat(), g.no_data, g.event),
        ),
        row("flags", flags(g)),
        Line::from(vec![
            Span::styled("a box or ? above: use ", theme.muted),
            Span::styled("--ascii", theme.key),
        ]),
    ];
    (Line::styled(" Glyphs ", theme.title), lines)
}

/// The keys pressed, newest first: each one's name and what it does in the dashboard, wrapped
/// to `width` columns.
fn key_lines<'a>(card: &Preflight, ctx: &Ctx, width: u16) -> Panel<'a> {
    let theme = ctx.theme;
    let title = Line::styled(" Keys: press each clicker button ", theme.title);
    let mut lines = Vec::new();
    if card.echoes().is_empty() {
        for line in [
            Line::styled(
                "Each key shows here, named, with what it does.",
                theme.muted,
            ),
            Line::from(vec![
                Span::styled("q", theme.key),
                Span::styled(" leaves; ", theme.muted),
                Span::styled("Esc", theme.key),
                Span::styled(" does not (a clicker sends it).", theme.muted),
            ]),
        ] {
            lines.extend(wrap::lines(&line, width));
        }
        return (title, lines);
    }
    for echo in card.echoes() {
        let head = vec![
            Span::styled(format!("{:>3} ", echo.number), theme.muted),
            Span::styled(format!("{:<9} ", echo.name), theme.key),
        ];
        let mut body = Vec::new();
        // One "mode: what it does" a mode, `·` between them; "the same" where it is.
        for (i, meaning) in echo.meanings.iter().enumerate() {
            if i > 0 {
                body.push(Span::styled("· ", theme.muted));
            }
            body.push(Span::styled(format!("{}: ", meaning.mode), theme.muted));
            if i > 0 && meaning.description == echo.meanings[0].description {
                body.push(Span::styled("the same ", theme.muted));
                continue;
            }
            body.push(Span::styled(
                format!("{} ", meaning.description),
                theme.text,
            ));
        }
        lines.extend(wrap::hanging(&head, body, width));
    }
    (title, lines)
}
