//! Terminal benchmark: shenzhen-dash against `examples/baseline.rs`, each in a real
//! pseudo-terminal, parsed by the `vt100` crate. Linux only (it reads `/proc`).
//!
//! `cargo bench --bench terminal [-- --runs N --keys N --idle SECONDS --sizes 80x24,120x40]`
//!
//! It first runs `cargo build --release --bin shenzhen-dash --example baseline` and takes the
//! two executables from cargo's messages (`--no-build` uses `target/release/…` as they are).
//! Per size, one unrecorded warm-up run of each program, then runs in the order A B, B A, …;
//! every figure is a median, compared as a ratio to the baseline's. See docs/PERFORMANCE.md.

#[cfg(target_os = "linux")]
mod procfs;
#[cfg(target_os = "linux")]
mod reference;
#[cfg(target_os = "linux")]
mod report;
#[cfg(target_os = "linux")]
mod session;

use std::process::ExitCode;

#[cfg(target_os = "linux")]
fn main() -> ExitCode {
    match linux::main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("terminal benchmark: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn main() -> ExitCode {
    eprintln!("terminal benchmark: Linux only (it reads /proc)");
    ExitCode::SUCCESS
}

#[cfg(target_os = "linux")]
type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

#[cfg(target_os = "linux")]
mod linux {
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::Duration;

    use crate::report;
    use crate::session::{self, Options, Program};
    use crate::{Result, procfs};

    const USAGE: &str = "\
usage: cargo bench --bench terminal [-- OPTIONS]

  --runs N         measured runs of each program per size (default 5)
  --keys N         → presses per run (default 6: one tour of the six tabs)
  --idle SECONDS   quiet interval after the first frame for idle CPU and wakeups (default 2)
  --sizes LIST     terminal sizes, COLSxROWS, comma separated (default 80x24,120x40)
  --quiet-ms MS    silence that ends a burst of output (default 150)
  --no-build       do not run cargo build; use target/release/shenzhen-dash and
                   target/release/examples/baseline as they are";

    struct Args {
        options: Options,
        runs: usize,
        sizes: Vec<(u16, u16)>,
        build: bool,
    }

    fn parse_args() -> Result<Option<Args>> {
        let mut args = Args {
            options: Options {
                keys: 6,
                idle: Duration::from_secs(2),
                quiet: Duration::from_millis(150),
                timeout: Duration::from_secs(10),
            },
            runs: 5,
            sizes: vec![(80, 24), (120, 40)],
            build: true,
        };
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                // cargo bench passes --bench to every bench target.
                "--bench" => {}
                "--no-build" => args.build = false,
                "--runs" => args.runs = value()?.parse()?,
                "--keys" => args.options.keys = value()?.parse()?,
                "--idle" => args.options.idle = Duration::try_from_secs_f64(value()?.parse()?)?,
                "--quiet-ms" => args.options.quiet = Duration::from_millis(value()?.parse()?),
                "--sizes" => {
                    args.sizes = value()?
                        .split(',')
                        .map(|size| {
                            let (cols, rows) = size
                                .split_once('x')
                                .ok_or_else(|| format!("size {size:?} is not COLSxROWS"))?;
                            Ok((cols.parse()?, rows.parse()?))
                        })
                        .collect::<Result<_>>()?;
                }
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return Ok(None);
                }
                other => return Err(format!("unknown argument {other:?}\n{USAGE}").into()),
            }
        }
        if args.runs == 0 {
            return Err("--runs must be at least 1".into());
        }
        Ok(Some(args))
    }

    /// Builds both release executables and returns their paths, from cargo's JSON messages.
    fn build() -> Result<(PathBuf, PathBuf)> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        eprintln!("cargo build --release --bin shenzhen-dash --example baseline");
        let output = Command::new(cargo)
            .args([
                "build",
                "--release",
                "--bin",
                "shenzhen-dash",
                "--example",
                "baseline",
                "--message-format=json-render-diagnostics",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::inherit())
            .output()?;
        if !output.status.success() {
            return Err(format!("cargo build failed: {}", output.status).into());
        }
        let (mut dash, mut baseline) = (None, None);
        for line in String::from_utf8(output.stdout)?.lines() {
            let message: serde_json::Value = serde_json::from_str(line)?;
            let (Some(name), Some(executable)) = (
                message["target"]["name"].as_str(),
                message["executable"].as_str(),
            ) else {
                continue;
            };
            match name {
                "shenzhen-dash" => dash = Some(PathBuf::from(executable)),
                "baseline" => baseline = Some(PathBuf::from(executable)),
                _ => {}
            }
        }
        match (dash, baseline) {
            (Some(dash), Some(baseline)) => Ok((dash, baseline)),
            _ => Err("cargo build named no shenzhen-dash or baseline executable".into()),
        }
    }

    pub fn main() -> Result<()> {
        let Some(args) = parse_args()? else {
            return Ok(());
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (dash, baseline) = if args.build {
            build()?
        } else {
            let release = root.join("target/release");
            (
                release.join("shenzhen-dash"),
                release.join("examples/baseline"),
            )
        };
        let programs = [
            Program {
                name: "shenzhen-dash",
                path: dash,
                // The footer, its last row.
                marker: "q quit",
            },
            Program {
                name: "baseline",
                path: baseline,
                // The bar chart's title.
                marker: "per year",
            },
        ];
        for program in &programs {
            if !program.path.is_file() {
                return Err(format!("{} not found", program.path.display()).into());
            }
        }
        let options = &args.options;
        println!(
            "# Terminal benchmark: {} run(s) of each program per size, alternating; {} → \
             per run; idle {} s; {} core(s), load {}",
            args.runs,
            options.keys,
            options.idle.as_secs_f64(),
            std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
            procfs::load_average()?,
        );
        let mut all_met = true;
        for &(cols, rows) in &args.sizes {
            let warm_up = Options {
                idle: Duration::ZERO,
                ..*options
            };
            for program in &programs {
                session::measure(program, root, cols, rows, &warm_up)?;
            }
            let mut runs = [Vec::new(), Vec::new()];
            let mut floor = Vec::new();
            for run in 0..args.runs {
                let order = if run % 2 == 0 { [0, 1] } else { [1, 0] };
                for index in order {
                    runs[index].push(session::measure(
                        &programs[index],
                        root,
                        cols,
                        rows,
                        options,
                    )?);
                    eprint!(".");
                    std::io::stderr().flush()?;
                }
                floor.push(session::floor(root, cols, rows, options)?);
            }
            eprintln!();
            let table = report::Table::new(&programs, &runs, &floor, options);
            all_met &= table.all_met();
            println!(
                "\n## {cols}×{rows}, medians of {} runs (load after: {})\n",
                args.runs,
                procfs::load_average()?
            );
            print!("{table}");
        }
        println!(
            "\nBudgets: {}",
            if all_met {
                "all met"
            } else {
                "NOT all met (see the tables)"
            }
        );
        Ok(())
    }
}
