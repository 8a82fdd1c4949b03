//! `check`: a summary and exit 0, or every problem on stderr and exit 1.

use std::path::Path;

use super::{CHINA, EMBEDDED_POINTS, INVALID, MINIMAL, run};

#[test]
fn check_summarises_a_valid_file() {
    let run = run(&["check", "assets/shenzhen.json"]);
    let out = run.ok();
    assert!(
        out.starts_with("assets/shenzhen.json: ok — Shenzhen, "),
        "{out}"
    );
    assert!(
        out.contains(&format!(" {EMBEDDED_POINTS} points, ")),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.ends_with('\n'));

    let minimal = self::run(&["check", MINIMAL]);
    assert_eq!(
        minimal.ok(),
        "tests/fixtures/valid/minimal.json: ok — Testville, 1 indicator, 2 points, 2015–2016, 1 page, 1 source\n"
    );
}

#[test]
fn check_passes_the_china_example_if_present() {
    if !Path::new(CHINA).exists() {
        eprintln!("{CHINA} does not exist yet: not checked");
        return;
    }
    let run = run(&["check", CHINA]);
    let out = run.ok();
    assert!(
        out.starts_with("assets/examples/china.json: ok — "),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn check_lists_every_problem_on_stderr() {
    let file = format!("{INVALID}/several_problems.json");
    let run = run(&["check", &file]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(
        run.stderr,
        format!(
            "shenzhen-dash: {file}: indicators[0].points[0].sources[0]: unknown source id \"S2\"\n\
             shenzhen-dash: {file}: indicators[0].points[1].year: duplicate year 2015 (first at points[0])\n\
             shenzhen-dash: {file}: pages[0].charts[0].series[0].indicator: unknown indicator id \"gpd\"\n"
        )
    );
}
