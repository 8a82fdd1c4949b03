//! Every data point as CSV or JSON, with the values' published precision.

use std::io::Write;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::data::{Dataset, Flag, Indicator, Point, Ref, Source};

/// The CSV header, also the JSON objects' keys.
pub const COLUMNS: [&str; 7] = [
    "indicator",
    "year",
    "value",
    "unit",
    "confidence",
    "flags",
    "sources",
];

/// The formats points can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Writes every point of every indicator, in dataset order.
pub fn write(data: &Dataset, format: Format, out: impl Write) -> std::io::Result<()> {
    let points = data
        .indicators
        .iter()
        .flat_map(|i| i.points.iter().map(move |p| (i, p)));
    match format {
        Format::Csv => write_csv(points, out),
        Format::Json => write_json(points, out),
    }
}

fn write_csv<'a>(
    points: impl Iterator<Item = (&'a Indicator, &'a Point)>,
    out: impl Write,
) -> std::io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(COLUMNS)?;
    for (indicator, point) in points {
        csv.write_record([
            indicator.id.as_str(),
            &point.year.to_string(),
            &point.value.to_string(),
            &indicator.unit,
            point.confidence.name(),
            &flags(&point.flags).join(";"),
            &Ref::join(&point.sources, ";"),
        ])?;
    }
    csv.flush()
}

#[derive(Serialize)]
struct Row<'a> {
    indicator: &'a str,
    year: i32,
    /// The number exactly as published (1600.20 stays 1600.20).
    value: Box<RawValue>,
    unit: &'a str,
    confidence: &'static str,
    flags: Vec<&'static str>,
    sources: &'a [Ref<Source>],
}

fn write_json<'a>(
    points: impl Iterator<Item = (&'a Indicator, &'a Point)>,
    mut out: impl Write,
) -> std::io::Result<()> {
    let rows = points
        .map(|(indicator, point)| {
            Ok(Row {
                indicator: &indicator.id,
                year: point.year,
                value: RawValue::from_string(point.value.to_string())?,
                unit: &indicator.unit,
                confidence: point.confidence.name(),
                flags: flags(&point.flags),
                sources: &point.sources,
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    serde_json::to_writer_pretty(&mut out, &rows)?;
    writeln!(out)
}

fn flags(flags: &[Flag]) -> Vec<&'static str> {
    flags.iter().map(|flag| flag.id()).collect()
}
