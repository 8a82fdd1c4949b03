use std::process::ExitCode;

use clap::Parser;
use shenzhen_dash::cli::Cli;
use shenzhen_dash::commands::{self, Failure};

fn main() -> ExitCode {
    // A bare launch, the usual one on stage, skips building the parser: that costs more than
    // drawing the tab bar and footer of the first frame.
    let cli = if std::env::args_os().len() > 1 {
        Cli::parse()
    } else {
        Cli::default()
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems(problems)) => {
            for problem in problems {
                eprintln!("shenzhen-dash: {problem}");
            }
            ExitCode::FAILURE
        }
        Err(failure) => {
            eprintln!("shenzhen-dash: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
