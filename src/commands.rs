//! Each mode of the command line, from parsed arguments to output. Everything that can fail
//! on the user's input fails here, before the terminal is touched.

use std::io::{self, IsTerminal, Write};
use std::net::{Ipv4Addr, UdpSocket};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::App;
use clap::CommandFactory;

use crate::cli::{
    CheckArgs, Cli, Command, DataArg, ExportArgs, PreflightArgs, PresenterArgs, SnapshotArgs,
    SnapshotFormat, ViewArgs,
};
use crate::data::{Dataset, Page};
use crate::error::LoadError;
use crate::headless::{Frame, PngError};
use crate::preflight::Preflight;
use crate::preflight::depth::Env;
use crate::presenter::{self, Console, Hosted};
use crate::talk::Talk;
use crate::text::count;
use crate::theme::{Colours, Theme};
use crate::{export, headless, tui};

/// Why the program stops early, and its exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The command line asks for something that does not exist (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The dataset cannot be used (exit 1).
    #[error(transparent)]
    Data(#[from] LoadError),
    /// Every problem `check` found, one per line (exit 1).
    #[error("{}", .0.join("\n"))]
    Problems(Vec<String>),
    /// Writing to stdout failed (exit 1).
    #[error("cannot write the output: {0}")]
    Output(io::Error),
    /// Writing the file the user named failed (exit 1).
    #[error("{file}: cannot write: {}", crate::text::sanitize(&.source.to_string()))]
    File { file: String, source: io::Error },
    /// The recording's file cannot be created (exit 1).
    #[error("cannot create {}: {}", .0.display(), .1)]
    Record(std::path::PathBuf, io::Error),
    /// The presenter console cannot open its socket on loopback (exit 1).
    #[error("cannot open a socket on 127.0.0.1 for the presenter console: {0}")]
    Link(io::Error),
    /// Driving the terminal failed (exit 1).
    #[error("terminal error: {0}")]
    Terminal(io::Error),
    /// Asked from outside to terminate, with the exit status that says so; the terminal is
    /// restored.
    #[error("terminated")]
    Terminated(u8),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Terminated(status) => *status,
            _ => 1,
        }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let result = match cli.command {
        None => interactive(&cli.view, Colours::from_env()),
        // Snapshots do not depend on the terminal they are made in: 256 colours at most.
        Some(Command::Snapshot(args)) => snapshot(&args, Colours::from_env().min(Colours::Indexed)),
        Some(Command::Export(args)) => export(&args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Preflight(args)) => preflight(&args, Env::from_process()),
        Some(Command::Presenter(args)) => presenter(&args, Colours::from_env()),
        Some(Command::Completions(args)) => completions(args.shell),
        Some(Command::Man) => man(),
    };
    match result {
        // A reader that stops early (`| head`) is not an error.
        Err(Failure::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn load(arg: &DataArg) -> Result<Dataset, LoadError> {
    match &arg.data {
        Some(path) => Dataset::from_file(path),
        None => Dataset::embedded(),
    }
}

fn interactive(args: &ViewArgs, colours: Colours) -> Result<(), Failure> {
    let data = load(&args.data)?;
    let tab = match &args.tab {
        Some(name) => resolve_tab(&data.pages, name, &[])?,
        None => 0,
    };
    let talk = match &args.talk {
        None => None,
        Some(None) => Some(Talk::embedded(&data)?),
        Some(Some(path)) => Some(Talk::from_file(path, &data)?),
    };
    if !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "stdout is not a terminal; to render without one, use `shenzhen-dash snapshot`"
                .to_owned(),
        ));
    }
    // Created now, so that a path that cannot be written is refused before the terminal is
    // touched. The talk's title, or the dataset's, is the recording's.
    let cast = match &args.record {
        None => None,
        Some(path) => Some(tui::Cast {
            file: std::fs::File::create(path).map_err(|err| Failure::Record(path.clone(), err))?,
            title: talk
                .as_ref()
                .map_or_else(|| data.title.clone(), |t| t.title.clone()),
        }),
    };
    let mut app = App::new(data)
        .with_theme(Theme::pick(args.theme.into(), colours))
        .with_tab(tab);
    app.colours = colours;
    app.ascii = args.ascii;
    if let Some(seconds) = args.autoplay {
        app = app.with_autoplay(Duration::from_secs(seconds), Instant::now());
    }
    // A talk listens for presenter consoles, on loopback only. A port in use costs the talk
    // nothing: it runs without consoles, and says so once the terminal is restored.
    let mut unlinked = None;
    let socket = if talk.is_some() {
        UdpSocket::bind(presenter::address(args.port))
            .map_err(|err| unlinked = Some(err))
            .ok()
    } else {
        None
    };
    if let Some(talk) = talk {
        app = app.with_talk(talk);
    }
    let mut hosted = Hosted::new(app, socket, Instant::now());
    let ending = tui::run(&mut hosted, cast).map_err(Failure::Terminal);
    drop(hosted);
    if let Some(err) = unlinked {
        eprintln!(
            "shenzhen-dash: no presenter console could follow this talk: cannot listen on \
             127.0.0.1:{} ({err}); another dashboard may be using it, try --port N",
            args.port
        );
    }
    match ending? {
        tui::Ending::Quit => Ok(()),
        tui::Ending::Terminated(status) => Err(Failure::Terminated(status)),
    }
}

