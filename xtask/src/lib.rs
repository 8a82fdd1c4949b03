//! Builds the dashboard's dataset files from the reference tables in `data/reference` and a
//! layout file (`assets/pages.json`), so that the embedded asset is made from the repository
//! alone and nothing in it is typed by hand.
//!
//! Every point is copied with its value text (so its published precision), confidence, flags,
//! sources and note; nothing is computed or filled in. The output has one record per line (a
//! point, a source, a tile), so a year's value, sources and note read together.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod json;

pub use json::Json;

/// The reference tables, relative to the workspace root.
pub const REFERENCE: &str = "data/reference";

/// A dataset file the repository ships, and the layout it is built from.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// The layout file, relative to the workspace root.
    pub layout: &'static str,
    /// The dataset file it produces, relative to the workspace root.
    pub output: &'static str,
}

/// Every dataset file built from `data/reference`.
pub const ASSETS: [Asset; 2] = [
    Asset {
        layout: "assets/pages.json",
        output: "assets/shenzhen.json",
    },
    Asset {
        layout: "assets/examples/china.pages.json",
        output: "assets/examples/china.json",
    },
];

/// The embedded dataset's binary form, and the dataset file it is encoded from.
pub const BINARY: Asset = Asset {
    layout: "assets/shenzhen.json",
    output: "assets/shenzhen.bin",
};

/// The binary form the dashboard embeds of a dataset file's text (`file` names it in a
/// message): loaded by the dashboard's own parse and validation, then encoded.
pub fn encode(text: &str, file: &Path) -> Result<Vec<u8>, Error> {
    let name = file.display().to_string();
    shenzhen_dash::data::Dataset::parse(text, &name)
        .map(|dataset| dataset.encode())
        .map_err(|err| Error::Data {
            path: file.to_owned(),
            message: err.to_string(),
        })
}

