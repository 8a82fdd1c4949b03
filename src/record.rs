//! Recording a session as an asciicast v2 file (`--record FILE`): what the file says, line by
//! line, and when a chapter starts. Pure: the thread that writes the file and the writer that
//! copies each frame's bytes to it are in `tui/record.rs`.
//!
//! The format (asciinema's "asciicast v2"): a JSON header line, then one JSON array per event,
//! `[seconds since the start, code, data]`: `o` for bytes written to the terminal, `r` for a
//! resize (`"COLSxROWS"`), `m` for a marker, which asciinema's web player shows as a chapter.

use std::time::Duration;

use serde::Serialize;

use crate::app::App;

/// The header line's fields, in the order asciinema writes them.
#[derive(Serialize)]
struct Header<'a> {
    version: u8,
    width: u16,
    height: u16,
    timestamp: u64,
    title: &'a str,
}

/// The first line: the terminal's size when the recording starts, when it started (seconds
/// since the Unix epoch) and the title the player shows.
pub fn header(width: u16, height: u16, timestamp: u64, title: &str) -> String {
    let header = Header {
        version: 2,
        width,
        height,
        timestamp,
        title,
    };
    serde_json::to_string(&header).unwrap_or_default()
}

/// What happened, for an event line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Bytes written to the terminal: one frame.
    Output(Vec<u8>),
    /// The terminal's new size, columns by rows.
    Resize(u16, u16),
    /// A chapter starts, named for what is on screen.
    Marker(String),
}

/// One event line, at `at` since the start, in microseconds (asciinema's precision). Output
/// that is not UTF-8 (a frame is; only a bug could make it not) has its bad bytes replaced
/// rather than the line lost.
pub fn line(at: Duration, event: &Event) -> String {
    // Microseconds as a float: exact enough for any talk's length.
    #[allow(clippy::cast_precision_loss, reason = "2^53 microseconds is 285 years")]
    let seconds = at.as_micros() as f64 / 1e6;
    let (code, data) = match event {
        Event::Output(bytes) => ("o", String::from_utf8_lossy(bytes).into_owned()),
        Event::Resize(cols, rows) => ("r", format!("{cols}x{rows}")),
        Event::Marker(name) => ("m", name.clone()),
    };
    serde_json::to_string(&(seconds, code, data)).unwrap_or_default()
}

/// What is on screen, as a chapter's name: in a talk "beat 3 · R&D · 2012→2021" (the beat, the
/// tab, and the year range or year shown; "detour" when the screen is off the beat), outside
/// one the tab's title.
pub fn chapter(app: &App) -> String {
    let tab = app
        .data
        .pages
        .get(app.tab())
        .map_or("", |page| page.title.as_str());
    let Some(talk) = app.talk() else {
        return tab.to_owned();
    };
    let mut parts = vec![format!("beat {}", talk.index() + 1)];
    if app.is_detour() {
        parts.push("detour".to_owned());
    }
    parts.push(tab.to_owned());
    match (app.range(), app.cursor()) {
        (Some((from, to)), _) if from != to => parts.push(format!("{from}→{to}")),
        (_, Some(year)) => parts.push(year.to_string()),
        _ => {}
    }
    parts.join(" · ")
}

/// Where chapters start: at the first frame, and whenever the beat or the tab changes.
#[derive(Debug, Default)]
pub struct Chapters {
    /// The beat (in a talk) and the tab of the last chapter.
    last: Option<(Option<usize>, usize)>,
}

