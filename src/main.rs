use std::process::ExitCode;

use clap::Parser;
use shenzhen_dash::cli::Cli;
use shenzhen_dash::commands::{self, Failure};

fn main() -> ExitCode {
    match commands::run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems(problems)) => {
            for problem in problems {
                eprintln!("shenzhen-dash: {problem}");
            }
            ExitCode::FAILURE
        }
        // Whoever asked knows why: the status says it, and nothing more is printed.
        Err(failure @ Failure::Terminated(_)) => ExitCode::from(failure.exit_code()),
        Err(failure) => {
            eprintln!("shenzhen-dash: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
