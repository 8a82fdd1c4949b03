//! The shipped datasets are what `cargo xtask assets` builds from `data/reference` and the
//! layout files, and the embedded one holds exactly the reference points.

use std::path::Path;

use super::{Dataset, EMBEDDED, EMBEDDED_BINARY, EMBEDDED_NAME, Ref};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_assets_are_what_the_generator_builds_from_the_reference_tables() {
    let reference = root().join(xtask::REFERENCE);
    for asset in xtask::ASSETS {
        let built = xtask::build(&reference, &root().join(asset.layout)).unwrap();
        let committed = std::fs::read_to_string(root().join(asset.output)).unwrap();
        if let Some((line, (built, committed))) = built
            .lines()
            .zip(committed.lines())
            .enumerate()
            .find(|(_, (built, committed))| built != committed)
        {
            panic!(
                "{} line {}: committed\n{committed}\nbut the generator writes\n{built}\n\
                 (run `cargo xtask assets`)",
                asset.output,
                line + 1,
            );
        }
        assert!(
            built == committed,
            "{} differs from the generator's output in length (run `cargo xtask assets`)",
            asset.output
        );
    }
}

#[test]
fn the_embedded_asset_is_the_shenzhen_one() {
    let shenzhen = std::fs::read_to_string(root().join("assets/shenzhen.json")).unwrap();
    assert!(shenzhen == EMBEDDED);
}

#[test]
fn the_embedded_binary_is_the_embedded_text_loaded_and_encoded() {
    let loaded = Dataset::parse(EMBEDDED, EMBEDDED_NAME).unwrap();
    assert!(
        loaded.encode() == EMBEDDED_BINARY,
        "assets/shenzhen.bin is not assets/shenzhen.json encoded (run `cargo xtask assets`)"
    );
    // And it reads back as the same dataset, every reference resolved as loading resolves it.
    assert!(Dataset::embedded().unwrap().encode() == EMBEDDED_BINARY);
}

/// Read through the dashboard's own model, not the generator's: each point is its row of
/// `points.csv` (value as published, confidence, flags, sources, note), and no row is missing.
#[test]
fn every_embedded_point_is_its_reference_row() {
    let data = Dataset::embedded().unwrap();
    let mut reader = csv::Reader::from_path(root().join("data/reference/points.csv")).unwrap();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let field = |i: usize| row.get(i).unwrap();
        let list = |i: usize| -> Vec<&str> {
            field(i)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        };
        let (id, year) = (field(0), field(1).parse::<i32>().unwrap());
        let indicator = data.indicator(id).unwrap();
        let point = indicator
            .point(year)
            .unwrap_or_else(|| panic!("{id} {year}"));
        let at = format!("{id} {year}");
        assert_eq!(point.value.to_string(), field(2), "{at}: value");
        assert_eq!(point.confidence.name(), field(3), "{at}: confidence");
        let flags: Vec<&str> = point.flags.iter().map(|f| f.id()).collect();
        assert_eq!(flags, list(4), "{at}: flags");
        assert_eq!(
            Ref::join(&point.sources, ";"),
            list(5).join(";"),
            "{at}: sources"
        );
        assert_eq!(point.note, field(6), "{at}: note");
        rows += 1;
    }
    let points: usize = data.indicators.iter().map(|i| i.points.len()).sum();
    assert_eq!(
        points, rows,
        "points in the asset against rows in points.csv"
    );
}

#[test]
fn every_embedded_break_is_its_reference_row() {
    let data = Dataset::embedded().unwrap();
    let mut reader = csv::Reader::from_path(root().join("data/reference/breaks.csv")).unwrap();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let indicator = data.indicator(&row[0]).unwrap();
        let year: i32 = row[1].parse().unwrap();
        assert!(
            indicator
                .breaks
                .iter()
                .any(|b| b.year == year && b.label == row[2]),
            "{} {year}",
            &row[0]
        );
        rows += 1;
    }
    let breaks: usize = data.indicators.iter().map(|i| i.breaks.len()).sum();
    assert_eq!(breaks, rows);
}

/// "Seed" was the research's word for the article the dashboard grew from; it means nothing to
/// an audience, and the source is "China Daily" (CD22) on screen.
#[test]
fn no_asset_says_seed() {
    for asset in xtask::ASSETS {
        let text = std::fs::read_to_string(root().join(asset.output)).unwrap();
        let mut words = text.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        assert!(
            !words.any(|w| w.eq_ignore_ascii_case("seed")),
            "{} says \"seed\"",
            asset.output
        );
    }
}
