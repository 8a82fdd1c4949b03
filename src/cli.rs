//! The command line: the interactive dashboard by default, the pre-flight check, and the
//! headless subcommands (snapshot, export, check, completions, man).

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{export, headless, presenter, theme};

/// The whole command line; `about` is the package description.
#[derive(Debug, Parser)]
#[command(
    name = "shenzhen-dash",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = "Keys: ←→ tabs · ↑↓ year cursor · s sources · ? help · q quit\n\
                  In a talk (--talk): →/PgDn next beat · ←/PgUp previous · r back to the beat · q q quit\n\
                  Exit status: 0 ok, 1 bad data or output error, 2 usage error"
)]
pub struct Cli {
    #[command(flatten)]
    pub view: ViewArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render tabs, or a talk's beats, without a terminal, to stdout or a file: for slides,
    /// READMEs and CI.
    Snapshot(SnapshotArgs),
    /// Print every data point as CSV or JSON.
    Export(ExportArgs),
    /// Validate a dataset file, or a talk file against a dataset: a summary and exit 0, or
    /// every problem and exit 1.
    Check(CheckArgs),
    /// Check this terminal before a talk: size, colours, glyphs and the clicker's keys.
    ///
    /// A full-screen card: which tabs would leave a chart out at this size, the colour depth
    /// and why, the theme's colours with their contrast, a glyph test, and every key named as
    /// it is pressed, with what it does in the dashboard and in a talk. q leaves; Esc does not.
    Preflight(PreflightArgs),
    /// Follow a talk from a second terminal: notes, the next beat and the clock.
    ///
    /// Run it beside `shenzhen-dash --talk` on the same machine, with the same talk (and the
    /// same --port): it shows the current beat's caption and notes (↑↓ scroll them), the next
    /// beat, `beat 3/14`, the time since the first beat and the time left of the talk's
    /// planned duration. → PgDn Space ← PgUp Home r walk the dashboard's beats from here; q
    /// quits the console only. The link is loopback UDP: nothing listens beyond this machine.
    Presenter(PresenterArgs),
    /// Print a completion script for a shell to stdout.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to stdout.
    Man,
}

#[derive(Debug, Args)]
pub struct PreflightArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// The theme to check: dark, light or mono. NO_COLOR removes colour from any theme.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Dark)]
    pub theme: ThemeChoice,
    /// Check with plain ASCII glyphs, as the dashboard's --ascii draws.
    #[arg(long)]
    pub ascii: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// What the dashboard shows and how.
#[derive(Debug, Clone, Args)]
pub struct ViewArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Start on this tab: a page id (gdp, rd, …), its title, or its number.
    #[arg(long, value_name = "NAME|N", allow_hyphen_values = true)]
    pub tab: Option<String>,
    /// Colours: dark, light (for projectors) or mono. NO_COLOR removes colour from any theme.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Dark)]
    pub theme: ThemeChoice,
    /// Advance to the next tab every SECONDS (1 to 86400), looping; Space pauses, `a` stops.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub autoplay: Option<u64>,
    /// Draw with plain ASCII, for terminals and fonts without Braille or block characters.
    #[arg(long)]
    pub ascii: bool,
    /// Give a talk: beats walked with a clicker (→ PgDn next, ← PgUp back, r returns after a
    /// detour, q twice quits). Without FILE, the built-in "Shenzhen's decade of innovation".
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        conflicts_with_all = ["tab", "autoplay"]
    )]
    pub talk: Option<Option<PathBuf>>,
    /// Record the session as it runs into FILE, an asciicast v2 file with a chapter marker at
    /// every beat and tab: `asciinema play FILE` plays it back.
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// With --talk: the port on 127.0.0.1 where presenter consoles find the dashboard.
    #[arg(
        long,
        value_name = "N",
        default_value_t = presenter::DEFAULT_PORT,
        value_parser = clap::value_parser!(u16).range(1..),
        requires = "talk"
    )]
    pub port: u16,
}

#[derive(Debug, Args)]
pub struct PresenterArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// The talk the dashboard gives: the same file as its --talk. Without it, the built-in
    /// talk.
    #[arg(long, value_name = "FILE")]
    pub talk: Option<PathBuf>,
    /// The port on 127.0.0.1 the dashboard listens on: the same as its --port.
    #[arg(
        long,
        value_name = "N",
        default_value_t = presenter::DEFAULT_PORT,
        value_parser = clap::value_parser!(u16).range(1..)
    )]
    pub port: u16,
    /// The console's colours: dark, light or mono. NO_COLOR removes colour from any theme.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Dark)]
    pub theme: ThemeChoice,
    /// Plain ASCII glyphs only (frames, arrows, dashes), for terminals and fonts without box
    /// drawing, as the dashboard's --ascii.
    #[arg(long)]
    pub ascii: bool,
}