/// What goes wrong while building, with the file (and line) to look at.
#[derive(Debug)]
pub enum Error {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Csv {
        path: PathBuf,
        source: csv::Error,
    },
    Layout {
        path: PathBuf,
        source: serde_json::Error,
    },
    Data {
        path: PathBuf,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Csv { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Layout { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Data { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Csv { source, .. } => Some(source),
            Error::Layout { source, .. } => Some(source),
            Error::Data { .. } => None,
        }
    }
}

/// What a dataset holds besides the reference tables: its names, which indicators, and its
/// pages. The pages are copied as written (their key order too); the dashboard validates them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub city: String,
    pub title: String,
    /// The indicators to include, in this order; every row of `indicators.csv` when absent.
    #[serde(default)]
    pub indicators: Option<Vec<String>>,
    /// Whether to include `events.csv`.
    #[serde(default = "yes")]
    pub events: bool,
    /// Whether to include `highlights.csv`.
    #[serde(default = "yes")]
    pub highlights: bool,
    /// Callouts, periods and reference lines, copied as written but for a reference line's
    /// `value_of: {"indicator", "year"}`, which becomes that point's `value` and `sources`.
    #[serde(default)]
    pub annotations: Vec<Json>,
    pub pages: Json,
}

fn yes() -> bool {
    true
}

impl Layout {
    pub fn read(path: &Path) -> Result<Layout, Error> {
        let text = read(path)?;
        serde_json::from_str(&text).map_err(|source| Error::Layout {
            path: path.to_owned(),
            source,
        })
    }
}

/// The dataset built from the reference tables in `reference` and the layout file `layout`,
/// as the text of a JSON file (ending in a newline).
pub fn build(reference: &Path, layout: &Path) -> Result<String, Error> {
    let layout = Layout::read(layout)?;
    let tables = Reference::read(reference)?;
    tables
        .dataset(&layout)
        .map(|dataset| dataset.to_text() + "\n")
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// The six reference tables.
pub struct Reference {
    indicators: Table,
    points: Table,
    breaks: Table,
    events: Table,
    highlights: Table,
    sources: Table,
}

impl Reference {
    pub fn read(dir: &Path) -> Result<Reference, Error> {
        Ok(Reference {
            indicators: Table::read(
                dir,
                "indicators.csv",
                &["id", "name", "unit", "scope", "definition", "notes"],
            )?,
            points: Table::read(
                dir,
                "points.csv",
                &[
                    "indicator",
                    "year",
                    "value",
                    "confidence",
                    "flags",
                    "sources",
                    "note",
                ],
            )?,
            breaks: Table::read(dir, "breaks.csv", &["indicator", "year", "label"])?,
            events: Table::read(dir, "events.csv", &["date", "label", "sources"])?,
            highlights: Table::read(
                dir,
                "highlights.csv",
                &[
                    "id",
                    "text",
                    "value",
                    "unit",
                    "as_of",
                    "confidence",
                    "sources",
                ],
            )?,
            sources: Table::read(dir, "sources.csv", &["id"])?,
        })
    }

    /// The dataset a layout asks for.
    pub fn dataset(&self, layout: &Layout) -> Result<Json, Error> {
        let ids: Vec<&str> = match &layout.indicators {
            Some(ids) => ids.iter().map(String::as_str).collect(),
            None => self
                .indicators
                .rows
                .iter()
                .map(|row| self.indicators.get(row, "id"))
                .collect(),
        };
        for row in &self.points.rows {
            self.indicators
                .find("id", self.points.get(row, "indicator"))?;
        }
        for row in &self.breaks.rows {
            self.indicators
                .find("id", self.breaks.get(row, "indicator"))?;
        }
        let mut indicators = Vec::with_capacity(ids.len());
        for id in ids {
            let row = self.indicators.find("id", id)?;
            indicators.push(self.indicator(row)?);
        }
        let mut cited: Vec<String> = Vec::new();
        let mut fields = vec![
            ("city", Json::from(layout.city.as_str())),
            ("title", Json::from(layout.title.as_str())),
        ];
        for indicator in &indicators {
            for point in indicator.get("points").map_or(&[][..], Json::items) {
                cited.extend(
                    point
                        .get("sources")
                        .map_or(&[][..], Json::items)
                        .iter()
                        .map(text),
                );
            }
        }
        fields.push(("indicators", Json::Array(indicators)));
        if layout.events {
            let events = self.events();
            for event in &events {
                cited.extend(
                    event
                        .get("sources")
                        .map_or(&[][..], Json::items)
                        .iter()
                        .map(text),
                );
            }
            fields.push(("events", Json::Array(events)));
        }
        if layout.highlights {
            let highlights = self.highlights()?;
            for highlight in &highlights {
                let sources = highlight.get("sources").map_or(&[][..], Json::items);
                cited.extend(sources.iter().map(text));
            }
            fields.push(("highlights", Json::Array(highlights)));
        }
        if !layout.annotations.is_empty() {
            let mut annotations = Vec::with_capacity(layout.annotations.len());
            for annotation in &layout.annotations {
                let annotation = self.annotation(annotation)?;
                let sources = annotation.get("sources").map_or(&[][..], Json::items);
                cited.extend(sources.iter().map(text));
                annotations.push(annotation);
            }
            fields.push(("annotations", Json::Array(annotations)));
        }
        fields.push(("sources", Json::Array(self.sources(&cited)?)));
        fields.push(("pages", layout.pages.clone()));
        Ok(Json::object(fields))
    }

    /// One indicator with its metadata, its breaks and every point the tables have for it,
    /// sorted by year.
    fn indicator(&self, row: &Row) -> Result<Json, Error> {
        let table = &self.indicators;
        let id = table.get(row, "id");
        let mut fields: Vec<(&str, Json)> = ["id", "name", "unit", "scope", "definition", "notes"]
            .into_iter()
            .map(|column| (column, Json::from(table.get(row, column))))
            .collect();
        let mut breaks = Vec::new();
        for row in self.breaks.rows_where("indicator", id) {
            breaks.push(Json::object([
                ("year", Json::Number(self.breaks.year(row)?.to_string())),
                ("label", Json::from(self.breaks.get(row, "label"))),
            ]));
        }
        if !breaks.is_empty() {
            fields.push(("breaks", Json::Array(breaks)));
        }
        let mut points = Vec::new();
        for row in self.points.rows_where("indicator", id) {
            points.push((self.points.year(row)?, self.point(row)?));
        }
        // A stable sort: the tables' order decides nothing else.
        points.sort_by_key(|(year, _)| *year);
        fields.push((
            "points",
            Json::Array(points.into_iter().map(|(_, point)| point).collect()),
        ));
        Ok(Json::object(fields))
    }

    fn point(&self, row: &Row) -> Result<Json, Error> {
        let table = &self.points;
        let mut fields = vec![
            ("year", Json::Number(table.year(row)?.to_string())),
            ("value", table.number(row, "value")?),
            ("confidence", Json::from(table.get(row, "confidence"))),
            ("flags", list(table.get(row, "flags"))),
            ("sources", list(table.get(row, "sources"))),
        ];
        let note = table.get(row, "note");
        if !note.is_empty() {
            fields.push(("note", Json::from(note)));
        }
        Ok(Json::object(fields))
    }

    fn events(&self) -> Vec<Json> {
        let table = &self.events;
        table
            .rows
            .iter()
            .map(|row| {
                Json::object([
                    ("date", Json::from(table.get(row, "date"))),
                    ("label", Json::from(table.get(row, "label"))),
                    ("sources", list(table.get(row, "sources"))),
                ])
            })
            .collect()
    }

    fn highlights(&self) -> Result<Vec<Json>, Error> {
        let table = &self.highlights;
        let mut highlights = Vec::with_capacity(table.rows.len());
        for row in &table.rows {
            let text = |column| Json::from(table.get(row, column));
            highlights.push(Json::object([
                ("id", text("id")),
                ("text", text("text")),
                ("value", table.number(row, "value")?),
                ("unit", text("unit")),
                ("as_of", text("as_of")),
                ("confidence", text("confidence")),
                ("sources", list(table.get(row, "sources"))),
            ]));
        }
        Ok(highlights)
    }

    /// An annotation as the layout writes it, with a reference line's `value_of` replaced by
    /// the value (its text as the table gives it) and the sources of that point, so that the
    /// line stands at a figure of the tables and cites what the figure cites.
    fn annotation(&self, annotation: &Json) -> Result<Json, Error> {
        let Json::Object(fields) = annotation else {
            return Ok(annotation.clone());
        };
        let mut out = Vec::with_capacity(fields.len() + 1);
        for (key, value) in fields {
            if key != "value_of" {
                out.push((key.clone(), value.clone()));
                continue;
            }
            let field = |name| value.get(name).map(text).unwrap_or_default();
            let (indicator, year) = (field("indicator"), field("year"));
            let table = &self.points;
            let row = table
                .rows_where("indicator", &indicator)
                .find(|row| table.get(row, "year") == year)
                .ok_or_else(|| Error::Data {
                    path: table.path.clone(),
                    message: format!(
                        "no point of \"{indicator}\" in \"{year}\" for an annotation's value_of"
                    ),
                })?;
            out.push(("value".to_owned(), table.number(row, "value")?));
            out.push(("sources".to_owned(), list(table.get(row, "sources"))));
        }
        Ok(Json::Object(out))
    }

    /// The sources that something in the dataset cites, whole and in the table's order.
    fn sources(&self, cited: &[String]) -> Result<Vec<Json>, Error> {
        let table = &self.sources;
        for id in cited {
            table.find("id", id)?;
        }
        Ok(table
            .rows
            .iter()
            .filter(|row| cited.iter().any(|id| id == table.get(row, "id")))
            .map(|row| {
                Json::object(
                    table
                        .headers
                        .iter()
                        .map(|column| (column.as_str(), Json::from(table.get(row, column)))),
                )
            })
            .collect())
    }
}

/// A `;`-separated list of ids or flags; an empty field is an empty list.
fn list(field: &str) -> Json {
    Json::Array(
        field
            .split(';')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Json::from)
            .collect(),
    )
}

fn text(json: &Json) -> String {
    match json {
        Json::String(text) => text.clone(),
        other => other.to_text(),
    }
}

struct Row {
    /// The line the record starts on, for messages.
    line: u64,
    record: csv::StringRecord,
}

/// One CSV file with a header row.
struct Table {
    path: PathBuf,
    headers: Vec<String>,
    rows: Vec<Row>,
}

impl Table {
    /// Reads `dir/name`, which must have at least the `required` columns.
    fn read(dir: &Path, name: &str, required: &[&str]) -> Result<Table, Error> {
        let path = dir.join(name);
        let csv_error = |source| Error::Csv {
            path: path.clone(),
            source,
        };
        let text = read(&path)?;
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(csv_error)?
            .iter()
            .map(str::to_owned)
            .collect();
        if let Some(missing) = required.iter().find(|c| !headers.iter().any(|h| h == *c)) {
            return Err(Error::Data {
                path,
                message: format!("no column \"{missing}\" in the header row"),
            });
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(csv_error)?;
            let line = record.position().map_or(0, csv::Position::line);
            rows.push(Row { line, record });
        }
        Ok(Table {
            path,
            headers,
            rows,
        })
    }

