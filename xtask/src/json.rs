//! A JSON tree that keeps the order of an object's keys and the text of its numbers, and writes
//! itself one record per line.

use std::fmt::{self, Write};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON value. Numbers built from the tables keep their literal text, so `1600.20` stays
/// `1600.20`; numbers read from a layout file (years) are written as `serde_json` reads them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl From<&str> for Json {
    fn from(text: &str) -> Json {
        Json::String(text.to_owned())
    }
}

impl Json {
    pub fn object<'a>(fields: impl IntoIterator<Item = (&'a str, Json)>) -> Json {
        Json::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// The value of an object's key.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// An array's items; nothing for any other value.
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            _ => &[],
        }
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Array(_) | Json::Object(_))
    }

    /// A scalar, or a list of scalars.
    fn is_flat(&self) -> bool {
        match self {
            Json::Array(items) => items.iter().all(Json::is_scalar),
            Json::Object(_) => false,
            _ => true,
        }
    }

    /// An object of scalars and lists of scalars: a point, a source, a tile.
    fn is_record(&self) -> bool {
        match self {
            Json::Object(fields) => fields.iter().all(|(_, value)| value.is_flat()),
            _ => false,
        }
    }

    /// The text: a record on one line; what holds records spread over lines, one space deeper
    /// a level.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, level: usize) {
        if self.is_flat() || self.is_record() {
            self.write_inline(out);
            return;
        }
        let (open, close) = match self {
            Json::Object(_) => ('{', '}'),
            _ => ('[', ']'),
        };
        let pad = " ".repeat(level + 1);
        out.push(open);
        let mut first = true;
        let mut item = |out: &mut String, key: Option<&str>, value: &Json| {
            out.push_str(if first { "\n" } else { ",\n" });
            first = false;
            out.push_str(&pad);
            if let Some(key) = key {
                write_string(out, key);
                out.push_str(": ");
            }
            value.write(out, level + 1);
        };
        match self {
            Json::Object(fields) => fields
                .iter()
                .for_each(|(key, value)| item(out, Some(key), value)),
            Json::Array(items) => items.iter().for_each(|value| item(out, None, value)),
            _ => {}
        }
        if !first {
            out.push('\n');
            out.push_str(&" ".repeat(level));
        }
        out.push(close);
    }

    /// On one line, with a space after each `,` and `:`.
    fn write_inline(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_inline(out);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_inline(out);
                }
                out.push('}');
            }
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, everything else
/// (Chinese text included) written as it is.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Number(value.to_string()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(value.to_string()))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(value)
            .map(|number| Json::Number(number.to_string()))
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::from(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(serde::de::Error::custom(format!("duplicate key \"{key}\"")));
            }
            fields.push((key, value));
        }
        Ok(Json::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn records_sit_on_one_line_and_containers_spread() {
        let json: Json = serde_json::from_str(
            r#"{"a": [{"year": 2012, "v": 1600.20, "s": ["x", "y"]}], "b": {}}"#,
        )
        .unwrap();
        let expected = "{\n \"a\": [\n  {\"year\": 2012, \"v\": 1600.2, \"s\": [\"x\", \"y\"]}\n ],\n \"b\": {}\n}";
        assert_eq!(json.to_text(), expected);
    }

    #[test]
    fn strings_escape_only_what_json_needs() {
        let json = Json::from("a \"b\" \\ 深圳\n\u{1}");
        assert_eq!(json.to_text(), r#""a \"b\" \\ 深圳\n\u0001""#);
    }
}
