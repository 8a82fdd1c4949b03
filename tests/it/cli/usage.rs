//! Usage errors exit 2 and list the valid choices; the interactive mode refuses to run
//! without a terminal, nor does the pre-flight check; `--help` of every command (insta
//! snapshots) and `--version`.

use super::{MINIMAL, run};

/// `--tab` names nothing: the message lists the pages' ids.
fn unknown_tab(name: &str, ids: &str, count: usize) -> String {
    format!(
        "shenzhen-dash: unknown tab \"{name}\": choose one of {ids} or a number from 1 to {count}\n"
    )
}

/// clap's message for a bad value, with the possible values.
fn invalid_value(value: &str, arg: &str, possible: &str) -> String {
    format!(
        "error: invalid value '{value}' for '{arg}'\n  [possible values: {possible}]\n\n\
         For more information, try '--help'.\n"
    )
}

/// clap's message for a bad `--size`, with why.
fn invalid_size(value: &str, why: &str) -> String {
    format!(
        "error: invalid value '{value}' for '--size <WxH>': {why}\n\n\
         For more information, try '--help'.\n"
    )
}

#[test]
#[allow(clippy::too_many_lines)] // One table of every usage error reads best whole.
fn usage_errors_exit_2_and_list_the_choices() {
    const IDS: &str = "overview, gdp, rd, trade, people, innovation, peers";
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["--tab", "nope"], unknown_tab("nope", IDS, 7)),
        (
            vec!["snapshot", "--tab", "nope"],
            unknown_tab("nope", &format!("{IDS}, all"), 7),
        ),
        (vec!["--tab", "0"], unknown_tab("0", IDS, 7)),
        (
            vec!["snapshot", "--tab", "8"],
            unknown_tab("8", &format!("{IDS}, all"), 7),
        ),
        (
            vec!["snapshot", "--data", MINIMAL, "--tab", "gdp"],
            unknown_tab("gdp", "economy, all", 1),
        ),
        (
            vec!["--theme", "neon"],
            invalid_value("neon", "--theme <THEME>", "dark, light, mono"),
        ),
        (
            vec!["snapshot", "--theme", "neon"],
            invalid_value("neon", "--theme <THEME>", "dark, light, mono"),
        ),
        (
            vec!["snapshot", "--format", "pdf"],
            invalid_value("pdf", "--format <FORMAT>", "text, ansi, html, svg, png"),
        ),
        (
            vec!["export", "--format", "xml"],
            invalid_value("xml", "--format <FORMAT>", "csv, json"),
        ),
        (
            vec!["snapshot", "--size", "0x30"],
            invalid_size(
                "0x30",
                "width must be a whole number from 1 to 1000, got \"0\"",
            ),
        ),
        (
            vec!["snapshot", "--size=-5x30"],
            invalid_size(
                "-5x30",
                "width must be a whole number from 1 to 1000, got \"-5\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "100x0"],
            invalid_size(
                "100x0",
                "height must be a whole number from 1 to 500, got \"0\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "99999x30"],
            invalid_size(
                "99999x30",
                "width must be a whole number from 1 to 1000, got \"99999\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "1001x30"],
            invalid_size(
                "1001x30",
                "width must be a whole number from 1 to 1000, got \"1001\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "100x501"],
            invalid_size(
                "100x501",
                "height must be a whole number from 1 to 500, got \"501\"",
            ),
        ),
        (
            vec!["snapshot", "--size", "abc"],
            invalid_size("abc", "expected WIDTHxHEIGHT such as 100x30, got \"abc\""),
        ),
        (
            vec!["snapshot", "--size", "100"],
            invalid_size("100", "expected WIDTHxHEIGHT such as 100x30, got \"100\""),
        ),
        (
            vec!["--autoplay", "0"],
            "error: invalid value '0' for '--autoplay <SECONDS>': 0 is not in 1..=86400\n\n\
             For more information, try '--help'.\n"
                .to_owned(),
        ),
    ];
    let mut failures = Vec::new();
    for (args, expected) in &cases {
        let run = run(args);
        if (run.code, run.stdout.is_empty(), &run.stderr) != (2, true, expected) {
            failures.push(format!(
                "{args:?}:\n  expected: exit 2, no stdout, stderr {expected:?}\n  actual:   exit {}, stdout {:?}, stderr {:?}",
                run.code,
                String::from_utf8_lossy(&run.stdout),
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_negative_size_says_what_a_size_is() {
    let run = run(&["snapshot", "--size", "-5x30"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            2,
            invalid_size(
                "-5x30",
                "width must be a whole number from 1 to 1000, got \"-5\""
            )
            .as_str()
        )
    );
}

#[test]
fn the_interactive_mode_needs_a_terminal() {
    let expected = "shenzhen-dash: stdout is not a terminal; to render without one, use \
                    `shenzhen-dash snapshot`\n";
    for args in [
        vec![],
        vec![
            "--tab",
            "rd",
            "--theme",
            "light",
            "--ascii",
            "--autoplay",
            "5",
        ],
        vec!["--data", MINIMAL],
    ] {
        let run = run(&args);
        assert_eq!(
            (run.code, run.stdout(), run.stderr.as_str()),
            (2, "", expected),
            "{args:?}"
        );
    }
}

#[test]
fn the_preflight_check_needs_a_terminal() {
    let expected = "shenzhen-dash: stdout is not a terminal; the pre-flight check runs in the \
                    terminal it checks\n";
    for args in [
        vec!["preflight"],
        vec!["preflight", "--theme", "light", "--ascii"],
        vec!["preflight", "--data", MINIMAL],
    ] {
        let run = run(&args);
        assert_eq!(
            (run.code, run.stdout(), run.stderr.as_str()),
            (2, "", expected),
            "{args:?}"
        );
    }
}

#[test]
fn help_of_every_command() {
    for (name, args) in [
        ("help", &["--help"][..]),
        ("help_snapshot", &["snapshot", "--help"]),
        ("help_export", &["export", "--help"]),
        ("help_check", &["check", "--help"]),
        ("help_preflight", &["preflight", "--help"]),
        ("help_presenter", &["presenter", "--help"]),
    ] {
        let run = run(args);
        insta::assert_snapshot!(name, run.ok());
    }
}

#[test]
fn version() {
    let run = run(&["--version"]);
    assert_eq!(
        run.ok(),
        format!("shenzhen-dash {}\n", env!("CARGO_PKG_VERSION"))
    );
}
