//! The presenter console as the speaker sees it, without a network: states are handed to it
//! as the dashboard would send them. The beat at 80×24 (insta), the clock and its warning,
//! time over, a detour, the notes scrolled, the last beat, waiting for a dashboard and one
//! that has quit, and every size drawn without a panic.

#![allow(clippy::unwrap_used)] // A test helper that cannot load its fixture should fail loudly.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::to_text;
use shenzhen_dash::presenter::message::{self, Body, Progress};
use shenzhen_dash::presenter::{Console, TalkId, address};
use shenzhen_dash::talk::Talk;
use shenzhen_dash::theme::Theme;

const PORT: u16 = 50_900;

fn talk() -> (Talk, Dataset) {
    let data = Dataset::embedded().unwrap();
    (Talk::embedded(&data).unwrap(), data)
}

fn console_for(talk: Talk, data: &Dataset, now: Instant) -> Console {
    Console::new(
        talk,
        data,
        Theme::dark(),
        PORT,
        "shenzhen-dash --talk talk.toml --port 50900".to_owned(),
        None,
        now,
    )
}

/// What the dashboard says: beat `beat` (from 0), `elapsed_ms` into the talk.
fn tell(console: &mut Console, beat: usize, elapsed_ms: u64, detour: bool, now: Instant) {
    let progress = Progress {
        beat,
        beats: console.talk.beats.len(),
        elapsed_ms,
        detour,
    };
    let bytes = message::encode(&TalkId::of(&console.talk), Body::State(progress));
    assert!(console.hear(&bytes, address(PORT), now));
}

fn following(beat: usize, elapsed_ms: u64) -> (Console, Instant) {
    let now = Instant::now();
    let (talk, data) = talk();
    let mut console = console_for(talk, &data, now);
    tell(&mut console, beat, elapsed_ms, false, now);
    (console, now)
}