impl Chapters {
    /// The new chapter's name, if the frame just drawn of `app` starts one.
    pub fn next(&mut self, app: &App) -> Option<String> {
        let now = (app.talk().map(crate::talk::State::index), app.tab());
        if self.last == Some(now) {
            return None;
        }
        self.last = Some(now);
        Some(chapter(app))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::data::Dataset;
    use crate::talk::Talk;
    use std::time::Instant;

    fn app() -> App {
        App::new(Dataset::embedded().expect("the embedded dataset loads"))
    }

    fn talk() -> App {
        let app = app();
        let talk = Talk::embedded(&app.data).expect("the built-in talk loads");
        app.with_talk(talk)
    }

    #[test]
    fn the_header_is_asciicast_v2() {
        assert_eq!(
            header(100, 30, 1_764_450_000, "Shenzhen's \"decade\""),
            r#"{"version":2,"width":100,"height":30,"timestamp":1764450000,"title":"Shenzhen's \"decade\""}"#
        );
    }

    #[test]
    fn event_lines_are_time_code_data() {
        let at = Duration::from_micros(1_500_250);
        assert_eq!(
            line(at, &Event::Output(b"\x1b[1;1Hx\xc3\xa9\n".to_vec())),
            r#"[1.50025,"o","\u001b[1;1Hxé\n"]"#
        );
        assert_eq!(
            line(at, &Event::Resize(120, 40)),
            r#"[1.50025,"r","120x40"]"#
        );
        assert_eq!(
            line(
                Duration::ZERO,
                &Event::Marker("beat 1 · \"GDP\"".to_owned())
            ),
            r#"[0.0,"m","beat 1 · \"GDP\""]"#
        );
        // Bytes that are not UTF-8 do not lose the frame.
        assert_eq!(
            line(Duration::from_nanos(999), &Event::Output(vec![b'a', 0xff])),
            r#"[0.0,"o","a�"]"#
        );
        assert_eq!(
            line(Duration::from_secs(3600), &Event::Output(Vec::new())),
            r#"[3600.0,"o",""]"#
        );
    }

    #[test]
    fn outside_a_talk_a_chapter_is_the_tab() {
        let mut app = app();
        assert_eq!(chapter(&app), "Overview");
        app.update(Action::GoToTab(1), Instant::now());
        assert_eq!(chapter(&app), "GDP");
        // The year cursor is not part of it: a chapter per tab.
        app.update(Action::NextYear, Instant::now());
        assert_eq!(chapter(&app), "GDP");
    }

    #[test]
    fn in_a_talk_a_chapter_names_the_beat_the_tab_and_the_years() {
        let mut app = talk();
        assert_eq!(chapter(&app), "beat 1 · Overview");
        app.go_to_beat(1);
        assert_eq!(chapter(&app), "beat 2 · GDP · 2012→2021");
        app.go_to_beat(3);
        assert_eq!(chapter(&app), "beat 4 · GDP · 2020");
        app.update(Action::GoToTab(3), Instant::now());
        assert_eq!(chapter(&app), "beat 4 · detour · Trade · 2020");
        // A range of one year (just marked) is that year.
        app.set_range(Some((2015, 2015)));
        assert_eq!(chapter(&app), "beat 4 · detour · Trade · 2015");
    }

    #[test]
    fn chapters_start_at_the_first_frame_and_at_each_beat_or_tab() {
        let mut chapters = Chapters::default();
        let mut app = talk();
        assert_eq!(chapters.next(&app).as_deref(), Some("beat 1 · Overview"));
        assert_eq!(chapters.next(&app), None, "the same beat: no new chapter");
        app.go_to_beat(1);
        assert_eq!(
            chapters.next(&app).as_deref(),
            Some("beat 2 · GDP · 2012→2021")
        );
        // Beat 3 is on the same tab: still a chapter of its own.
        app.go_to_beat(2);
        assert_eq!(
            chapters.next(&app).as_deref(),
            Some("beat 3 · GDP · 2012→2025")
        );
        app.update(Action::GoToTab(3), Instant::now());
        assert!(chapters.next(&app).is_some_and(|c| c.contains("detour")));
        app.update(Action::NextYear, Instant::now());
        assert_eq!(chapters.next(&app), None, "a year is not a chapter");

        let mut chapters = Chapters::default();
        let mut app = app_outside();
        assert_eq!(chapters.next(&app).as_deref(), Some("Overview"));
        app.update(Action::GoToTab(1), Instant::now());
        assert_eq!(chapters.next(&app).as_deref(), Some("GDP"));
        assert_eq!(chapters.next(&app), None);
    }

    fn app_outside() -> App {
        app()
    }
}
