//! References between parts of a dataset: written as ids in the file, resolved to positions
//! once, after validation, so that no frame looks an id up or skips one it cannot find.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Dataset, Highlight, Indicator, Mark, On, Source};

/// Where an id points before it is resolved: out of range, so a dataset that skipped
/// [`resolve`] fails loudly instead of showing the first item for every reference.
const UNRESOLVED: usize = usize::MAX;

/// An id naming an indicator, highlight or source, and, once loaded, its position.
#[derive(Debug, Clone)]
pub struct Ref<T> {
    id: String,
    index: usize,
    target: PhantomData<fn() -> T>,
}

impl<T> Ref<T> {
    /// The id as written in the file.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Where the item it names is in its list; a loaded dataset's references are resolved.
    pub(super) fn position(&self) -> usize {
        self.index
    }

    /// The ids of `refs`, joined by `separator`, as the file lists them.
    pub fn join(refs: &[Ref<T>], separator: &str) -> String {
        let ids: Vec<&str> = refs.iter().map(Ref::id).collect();
        ids.join(separator)
    }
}

/// The lists of a dataset that references point into.
pub trait Target: Sized {
    fn list(data: &Dataset) -> &[Self];
    fn id(&self) -> &str;
}

impl Target for Indicator {
    fn list(data: &Dataset) -> &[Indicator] {
        &data.indicators
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Target for Highlight {
    fn list(data: &Dataset) -> &[Highlight] {
        &data.highlights
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Target for Source {
    fn list(data: &Dataset) -> &[Source] {
        &data.sources
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Dataset {
    /// What a reference points to; every reference of a loaded dataset is resolved.
    pub fn get<T: Target>(&self, target: &Ref<T>) -> &T {
        &T::list(self)[target.index]
    }
}

/// Fills in the position of every reference; validation has checked that each id exists.
pub(super) fn resolve(data: &mut Dataset) {
    let indicators = positions::<Indicator>(data);
    let highlights = positions::<Highlight>(data);
    let sources = positions::<Source>(data);
    let cited = data
        .indicators
        .iter_mut()
        .flat_map(|i| &mut i.points)
        .flat_map(|p| &mut p.sources)
        .chain(data.events.iter_mut().flat_map(|e| &mut e.sources))
        .chain(data.highlights.iter_mut().flat_map(|h| &mut h.sources));
    for source in cited {
        source.resolve(&sources);
    }
    for page in &mut data.pages {
        let series = page.charts.iter_mut().flat_map(|c| &mut c.series);
        let shown = page.tiles.iter_mut().map(|t| &mut t.indicator);
        for indicator in shown
            .chain(series.map(|s| &mut s.indicator))
            .chain(&mut page.growth)
        {
            indicator.resolve(&indicators);
        }
        for highlight in &mut page.highlights {
            highlight.resolve(&highlights);
        }
    }
    for annotation in &mut data.annotations {
        match &mut annotation.mark {
            Mark::Callout { indicator, .. } => indicator.resolve(&indicators),
            Mark::Reference {
                on, sources: cited, ..
            } => {
                if let On::Indicator(indicator) = on {
                    indicator.resolve(&indicators);
                }
                for source in cited {
                    source.resolve(&sources);
                }
            }
            Mark::Period { .. } => {}
        }
    }
}

fn positions<T: Target>(data: &Dataset) -> HashMap<String, usize> {
    let list = T::list(data).iter().enumerate();
    list.map(|(i, item)| (item.id().to_owned(), i)).collect()
}

impl<T> Ref<T> {
    fn resolve(&mut self, positions: &HashMap<String, usize>) {
        self.index = positions.get(&self.id).copied().unwrap_or(UNRESOLVED);
    }
}

impl<T> fmt::Display for Ref<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

/// Two references are the same when they name the same id.
impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<T> Eq for Ref<T> {}

/// In a file a reference is its id. The binary form of the embedded asset, written from a
/// loaded dataset, keeps the position too, so it is read back resolved.
impl<'de, T> Deserialize<'de> for Ref<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (id, index) = if deserializer.is_human_readable() {
            (String::deserialize(deserializer)?, UNRESOLVED)
        } else {
            <(String, usize)>::deserialize(deserializer)?
        };
        Ok(Ref {
            id,
            index,
            target: PhantomData,
        })
    }
}

impl<T> Serialize for Ref<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.id)
        } else {
            (&self.id, self.index).serialize(serializer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two of everything, listed in an order that differs from the order the pages cite them.
    const CROSSED: &str = r#"{
      "city": "X", "title": "Crossed",
      "indicators": [
        {"id": "a", "name": "A", "unit": "u", "points": [
          {"year": 2001, "value": 2, "confidence": "high", "sources": ["s2"]},
          {"year": 2000, "value": 1, "confidence": "high", "sources": ["s1", "s2"]}]},
        {"id": "b", "name": "B", "unit": "u", "points": [
          {"year": 2000, "value": 3, "confidence": "low", "sources": ["s2"]}]}
      ],
      "events": [{"date": "2000", "label": "E", "sources": ["s2"]}],
      "highlights": [
        {"id": "h1", "text": "H1", "value": 1, "unit": "u", "as_of": "2000",
         "confidence": "high", "sources": ["s1"]},
        {"id": "h2", "text": "H2", "value": 2, "unit": "u", "as_of": "2000",
         "confidence": "high", "sources": ["s2"]}
      ],
      "sources": [{"id": "s1", "title": "S1"}, {"id": "s2", "title": "S2"}],
      "pages": [{
        "id": "p", "title": "P", "highlights": ["h2", "h1"], "growth": ["b", "a"],
        "tiles": [{"indicator": "b"}, {"indicator": "a"}],
        "charts": [{"title": "C", "kind": "line",
                    "series": [{"indicator": "b"}, {"indicator": "a"}, {"indicator": "b"}]}]
      }]
    }"#;

    fn ids<T: Target>(data: &Dataset, refs: &[Ref<T>]) -> Vec<String> {
        refs.iter().map(|r| data.get(r).id().to_owned()).collect()
    }

    #[test]
    fn every_reference_leads_to_the_item_it_names() {
        let data = Dataset::parse(CROSSED, "crossed.json").unwrap();
        let page = &data.pages[0];
        let tiles: Vec<_> = page.tiles.iter().map(|t| t.indicator.clone()).collect();
        let series: Vec<_> = page.charts[0]
            .series
            .iter()
            .map(|s| s.indicator.clone())
            .collect();
        assert_eq!(ids(&data, &tiles), ["b", "a"]);
        assert_eq!(ids(&data, &series), ["b", "a", "b"]);
        assert_eq!(ids(&data, &page.growth), ["b", "a"]);
        assert_eq!(ids(&data, &page.highlights), ["h2", "h1"]);
        assert_eq!(ids(&data, &data.events[0].sources), ["s2"]);
        assert_eq!(ids(&data, &data.highlights[0].sources), ["s1"]);
        // Points are sorted by year once loaded; their sources go with them.
        let a = &data.indicators[0];
        assert_eq!(a.points[0].year, 2000);
        assert_eq!(ids(&data, &a.points[0].sources), ["s1", "s2"]);
        assert_eq!(ids(&data, &a.points[1].sources), ["s2"]);
    }

    #[test]
    fn a_page_shows_each_indicator_once_in_order_of_first_appearance() {
        let data = Dataset::parse(CROSSED, "crossed.json").unwrap();
        let shown: Vec<&str> = data
            .page_indicators(&data.pages[0])
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(shown, ["b", "a"]);
    }

    #[test]
    fn references_compare_and_print_as_their_ids() {
        let data = Dataset::parse(CROSSED, "crossed.json").unwrap();
        let series = &data.pages[0].charts[0].series;
        assert_eq!(series[0].indicator, series[2].indicator);
        assert_ne!(series[0].indicator, series[1].indicator);
        assert_eq!(series[1].indicator.to_string(), "a");
        assert_eq!(
            Ref::join(&data.indicators[0].points[0].sources, "; "),
            "s1; s2"
        );
    }
}
