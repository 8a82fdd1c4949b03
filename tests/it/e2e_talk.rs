//! A talk end to end: the real binary with `--talk` in tmux (the harness in
//! `tests/it/support/tmux.rs`). The built-in talk runs, `PgDn` advances the counter, a detour
//! and `r` come back to the very same screen, no key a clicker sends leaves the talk, the
//! first `q` only asks (and the question goes by itself), `q` `q` quits with the terminal
//! restored, and a bad talk file never touches the terminal.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use crate::support::tmux::{BIN, CLEAN, EXIT_MARKER, Ending, SESSION, TIMEOUT, Tmux, framed};

/// The footer's counter, on the beat (not a detour).
fn on_beat(n: usize) -> impl Fn(&str) -> bool {
    move |screen: &str| {
        let footer = screen.trim_end().lines().last().unwrap_or_default();
        footer.ends_with(&format!("beat {n}/14"))
    }
}

/// The second beat's caption, under its large-type headline.
const BEAT_2: &str = "1,295.01 bn yuan in 2012, 3,066.49 bn in 2021: ×2.37, +10.1% a year";

#[test]
fn the_built_in_talk_advances_detours_and_returns() {
    let tmux = Tmux::launch("talk", &[BIN, "--talk"]);
    let first = tmux.wait_for("the first beat", on_beat(1), TIMEOUT);
    assert!(
        first.contains("×2.99 since 2012, as first published"),
        "{}",
        framed(&first)
    );

    tmux.send("PageDown");
    let beat = tmux.wait_for("beat 2 after PgDn", on_beat(2), TIMEOUT);
    assert!(beat.contains(BEAT_2), "{}", framed(&beat));
    assert!(
        beat.contains("Nominal GDP, first published"),
        "{}",
        framed(&beat)
    );

    // A question from the audience: the trade tab, another year.
    tmux.send("4");
    tmux.wait_for_text("beat 2/14 · detour · r returns");
    tmux.send("Down");
    let detour = tmux.wait_for_text("Goods exports");
    assert!(
        !detour.contains(BEAT_2),
        "no caption off the beat: {}",
        framed(&detour)
    );

    tmux.send("r");
    let back = tmux.wait_for("beat 2 again after r", on_beat(2), TIMEOUT);
    assert_eq!(back, beat, "r returns to exactly the beat's screen");

    tmux.send("Right");
    tmux.wait_for("beat 3 after →", on_beat(3), TIMEOUT);
    tmux.send("Left");
    tmux.wait_for("beat 2 after ←", on_beat(2), TIMEOUT);
    tmux.send("Home");
    tmux.wait_for("beat 1 after Home", on_beat(1), TIMEOUT);

    // The first q asks; the second quits.
    tmux.send("q");
    tmux.wait_for_text("press q again to quit");
    assert_eq!(tmux.quit_with("q"), CLEAN);
}

/// Every key a presentation clicker sends, as in `e2e.rs`.
const CLICKER: [&str; 8] = [
    "PageUp", "PageDown", "F5", "S-F5", "Escape", ".", "b", "Tab",
];

#[test]
fn no_clicker_key_leaves_the_talk() {
    let tmux = Tmux::launch("talk_clicker", &[BIN, "--talk"]);
    tmux.wait_for("the first beat", on_beat(1), TIMEOUT);
    let mut storm = vec!["send-keys", "-t", SESSION];
    for _ in 0..40 {
        storm.extend(CLICKER);
    }
    tmux.run(&storm);
    // Still running and answering: the first `r` may only bring a blank screen back, the
    // second returns to the beat, and Home goes to the first.
    tmux.run(&["send-keys", "-t", SESSION, "r", "r", "Home"]);
    tmux.wait_for("the first beat after the clicker keys", on_beat(1), TIMEOUT);
    assert_eq!(tmux.quit_with("C-c"), CLEAN, "C-c quits at once");
}

#[test]
fn the_question_goes_by_itself_and_then_q_asks_again() {
    let tmux = Tmux::launch("talk_question", &[BIN, "--talk"]);
    tmux.wait_for("the first beat", on_beat(1), TIMEOUT);
    tmux.send("q");
    tmux.wait_for_text("press q again to quit");
    // The loop wakes when the question's time is up (3 s), with no key pressed.
    tmux.wait_for(
        "the question to go",
        |s| !s.contains("press q again") && on_beat(1)(s),
        TIMEOUT,
    );
    tmux.send("q");
    tmux.wait_for_text("press q again to quit");
    tmux.send("q");
    assert_eq!(tmux.ending(), CLEAN);
}

#[test]
fn a_bad_talk_file_is_refused_before_the_terminal_is_touched() {
    let tmux = Tmux::launch(
        "talk_bad",
        &[
            BIN,
            "--talk",
            "tests/fixtures/talk/invalid/unknown_tab.toml",
        ],
    );
    tmux.wait_for_text(EXIT_MARKER);
    // The message, its wrapped rows joined.
    let screen = tmux.run(&["capture-pane", "-p", "-J", "-t", SESSION]);
    assert!(
        screen.contains(
            "shenzhen-dash: tests/fixtures/talk/invalid/unknown_tab.toml:4:7: beat 1, tab: \
             unknown tab \"gpd\"; the tabs are overview, gdp, rd, trade, people, innovation, peers\n"
        ),
        "{}",
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
}
