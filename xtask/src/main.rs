//! Maintainer tasks, run as `cargo xtask …` from anywhere in the repository.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask assets [--check]
         rebuild assets/shenzhen.json and assets/examples/china.json from data/reference and
         their layout files (assets/pages.json, assets/examples/china.pages.json); with --check,
         write nothing and fail if a committed file differs
       cargo xtask build REFERENCE_DIR LAYOUT
         print the dataset built from the tables in REFERENCE_DIR and the layout file LAYOUT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["assets"] => assets(false),
        ["assets", "--check"] => assets(true),
        ["build", reference, layout] => {
            xtask::build(Path::new(reference), Path::new(layout)).map(|text| {
                print!("{text}");
                true
            })
        }
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("xtask: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Rebuilds (or, with `check`, compares) every shipped dataset file and the embedded binary
/// form; false if one differs.
fn assets(check: bool) -> Result<bool, xtask::Error> {
    let root = workspace_root();
    let reference = root.join(xtask::REFERENCE);
    let mut current = true;
    for asset in xtask::ASSETS {
        let text = xtask::build(&reference, &root.join(asset.layout))?;
        current &= update(&root.join(asset.output), asset, text.as_bytes(), check)?;
    }
    // Encoded from the dataset file as it now is, written just above (or, with `check`, as
    // committed: each file is compared with what its own source gives).
    let source = root.join(xtask::BINARY.layout);
    let text = std::fs::read_to_string(&source).map_err(|err| xtask::Error::Io {
        path: source.clone(),
        source: err,
    })?;
    let binary = xtask::encode(&text, &source)?;
    let output = root.join(xtask::BINARY.output);
    Ok(update(&output, xtask::BINARY, &binary, check)? && current)
}

/// Writes `content` to `output` unless it is there already; with `check`, only says whether it is.
fn update(
    output: &Path,
    asset: xtask::Asset,
    content: &[u8],
    check: bool,
) -> Result<bool, xtask::Error> {
    if std::fs::read(output).is_ok_and(|old| old == content) {
        eprintln!("{}: up to date", asset.output);
        return Ok(true);
    }
    if check {
        eprintln!(
            "{}: differs from what data/reference and {} give; run `cargo xtask assets`",
            asset.output, asset.layout
        );
        return Ok(false);
    }
    std::fs::write(output, content).map_err(|source| xtask::Error::Io {
        path: output.to_owned(),
        source,
    })?;
    eprintln!("{}: written", asset.output);
    Ok(true)
}

/// The repository's root: this crate lives in its `xtask/` folder.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_owned()
}
