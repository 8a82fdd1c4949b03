use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use shenzhen_dash::app::App;
use shenzhen_dash::cli::Cli;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::tui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let loaded = match &cli.data {
        Some(path) => Dataset::from_file(path),
        None => Dataset::embedded(),
    };
    let data = match loaded {
        Ok(data) => data,
        Err(err) => {
            eprintln!("shenzhen-dash: {err}");
            return ExitCode::from(1);
        }
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("shenzhen-dash: stdout is not a terminal; run it in a terminal");
        return ExitCode::from(2);
    }
    match tui::run(&mut App::new(data)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("shenzhen-dash: terminal error: {err}");
            ExitCode::from(1)
        }
    }
}
