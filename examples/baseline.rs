//! The yardstick for `cargo bench --bench terminal` (benches/terminal/): the smallest honest
//! ratatui program of the same kind as shenzhen-dash. One tab bar, one line chart and one bar
//! chart of 15 points, drawn with the same ratatui and crossterm; it blocks on input, `→`
//! switches tab and `q` quits. Nothing built with the same libraries can do less work for the
//! same screen.
//!
//! `cargo run --release --example baseline`

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, BarChart, Block, Chart, Dataset, GraphType, Tabs};

const TABS: [&str; 6] = [
    "Overview",
    "GDP",
    "R&D",
    "Trade",
    "People & firms",
    "Innovation",
];
const FIRST_YEAR: u16 = 2010;
const YEARS: u16 = 15;

fn main() -> io::Result<()> {
    ratatui::run(run)
}

fn run(terminal: &mut DefaultTerminal) -> io::Result<()> {
    let mut tab = 0;
    loop {
        terminal.draw(|frame| draw(frame, tab))?;
        // Block until a key arrives; redraw only when the tab changes.
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                match key.code {
                    KeyCode::Char('q') => return Ok(()),
                    KeyCode::Right => {
                        tab = (tab + 1) % TABS.len();
                        break;
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A different, deterministic series of 15 yearly values for each tab.
fn values(tab: usize) -> Vec<u64> {
    (0..u64::from(YEARS))
        .map(|i| 100 + (i * (tab as u64 + 3) * 37 + tab as u64 * 53) % 200)
        .collect()
}

fn draw(frame: &mut ratatui::Frame, tab: usize) {
    let [tabs_area, line_area, bar_area] = frame.area().layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Tabs::new(TABS).select(tab), tabs_area);

    let values = values(tab);
    let points: Vec<(f64, f64)> = values
        .iter()
        .zip(FIRST_YEAR..)
        .map(|(v, year)| (f64::from(year), *v as f64))
        .collect();
    let last_year = FIRST_YEAR + YEARS - 1;
    let line = Chart::new(vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .data(&points),
    ])
    .block(Block::bordered().title(TABS[tab]))
    .x_axis(
        Axis::default()
            .bounds([f64::from(FIRST_YEAR), f64::from(last_year)])
            .labels([FIRST_YEAR.to_string(), last_year.to_string()]),
    )
    .y_axis(Axis::default().bounds([0.0, 300.0]).labels(["0", "300"]));
    frame.render_widget(line, line_area);

    let labels: Vec<String> = (FIRST_YEAR..=last_year)
        .map(|year| format!("{:02}", year % 100))
        .collect();
    let bars: Vec<(&str, u64)> = labels.iter().map(String::as_str).zip(values).collect();
    let bar = BarChart::default()
        .block(Block::bordered().title(Line::from("per year")))
        .bar_width(3)
        .data(bars.as_slice());
    frame.render_widget(bar, bar_area);
}
