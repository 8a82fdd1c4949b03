//! The presenter console, drawn: the talk and `beat 3/14` on top, the clock, the beat's title
//! and caption, its notes (wrapped, scrolled with ↑↓), the next beat, and the keys. Before a
//! dashboard answers, and after it quits, what to run instead.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{ascii, split, wrap};
use crate::action::{self, Action, TALK_BINDINGS};
use crate::presenter::Console;
use crate::presenter::clock;
use crate::presenter::console::{Link, paragraphs};

/// Rows under the clock before the notes: a gap and the beat's title.
const TITLE_ROWS: u16 = 2;

/// The notes' rows kept from the next beat when the console is short of rows.
const NOTES_LEAST: usize = 3;

/// The rows below the header, while a dashboard is followed: what each holds.
struct Parts {
    caption: Vec<Line<'static>>,
    next: Vec<Line<'static>>,
    notes: Vec<Line<'static>>,
    clock: Rect,
    /// A gap, then the beat's title.
    title: Rect,
    caption_area: Rect,
    /// The notes, with their border.
    notes_area: Rect,
    /// After a gap, the next beat.
    next_area: Rect,
}

impl Parts {
    /// Lays out beat `beat` of the console's talk in `body`.
    fn new(console: &Console, beat: usize, body: Rect) -> Parts {
        let theme = &console.theme;
        let width = body.width.saturating_sub(2);
        let beats = &console.talk.beats;
        let caption: Vec<Line<'static>> = match beats.get(beat) {
            Some(b) if !b.caption.is_empty() => b
                .caption
                .iter()
                .flat_map(|line| wrap::lines(&Line::styled(line.clone(), theme.value), width))
                .collect(),
            _ => vec![Line::styled("(no caption)", theme.muted)],
        };
        let next: Vec<Line<'static>> = match beats.get(beat + 1) {
            None => vec![Line::styled(
                "next: nothing, this is the last beat",
                theme.muted,
            )],
            Some(b) => std::iter::once(Line::from(vec![
                Span::styled(format!("next, beat {}: ", beat + 2), theme.muted),
                Span::styled(console.title(beat + 1).to_owned(), theme.text),
            ]))
            .chain(
                b.caption
                    .iter()
                    .map(|line| Line::styled(line.clone(), theme.text)),
            )
            .flat_map(|line| wrap::lines(&line, width))
            .collect(),
        };
        let notes_width = width.saturating_sub(2);
        let notes: Vec<Line<'static>> = match beats.get(beat).map(|b| b.notes.as_str()) {
            Some("") | None => vec![Line::styled("(no notes)", theme.muted)],
            Some(text) => paragraphs(text)
                .into_iter()
                .flat_map(|line| wrap::lines(&Line::styled(line, theme.text), notes_width))
                .collect(),
        };
        // The notes come before the next beat: at least a few of their rows show, and the next
        // beat has what is left, from its title down.
        let fixed = 1 + TITLE_ROWS + caption.len() as u16 + 2;
        let notes_least = notes.len().min(NOTES_LEAST) as u16 + 2;
        let next_rows = (next.len() as u16).min(
            body.height
                .saturating_sub(fixed)
                .saturating_sub(notes_least),
        );
        let [clock, title, caption_area, _, notes_area, _, next_area] = split::rows(
            body,
            [
                Some(1),
                Some(TITLE_ROWS),
                Some(caption.len() as u16),
                Some(1),
                None,
                Some(1),
                Some(next_rows),
            ],
        );
        Parts {
            caption,
            next,
            notes,
            clock,
            title,
            caption_area,
            notes_area,
            next_area,
        }
    }

    /// The notes' rows that show at once, inside the border.
    fn notes_visible(&self) -> usize {
        usize::from(self.notes_area.height.saturating_sub(2))
    }
}

/// How many rows of the current beat's notes can be hidden above the area that shows them, in
/// a console drawn on `area`: how far ↓ scrolls.
pub fn notes_rows(console: &Console, area: Rect) -> usize {
    let Some(beat) = console.beat() else {
        return 0;
    };
    let [_, body, _] = split::rows(area, [Some(1), None, Some(1)]);
    let parts = Parts::new(console, beat, body);
    parts.notes.len().saturating_sub(parts.notes_visible())
}

impl Widget for &Console {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        if theme.base != Style::new() {
            buf.set_style(area, theme.base);
        }
        let [header, body, footer] = split::rows(area, [Some(1), None, Some(1)]);
        render_header(self, header, buf);
        match self.link() {
            Link::Following { progress, .. } => render_beat(self, progress.beat, body, buf),
            Link::Waiting | Link::Gone => render_waiting(self, body, buf),
        }
        render_footer(self, footer, buf);
        if self.ascii {
            ascii::transliterate(buf);
        }
    }
}

/// The talk's title, and where it is: `beat 3/14`, with `· detour · r returns` off the beat.
fn render_header(console: &Console, area: Rect, buf: &mut Buffer) {
    let theme = &console.theme;
    let place = match console.link() {
        Link::Following { progress, .. } => {
            let beat = format!("beat {}/{}", progress.beat + 1, progress.beats);
            if progress.detour {
                let r = action::key_of(Action::ReturnToBeat).unwrap_or_default();
                format!("{beat} · detour · {r} returns")
            } else {
                beat
            }
        }
        Link::Waiting | Link::Gone => String::new(),
    };
    let place_width = place.chars().count() as u16 + 2;
    let [title, place_area] = split::columns(area, [None, Some(place_width)]);
    Line::styled(format!(" {}", console.talk.title), theme.title).render(title, buf);
    Line::styled(format!(" {place}"), theme.value).render(place_area, buf);
}

