//! The colour depth the dashboard will use in this terminal, and why: the variables it reads
//! (`NO_COLOR`, `COLORTERM`) decide it, by the same function as the dashboard's
//! ([`Colours::from_vars`]); `TERM`, which it does not read, can warn of a terminal that shows
//! less than that.

use crate::text::sanitize;
use crate::theme::Colours;

/// The environment variables the card reports on, read once at start and passed in, so the
/// card draws the same for the same values (tests, snapshots).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    pub no_color: Option<String>,
    pub colorterm: Option<String>,
    pub term: Option<String>,
}

impl Env {
    /// This process's variables; a value that is not UTF-8 is read lossily.
    pub fn from_process() -> Env {
        let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        Env {
            no_color: var("NO_COLOR"),
            colorterm: var("COLORTERM"),
            term: var("TERM"),
        }
    }

    /// The colours the dashboard uses with these variables.
    pub fn colours(&self) -> Colours {
        Colours::from_vars(self.no_color.as_deref(), self.colorterm.as_deref())
    }
}

/// One line of the verdict: what was found, and whether it is a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub warning: bool,
    pub text: String,
}

impl Finding {
    fn ok(text: String) -> Finding {
        Finding {
            warning: false,
            text,
        }
    }

    fn warn(text: String) -> Finding {
        Finding {
            warning: true,
            text,
        }
    }
}

/// `COLORTERM="xterm"`, with anything unsafe for a terminal replaced.
fn shown(name: &str, value: &str) -> String {
    format!("{name}={:?}", sanitize(value))
}

/// The depth and why, then what `TERM` says: one finding a line.
pub fn findings(env: &Env) -> Vec<Finding> {
    let colorterm = env.colorterm.as_deref().filter(|v| !v.is_empty());
    let depth = match (env.colours(), colorterm) {
        (Colours::None, _) => Finding::ok("no colour: NO_COLOR is set (no-color.org)".to_owned()),
        (Colours::Truecolor, Some(value)) => {
            Finding::ok(format!("24-bit colour: {}", shown("COLORTERM", value)))
        }
        (_, Some(value)) => Finding::ok(format!(
            "256 colours: {} is not truecolor or 24bit",
            shown("COLORTERM", value)
        )),
        (_, None) => Finding::ok("256 colours: COLORTERM is not set".to_owned()),
    };
    let mut findings = vec![depth];
    if env.no_color.as_deref() == Some("") {
        findings.push(Finding::ok("NO_COLOR is empty: ignored".to_owned()));
    }
    findings.push(match env.term.as_deref() {
        None | Some("") => Finding::warn("TERM is not set: is this a terminal at all?".to_owned()),
        Some("dumb") => Finding::warn(
            "TERM=\"dumb\": this terminal may not move the cursor or show colour".to_owned(),
        ),
        Some(term) if env.colours() == Colours::Indexed && !promises_256(term) => {
            Finding::warn(format!(
                "{} does not promise 256 colours: if the swatches look wrong, use --theme mono",
                shown("TERM", term)
            ))
        }
        Some(term) => Finding::ok(shown("TERM", term)),
    });
    findings
}

/// Whether a `TERM` name says the terminal has 256 colours or more (`xterm-256color`,
/// `tmux-256color`, `xterm-direct`).
fn promises_256(term: &str) -> bool {
    term.contains("256") || term.contains("direct")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, colorterm: Option<&str>, term: Option<&str>) -> Env {
        Env {
            no_color: no_color.map(str::to_owned),
            colorterm: colorterm.map(str::to_owned),
            term: term.map(str::to_owned),
        }
    }

    fn texts(env: &Env) -> Vec<(bool, String)> {
        findings(env)
            .into_iter()
            .map(|f| (f.warning, f.text))
            .collect()
    }

    #[test]
    fn the_depth_is_the_dashboards_and_says_why() {
        let cases = [
            (
                env(Some("1"), Some("truecolor"), Some("xterm-256color")),
                Colours::None,
                "no colour: NO_COLOR is set (no-color.org)",
            ),
            (
                env(None, Some("truecolor"), Some("xterm-256color")),
                Colours::Truecolor,
                "24-bit colour: COLORTERM=\"truecolor\"",
            ),
            (
                env(None, Some("24bit"), Some("xterm-256color")),
                Colours::Truecolor,
                "24-bit colour: COLORTERM=\"24bit\"",
            ),
            (
                env(None, Some("yes"), Some("xterm-256color")),
                Colours::Indexed,
                "256 colours: COLORTERM=\"yes\" is not truecolor or 24bit",
            ),
            (
                env(None, None, Some("xterm-256color")),
                Colours::Indexed,
                "256 colours: COLORTERM is not set",
            ),
            (
                env(None, Some(""), Some("xterm-256color")),
                Colours::Indexed,
                "256 colours: COLORTERM is not set",
            ),
        ];
        for (env, colours, text) in cases {
            assert_eq!(env.colours(), colours, "{env:?}");
            assert_eq!(texts(&env)[0], (false, text.to_owned()), "{env:?}");
        }
    }

    #[test]
    fn an_empty_no_color_is_said_to_be_ignored() {
        let env = env(Some(""), None, Some("xterm-256color"));
        assert_eq!(env.colours(), Colours::Indexed);
        assert_eq!(
            texts(&env),
            [
                (false, "256 colours: COLORTERM is not set".to_owned()),
                (false, "NO_COLOR is empty: ignored".to_owned()),
                (false, "TERM=\"xterm-256color\"".to_owned()),
            ]
        );
    }

    #[test]
    fn term_warns_of_a_terminal_that_may_show_less() {
        let last = |env: &Env| texts(env).pop().map(|(warning, _)| warning);
        for term in ["xterm-256color", "tmux-256color", "xterm-direct"] {
            assert_eq!(last(&env(None, None, Some(term))), Some(false), "{term}");
        }
        for term in [None, Some(""), Some("dumb"), Some("xterm"), Some("screen")] {
            assert_eq!(last(&env(None, None, term)), Some(true), "{term:?}");
        }
        // With 24-bit colour or none at all, a TERM without "256" says nothing new.
        assert_eq!(
            last(&env(None, Some("truecolor"), Some("xterm"))),
            Some(false)
        );
        assert_eq!(last(&env(Some("1"), None, Some("xterm"))), Some(false));
        assert_eq!(
            texts(&env(None, None, Some("xterm"))).pop().map(|(_, t)| t),
            Some(
                "TERM=\"xterm\" does not promise 256 colours: if the swatches look wrong, use \
                 --theme mono"
                    .to_owned()
            )
        );
    }

    #[test]
    fn values_are_quoted_safely() {
        let env = env(None, Some("true\u{1b}[31mcolor"), Some("xterm-256color"));
        assert_eq!(
            texts(&env)[0].1,
            "256 colours: COLORTERM=\"true\u{FFFD}[31mcolor\" is not truecolor or 24bit"
        );
    }
}
