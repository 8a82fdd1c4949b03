//! Every colour the dashboard uses, named by role. Meaning never rests on colour alone: the
//! selected tab is also reversed and bold, series also differ by marker or fill.

use ratatui::style::{Color, Modifier, Style};

/// Named styles for one look of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub muted: Style,
    pub title: Style,
    pub border: Style,
    pub axis: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub key: Style,
    pub value: Style,
    pub gap: Style,
    pub flag: Style,
    pub break_mark: Style,
    pub warning: Style,
    series: [Color; 6],
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// Light text on the terminal's own dark background. Series colours are the Okabe–Ito
    /// colour-blind-safe palette, in the 256-colour cube every modern terminal has.
    pub fn dark() -> Theme {
        let muted = Style::new().fg(Color::Indexed(245));
        Theme {
            text: Style::new(),
            muted,
            title: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Indexed(240)),
            axis: muted,
            tab: Style::new(),
            tab_selected: Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            key: Style::new()
                .fg(Color::Indexed(74))
                .add_modifier(Modifier::BOLD),
            value: Style::new().add_modifier(Modifier::BOLD),
            gap: muted,
            flag: Style::new()
                .fg(Color::Indexed(227))
                .add_modifier(Modifier::BOLD),
            break_mark: Style::new().fg(Color::Indexed(175)),
            warning: Style::new()
                .fg(Color::Indexed(166))
                .add_modifier(Modifier::BOLD),
            series: [
                Color::Indexed(214), // orange
                Color::Indexed(74),  // sky blue
                Color::Indexed(36),  // bluish green
                Color::Indexed(227), // yellow
                Color::Indexed(25),  // blue
                Color::Indexed(175), // reddish purple
            ],
        }
    }

    /// The colour of the `index`th series of a chart.
    pub fn series_color(&self, index: usize) -> Color {
        self.series[index % self.series.len()]
    }

    pub fn series(&self, index: usize) -> Style {
        Style::new().fg(self.series_color(index))
    }
}