/// The clock, the beat's title and caption, its notes and the next beat: one call a region.
fn render_beat(console: &Console, beat: usize, body: Rect, buf: &mut Buffer) {
    let parts = Parts::new(console, beat, body);
    render_clock(console, parts.clock, buf);
    let [_, title] = split::rows(parts.title, [Some(1), None]);
    Line::styled(format!(" {}", console.title(beat)), console.theme.title).render(title, buf);
    wrap::render(&parts.caption, inset(parts.caption_area), buf);
    render_notes(console, &parts.notes, parts.notes_area, buf);
    wrap::render(&parts.next, inset(parts.next_area), buf);
}

/// A column's margin on either side.
fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// The notes in their frame, from the console's scroll; where they do not all fit, the frame
/// says which lines show (`3–12 of 20 · ↑↓`).
fn render_notes(console: &Console, notes: &[Line], area: Rect, buf: &mut Buffer) {
    let theme = &console.theme;
    let visible = usize::from(area.height.saturating_sub(2));
    let hidden = notes.len().saturating_sub(visible);
    let scroll = console.scroll().min(hidden);
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" notes ", theme.muted));
    if hidden > 0 && visible > 0 {
        let last = (scroll + visible).min(notes.len());
        block = block.title_bottom(
            Line::styled(
                format!(" {}–{last} of {} · ↑↓ ", scroll + 1, notes.len()),
                theme.muted,
            )
            .alignment(Alignment::Right),
        );
    }
    let inner = block.inner(area);
    block.render(area, buf);
    wrap::render(&notes[scroll..], inset(inner), buf);
}

/// `2:05 elapsed · 12:55 left`, the time left in the warning colour in the last tenth.
fn render_clock(console: &Console, area: Rect, buf: &mut Buffer) {
    let theme = &console.theme;
    let elapsed = console.elapsed().unwrap_or_default();
    let mut spans = vec![
        Span::styled(format!(" {}", clock::minutes(elapsed)), theme.value),
        Span::styled(" since the first beat", theme.muted),
    ];
    if let Some(planned) = console.talk.duration {
        let left = clock::left(planned, elapsed);
        let style = if left.warning {
            theme.warning
        } else {
            theme.value
        };
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(left.text, style));
        spans.push(Span::styled(
            format!(" of {}", clock::minutes(planned)),
            theme.muted,
        ));
    }
    Line::from(spans).render(area, buf);
}

/// No dashboard to follow: say so, and what to run.
fn render_waiting(console: &Console, body: Rect, buf: &mut Buffer) {
    let theme = &console.theme;
    let mut lines = Vec::new();
    if console.link() == Link::Gone {
        lines.push(Line::styled("The dashboard has quit.", theme.warning));
        lines.push(Line::default());
    }
    lines.push(Line::from(vec![
        Span::styled("waiting for ", theme.muted),
        Span::styled(console.command.clone(), theme.value),
    ]));
    lines.push(Line::styled(
        "in another terminal on this machine; this console follows it",
        theme.muted,
    ));
    let width = body.width.saturating_sub(2);
    let lines: Vec<Line> = lines.iter().flat_map(|l| wrap::lines(l, width)).collect();
    let height = (lines.len() as u16).min(body.height);
    let [_, middle, _] = split::rows(body, [None, Some(height), Some(body.height / 2)]);
    Paragraph::new(lines).centered().render(middle, buf);
}

/// The keys, from the talk's key table: the beat keys go to the dashboard.
fn render_footer(console: &Console, area: Rect, buf: &mut Buffer) {
    let theme = &console.theme;
    let key = |action| action::key_of(action).unwrap_or_default();
    let keys = |action| {
        TALK_BINDINGS
            .iter()
            .find(|b| b.action == action)
            .map(action::Binding::label)
            .unwrap_or_default()
    };
    // In the order they matter on stage: first gives way first.
    let hints = [
        (keys(Action::NextBeat), "next"),
        (keys(Action::PrevBeat), "back"),
        (keys(Action::ReturnToBeat), "return"),
        (
            format!("{}{}", key(Action::PrevYear), key(Action::NextYear)),
            "notes",
        ),
        (keys(Action::FirstBeat), "first"),
    ];
    let quit = (key(Action::Quit), "quit");
    let room = usize::from(area.width);
    let width = |(keys, words): &(String, &str)| keys.chars().count() + words.chars().count() + 3;
    let mut used = width(&quit);
    let mut spans = Vec::new();
    let mut hint_spans = |(keys, words): &(String, &str)| {
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {words} "), theme.muted));
    };
    // Whole hints, as many as fit; the quit hint always shows, last.
    for hint in &hints {
        if used + width(hint) <= room {
            used += width(hint);
            hint_spans(hint);
        }
    }
    hint_spans(&quit);
    Line::from(spans).render(area, buf);
}
