//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// A terminal dashboard of Shenzhen's economy: GDP, R&D, trade, people and firms, every
/// figure sourced. Arrow keys switch tabs; q quits.
#[derive(Debug, Parser)]
#[command(name = "shenzhen-dash", version, about)]
pub struct Cli {
    /// Chart this dataset file instead of the embedded Shenzhen data.
    #[arg(long, value_name = "FILE")]
    pub data: Option<PathBuf>,
}