    /// A field of a row; the header was checked when the table was read.
    fn get<'a>(&self, row: &'a Row, column: &str) -> &'a str {
        self.headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| row.record.get(i))
            .unwrap_or("")
    }

    fn rows_where<'a>(&'a self, column: &'a str, value: &'a str) -> impl Iterator<Item = &'a Row> {
        self.rows
            .iter()
            .filter(move |row| self.get(row, column) == value)
    }

    fn find(&self, column: &str, value: &str) -> Result<&Row, Error> {
        self.rows
            .iter()
            .find(|row| self.get(row, column) == value)
            .ok_or_else(|| Error::Data {
                path: self.path.clone(),
                message: format!("no row with {column} \"{value}\""),
            })
    }

    fn problem(&self, row: &Row, message: &str) -> Error {
        Error::Data {
            path: self.path.clone(),
            message: format!("line {}: {message}", row.line),
        }
    }

    fn year(&self, row: &Row) -> Result<i32, Error> {
        let field = self.get(row, "year");
        field
            .parse()
            .map_err(|_| self.problem(row, &format!("year \"{field}\" is not a whole number")))
    }

    /// A figure, written with exactly the text the table gives, so its precision is kept.
    fn number(&self, row: &Row, column: &str) -> Result<Json, Error> {
        let field = self.get(row, column);
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let unsigned = field.strip_prefix('-').unwrap_or(field);
        let plain = match unsigned.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(unsigned),
        };
        if plain {
            Ok(Json::Number(field.to_owned()))
        } else {
            Err(self.problem(
                row,
                &format!("{column} \"{field}\" is not a plain decimal number"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_semicolons_and_drop_blanks() {
        assert_eq!(list("G1; CD22").to_text(), r#"["G1", "CD22"]"#);
        assert_eq!(list("").to_text(), "[]");
    }
}
