//! Talks on the command line: `check --talk` (a summary, or every problem with its place, exit
//! 1; against `--data`'s dataset when given), `--talk` refusing a bad talk before the terminal
//! is touched, and the flags a talk does not go with.

use super::{MINIMAL, run};

const VALID: &str = "tests/fixtures/talk/valid.toml";
const INVALID: &str = "tests/fixtures/talk/invalid";

#[test]
fn check_summarises_a_valid_talk() {
    assert_eq!(
        run(&["check", "--talk", VALID]).ok(),
        "tests/fixtures/talk/valid.toml: ok — \"A short talk\", 4 beats, 5 min planned, for \
         Shenzhen economy\n"
    );
    assert_eq!(
        run(&["check", "--talk", "assets/talk.toml"]).ok(),
        "assets/talk.toml: ok — \"Shenzhen's decade of innovation\", 14 beats, 15 min planned, \
         for Shenzhen economy\n"
    );
}

#[test]
fn check_lists_every_problem_of_a_talk_with_its_place() {
    let file = format!("{INVALID}/several_problems.toml");
    let run = run(&["check", "--talk", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "shenzhen-dash: {file}:5:9: beat 1, chart: tab \"gdp\" has no chart 4, only 1–3\n\
             shenzhen-dash: {file}:6:8: beat 1, year: 1999 is outside the years of tab \"gdp\" (2010–2025)\n\
             shenzhen-dash: {file}:10:11: beat 2, caption: contains a control character (U+0007)\n"
        )
    );
}

#[test]
fn check_takes_the_talk_to_the_dataset_it_will_be_given_with() {
    let run = run(&["check", "--talk", VALID, "--data", MINIMAL]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "shenzhen-dash: {VALID}:6:7: beat 1, tab: unknown tab \"gdp\"; the tabs are economy\n\
             shenzhen-dash: {VALID}:20:7: beat 3, tab: unknown tab \"R&D\"; the tabs are economy\n\
             shenzhen-dash: {VALID}:26:7: beat 4, tab: unknown tab \"overview\"; the tabs are economy\n"
        ),
        "beat 2 names no tab: the unknown one before it is not checked twice"
    );
    // A bad dataset is reported as `check FILE` would.
    let bad = "tests/fixtures/invalid/unknown_indicator_in_series.json";
    let run = self::run(&["check", "--talk", VALID, "--data", bad]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            1,
            "shenzhen-dash: tests/fixtures/invalid/unknown_indicator_in_series.json: \
             pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\"\n"
        )
    );
    // Without --talk, --data names the dataset to check.
    assert_eq!(
        self::run(&["check", "--data", MINIMAL]).ok(),
        run_ok_minimal()
    );
}

fn run_ok_minimal() -> &'static str {
    "tests/fixtures/valid/minimal.json: ok — Testville, 1 indicator, 2 points, 2015–2016, 1 \
     page, 1 source\n"
}

#[test]
fn a_talk_file_that_cannot_be_read_is_one_line() {
    for (file, message) in [
        (
            format!("{INVALID}/not_utf8.toml"),
            "is not UTF-8 text (invalid byte at offset 59)",
        ),
        (INVALID.to_owned(), "is a directory, not a talk file"),
        (
            "tests/fixtures/talk/missing.toml".to_owned(),
            "cannot read: no such file",
        ),
    ] {
        for args in [
            vec!["check", "--talk", &file],
            vec!["--talk", &file],
            vec!["presenter", "--talk", &file],
        ] {
            let run = run(&args);
            assert_eq!(
                (run.code, run.stdout(), run.stderr.as_str()),
                (
                    1,
                    "",
                    format!("shenzhen-dash: {file}: {message}\n").as_str()
                ),
                "{args:?}"
            );
        }
    }
}

#[test]
fn a_bad_talk_is_refused_before_the_terminal_is_needed() {
    // Without a terminal, a good talk gets as far as asking for one; a bad one is refused first.
    let file = format!("{INVALID}/unknown_tab.toml");
    let run = run(&["--talk", &file]);
    assert_eq!(
        (run.code, run.stdout(), run.stderr.as_str()),
        (
            1,
            "",
            format!(
                "shenzhen-dash: {file}:4:7: beat 1, tab: unknown tab \"gpd\"; the tabs are \
                 overview, gdp, rd, trade, people, innovation, peers\n"
            )
            .as_str()
        )
    );
    let several = format!("{INVALID}/several_problems.toml");
    let run = self::run(&["--talk", &several]);
    assert!(
        run.stderr.ends_with(" (and 2 more problems)\n"),
        "the first problem and how many more: {run:?}"
    );
    for args in [
        vec!["--talk"],
        vec!["--talk", VALID],
        vec!["--talk", "--theme", "light"],
    ] {
        let run = self::run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("stdout is not a terminal"), "{run:?}");
    }
    // The built-in talk is written for the embedded dataset.
    let run = self::run(&["--talk", "--data", MINIMAL]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "shenzhen-dash: assets/talk.toml (embedded):11:7: beat 1, tab: unknown tab \"overview\""
        ),
        "{run:?}"
    );
}

#[test]
fn a_talk_decides_the_tab_and_has_no_autoplay() {
    for args in [
        vec!["--talk", "--tab", "gdp"],
        vec!["--talk", VALID, "--autoplay", "5"],
        vec!["check", MINIMAL, "--talk", VALID],
        vec!["check"],
    ] {
        let run = run(&args);
        assert_eq!((run.code, run.stdout()), (2, ""), "{args:?}: {run:?}");
    }
}

#[test]
fn the_presenter_console_refuses_a_bad_talk_as_the_dashboard_does() {
    let file = format!("{INVALID}/unknown_tab.toml");
    let dashboard = run(&["--talk", &file]);
    let console = run(&["presenter", "--talk", &file]);
    assert_eq!(
        (console.code, console.stdout(), console.stderr.as_str()),
        (dashboard.code, "", dashboard.stderr.as_str())
    );
    assert_eq!(console.code, 1);
    // The built-in talk does not fit another dataset, for the console either.
    let run = self::run(&["presenter", "--data", MINIMAL]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "shenzhen-dash: assets/talk.toml (embedded):11:7: beat 1, tab: unknown tab \"overview\""
        ),
        "{run:?}"
    );
    // A good talk gets as far as asking for a terminal.
    for args in [
        vec!["presenter"],
        vec!["presenter", "--talk", VALID, "--port", "50600"],
    ] {
        let run = self::run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("stdout is not a terminal"), "{run:?}");
    }
}

#[test]
fn a_port_is_a_number_from_1_and_only_a_talk_listens_on_one() {
    for args in [
        vec!["--port", "50600"],
        vec!["--talk", "--port", "0"],
        vec!["--talk", "--port", "65536"],
        vec!["presenter", "--port", "0"],
        vec!["presenter", "--port", "http"],
    ] {
        let run = run(&args);
        assert_eq!((run.code, run.stdout()), (2, ""), "{args:?}: {run:?}");
    }
}