/// The presenter console: checks the talk as the dashboard does, before the terminal is
/// touched, then follows the dashboard on `--port`.
fn presenter(args: &PresenterArgs, colours: Colours) -> Result<(), Failure> {
    let data = load(&args.data)?;
    let talk = match &args.talk {
        None => Talk::embedded(&data)?,
        Some(path) => Talk::from_file(path, &data)?,
    };
    if !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "stdout is not a terminal; the presenter console runs in a terminal of its own"
                .to_owned(),
        ));
    }
    let socket = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).map_err(Failure::Link)?;
    let theme = Theme::pick(args.theme.into(), colours);
    let mut console = Console::new(
        talk,
        &data,
        theme,
        args.port,
        dashboard_command(args),
        Some(socket),
        Instant::now(),
    );
    console.ascii = args.ascii;
    match tui::run(&mut console, None).map_err(Failure::Terminal)? {
        tui::Ending::Quit => Ok(()),
        tui::Ending::Terminated(status) => Err(Failure::Terminated(status)),
    }
}

/// The command that starts the dashboard a console follows: `shenzhen-dash --talk talk.toml
/// --port 50600`, with only the options that differ from the defaults.
fn dashboard_command(args: &PresenterArgs) -> String {
    let quoted = |path: &Path| {
        let text = crate::text::sanitize(&path.display().to_string());
        if text.contains(char::is_whitespace) || text.contains('\'') {
            format!("'{}'", text.replace('\'', r"'\''"))
        } else {
            text
        }
    };
    let mut command = vec!["shenzhen-dash".to_owned()];
    if let Some(data) = &args.data.data {
        command.extend(["--data".to_owned(), quoted(data)]);
    }
    command.push("--talk".to_owned());
    command.extend(args.talk.as_deref().map(quoted));
    if args.port != presenter::DEFAULT_PORT {
        command.extend(["--port".to_owned(), args.port.to_string()]);
    }
    command.join(" ")
}

fn snapshot(args: &SnapshotArgs, colours: Colours) -> Result<(), Failure> {
    let png = args.format == SnapshotFormat::Png;
    if args.scale.is_some() && !png {
        return Err(Failure::Usage(
            "--scale sets a PNG's pixels: use it with --format png".to_owned(),
        ));
    }
    if png && args.output.is_none() && io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "stdout is a terminal: write the PNG to a file (> frame.png or --output FILE)"
                .to_owned(),
        ));
    }
    let data = load(&args.data)?;
    if let Some(file) = &args.talk {
        let talk = match file {
            None => Talk::embedded(&data)?,
            Some(path) => Talk::from_file(path, &data)?,
        };
        let mut app = App::new(data).with_theme(Theme::pick(args.theme.into(), colours));
        app.ascii = args.ascii;
        let Some(format) = args.format.text() else {
            return Err(Failure::Usage(
                "a talk is written as html, text, ansi or svg, not png".to_owned(),
            ));
        };
        let document = snapshot_talk(app.with_talk(talk), args, format);
        return write_document(args, document.as_bytes());
    }
    let all = args.tab.trim().eq_ignore_ascii_case("all");
    let tabs: Vec<usize> = if all {
        (0..data.pages.len()).collect()
    } else {
        vec![resolve_tab(&data.pages, &args.tab, &["all"])?]
    };
    let (width, height) = (args.size.width, args.size.height);
    let mut app = App::new(data).with_theme(Theme::pick(args.theme.into(), colours));
    app.ascii = args.ascii;
    let mut frames = Vec::with_capacity(tabs.len());
    for &tab in &tabs {
        app = app.with_tab(tab);
        let page = &app.data.pages[tab];
        frames.push(Frame {
            heading: all.then(|| format!("== {} {}: {} ==", tab + 1, page.id, page.title)),
            buf: headless::render(&app, width, height),
        });
    }
    let document = if let Some(format) = args.format.text() {
        let shown = match tabs.as_slice() {
            [tab] => app.data.pages[*tab].title.clone(),
            _ => "all tabs".to_owned(),
        };
        let title = format!("{} · {shown} ({width}×{height})", app.data.title);
        headless::write(&frames, format, &app.theme, &title).into_bytes()
    } else {
        png_bytes(&frames, &app.theme, args.scale)?
    };
    write_document(args, &document)
}