fn draw(console: &Console, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(console, frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn screen(console: &Console, width: u16, height: u16) -> String {
    to_text(&draw(console, width, height))
}

/// The cells of `text` on the first row that has it.
fn cells_of<'a>(buf: &'a Buffer, text: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let lines: Vec<String> = to_text(buf).lines().map(str::to_owned).collect();
    let (y, line) = lines
        .iter()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .unwrap_or_else(|| panic!("no {text:?} on\n{}", lines.join("\n")));
    let x = line[..line.find(text).unwrap()].chars().count() as u16;
    (x..x + text.chars().count() as u16)
        .map(|x| &buf[(x, y as u16)])
        .collect()
}

fn press(console: &mut Console, code: KeyCode, now: Instant) -> bool {
    let area = Rect::new(0, 0, 80, 24);
    let rows = shenzhen_dash::ui::console_notes_rows(console, area);
    console.press(
        &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        rows,
        now,
    )
}

#[test]
fn the_third_beat_at_80x24() {
    let (console, _) = following(2, 125_000);
    let text = screen(&console, 80, 24);
    for expected in [
        "Shenzhen's decade of innovation",
        "beat 3/14",
        "2:05 since the first beat · 12:55 left of 15:00",
        "next, beat 4:",
        " notes ",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
    insta::assert_snapshot!("console_beat_3_80x24", text);
}

#[test]
fn the_beat_shows_its_title_caption_notes_and_the_next_caption() {
    let (console, _) = following(1, 0);
    let text = screen(&console, 80, 24);
    let beats = &console.talk.beats;
    assert!(
        text.contains("GDP · Nominal GDP, first published · 2012→2021"),
        "{text}"
    );
    for line in beats[1].caption.iter().chain(&beats[2].caption) {
        assert!(text.contains(line.as_str()), "{line:?} in\n{text}");
    }
    // The notes, reflowed: their first words and their last.
    let notes: Vec<&str> = beats[1].notes.split_whitespace().collect();
    assert!(text.contains(&notes[..3].join(" ")), "{text}");
    assert!(text.contains(notes[notes.len() - 1]), "{text}");
    // The third beat's notes are not the second's business.
    let third: Vec<&str> = beats[2].notes.split_whitespace().collect();
    assert!(!text.contains(&third[..6].join(" ")), "{text}");
}

#[test]
fn the_clock_runs_between_states_and_the_time_left_warns_in_the_last_tenth() {
    let (mut console, now) = following(5, 60_000);
    console.tick(now + Duration::from_millis(1_999));
    assert!(screen(&console, 80, 24).contains("1:01 since the first beat · 13:59 left"));

    let warning = Theme::dark().warning;
    // 13:29 into 15:00 is not yet the last tenth; 13:30 is.
    let (before, now) = following(5, 809_999);
    let buf = draw(&before, 80, 24);
    assert!(
        cells_of(&buf, "1:31 left")
            .iter()
            .all(|c| c.fg != warning.fg.unwrap()),
        "{}",
        to_text(&buf)
    );
    let mut console = before;
    console.tick(now + Duration::from_millis(1));
    let buf = draw(&console, 80, 24);
    assert!(
        cells_of(&buf, "1:30 left")
            .iter()
            .all(|c| c.fg == warning.fg.unwrap()),
        "{}",
        to_text(&buf)
    );
}

#[test]
fn past_the_planned_end_the_clock_counts_time_over_in_the_warning_colour() {
    let (console, _) = following(13, 15 * 60_000 + 12_000);
    let buf = draw(&console, 80, 24);
    let text = to_text(&buf);
    assert!(
        text.contains("15:12 since the first beat · -0:12 over of 15:00"),
        "{text}"
    );
    let warning = Theme::dark().warning.fg.unwrap();
    assert!(cells_of(&buf, "-0:12 over").iter().all(|c| c.fg == warning));
    // The last beat has nothing after it.
    assert!(
        text.contains("next: nothing, this is the last beat"),
        "{text}"
    );
}

#[test]
fn a_talk_without_a_planned_duration_shows_only_the_time_since_the_first_beat() {
    let now = Instant::now();
    let (mut talk, data) = talk();
    talk.duration = None;
    let mut console = console_for(talk, &data, now);
    tell(&mut console, 0, 7_000, false, now);
    let text = screen(&console, 80, 24);
    assert!(text.contains(" 0:07 since the first beat\n"), "{text}");
    assert!(!text.contains("left"), "{text}");
}

#[test]
fn a_detour_is_named_in_the_header() {
    let now = Instant::now();
    let (talk, data) = talk();
    let mut console = console_for(talk, &data, now);
    tell(&mut console, 2, 0, true, now);
    let text = screen(&console, 80, 24);
    assert!(text.contains("beat 3/14 · detour · r returns"), "{text}");
}

#[test]
fn long_notes_scroll_with_the_arrows_and_say_where_they_are() {
    let now = Instant::now();
    let (mut talk, data) = talk();
    talk.beats[0].notes = (1..=30)
        .map(|n| format!("Point {n} of the opening."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut console = console_for(talk, &data, now);
    tell(&mut console, 0, 0, false, now);
    let top = screen(&console, 80, 24);
    assert!(top.contains("Point 1 of the opening."), "{top}");
    assert!(!top.contains("Point 30 "), "{top}");
    assert!(top.contains("1–"), "{top}");
    assert!(press(&mut console, KeyCode::Down, now));
    assert!(press(&mut console, KeyCode::Down, now));
    let down = screen(&console, 80, 24);
    assert!(!down.contains("Point 1 of"), "{down}");
    assert!(down.contains("Point 2 of"), "{down}");
    // As far as the end, and no further.
    while press(&mut console, KeyCode::Down, now) {}
    let end = screen(&console, 80, 24);
    assert!(end.contains("Point 30 of the opening."), "{end}");
    assert!(end.contains("of 59 · ↑↓"), "{end}");
    assert!(press(&mut console, KeyCode::Up, now));
    assert!(!screen(&console, 80, 24).contains("Point 30 of"));
}

#[test]
fn before_a_dashboard_answers_the_console_says_what_to_run() {
    let now = Instant::now();
    let (talk, data) = talk();
    let console = console_for(talk, &data, now);
    let text = screen(&console, 80, 24);
    assert!(
        text.contains("waiting for shenzhen-dash --talk talk.toml --port 50900"),
        "{text}"
    );
    assert!(!text.contains("beat 1/14"), "{text}");
    assert!(!text.contains("has quit"), "{text}");
    insta::assert_snapshot!("console_waiting_80x24", text);
}

#[test]
fn a_dashboard_that_quits_is_said_to_have_quit() {
    let (mut console, now) = following(3, 0);
    let bye = message::encode(&TalkId::of(&console.talk), Body::Bye);
    assert!(console.hear(&bye, address(PORT), now));
    let text = screen(&console, 80, 24);
    assert!(text.contains("The dashboard has quit."), "{text}");
    assert!(text.contains("waiting for shenzhen-dash --talk"), "{text}");
    assert!(!text.contains("beat 4/14"), "{text}");
}

#[test]
fn the_keys_shown_are_the_talk_keys_and_q() {
    let (console, _) = following(0, 0);
    let text = screen(&console, 80, 24);
    let footer = text.lines().last().unwrap();
    for hint in [
        "→ PgDn Space Enter next",
        "← PgUp back",
        "r return",
        "↑↓ notes",
        "q quit",
    ] {
        assert!(footer.contains(hint), "{hint:?} in {footer:?}");
    }
    // A narrow console drops hints, never the quit hint.
    let narrow = screen(&console, 40, 24);
    let footer = narrow.lines().last().unwrap();
    assert!(footer.contains("q quit"), "{footer:?}");
    assert!(!footer.contains("notes"), "{footer:?}");
}

#[test]
fn every_size_draws_without_a_panic() {
    let (console, _) = following(1, 0);
    let now = Instant::now();
    let (talk, data) = talk();
    let waiting = console_for(talk, &data, now);
    for width in [0, 1, 2, 5, 10, 20, 40, 80, 200] {
        for height in [0, 1, 2, 3, 5, 8, 12, 24, 60] {
            let _ = screen(&console, width, height);
            let _ = screen(&waiting, width, height);
        }
    }
}

/// The console as the event loop drives it, through `tui::Screen`.
mod as_a_screen {
    use super::*;
    use shenzhen_dash::tui::Screen;
    use std::net::{Ipv4Addr, UdpSocket};

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn keys_scroll_the_notes_and_q_quits() {
        let now = Instant::now();
        let (mut talk, data) = talk();
        talk.beats[0].notes = "line\n\n".repeat(40);
        let mut console = console_for(talk, &data, now);
        tell(&mut console, 0, 0, false, now);
        let area = Rect::new(0, 0, 80, 24);
        assert!(Screen::handle(&mut console, &key(KeyCode::Down), area, now));
        assert_eq!(console.scroll(), 1);
        assert!(!Screen::handle(&mut console, &key(KeyCode::Esc), area, now));
        assert!(!Screen::should_quit(&console));
        assert!(!Screen::handle(
            &mut console,
            &key(KeyCode::Char('q')),
            area,
            now
        ));
        assert!(Screen::should_quit(&console));
    }

    #[test]
    fn it_wakes_for_hellos_and_redraws_its_clock_only_while_following() {
        let now = Instant::now();
        let (talk, data) = talk();
        let mut console = console_for(talk, &data, now);
        assert_eq!(Screen::deadline(&console), Some(now));
        assert!(!Screen::tick(&mut console, now));
        let later = now + Duration::from_millis(500);
        let progress = Progress {
            beat: 0,
            beats: 14,
            elapsed_ms: 0,
            detour: false,
        };
        let bytes = message::encode(&TalkId::of(&console.talk), Body::State(progress));
        assert!(Screen::datagram(&mut console, &bytes, address(PORT), later));
        assert!(!Screen::datagram(
            &mut console,
            b"noise",
            address(PORT),
            later
        ));
        assert!(Screen::tick(&mut console, later + Duration::from_secs(1)));
    }

    #[test]
    fn its_socket_is_woken_on() {
        let now = Instant::now();
        let (talk, data) = talk();
        assert!(Screen::socket(&console_for(talk.clone(), &data, now)).is_none());
        let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let address = socket.local_addr().unwrap();
        let console = Console::new(
            talk,
            &data,
            Theme::dark(),
            PORT,
            String::new(),
            Some(socket),
            now,
        );
        let woken = Screen::socket(&console).unwrap();
        assert_eq!(woken.local_addr().unwrap(), address);
    }
}

#[test]
fn a_short_console_keeps_rows_of_notes_before_the_next_beat() {
    let (console, _) = following(1, 0);
    let text = screen(&console, 60, 16);
    let notes: Vec<&str> = console.talk.beats[1].notes.split_whitespace().collect();
    assert!(text.contains(&notes[..3].join(" ")), "{text}");
    assert!(text.contains("next, beat 3:"), "{text}");
    assert!(!text.contains("–0 of"), "{text}");
    // The header keeps a space between the title and the counter.
    assert!(
        text.lines().next().unwrap().contains(" beat 2/14"),
        "{text}"
    );
    // On stage, r matters more than Home: it keeps its hint longer.
    let footer = text.lines().last().unwrap();
    assert!(footer.contains("r return"), "{footer:?}");
    assert!(!footer.contains("Home"), "{footer:?}");
}

/// `--ascii`: frames, arrows and dashes in plain ASCII, as the dashboard draws them with it.
#[test]
fn with_ascii_the_console_draws_only_ascii() {
    let (mut console, _) = following(2, 125_000);
    let fancy = screen(&console, 80, 24);
    assert!(!fancy.is_ascii(), "the console draws box lines:\n{fancy}");
    console.ascii = true;
    let plain = screen(&console, 80, 24);
    assert!(plain.is_ascii(), "{plain}");
    assert!(plain.contains("beat 3/14"), "{plain}");
}
