//! A number as published: its value and how many decimals the source gave.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

/// A figure that remembers its published precision, so 1600.20 is never shown as 1600.2 and
/// a rounded 1750 never grows decimals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    pub number: f64,
    pub decimals: u8,
}

impl Value {
    /// Reads a JSON number literal. Out-of-range literals such as `1e999` become infinite here
    /// and are reported by validation, with their path, rather than by the parser.
    fn from_literal(text: &str) -> Option<Value> {
        let text = text.trim();
        let first = text.chars().next()?;
        if !(first == '-' || first.is_ascii_digit()) {
            return None;
        }
        let number: f64 = text.parse().ok()?;
        let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
        let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
        let exponent: i64 = text
            .split_once(['e', 'E'])
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0);
        let decimals = (fraction as i64).saturating_sub(exponent).clamp(0, 12) as u8;
        Some(Value { number, decimals })
    }
}

impl fmt::Display for Value {
    /// The value with its published decimals and no grouping, as in the source table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.*}", usize::from(self.decimals), self.number)
    }
}

/// In a file (JSON), a number literal whose text gives the decimals; in the binary form of the
/// embedded asset, the number and its decimals as they were read from that literal.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let (number, decimals) = <(f64, u8)>::deserialize(deserializer)?;
            return Ok(Value { number, decimals });
        }
        let raw = <&RawValue>::deserialize(deserializer)?;
        Value::from_literal(raw.get()).ok_or_else(|| {
            D::Error::custom(format!("expected a number, found {}", kind(raw.get())))
        })
    }
}

/// Only the binary form of the embedded asset writes values (see [`Value`]'s `Deserialize`).
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.number, self.decimals).serialize(serializer)
    }
}

/// Names the JSON type of a literal for an error message, without echoing its text.
fn kind(literal: &str) -> &'static str {
    match literal.trim_start().chars().next() {
        Some('"') => "a string",
        Some('{') => "an object",
        Some('[') => "an array",
        Some('t' | 'f') => "a boolean",
        Some('n') => "null",
        _ => "something else",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Value {
        Value::from_literal(text).unwrap()
    }

    #[test]
    fn keeps_published_decimals() {
        assert_eq!(value("1600.20").decimals, 2);
        assert_eq!(value("1750").decimals, 0);
        assert_eq!(value("12.0").to_string(), "12.0");
        assert_eq!(value("-1.6").number, -1.6);
    }

    #[test]
    fn exponents_shift_the_decimals() {
        assert_eq!(value("1.5e3").decimals, 0);
        assert_eq!(value("15e-1").decimals, 1);
    }

    #[test]
    fn overflowing_literals_become_infinite_for_validation() {
        assert!(value("1e999").number.is_infinite());
    }

    #[test]
    fn rejects_non_numbers() {
        assert!(Value::from_literal("\"12\"").is_none());
        assert!(Value::from_literal("null").is_none());
    }

    #[test]
    fn a_value_that_is_no_number_is_named_by_its_json_type() {
        for (literal, found) in [
            ("\"12\"", "a string"),
            ("{}", "an object"),
            ("[12]", "an array"),
            ("true", "a boolean"),
            ("false", "a boolean"),
            ("null", "null"),
        ] {
            let err = serde_json::from_str::<Value>(literal).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with(&format!("expected a number, found {found}")),
                "{literal}: {err}"
            );
        }
    }

    #[test]
    fn deserializes_through_a_path_tracking_deserializer() {
        let mut json = serde_json::Deserializer::from_str("[1.50, \"x\"]");
        let err = serde_path_to_error::deserialize::<_, Vec<Value>>(&mut json).unwrap_err();
        assert_eq!(err.path().to_string(), "[1]");
        assert!(
            err.inner()
                .to_string()
                .contains("expected a number, found a string")
        );
    }
}
