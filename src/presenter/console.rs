//! The console's state: the talk (its own copy, read from the same file as the dashboard's),
//! whether a dashboard answers and where it is, the notes' scroll and the clock. What a key
//! does here, what a datagram says, and when to say hello again; `ui/console.rs` draws it.
//!
//! The console says hello every [`HEARTBEAT`]: that is how the dashboard knows it is there,
//! and each hello is answered with where the talk is, which keeps the clock true. A dashboard
//! silent for [`SILENCE`] has quit (or was never there).

use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::TalkId;
use super::message::{self, Body, Progress, Remote};
use crate::action::{self, Action, Mode};
use crate::data::Dataset;
use crate::talk::{Beat, Talk};
use crate::theme::Theme;
use crate::tui::Screen;

/// How often a console says hello.
pub const HEARTBEAT: Duration = Duration::from_secs(1);

/// A dashboard not heard from for this long has gone.
pub const SILENCE: Duration = Duration::from_secs(3);

/// Whether a dashboard answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// None has yet.
    Waiting,
    /// One does: where its talk was when it last said, and when that was.
    Following {
        progress: Progress,
        /// When `progress` came: the clock runs on from it.
        at: Instant,
    },
    /// The one that did has quit (said goodbye, or fell silent); waiting for the next.
    Gone,
}

/// A console following a dashboard's talk.
pub struct Console {
    pub talk: Talk,
    pub theme: Theme,
    /// Plain ASCII glyphs only, as the dashboard's `--ascii` draws.
    pub ascii: bool,
    /// Each beat's title: the tab, the chart in focus, the years shown.
    titles: Vec<String>,
    id: TalkId,
    /// The command that starts the dashboard this console waits for.
    pub command: String,
    dashboard: SocketAddr,
    socket: Option<UdpSocket>,
    link: Link,
    /// When the dashboard was last heard from.
    heard: Instant,
    /// The first row of the notes shown.
    scroll: usize,
    /// The time of the last event: what the clock shows.
    now: Instant,
    next_hello: Instant,
    quit: bool,
}

impl Console {
    /// A console for `talk` (checked against `data`), which follows the dashboard on `port`
    /// through `socket` (bound to loopback; `None` in tests); the first hello goes out at once.
    pub fn new(
        talk: Talk,
        data: &Dataset,
        theme: Theme,
        port: u16,
        command: String,
        socket: Option<UdpSocket>,
        now: Instant,
    ) -> Console {
        let titles = talk.beats.iter().map(|b| beat_title(b, data)).collect();
        Console {
            id: TalkId::of(&talk),
            talk,
            theme,
            ascii: false,
            titles,
            command,
            dashboard: super::address(port),
            socket,
            link: Link::Waiting,
            heard: now,
            scroll: 0,
            now,
            next_hello: now,
            quit: false,
        }
    }

    pub fn link(&self) -> Link {
        self.link
    }

    /// The current beat, from 0, while a dashboard is followed.
    pub fn beat(&self) -> Option<usize> {
        match self.link {
            Link::Following { progress, .. } => Some(progress.beat),
            _ => None,
        }
    }

    /// Beat `index`'s title: the tab, the chart in focus and the years it shows.
    pub fn title(&self, index: usize) -> &str {
        self.titles.get(index).map_or("", String::as_str)
    }

    /// The time since the first beat, as of the last event: the dashboard's count, run on
    /// since it came.
    pub fn elapsed(&self) -> Option<Duration> {
        match self.link {
            Link::Following { progress, at } => Some(
                Duration::from_millis(progress.elapsed_ms) + self.now.saturating_duration_since(at),
            ),
            _ => None,
        }
    }

    /// The first row of the notes to show.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A datagram: from the dashboard, a state to follow or its goodbye. Anything else, from
    /// anyone else, or for another talk, is ignored. Returns whether the console changed.
    pub fn hear(&mut self, bytes: &[u8], from: SocketAddr, now: Instant) -> bool {
        self.now = now;
        if from != self.dashboard {
            return false;
        }
        match message::decode(bytes, &self.id) {
            Some(Body::State(progress)) if progress.beats == self.talk.beats.len() => {
                if self.beat() != Some(progress.beat) {
                    self.scroll = 0;
                }
                self.link = Link::Following { progress, at: now };
                self.heard = now;
                true
            }
            Some(Body::Bye) if self.link != Link::Waiting => {
                self.link = Link::Gone;
                true
            }
            _ => false,
        }
    }