/// The snapshot to `--output`'s file, or to stdout.
fn write_document(args: &SnapshotArgs, document: &[u8]) -> Result<(), Failure> {
    if let Some(path) = &args.output {
        return std::fs::write(path, document).map_err(|source| Failure::File {
            file: crate::text::sanitize(&path.display().to_string()),
            source,
        });
    }
    write_out(document)
}

/// A talk, a frame per beat: HTML as a slide deck without the speaker's notes (the audience's
/// handout); text and ANSI with each beat under `== beat N/M: caption ==` and its notes after
/// it as `notes:` lines (the speaker's rehearsal script); SVG, a picture, without notes.
fn snapshot_talk(mut app: App, args: &SnapshotArgs, format: headless::Format) -> String {
    let (width, height) = (args.size.width, args.size.height);
    let Some(talk) = app.talk().map(|state| state.talk().clone()) else {
        return String::new();
    };
    let count = talk.beats.len();
    let mut frames = Vec::with_capacity(count);
    for i in 0..count {
        app.go_to_beat(i);
        frames.push(headless::render(&app, width, height));
    }
    if format == headless::Format::Html {
        let slides: Vec<headless::Slide> = frames
            .into_iter()
            .zip(&talk.beats)
            .map(|(buf, beat)| headless::Slide {
                buf,
                caption: beat.caption.clone(),
            })
            .collect();
        return headless::write_deck(&slides, &app.theme, &talk.title);
    }
    let title = format!("{} ({width}×{height})", talk.title);
    let frames: Vec<Frame> = frames
        .into_iter()
        .zip(&talk.beats)
        .enumerate()
        .map(|(i, (buf, beat))| Frame {
            heading: Some(match beat.caption.first() {
                Some(line) => format!("== beat {}/{count}: {line} ==", i + 1),
                None => format!("== beat {}/{count} ==", i + 1),
            }),
            buf,
        })
        .collect();
    if format == headless::Format::Svg {
        return headless::write(&frames, format, &app.theme, &title);
    }
    let mut out = String::new();
    for (frame, beat) in frames.into_iter().zip(&talk.beats) {
        out.push_str(&headless::write(&[frame], format, &app.theme, &title));
        for line in beat.notes.lines().filter(|line| !line.trim().is_empty()) {
            out.push_str("notes: ");
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// The frames as a PNG; each character the bundled font lacks is named on stderr, once.
fn png_bytes(frames: &[Frame], theme: &Theme, scale: Option<u8>) -> Result<Vec<u8>, Failure> {
    let scale = scale.unwrap_or(SnapshotArgs::DEFAULT_SCALE);
    let picture = headless::png(frames, theme, scale).map_err(|err| match err {
        PngError::TooLarge { .. } => Failure::Usage(err.to_string()),
        PngError::Encode(_) => Failure::Output(io::Error::other(err.to_string())),
    })?;
    let mut stderr = io::stderr().lock();
    for c in picture.missing {
        let _ = writeln!(
            stderr,
            "shenzhen-dash: the bundled font has no {} (U+{:04X}): it is drawn as an empty box",
            crate::text::sanitize(&format!("{c:?}")),
            u32::from(c)
        );
    }
    Ok(picture.bytes)
}

fn export(args: &ExportArgs) -> Result<(), Failure> {
    let data = load(&args.data)?;
    let mut out = io::stdout().lock();
    export::write(&data, args.format.into(), &mut out).map_err(Failure::Output)?;
    out.flush().map_err(Failure::Output)?;
    Ok(())
}

fn check(args: &CheckArgs) -> Result<(), Failure> {
    let dataset = args.file.as_ref().or(args.data.as_ref());
    let line = match (&args.talk, dataset) {
        (Some(talk), _) => {
            let data = match dataset {
                Some(path) => Dataset::from_file(path),
                None => Dataset::embedded(),
            }
            .map_err(every_problem)?;
            let checked = Talk::from_file(talk, &data).map_err(every_problem)?;
            talk_summary(&checked, &data, talk)
        }
        (None, Some(file)) => summary(&Dataset::from_file(file).map_err(every_problem)?, file),
        // clap asks for one or the other.
        (None, None) => return Err(Failure::Usage("check needs a FILE".to_owned())),
    };
    writeln!(io::stdout(), "{line}").map_err(Failure::Output)?;
    Ok(())
}

/// A file's problems, one per line, where the file has several.
fn every_problem(err: LoadError) -> Failure {
    match err {
        LoadError::Invalid { file, problems } => {
            Failure::Problems(problems.iter().map(|p| format!("{file}: {p}")).collect())
        }
        LoadError::InvalidTalk { file, problems } => {
            Failure::Problems(problems.iter().map(|p| format!("{file}:{p}")).collect())
        }
        err => err.into(),
    }
}

/// `FILE: ok — "Shenzhen's decade of innovation", 14 beats, 15 min planned, for Shenzhen economy`.
fn talk_summary(talk: &Talk, data: &Dataset, file: &Path) -> String {
    let planned = talk
        .duration
        .map(|d| {
            let minutes = d.as_secs() / 60;
            match (minutes, d.as_secs() % 60) {
                (0, s) => format!(", {s} s planned"),
                (m, 0) => format!(", {m} min planned"),
                (m, s) => format!(", {m} min {s} s planned"),
            }
        })
        .unwrap_or_default();
    format!(
        "{}: ok — \"{}\", {}{planned}, for {}",
        file.display(),
        talk.title,
        count(talk.beats.len(), "beat"),
        data.title
    )
}

/// The pre-flight card, in the terminal it checks: it needs one, as the dashboard does.
fn preflight(args: &PreflightArgs, env: Env) -> Result<(), Failure> {
    let data = load(&args.data)?;
    if !io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "stdout is not a terminal; the pre-flight check runs in the terminal it checks"
                .to_owned(),
        ));
    }
    let theme = Theme::pick(args.theme.into(), env.colours());
    let mut card = Preflight::new(data, theme, args.ascii, env);
    match tui::run(&mut card, None).map_err(Failure::Terminal)? {
        tui::Ending::Quit => Ok(()),
        tui::Ending::Terminated(status) => Err(Failure::Terminated(status)),
    }
}

