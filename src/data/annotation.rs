//! Annotations: what a speaker points at on the charts. A callout on one point, a period shaded
//! across the charts, a reference line at a value. Read from one flat JSON object per
//! annotation whose `kind` says which fields it takes, so a hand-written file gets a message
//! that names the missing or misplaced field.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Indicator, Ref, Source, Value};

/// One annotation and the id a talk names it by.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "Fields", into = "Fields")]
pub struct Annotation {
    pub id: String,
    pub mark: Mark,
}

/// What an annotation marks, and where.
#[derive(Debug, Clone)]
pub enum Mark {
    /// A short text on one point of an indicator ("more than doubled since 2012").
    Callout {
        indicator: Ref<Indicator>,
        year: i32,
        text: String,
    },
    /// Years from `from` to `to` (both included), shaded on every chart by year ("COVID-19").
    Period { from: i32, to: i32, label: String },
    /// A horizontal line at `value` on the charts of an indicator or a unit, with the sources
    /// of the figure ("OECD average, 2019").
    Reference {
        on: On,
        value: Value,
        label: String,
        sources: Vec<Ref<Source>>,
    },
}

/// The charts a reference line is drawn on.
#[derive(Debug, Clone)]
pub enum On {
    /// Every chart that shows this indicator.
    Indicator(Ref<Indicator>),
    /// Every chart in this unit.
    Unit(String),
}

impl Annotation {
    /// The text shown on the chart: a callout's text, a period's or a line's label.
    pub fn text(&self) -> &str {
        match &self.mark {
            Mark::Callout { text, .. } => text,
            Mark::Period { label, .. } | Mark::Reference { label, .. } => label,
        }
    }

    /// The sources a reference line's figure cites; the other kinds cite none of their own.
    pub fn sources(&self) -> &[Ref<Source>] {
        match &self.mark {
            Mark::Reference { sources, .. } => sources,
            Mark::Callout { .. } | Mark::Period { .. } => &[],
        }
    }

    /// Whether the annotation is about `year`: a callout's year, a period's years; a
    /// reference line is about none in particular.
    pub fn covers(&self, year: i32) -> bool {
        match &self.mark {
            Mark::Callout { year: at, .. } => *at == year,
            Mark::Period { from, to, .. } => (*from..=*to).contains(&year),
            Mark::Reference { .. } => false,
        }
    }
}

/// The kinds, as written in a file's `kind` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Callout,
    Period,
    Reference,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Callout => "a callout",
            Kind::Period => "a period",
            Kind::Reference => "a reference line",
        }
    }

    /// The fields this kind takes besides `id` and `kind`, as the file writes them.
    fn fields(self) -> &'static str {
        match self {
            Kind::Callout => "`indicator`, `year` and `text`",
            Kind::Period => "`from`, `to` and `label`",
            Kind::Reference => "`indicator` or `unit`, `value`, `label` and `sources`",
        }
    }
}

/// Every field any kind takes, as in the file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    id: String,
    kind: Kind,
    indicator: Option<Ref<Indicator>>,
    unit: Option<String>,
    year: Option<i32>,
    text: Option<String>,
    from: Option<i32>,
    to: Option<i32>,
    value: Option<Value>,
    label: Option<String>,
    sources: Option<Vec<Ref<Source>>>,
}

/// A field that the annotation's kind needs but lacks, or takes not but has.
#[derive(Debug, PartialEq, Eq)]
pub struct ShapeError(String);

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fields as a file would write them: how the binary form of the embedded asset stores an
/// annotation, so that reading it back goes through the same checks.
impl From<Annotation> for Fields {
    fn from(annotation: Annotation) -> Fields {
        let mut fields = Fields {
            id: annotation.id,
            kind: Kind::Callout,
            indicator: None,
            unit: None,
            year: None,
            text: None,
            from: None,
            to: None,
            value: None,
            label: None,
            sources: None,
        };
        match annotation.mark {
            Mark::Callout {
                indicator,
                year,
                text,
            } => {
                fields.indicator = Some(indicator);
                fields.year = Some(year);
                fields.text = Some(text);
            }
            Mark::Period { from, to, label } => {
                fields.kind = Kind::Period;
                fields.from = Some(from);
                fields.to = Some(to);
                fields.label = Some(label);
            }
            Mark::Reference {
                on,
                value,
                label,
                sources,
            } => {
                fields.kind = Kind::Reference;
                match on {
                    On::Indicator(indicator) => fields.indicator = Some(indicator),
                    On::Unit(unit) => fields.unit = Some(unit),
                }
                fields.value = Some(value);
                fields.label = Some(label);
                fields.sources = Some(sources);
            }
        }
        fields
    }
}

impl TryFrom<Fields> for Annotation {
    type Error = ShapeError;