    /// A key at the console: the talk's beat keys go to the dashboard, `↑` `↓` scroll the
    /// notes (at most `rows` of them hidden above the area that shows them), `q` quits the
    /// console. `Esc` and every other key do nothing. Returns whether the console changed.
    pub fn press(&mut self, event: &Event, rows: usize, now: Instant) -> bool {
        self.now = now;
        match action::from_event(event, Mode::Talk, |_, _| None) {
            Some(Action::Quit | Action::QuitNow) => {
                self.send(Body::Bye);
                self.quit = true;
                false
            }
            Some(Action::NextYear) if self.scroll < rows => {
                self.scroll += 1;
                true
            }
            Some(Action::PrevYear) if self.scroll > 0 => {
                self.scroll -= 1;
                true
            }
            Some(action) => {
                if let (Some(action), Link::Following { .. }) =
                    (Remote::from_action(action), self.link)
                {
                    self.send(Body::Key { action });
                }
                false
            }
            None => false,
        }
    }

    /// When to wake without input: to say hello, to show the clock's next second, or to
    /// notice a silent dashboard.
    pub fn deadline(&self) -> Instant {
        let mut at = self.next_hello;
        if let Some(elapsed) = self.elapsed() {
            let into_second = u64::from(elapsed.subsec_millis());
            at = at
                .min(self.now + Duration::from_millis(1000 - into_second))
                .min(self.heard + SILENCE);
        }
        at
    }

    /// Time passed: hello again when it is due; a dashboard silent too long has gone. Returns
    /// whether the console changed (the clock, at least, while a dashboard is followed).
    pub fn tick(&mut self, now: Instant) -> bool {
        self.now = now;
        if now >= self.next_hello {
            self.send(Body::Hello);
            self.next_hello = now + HEARTBEAT;
        }
        match self.link {
            Link::Following { .. } if now >= self.heard + SILENCE => {
                self.link = Link::Gone;
                true
            }
            Link::Following { .. } => true,
            Link::Waiting | Link::Gone => false,
        }
    }

    /// Fire and forget: no dashboard, no harm.
    fn send(&self, body: Body) {
        if let Some(socket) = &self.socket {
            let _ = socket.send_to(&message::encode(&self.id, body), self.dashboard);
        }
    }
}

/// A beat's notes as paragraphs, to be wrapped to the console's width: lines the file broke
/// for its own width are joined again; a blank line ends a paragraph (and stays, as a blank
/// one), and a line that starts a list item (`- `, `* `, `• `, `1. `) starts a new one.
pub fn paragraphs(notes: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for line in notes.lines().map(str::trim) {
        if line.is_empty() {
            paragraphs.push(String::new());
            open = false;
        } else if open && !starts_item(line) {
            if let Some(last) = paragraphs.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            paragraphs.push(line.to_owned());
            open = true;
        }
    }
    paragraphs
}

/// Whether a line of notes starts a list item.
fn starts_item(line: &str) -> bool {
    let numbered = line
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered
        || ["- ", "* ", "• "]
            .iter()
            .any(|bullet| line.starts_with(bullet))
}

/// What a beat puts up, in a few words: "R&D · R&D intensity · 2012→2021".
fn beat_title(beat: &Beat, data: &Dataset) -> String {
    let Some(page) = data.pages.get(beat.screen.tab) else {
        return String::new();
    };
    let mut parts = vec![page.title.clone()];
    if let Some(chart) = beat.screen.chart.and_then(|c| page.charts.get(c)) {
        parts.push(chart.title.clone());
    }
    match (beat.screen.range, beat.screen.year) {
        // A talk's range runs from an earlier year to a later one (`talk::check`).
        (Some((from, to)), _) => parts.push(format!("{from}→{to}")),
        (None, Some(year)) => parts.push(year.to_string()),
        _ => {}
    }
    if beat.screen.sources {
        parts.push("sources".to_owned());
    }
    parts.join(" · ")
}

impl Screen for Console {
    fn handle(&mut self, event: &Event, area: Rect, now: Instant) -> bool {
        let rows = crate::ui::console_notes_rows(self, area);
        self.press(event, rows, now)
    }

