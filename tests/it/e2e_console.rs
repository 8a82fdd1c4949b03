//! The presenter console end to end: the real binary twice, a dashboard giving the built-in
//! talk and a console following it, in two tmux sessions of one server (the harness in
//! `tests/it/support/tmux.rs`). The console waits for the dashboard, follows its beats, drives
//! them, shows the notes and a running clock, quits alone, and says when the dashboard quits
//! (then follows the next one). Each test takes a port of its own.

#![allow(
    clippy::expect_used,
    reason = "a test harness: a failed expectation is a test failure, with its message"
)]

use std::net::{Ipv4Addr, UdpSocket};

use crate::support::tmux::{BIN, CLEAN, EXIT_MARKER, SESSION, TIMEOUT, Tmux};

/// The dashboard's session; the console is the harness's own, [`SESSION`].
const DASHBOARD: &str = "dashboard";

/// A loopback port no one uses right now, for this test alone.
fn free_port() -> String {
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).expect("loopback binds");
    socket
        .local_addr()
        .expect("a bound socket has an address")
        .port()
        .to_string()
}

/// The dashboard's footer ends with its counter, on the beat.
fn dashboard_on(n: usize) -> impl Fn(&str) -> bool {
    move |screen: &str| {
        let footer = screen.trim_end().lines().last().unwrap_or_default();
        footer.ends_with(&format!("beat {n}/14"))
    }
}

/// The console's header ends with its counter.
fn console_on(n: usize) -> impl Fn(&str) -> bool {
    move |screen: &str| {
        let header = screen.lines().next().unwrap_or_default();
        header.trim_end().ends_with(&format!("beat {n}/14"))
    }
}

/// The console's clock, `m:ss`, as it reads now.
fn clock(screen: &str) -> Option<String> {
    screen
        .lines()
        .find_map(|line| line.split_once(" since the first beat"))
        .map(|(time, _)| time.trim().to_owned())
}

#[test]
fn a_console_follows_and_drives_the_dashboard_and_quits_alone() {
    let port = free_port();
    let tmux = Tmux::launch("console", &[BIN, "presenter", "--port", &port]);
    tmux.wait_for_text(&format!("waiting for shenzhen-dash --talk --port {port}"));

    tmux.open(DASHBOARD, &[BIN, "--talk", "--port", &port]);
    tmux.wait_in(DASHBOARD, "the dashboard's first beat", dashboard_on(1));
    let first = tmux.wait_in(SESSION, "the console on beat 1", console_on(1));
    // The first beat's notes, and its next beat's caption.
    assert!(first.contains("Title beat."), "{first}");
    assert!(first.contains("next, beat 2:"), "{first}");
    assert!(first.contains("GDP more than doubled"), "{first}");

    // A key at the dashboard moves the console.
    tmux.send_to(DASHBOARD, "PageDown");
    tmux.wait_in(SESSION, "the console on beat 2", console_on(2));

    // A key at the console moves the dashboard (and so the console).
    tmux.send("PageDown");
    tmux.wait_in(DASHBOARD, "the dashboard on beat 3", dashboard_on(3));
    tmux.wait_in(SESSION, "the console on beat 3", console_on(3));
    tmux.send("Left");
    tmux.wait_in(DASHBOARD, "the dashboard back on beat 2", dashboard_on(2));

    // The clock runs.
    let shown = clock(&tmux.screen()).expect("the console shows its clock");
    tmux.wait_in(SESSION, "the clock to move on", |screen| {
        clock(screen).is_some_and(|now| now != shown)
    });

    // q quits the console alone, at once, and the dashboard runs on.
    assert_eq!(tmux.quit_with("q"), CLEAN);
    tmux.send_to(DASHBOARD, "PageDown");
    tmux.wait_in(DASHBOARD, "the dashboard on beat 3", dashboard_on(3));
}

#[test]
fn the_console_says_when_the_dashboard_quits_and_follows_the_next() {
    let port = free_port();
    let tmux = Tmux::launch("console_quits", &[BIN, "--talk", "--port", &port]);
    tmux.wait_for("the dashboard's first beat", dashboard_on(1), TIMEOUT);
    tmux.send("PageDown");
    tmux.wait_for("beat 2", dashboard_on(2), TIMEOUT);

    let console = "console";
    tmux.open(console, &[BIN, "presenter", "--port", &port]);
    tmux.wait_in(console, "the console on beat 2", console_on(2));

    tmux.send("q");
    tmux.wait_for_text("press q again to quit");
    assert_eq!(tmux.quit_with("q"), CLEAN);
    tmux.wait_in(console, "the console to say so", |screen| {
        screen.contains("The dashboard has quit.")
            && screen.contains(&format!("waiting for shenzhen-dash --talk --port {port}"))
    });

    // A new dashboard, and the console follows it from its first beat.
    tmux.open(DASHBOARD, &[BIN, "--talk", "--port", &port]);
    tmux.wait_in(
        console,
        "the console on the new dashboard's beat 1",
        console_on(1),
    );
    tmux.send_to(console, "Escape");
    tmux.send_to(console, "PageDown");
    tmux.wait_in(DASHBOARD, "the new dashboard on beat 2", dashboard_on(2));
}

#[test]
fn a_second_dashboard_on_a_busy_port_gives_its_talk_and_says_so_at_the_end() {
    let port = free_port();
    let tmux = Tmux::launch("console_busy", &[BIN, "--talk", "--port", &port]);
    tmux.wait_for("the first dashboard", dashboard_on(1), TIMEOUT);

    let second = "second";
    tmux.open(second, &[BIN, "--talk", "--port", &port]);
    tmux.wait_in(second, "the second dashboard's first beat", dashboard_on(1));
    tmux.send_to(second, "PageDown");
    tmux.wait_in(second, "the second dashboard's beat 2", dashboard_on(2));
    tmux.send_to(second, "q");
    tmux.send_to(second, "q");
    let after = tmux.poll_in(
        second,
        "the second dashboard's exit",
        |screen| screen.contains(EXIT_MARKER),
        TIMEOUT,
        |_| {},
    );
    assert!(
        after.contains(&format!(
            "shenzhen-dash: no presenter console could follow this talk: cannot listen on \
             127.0.0.1:{port}"
        )),
        "{after}"
    );
    assert!(
        after.contains("[e2e: exit status 0, tty modes restored]"),
        "{after}"
    );
    // The first one kept its port: a console follows it.
    tmux.open("console", &[BIN, "presenter", "--port", &port]);
    tmux.wait_in(
        "console",
        "the console on the first dashboard",
        console_on(1),
    );
}

#[test]
fn with_ascii_the_console_waits_in_plain_ascii() {
    let port = free_port();
    let tmux = Tmux::launch(
        "console-ascii",
        &[BIN, "presenter", "--ascii", "--port", &port],
    );
    tmux.wait_for_text(&format!("waiting for shenzhen-dash --talk --port {port}"));
    let screen = tmux.screen();
    // The footer's keys, whose arrows are ASCII now.
    assert!(screen.contains("PgDn"), "{screen}");
    assert!(screen.is_ascii(), "{screen}");
    assert_eq!(tmux.quit_with("q"), CLEAN);
}
