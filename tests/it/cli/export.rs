//! `export`: CSV and JSON describe the same points, values with their published precision.

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;
use shenzhen_dash::data::Dataset;

use super::{EMBEDDED_POINTS, MINIMAL, run};

const CSV_HEADER: &str = "indicator,year,value,unit,confidence,flags,sources";

/// One object of `export --format json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRow {
    indicator: String,
    year: i32,
    value: Box<RawValue>,
    unit: String,
    confidence: String,
    flags: Vec<String>,
    sources: Vec<String>,
}

/// The keys of a JSON object, in the order written.
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

fn embedded_points() -> usize {
    let data = Dataset::embedded().unwrap();
    data.indicators.iter().map(|i| i.points.len()).sum()
}

#[test]
fn export_csv_has_the_header_and_every_point_as_published() {
    let run = run(&["export"]);
    let csv = run.ok();
    let lines: Vec<&str> = csv.split_terminator('\n').collect();
    assert_eq!(lines[0], CSV_HEADER);
    for row in [
        "rd_intensity,2021,5.49,% of GDP,high,,S27",
        "rd_intensity,2020,5.46,% of GDP,high,derived,S27;S28;G9",
        "gdp,2014,1600.20,bn CNY,medium,,G3",
    ] {
        assert!(lines.contains(&row), "missing row {row:?}");
    }
    assert_eq!(embedded_points(), EMBEDDED_POINTS);
    assert_eq!(lines.len() - 1, EMBEDDED_POINTS);
    assert!(!csv.contains('\r'), "LF line endings");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        CSV_HEADER.split(',').collect::<Vec<_>>()
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), EMBEDDED_POINTS);
    assert!(records.iter().all(|r| r.len() == 7));
}

#[test]
fn export_json_describes_the_same_points_as_csv() {
    let json = run(&["export", "--format", "json"]);
    let json = json.ok();
    assert!(json.ends_with("]\n"), "{json}");
    // Every object has exactly the CSV's keys, in its order.
    let keys: Vec<Keys> = serde_json::from_str(json).unwrap();
    assert_eq!(keys.len(), EMBEDDED_POINTS);
    for Keys(keys) in &keys {
        assert_eq!(keys.join(","), CSV_HEADER);
    }
    let rows: Vec<JsonRow> = serde_json::from_str(json).unwrap();
    let csv = run(&["export", "--format", "csv"]);
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.ok().as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), records.len());
    for (row, record) in rows.iter().zip(&records) {
        let from_json = [
            row.indicator.clone(),
            row.year.to_string(),
            // The literal as written: 1600.20 stays 1600.20.
            row.value.get().to_owned(),
            row.unit.clone(),
            row.confidence.clone(),
            row.flags.join(";"),
            row.sources.join(";"),
        ];
        let from_csv: Vec<&str> = record.iter().collect();
        assert_eq!(from_json.as_slice(), from_csv.as_slice());
        let number: f64 = serde_json::from_str(row.value.get()).unwrap();
        assert_eq!(number, record[2].parse::<f64>().unwrap());
    }
    let gdp_2014 = rows
        .iter()
        .find(|r| r.indicator == "gdp" && r.year == 2014)
        .unwrap();
    assert_eq!(gdp_2014.value.get(), "1600.20");
}

#[test]
fn export_of_another_dataset() {
    let csv = run(&["export", "--data", MINIMAL]);
    assert_eq!(
        csv.ok(),
        "indicator,year,value,unit,confidence,flags,sources\n\
         gdp,2015,100.5,bn CNY,high,,S1\n\
         gdp,2016,110.25,bn CNY,medium,,S1\n"
    );
    let json = run(&["export", "--data", MINIMAL, "--format", "json"]);
    let rows: Vec<JsonRow> = serde_json::from_str(json.ok()).unwrap();
    let values: Vec<&str> = rows.iter().map(|r| r.value.get()).collect();
    assert_eq!(values, ["100.5", "110.25"]);
}
