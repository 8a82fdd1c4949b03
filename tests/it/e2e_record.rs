//! A recorded talk end to end: the real binary with `--talk --record FILE` in tmux. The file is
//! an asciicast v2 recording of the pane's size, one chapter marker per beat shown, and its
//! frames, replayed into a fresh terminal, draw the screen tmux showed. A file that cannot be
//! created is refused before the terminal is touched.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use serde_json::Value;

use crate::support::tmux::{
    BIN, CLEAN, EXIT_MARKER, Ending, HEIGHT, SESSION, TIMEOUT, Tmux, WIDTH, framed,
};

/// The footer's counter, on the beat.
fn on_beat(n: usize) -> impl Fn(&str) -> bool {
    move |screen: &str| {
        let footer = screen.trim_end().lines().last().unwrap_or_default();
        footer.ends_with(&format!("beat {n}/14"))
    }
}

/// The rows above the footer (which the first `q` changes), without trailing blanks.
fn content(rows: impl Iterator<Item = String>) -> Vec<String> {
    let mut rows: Vec<String> = rows.map(|row| row.trim_end().to_owned()).collect();
    rows.truncate(usize::from(HEIGHT) - 1);
    rows
}

#[test]
fn a_recorded_talk_replays_the_screen_with_a_chapter_per_beat() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cast = dir.path().join("talk.cast");
    let path = cast.to_str().expect("a UTF-8 path");
    let tmux = Tmux::launch("record", &[BIN, "--talk", "--record", path]);
    tmux.wait_for("the first beat", on_beat(1), TIMEOUT);
    tmux.send("PageDown");
    tmux.wait_for("beat 2", on_beat(2), TIMEOUT);
    tmux.send("PageDown");
    let shown = tmux.wait_for("beat 3", on_beat(3), TIMEOUT);
    tmux.send("q");
    tmux.wait_for_text("press q again to quit");
    assert_eq!(tmux.quit_with("q"), CLEAN);

    let text = std::fs::read_to_string(&cast).expect("the recording exists");
    let mut lines = text.lines();
    let header: Value = serde_json::from_str(lines.next().expect("a header")).expect("JSON");
    assert_eq!(header["version"], 2, "{header}");
    assert_eq!(header["width"], WIDTH, "{header}");
    assert_eq!(header["height"], HEIGHT, "{header}");
    assert_eq!(header["title"], "Shenzhen's decade of innovation");
    assert!(
        header["timestamp"].as_u64().is_some_and(|t| t > 0),
        "{header}"
    );

    let events: Vec<(f64, String, String)> = lines
        .map(|line| serde_json::from_str(line).expect("an event line"))
        .collect();
    let times: Vec<f64> = events.iter().map(|(t, _, _)| *t).collect();
    assert!(
        times.windows(2).all(|pair| pair[0] <= pair[1]),
        "times go forward: {times:?}"
    );
    let markers: Vec<&str> = events
        .iter()
        .filter(|(_, code, _)| code == "m")
        .map(|(_, _, name)| name.as_str())
        .collect();
    assert_eq!(
        markers,
        [
            "beat 1 · Overview",
            "beat 2 · GDP · 2012→2021",
            "beat 3 · GDP · 2012→2025"
        ]
    );
    let mut terminal = vt100::Parser::new(HEIGHT, WIDTH, 0);
    for (_, code, data) in &events {
        assert!(
            ["o", "m"].contains(&code.as_str()),
            "no resize here: {code}"
        );
        if code == "o" {
            terminal.process(data.as_bytes());
        }
    }
    let replayed = content(terminal.screen().rows(0, WIDTH));
    assert_eq!(
        replayed,
        content(shown.lines().map(str::to_owned)),
        "the replay draws what tmux showed:\n{}",
        framed(&replayed.join("\n"))
    );
}

#[test]
fn a_recording_that_cannot_be_created_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cast = dir.path().join("missing").join("talk.cast");
    let path = cast.to_str().expect("a UTF-8 path");
    let tmux = Tmux::launch("record_bad", &[BIN, "--record", path]);
    tmux.wait_for_text(EXIT_MARKER);
    // The message, its wrapped rows joined.
    let screen = tmux.run(&["capture-pane", "-p", "-J", "-t", SESSION]);
    let expected = format!("shenzhen-dash: cannot create {path}: ");
    assert!(screen.starts_with(&expected), "{}", framed(&screen));
    assert_eq!(
        screen.matches("shenzhen-dash:").count(),
        1,
        "one line: {}",
        framed(&screen)
    );
    assert_eq!(
        tmux.ending(),
        Ending {
            exit_status: 1,
            pane_dead_status: 1,
            ..CLEAN
        }
    );
    assert!(!cast.exists());
}