    fn deadline(&self) -> Option<Instant> {
        Some(Console::deadline(self))
    }

    fn tick(&mut self, now: Instant) -> bool {
        Console::tick(self, now)
    }

    fn should_quit(&self) -> bool {
        self.quit
    }

    fn socket(&self) -> Option<UdpSocket> {
        self.socket.as_ref()?.try_clone().ok()
    }

    fn datagram(&mut self, bytes: &[u8], from: SocketAddr, now: Instant) -> bool {
        self.hear(bytes, from, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presenter::address;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    const PORT: u16 = 50_999;

    fn data() -> Dataset {
        Dataset::embedded().expect("the embedded dataset loads")
    }

    fn console(now: Instant) -> Console {
        let data = data();
        let talk = Talk::embedded(&data).expect("the built-in talk loads");
        Console::new(
            talk,
            &data,
            Theme::dark(),
            PORT,
            "shenzhen-dash --talk".to_owned(),
            None,
            now,
        )
    }

    fn state(console: &Console, beat: usize, elapsed_ms: u64) -> Vec<u8> {
        let progress = Progress {
            beat,
            beats: console.talk.beats.len(),
            elapsed_ms,
            detour: false,
        };
        message::encode(&console.id, Body::State(progress))
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn a_state_from_the_dashboard_is_followed() {
        let now = Instant::now();
        let mut console = console(now);
        assert_eq!(console.link(), Link::Waiting);
        assert_eq!(console.beat(), None);
        assert_eq!(console.elapsed(), None);
        assert!(console.hear(&state(&console, 2, 65_000), address(PORT), now));
        assert_eq!(console.beat(), Some(2));
        assert_eq!(console.elapsed(), Some(Duration::from_secs(65)));
    }

    #[test]
    fn the_clock_runs_on_between_states() {
        let start = Instant::now();
        let mut console = console(start);
        console.hear(&state(&console, 0, 10_000), address(PORT), start);
        console.tick(start + Duration::from_millis(2_500));
        assert_eq!(console.elapsed(), Some(Duration::from_millis(12_500)));
        // The next state sets it right again.
        let later = start + Duration::from_secs(3);
        console.hear(&state(&console, 0, 12_900), address(PORT), later);
        assert_eq!(console.elapsed(), Some(Duration::from_millis(12_900)));
    }

    #[test]
    fn only_the_dashboard_is_heard_and_only_about_this_talk() {
        let now = Instant::now();
        let mut console = console(now);
        let bytes = state(&console, 1, 0);
        assert!(!console.hear(&bytes, address(PORT + 1), now));
        assert_eq!(console.link(), Link::Waiting);
        let mut other = console.id.clone();
        other.fingerprint = "0000000000000000".to_owned();
        let progress = Progress {
            beat: 1,
            beats: console.talk.beats.len(),
            elapsed_ms: 0,
            detour: false,
        };
        let foreign = message::encode(&other, Body::State(progress));
        assert!(!console.hear(&foreign, address(PORT), now));
        // A talk of another length, whatever its name says.
        let wrong = message::encode(
            &console.id,
            Body::State(Progress {
                beats: console.talk.beats.len() + 1,
                ..progress
            }),
        );
        assert!(!console.hear(&wrong, address(PORT), now));
        assert!(!console.hear(b"garbage", address(PORT), now));
        assert_eq!(console.link(), Link::Waiting);
    }

    #[test]
    fn a_dashboard_that_says_bye_or_falls_silent_has_quit() {
        let start = Instant::now();
        let mut console = console(start);
        let bye = message::encode(&console.id, Body::Bye);
        // Before any dashboard, a bye means nothing.
        assert!(!console.hear(&bye, address(PORT), start));
        assert_eq!(console.link(), Link::Waiting);
        console.hear(&state(&console, 1, 0), address(PORT), start);
        assert!(console.hear(&bye, address(PORT), start));
        assert_eq!(console.link(), Link::Gone);
        // A new dashboard is followed again.
        console.hear(&state(&console, 0, 0), address(PORT), start);
        assert_eq!(console.beat(), Some(0));
        // Silence just short of the limit is not yet an end.
        let almost = start + SILENCE.saturating_sub(Duration::from_millis(1));
        assert!(console.tick(almost));
        assert_eq!(console.beat(), Some(0));
        assert!(console.tick(start + SILENCE));
        assert_eq!(console.link(), Link::Gone);
        assert!(!console.tick(start + SILENCE + HEARTBEAT));
    }

    #[test]
    fn the_console_wakes_for_its_hello_its_clock_and_a_silent_dashboard() {
        let start = Instant::now();
        let mut console = console(start);
        // The first hello goes at once, the next a heartbeat later.
        assert_eq!(console.deadline(), start);
        console.tick(start);
        assert_eq!(console.deadline(), start + HEARTBEAT);
        // Following: also at the clock's next whole second.
        let at = start + Duration::from_millis(100);
        console.hear(&state(&console, 0, 4_700), address(PORT), at);
        assert_eq!(console.deadline(), at + Duration::from_millis(300));
        // And when the silence would run out, if that comes first.
        console.tick(start + HEARTBEAT);
        console.tick(start + HEARTBEAT * 2);
        console.tick(start + HEARTBEAT * 3);
        assert_eq!(console.beat(), Some(0));
        assert_eq!(console.deadline(), at + SILENCE);
    }

    #[test]
    fn arrows_scroll_the_notes_within_their_length() {
        let now = Instant::now();
        let mut console = console(now);
        assert!(!console.press(&key(KeyCode::Up), 2, now));
        assert!(console.press(&key(KeyCode::Down), 2, now));
        assert!(console.press(&key(KeyCode::Char('j')), 2, now));
        assert_eq!(console.scroll(), 2);
        assert!(!console.press(&key(KeyCode::Down), 2, now));
        assert_eq!(console.scroll(), 2);
        assert!(console.press(&key(KeyCode::Up), 2, now));
        assert_eq!(console.scroll(), 1);
        // A new beat shows its notes from the top; the same beat again keeps the place.
        console.hear(&state(&console, 0, 0), address(PORT), now);
        assert_eq!(console.scroll(), 0);
        console.press(&key(KeyCode::Down), 2, now);
        console.press(&key(KeyCode::Down), 2, now);
        console.hear(&state(&console, 0, 0), address(PORT), now);
        assert_eq!(console.scroll(), 2);
        console.hear(&state(&console, 1, 0), address(PORT), now);
        assert_eq!(console.scroll(), 0);
    }

    #[test]
    fn q_quits_the_console_at_once_and_esc_does_nothing() {
        let now = Instant::now();
        let mut console = console(now);
        console.hear(&state(&console, 0, 0), address(PORT), now);
        for code in [KeyCode::Esc, KeyCode::F(5), KeyCode::Char('x')] {
            assert!(!console.press(&key(code), 0, now), "{code:?}");
            assert!(!console.should_quit(), "{code:?}");
        }
        assert_eq!(console.beat(), Some(0));
        console.press(&key(KeyCode::Char('q')), 0, now);
        assert!(console.should_quit());
        let mut again = self::console(now);
        again.press(
            &Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            0,
            now,
        );
        assert!(again.should_quit());
    }

    #[test]
    fn notes_are_paragraphs_again() {
        let notes = "One line broken\nfor the file's width.\n\nA second paragraph:\n- an item\n\
                     that goes on\n* another\n• a third\n12. numbered\n1.5 is no item";
        assert_eq!(
            paragraphs(notes),
            [
                "One line broken for the file's width.",
                "",
                "A second paragraph:",
                "- an item that goes on",
                "* another",
                "• a third",
                "12. numbered 1.5 is no item",
            ]
        );
        assert_eq!(paragraphs(""), Vec::<String>::new());
        assert_eq!(paragraphs(". not numbered"), [". not numbered"]);
        assert_eq!(paragraphs("a\n. b"), ["a . b"]);
    }

    #[test]
    fn a_beat_is_titled_by_its_tab_chart_and_years() {
        let now = Instant::now();
        let console = console(now);
        let titles: Vec<&str> = (0..console.talk.beats.len())
            .map(|i| console.title(i))
            .collect();
        assert_eq!(titles[0], "Overview");
        assert_eq!(titles[1], "GDP · Nominal GDP, first published · 2012→2021");
        assert_eq!(console.title(99), "");
    }
}
