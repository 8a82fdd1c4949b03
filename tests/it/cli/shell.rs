//! `completions` and `man`: a shell's completion script and the manual page on stdout, exit 0,
//! nothing on stderr; both name every subcommand, so they cannot drift from the command line.

use super::run;

const SUBCOMMANDS: [&str; 6] = [
    "snapshot",
    "export",
    "check",
    "preflight",
    "completions",
    "man",
];

#[test]
fn every_shell_gets_a_completion_script_that_knows_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = run(&["completions", shell]);
        let script = run.ok();
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "{shell}: no {subcommand}");
        }
        assert!(script.contains("theme"), "{shell}: no --theme");
    }
    let bash = run(&["completions", "bash"]);
    let bash = bash.ok();
    assert!(
        bash.lines()
            .map(str::trim)
            .any(|line| line.starts_with("complete -F ") && line.ends_with(" shenzhen-dash")),
        "a bash script registers its function for the command: {bash}"
    );
    // The flags and the values they take are completed too.
    assert!(bash.contains("--theme"), "{bash}");
    assert!(bash.contains("dark light mono"), "{bash}");
}

#[test]
fn an_unknown_shell_is_a_usage_error_that_lists_the_shells() {
    let run = run(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout(), "");
    assert!(
        run.stderr
            .contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_man_page_has_its_sections_and_every_subcommand() {
    let run = run(&["man"]);
    let page = run.ok();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff: {page}");
    assert!(page.contains(".TH shenzhen-dash 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "no {section}: {page}");
    }
    assert!(
        page.contains("shenzhen\\-dash \\- A terminal dashboard"),
        "{page}"
    );
    for subcommand in SUBCOMMANDS {
        assert!(page.contains(subcommand), "no {subcommand}: {page}");
    }
}