    fn try_from(fields: Fields) -> Result<Annotation, ShapeError> {
        let kind = fields.kind;
        let present = [
            ("indicator", fields.indicator.is_some()),
            ("unit", fields.unit.is_some()),
            ("year", fields.year.is_some()),
            ("text", fields.text.is_some()),
            ("from", fields.from.is_some()),
            ("to", fields.to.is_some()),
            ("value", fields.value.is_some()),
            ("label", fields.label.is_some()),
            ("sources", fields.sources.is_some()),
        ];
        let takes: &[&str] = match kind {
            Kind::Callout => &["indicator", "year", "text"],
            Kind::Period => &["from", "to", "label"],
            Kind::Reference => &["indicator", "unit", "value", "label", "sources"],
        };
        if let Some((field, _)) = present
            .iter()
            .find(|(field, set)| *set && !takes.contains(field))
        {
            return Err(ShapeError(format!(
                "{} takes no `{field}`; its fields are {}",
                kind.name(),
                kind.fields()
            )));
        }
        let needs = |field: &str| {
            ShapeError(format!(
                "{} needs `{field}`; its fields are {}",
                kind.name(),
                kind.fields()
            ))
        };
        let mark = match kind {
            Kind::Callout => Mark::Callout {
                indicator: fields.indicator.ok_or_else(|| needs("indicator"))?,
                year: fields.year.ok_or_else(|| needs("year"))?,
                text: fields.text.ok_or_else(|| needs("text"))?,
            },
            Kind::Period => Mark::Period {
                from: fields.from.ok_or_else(|| needs("from"))?,
                to: fields.to.ok_or_else(|| needs("to"))?,
                label: fields.label.ok_or_else(|| needs("label"))?,
            },
            Kind::Reference => {
                let on = match (fields.indicator, fields.unit) {
                    (Some(indicator), None) => On::Indicator(indicator),
                    (None, Some(unit)) => On::Unit(unit),
                    (Some(_), Some(_)) => {
                        return Err(ShapeError(
                            "a reference line takes `indicator` or `unit`, not both".to_owned(),
                        ));
                    }
                    (None, None) => {
                        return Err(ShapeError(
                            "a reference line needs `indicator` or `unit`: the charts it is drawn on"
                                .to_owned(),
                        ));
                    }
                };
                Mark::Reference {
                    on,
                    value: fields.value.ok_or_else(|| needs("value"))?,
                    label: fields.label.ok_or_else(|| needs("label"))?,
                    sources: fields.sources.ok_or_else(|| needs("sources"))?,
                }
            }
        };
        Ok(Annotation {
            id: fields.id,
            mark,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, Mark, On};

    /// Two points, a source only the reference line cites, one annotation of each kind.
    const ANNOTATED: &str = r#"{
      "city": "X", "title": "Annotated",
      "indicators": [{"id": "a", "name": "A", "unit": "u", "points": [
        {"year": 2000, "value": 1, "confidence": "high", "sources": ["s1"]},
        {"year": 2003, "value": 3, "confidence": "high", "sources": ["s1"]}]}],
      "annotations": [
        {"id": "c", "kind": "callout", "indicator": "a", "year": 2003, "text": "tripled"},
        {"id": "p", "kind": "period", "from": 2001, "to": 2002, "label": "between"},
        {"id": "r", "kind": "reference", "unit": "u", "value": 2.50, "label": "middle",
         "sources": ["s2"]}],
      "sources": [{"id": "s1", "title": "S1"}, {"id": "s2", "title": "S2"}],
      "pages": [{"id": "p", "title": "P", "charts": [
        {"title": "C", "kind": "line", "series": [{"indicator": "a"}]}]}]
    }"#;

    #[test]
    fn each_kind_is_about_its_own_years_and_text() {
        let data = Dataset::parse(ANNOTATED, "annotated.json").unwrap();
        let [callout, period, reference] = &data.annotations[..] else {
            panic!("three annotations");
        };
        let years =
            |a: &super::Annotation| (1999..=2004).filter(|y| a.covers(*y)).collect::<Vec<_>>();
        assert_eq!(years(callout), [2003]);
        assert_eq!(years(period), [2001, 2002]);
        assert_eq!(years(reference), [] as [i32; 0], "a line is about no year");
        assert_eq!(
            [callout.text(), period.text(), reference.text()],
            ["tripled", "between", "middle"]
        );
        assert!(callout.sources().is_empty() && period.sources().is_empty());
        assert_eq!(data.get(&reference.sources()[0]).title, "S2");
        let Mark::Reference {
            on: On::Unit(unit),
            value,
            ..
        } = &reference.mark
        else {
            panic!("a reference line on a unit");
        };
        assert_eq!((unit.as_str(), value.to_string().as_str()), ("u", "2.50"));
        let Mark::Callout { indicator, .. } = &callout.mark else {
            panic!("a callout");
        };
        assert_eq!(data.get(indicator).name, "A");
    }

    #[test]
    fn a_source_only_a_reference_line_cites_is_counted() {
        let data = Dataset::parse(ANNOTATED, "annotated.json").unwrap();
        assert_eq!(data.cited_source_count(), 2);
    }
}
