//! Drawing: the frame's layout, then one call per region. Everything here is a pure function
//! of the state, so a frame renders the same into a terminal or a test buffer.

mod ascii;
mod blank;
mod caption;
mod chart;
mod console;
mod fit;
mod focus;
mod footer;
mod format;
mod glyphs;
mod hidden;
mod overlay;
mod overview;
mod page;
mod preflight;
mod readout;
mod split;
mod tabs;
mod tile;
mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::data::{Annotation, Dataset};
use crate::derive::View;
use crate::theme::Theme;

pub use console::notes_rows as console_notes_rows;
pub use glyphs::Glyphs;
pub use tabs::tab_at;

/// Below this size the layout cannot be read; a message asks for more room instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 15;

/// Whether `area` is too small for the dashboard, so that a frame shows only the message.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// What every drawing function needs besides its own region: the data and how to show it.
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub theme: &'a Theme,
    pub glyphs: Glyphs,
    pub cursor: Option<i32>,
    /// The year range, earlier year first: shaded on the charts, given in the readout.
    pub range: Option<(i32, i32)>,
    pub view: View,
    /// The annotations that show (all of them, outside a talk).
    pub annotations: Vec<&'a Annotation>,
}

impl Ctx<'_> {
    /// The rounded (or ASCII) border around a chart, a tile or a panel, in the border colour.
    /// It has no style of its own, so the cells inside keep theirs.
    fn bordered<'b>(&self) -> Block<'b> {
        Block::bordered()
            .border_set(self.glyphs.border)
            .border_style(self.theme.border)
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.is_blank() {
            blank::render(&self.theme, area, buf);
            return;
        }
        // An empty style changes no cell: skip the walk over every one of them.
        if self.theme.base != Style::new() {
            buf.set_style(area, self.theme.base);
        }
        if too_small(area) {
            render_too_small(area, buf, &self.theme);
            if self.ascii {
                ascii::transliterate(buf);
            }
            return;
        }
        let ctx = Ctx {
            data: &self.data,
            theme: &self.theme,
            glyphs: Glyphs::new(self.ascii),
            cursor: self.cursor(),
            range: self.range(),
            view: self.view(),
            annotations: self.shown_annotations(),
        };
        let page = self.data.pages.get(self.tab());
        let focused = page.and_then(|p| focus::chart(p, self.focus()));
        let shown = match (focused, page) {
            (Some(spec), _) => focus::indicators(spec, &self.data),
            (None, Some(page)) => self.data.page_indicators(page),
            (None, None) => Vec::new(),
        };
        let readout = readout::rows(&shown, &ctx, area.width);
        let [tabs, body, footer] = split::rows(area, [Some(1), None, Some(1)]);
        // In a talk, the caption comes before the readout and the charts.
        let caption = self
            .caption()
            .and_then(|lines| caption::Caption::fit(lines, body, &ctx));
        let caption_rows = caption.as_ref().map_or(0, caption::Caption::height);
        let [body, caption_area] = split::rows(body, [None, Some(caption_rows)]);
        // The readout gives way before the charts do.
        let [body, readout_area] = fit::readout_rows(body, readout.len() as u16);
        tabs::render(&self.data.pages, self.tab(), &ctx, tabs, buf);
        match (focused, page) {
            (Some(spec), _) => chart::render(spec, &ctx, body, buf),
            (None, Some(page)) => page::render(page, &ctx, body, buf),
            (None, None) => {}
        }
        Paragraph::new(readout).render(readout_area, buf);
        if let Some(caption) = caption {
            caption.render(&ctx, caption_area, buf);
        }
        footer::render(self, &ctx, footer, buf);
        if let (Some(overlay), Some(page)) = (self.overlay(), page) {
            // Over the page, but not over a caption (a beat may open the sources).
            let [covered, _] = split::rows(area, [None, Some(caption_rows)]);
            overlay::render(overlay, page, self.mode(), &ctx, covered, buf);
        }
        if self.ascii {
            ascii::transliterate(buf);
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let need = format!("need {MIN_WIDTH}×{MIN_HEIGHT}");
    let have = format!("have {}×{}", area.width, area.height);
    let one_line = format!("terminal too small: {need}, {have}");
    // One line where it fits; otherwise one phrase per line, so nothing wraps mid-phrase.
    let mut lines = if one_line.chars().count() <= usize::from(area.width) {
        vec![Line::styled(one_line, theme.warning)]
    } else {
        ["terminal too small", &need, &have]
            .map(|text| Line::styled(text.to_owned(), theme.warning))
            .to_vec()
    };
    lines.push(Line::styled("enlarge it, or q to quit", theme.muted));
    let height = (lines.len() as u16).min(area.height);
    let [_, middle, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    Paragraph::new(lines)
        .centered()
        .wrap(Wrap { trim: true })
        .render(middle, buf);
}
