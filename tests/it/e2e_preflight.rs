//! The pre-flight card end to end: the real binary in tmux (`support/tmux.rs`) names the keys a
//! clicker sends as they arrive, re-lays itself out on a resize, stays on `Esc` and leaves on
//! `q` or `Ctrl-C` with the terminal restored.

use crate::support::tmux::{BIN, CLEAN, SESSION, TIMEOUT, Tmux};

/// The card's echo of key press number `number`: `  2 PageDown  dashboard: next tab · …`.
fn echoed(screen: &str, number: u32, name: &str, does: &str) -> bool {
    // The keys panel is beside the glyphs panel: its lines are between box-drawing bars.
    screen.lines().flat_map(|line| line.split('│')).any(|part| {
        let part = part.trim_start();
        part.starts_with(&format!("{number} {name} ")) && part.contains(does)
    })
}

#[test]
fn the_card_names_each_clicker_key_esc_stays_and_q_restores_the_terminal() {
    let tmux = Tmux::launch("preflight", &[BIN, "preflight"]);
    // tmux sets TERM in the pane; the card reads it from the environment.
    tmux.wait_for(
        "the whole card at 100×30",
        |screen| {
            [
                "Pre-flight check",
                "Size 100×30",
                "TERM=\"",
                "Braille",
                "Each key shows here",
            ]
            .iter()
            .all(|text| screen.contains(text))
        },
        TIMEOUT,
    );

    // One key at a time: an Esc followed at once by another key reads as Alt and that key.
    for (number, key, name, does) in [
        (1, "F5", "F5", "dashboard: nothing at all"),
        (
            2,
            "PageDown",
            "PageDown",
            "dashboard: next tab · talk: next beat",
        ),
        (3, "Escape", "Esc", "dashboard: close overlay"),
        (4, "PageUp", "PageUp", "dashboard: previous tab"),
    ] {
        tmux.send(key);
        tmux.wait_for(
            &format!("{name} named as press {number}"),
            |screen| echoed(screen, number, name, does),
            TIMEOUT,
        );
    }

    // A resize lays the card out again for the new size.
    tmux.run(&["resize-window", "-t", SESSION, "-x", "80", "-y", "24"]);
    tmux.wait_for(
        "the card at 80×24, its echo kept",
        |screen| screen.contains("Size 80×24") && echoed(screen, 4, "PageUp", "previous tab"),
        TIMEOUT,
    );

    assert_eq!(tmux.quit_with("q"), CLEAN);
}

#[test]
fn ctrl_c_leaves_the_card_with_the_terminal_restored() {
    let tmux = Tmux::launch("preflight_ctrl_c", &[BIN, "preflight", "--theme", "light"]);
    tmux.wait_for_text("theme light");
    assert_eq!(tmux.quit_with("C-c"), CLEAN);
}
