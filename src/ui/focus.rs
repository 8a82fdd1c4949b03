//! Focus: one chart of the tab across the whole body. The chart is drawn into the larger area
//! by the same code as in the grid, so its title, axes and labels are laid out for the space;
//! the readout then lists only that chart's series.

use crate::data::{ChartSpec, Dataset, Indicator, Page};

/// The chart in focus, if the page has the one asked for.
pub fn chart(page: &Page, focus: Option<usize>) -> Option<&ChartSpec> {
    page.charts.get(focus?)
}

/// Each indicator the chart shows, once, in legend order.
pub fn indicators<'a>(spec: &ChartSpec, data: &'a Dataset) -> Vec<&'a Indicator> {
    let mut shown: Vec<&Indicator> = Vec::new();
    for series in &spec.series {
        let indicator = data.get(&series.indicator);
        if !shown.iter().any(|i| std::ptr::eq(*i, indicator)) {
            shown.push(indicator);
        }
    }
    shown
}