#[derive(Debug, Clone, Args)]
pub struct DataArg {
    /// Read this dataset file instead of the embedded Shenzhen data.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// The tab to render: a page id, its title, its number, or `all`.
    #[arg(
        long,
        value_name = "NAME|N|all",
        default_value = "1",
        allow_hyphen_values = true
    )]
    pub tab: String,
    /// Render a talk, a frame per beat: with --format html, one self-contained slide deck
    /// (the audience's handout); text and ANSI add the speaker's notes after each frame.
    /// Without FILE, the built-in talk.
    #[arg(long, value_name = "FILE", num_args = 0..=1, conflicts_with = "tab")]
    pub talk: Option<Option<PathBuf>>,
    /// The frame's size in columns and rows, from 1x1 to 1000x500.
    #[arg(
        long,
        value_name = "WxH",
        default_value = "100x30",
        allow_hyphen_values = true
    )]
    pub size: Size,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SnapshotFormat::Text)]
    pub format: SnapshotFormat,
    /// Colours: dark, light or mono. NO_COLOR removes colour from any theme.
    #[arg(long, value_enum, default_value_t = ThemeChoice::Dark)]
    pub theme: ThemeChoice,
    /// Draw with plain ASCII instead of Braille, block and box-drawing characters.
    #[arg(long)]
    pub ascii: bool,
    /// PNG only: each cell is 10N×20N pixels, N from 1 to 8 (2 unless told).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=8))]
    pub scale: Option<u8>,
    /// Write to FILE instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl SnapshotArgs {
    /// A PNG's scale when none is asked for: sharp on a projector.
    pub const DEFAULT_SCALE: u8 = 2;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SnapshotFormat {
    /// Plain text: exactly H lines of at most W columns, no escape sequences.
    Text,
    /// Text with colours and styles as SGR escape sequences.
    Ansi,
    /// One self-contained HTML page.
    Html,
    /// One self-contained SVG image.
    Svg,
    /// One PNG image, drawn with the font bundled in the binary (--scale 2 unless told).
    Png,
}

impl SnapshotFormat {
    /// The text formats as the library names them; `None` for PNG, which is bytes.
    pub fn text(self) -> Option<headless::Format> {
        match self {
            SnapshotFormat::Text => Some(headless::Format::Text),
            SnapshotFormat::Ansi => Some(headless::Format::Ansi),
            SnapshotFormat::Html => Some(headless::Format::Html),
            SnapshotFormat::Svg => Some(headless::Format::Svg),
            SnapshotFormat::Png => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub data: DataArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One row per point: indicator,year,value,unit,confidence,flags,sources.
    Csv,
    /// An array of objects with the same keys.
    Json,
}

impl From<ExportFormat> for export::Format {
    fn from(format: ExportFormat) -> export::Format {
        match format {
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Json => export::Format::Json,
        }
    }
}

/// The themes a user can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeChoice {
    /// Light text on the terminal's dark background.
    Dark,
    /// Dark text on white, high contrast: projectors wash out dark themes.
    Light,
    /// No colour at all: bold, reverse and markers carry the meaning.
    Mono,
}

impl From<ThemeChoice> for theme::ThemeName {
    fn from(choice: ThemeChoice) -> theme::ThemeName {
        match choice {
            ThemeChoice::Dark => theme::ThemeName::Dark,
            ThemeChoice::Light => theme::ThemeName::Light,
            ThemeChoice::Mono => theme::ThemeName::Mono,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The dataset file to validate.
    #[arg(
        required_unless_present_any = ["talk", "data"],
        conflicts_with_all = ["talk", "data"]
    )]
    pub file: Option<PathBuf>,
    /// Validate this talk file instead, against the embedded dataset or --data's.
    #[arg(long, value_name = "FILE")]
    pub talk: Option<PathBuf>,
    /// The dataset: validated, and with --talk the one the talk is checked against.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
}

/// A frame size given as `WxH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    pub const MAX_WIDTH: u16 = 1000;
    pub const MAX_HEIGHT: u16 = 500;
}

impl FromStr for Size {
    type Err = String;

    fn from_str(text: &str) -> Result<Size, String> {
        let (w, h) = text
            .split_once(['x', 'X', '×'])
            .ok_or_else(|| format!("expected WIDTHxHEIGHT such as 100x30, got {text:?}"))?;
        let parse = |part: &str, what: &str, max: u16| {
            let wrong = || format!("{what} must be a whole number from 1 to {max}, got {part:?}");
            let number: u16 = part.trim().parse().map_err(|_| wrong())?;
            if number == 0 || number > max {
                return Err(wrong());
            }
            Ok(number)
        };
        Ok(Size {
            width: parse(w, "width", Size::MAX_WIDTH)?,
            height: parse(h, "height", Size::MAX_HEIGHT)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_refuse_nonsense() {
        assert_eq!(
            "120x40".parse(),
            Ok(Size {
                width: 120,
                height: 40
            })
        );
        for bad in [
            "0x30", "100x0", "-1x30", "100", "axb", "99999x30", "100x501", "",
        ] {
            assert!(bad.parse::<Size>().is_err(), "{bad}");
        }
    }
}
