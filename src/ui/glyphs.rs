//! The characters charts are drawn with: Unicode by default, plain ASCII for terminals and
//! fonts without Braille, block or box-drawing characters.

use ratatui::symbols::{bar, border};

use crate::data::Flag;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyphs {
    /// Bar fills per series; the first series also gets `eighths` tops where available.
    pub fills: [&'static str; 3],
    pub eighths: Option<[&'static str; 8]>,
    /// Point markers per series: no two series of a chart of up to eight share one.
    pub markers: [&'static str; 8],
    /// Lines between points: `None` draws them in Braille.
    pub line_dot: Option<&'static str>,
    pub no_data: &'static str,
    pub series_break: &'static str,
    pub cursor: &'static str,
    pub event: &'static str,
    /// The year range along the year axis: its start, the line between, its end.
    pub range: [&'static str; 3],
    /// Where a compare chart's bar stood in the year range's first year.
    pub range_start: &'static str,
    /// A callout's pointer from its text to its point: down, up, left.
    pub callout: [&'static str; 3],
    /// A period's bracket over its years: left end, fill, right end.
    pub period: [&'static str; 3],
    /// A reference line: across a chart by year, down a comparison of one year.
    pub reference: [&'static str; 2],
    pub zero_line: &'static str,
    pub axis: &'static str,
    pub tick: &'static str,
    pub tab_separator: &'static str,
    pub border: border::Set<'static>,
    pub sparkline: bar::Set<'static>,
    pub ascii: bool,
}

pub const UNICODE: Glyphs = Glyphs {
    fills: ["█", "▓", "░"],
    eighths: Some(["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]),
    markers: ["●", "■", "▲", "◆", "★", "✚", "▼", "✖"],
    line_dot: None,
    no_data: "·",
    series_break: "┊",
    cursor: "│",
    event: "▾",
    range: ["[", "─", "]"],
    range_start: "╎",
    callout: ["↓", "↑", "←"],
    period: ["┌", "─", "┐"],
    reference: ["╌", "╎"],
    zero_line: "┈",
    axis: "│",
    tick: "┤",
    tab_separator: "│",
    border: border::ROUNDED,
    sparkline: bar::NINE_LEVELS,
    ascii: false,
};

pub const ASCII: Glyphs = Glyphs {
    fills: ["#", "=", "%"],
    eighths: None,
    markers: ["o", "x", "+", "@", "&", "$", "^", "%"],
    line_dot: Some("."),
    no_data: ".",
    series_break: "!",
    cursor: "|",
    event: "v",
    range: ["[", "-", "]"],
    range_start: ":",
    callout: ["V", "^", "<"],
    period: ["[", "-", "]"],
    reference: ["-", ":"],
    zero_line: "-",
    axis: "|",
    tick: "+",
    tab_separator: "|",
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    sparkline: bar::Set {
        full: "#",
        seven_eighths: "#",
        three_quarters: "=",
        five_eighths: "=",
        half: "-",
        three_eighths: "-",
        one_quarter: "_",
        one_eighth: "_",
        empty: " ",
    },
    ascii: true,
};

impl Glyphs {
    pub fn new(ascii: bool) -> Glyphs {
        if ascii { ASCII } else { UNICODE }
    }

    /// The mark beside a flagged value.
    pub fn flag(&self, flag: Flag) -> char {
        if !self.ascii {
            return flag.symbol();
        }
        match flag {
            Flag::Approximate => '~',
            Flag::Rounded => '=',
            Flag::Preliminary => '*',
            Flag::Derived => '+',
            Flag::LowerBound => '>',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_of_a_chart_of_eight_has_its_own_marker() {
        for glyphs in [UNICODE, ASCII] {
            for (i, marker) in glyphs.markers.iter().enumerate() {
                assert!(!glyphs.markers[..i].contains(marker), "{marker} twice");
            }
        }
    }
}