/// A completion script for `shell`. Written whole once made: clap_complete panics on a
/// write error, and a closed pipe is not a panic.
fn completions(shell: clap_complete::Shell) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "shenzhen-dash", &mut script);
    write_out(&script)
}

/// The manual page, in roff, from the same definitions as `--help`.
fn man() -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(Failure::Output)?;
    write_out(&page)
}

fn write_out(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).map_err(Failure::Output)?;
    out.flush().map_err(Failure::Output)
}

/// `FILE: ok — Shenzhen, 29 indicators, 224 points, 2010–2025, 6 pages, 176 sources`.
fn summary(data: &Dataset, file: &Path) -> String {
    let points: usize = data.indicators.iter().map(|i| i.points.len()).sum();
    let years = data
        .year_span()
        .map(|(a, b)| format!("{a}–{b}"))
        .unwrap_or_default();
    format!(
        "{}: ok — {}, {}, {}, {years}, {}, {}",
        file.display(),
        data.city,
        count(data.indicators.len(), "indicator"),
        count(points, "point"),
        count(data.pages.len(), "page"),
        count(data.sources.len(), "source")
    )
}

/// A tab named by the user: a page id or title (any case), or its number from 1. `also`
/// names the other words the caller accepts, for the error message.
pub fn resolve_tab(pages: &[Page], name: &str, also: &[&str]) -> Result<usize, Failure> {
    let wanted = name.trim();
    if let Ok(number) = wanted.parse::<usize>()
        && (1..=pages.len()).contains(&number)
    {
        return Ok(number - 1);
    }
    pages
        .iter()
        .position(|p| p.id.eq_ignore_ascii_case(wanted) || p.title.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| {
            let choices: Vec<&str> = pages
                .iter()
                .map(|p| p.id.as_str())
                .chain(also.iter().copied())
                .collect();
            Failure::Usage(format!(
                "unknown tab {:?}: choose one of {} or a number from 1 to {}",
                crate::text::sanitize(name),
                choices.join(", "),
                pages.len()
            ))
        })
}
