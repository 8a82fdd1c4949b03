//! Every colour the dashboard uses, named by role. Meaning never rests on colour alone: the
//! selected tab is also reversed and bold, series also differ by marker or fill, so the `mono`
//! theme and `NO_COLOR` lose nothing but colour.

use ratatui::style::{Color, Modifier, Style};

/// The themes a user can pick; each is described where it is built ([`Theme::dark`] …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

/// What the output can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Colours {
    /// `NO_COLOR`: modifiers and markers only.
    None,
    /// The 256-colour palette, which every terminal in use shows.
    #[default]
    Indexed,
    /// 24-bit colour, where `COLORTERM` says the terminal has it.
    Truecolor,
}

impl Colours {
    /// What the environment says: `NO_COLOR` wins, then `COLORTERM`.
    pub fn from_env() -> Colours {
        let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        Colours::from_vars(var("NO_COLOR").as_deref(), var("COLORTERM").as_deref())
    }

    /// What the values of `NO_COLOR` and `COLORTERM` say: `NO_COLOR` set and not empty wins
    /// (no-color.org), then `COLORTERM` of `truecolor` or `24bit`; anything else is the
    /// 256-colour palette.
    pub fn from_vars(no_color: Option<&str>, colorterm: Option<&str>) -> Colours {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Colours::None
        } else if matches!(colorterm, Some("truecolor" | "24bit")) {
            Colours::Truecolor
        } else {
            Colours::Indexed
        }
    }
}

/// Named styles for one look of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// The whole screen's colours; `Reset` keeps the terminal's own.
    pub base: Style,
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
    /// The year cursor's guide through the charts.
    pub cursor: Style,
    /// Dated events on the year axis.
    pub event: Style,
    /// The year range's band behind the charts: a background only, so that the bars, lines and
    /// labels on it keep their colours. Without colour the band's brackets on the year axis
    /// carry it alone.
    pub range: Style,
    /// A callout's text and the labels of periods and reference lines.
    pub annotation: Style,
    /// The shading of a period's years (a background only: what is drawn on it keeps its colour).
    pub period: Style,
    /// A reference line across a chart.
    pub reference: Style,
    series: [Color; 6],
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// The theme a user asked for, for what the terminal can show: no colour when `NO_COLOR`
    /// is set (no-color.org), exact colours where it has 24-bit colour.
    pub fn pick(name: ThemeName, colours: Colours) -> Theme {
        let theme = Theme::named(name);
        match colours {
            Colours::None => theme.without_colour(),
            Colours::Indexed => theme,
            Colours::Truecolor => theme.truecolor(),
        }
    }

    /// Light text on the terminal's own dark background. Series colours are the Okabe–Ito
    /// colour-blind-safe palette, in the 256-colour cube every modern terminal has.
    pub fn dark() -> Theme {
        let muted = Style::new().fg(Color::Indexed(245));
        Theme {
            name: ThemeName::Dark,
            base: Style::new(),
            text: Style::new(),
            muted,
            title: Style::new().add_modifier(Modifier::BOLD),
            // Every colour here, borders too, reads at 4.5:1 or more on black (WCAG AA, as the
            // pre-flight card measures it).
            border: Style::new().fg(Color::Indexed(243)),
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
            cursor: Style::new().fg(Color::Indexed(250)),
            event: Style::new()
                .fg(Color::Indexed(110))
                .add_modifier(Modifier::BOLD),
            // A grey well above black: a projector lifts black to grey, and the band must
            // still stand out from it; light series and text keep their contrast on it.
            range: Style::new().bg(Color::Indexed(238)),
            annotation: Style::new()
                .fg(Color::Indexed(255))
                .add_modifier(Modifier::BOLD),
            period: Style::new().bg(Color::Indexed(237)),
            reference: Style::new().fg(Color::Indexed(250)),
            series: [
                Color::Indexed(214), // orange
                Color::Indexed(74),  // sky blue
                Color::Indexed(36),  // bluish green
                Color::Indexed(227), // yellow
                Color::Indexed(32),  // blue, lighter to read on black
                Color::Indexed(175), // reddish purple
            ],
        }
    }

    /// Near-black on white: the darker Okabe–Ito shades, which keep their contrast when a
    /// projector washes the picture out.
    pub fn light() -> Theme {
        let ink = Color::Indexed(232);
        let muted = Style::new().fg(Color::Indexed(240));
        Theme {
            name: ThemeName::Light,
            base: Style::new().fg(ink).bg(Color::Indexed(231)),
            text: Style::new().fg(ink),
            muted,
            title: Style::new().fg(ink).add_modifier(Modifier::BOLD),
            // Every colour here, borders too, reads at 4.5:1 or more on white.
            border: Style::new().fg(Color::Indexed(242)),
            axis: muted,
            tab: Style::new().fg(ink),
            tab_selected: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            key: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            value: Style::new().fg(ink).add_modifier(Modifier::BOLD),
            gap: muted,
            flag: Style::new()
                .fg(Color::Indexed(130))
                .add_modifier(Modifier::BOLD),
            break_mark: Style::new().fg(Color::Indexed(127)),
            warning: Style::new()
                .fg(Color::Indexed(160))
                .add_modifier(Modifier::BOLD),
            cursor: Style::new().fg(Color::Indexed(238)),
            event: Style::new()
                .fg(Color::Indexed(24))
                .add_modifier(Modifier::BOLD),
            // A grey well below white: a washed-out projector turns pale tints to white.
            range: Style::new().bg(Color::Indexed(252)),
            annotation: Style::new().fg(ink).add_modifier(Modifier::BOLD),
            period: Style::new().bg(Color::Indexed(253)),
            reference: Style::new().fg(Color::Indexed(238)),
            series: [
                Color::Indexed(160), // vermillion, darkened to red
                Color::Indexed(25),  // blue
                Color::Indexed(29),  // bluish green
                Color::Indexed(127), // reddish purple
                Color::Indexed(94),  // brown (yellow is unreadable on white)
                Color::Indexed(23),  // sky blue, darkened to teal
            ],
        }
    }

    /// No colour: the terminal's own foreground and background, meaning in modifiers.
    pub fn mono() -> Theme {
        Theme {
            name: ThemeName::Mono,
            ..Theme::dark().without_colour()
        }
    }

    /// This theme with every colour removed and every modifier kept.
    #[must_use]
    pub fn without_colour(self) -> Theme {
        let strip = |style: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..style
        };
        Theme {
            name: self.name,
            base: strip(self.base),
            text: strip(self.text),
            muted: strip(self.muted),
            title: strip(self.title),
            border: strip(self.border),
            axis: strip(self.axis),
            tab: strip(self.tab),
            tab_selected: strip(self.tab_selected),
            key: strip(self.key),
            value: strip(self.value),
            gap: strip(self.gap),
            flag: strip(self.flag),
            break_mark: strip(self.break_mark),
            warning: strip(self.warning),
            cursor: strip(self.cursor),
            event: strip(self.event),
            range: strip(self.range),
            annotation: strip(self.annotation),
            period: strip(self.period),
            reference: strip(self.reference),
            series: [Color::Reset; 6],
        }
    }

    /// Exact Okabe–Ito series colours, for terminals that say they show 24-bit colour
    /// (`COLORTERM=truecolor` or `24bit`). Others keep the 256-colour approximations, which
    /// every terminal in use (macOS Terminal.app included) shows.
    #[must_use]
    pub fn truecolor(mut self) -> Theme {
        self.series = match self.name {
            ThemeName::Dark => [
                Color::Rgb(0xE6, 0x9F, 0x00), // orange
                Color::Rgb(0x56, 0xB4, 0xE9), // sky blue
                Color::Rgb(0x00, 0x9E, 0x73), // bluish green
                Color::Rgb(0xF0, 0xE4, 0x42), // yellow
                Color::Rgb(0x2F, 0x8A, 0xD0), // blue, lighter to read on black
                Color::Rgb(0xCC, 0x79, 0xA7), // reddish purple
            ],
            // Darkened where the Okabe–Ito shade reads under 4.5:1 on white.
            ThemeName::Light => [
                Color::Rgb(0xC2, 0x51, 0x00), // vermillion
                Color::Rgb(0x00, 0x72, 0xB2), // blue
                Color::Rgb(0x00, 0x7A, 0x5A), // bluish green
                Color::Rgb(0xA8, 0x50, 0x7F), // reddish purple
                Color::Rgb(0x8C, 0x5A, 0x00), // dark yellow
                Color::Rgb(0x00, 0x70, 0x7A), // sky blue, darkened to teal
            ],
            ThemeName::Mono => return self,
        };
        self
    }

    /// The colour of the `index`th series of a chart.
    pub fn series_color(&self, index: usize) -> Color {
        self.series[index % self.series.len()]
    }

    pub fn series(&self, index: usize) -> Style {
        match self.series_color(index) {
            Color::Reset => Style::new(),
            color => Style::new().fg(color),
        }
    }

    /// The background charts paint on (`Reset` for the terminal's own).
    pub fn background(&self) -> Color {
        self.base.bg.unwrap_or(Color::Reset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_keeps_the_selected_tab_distinguishable() {
        let theme = Theme::dark().without_colour();
        assert_eq!(theme.tab_selected.fg, None);
        assert!(
            theme
                .tab_selected
                .add_modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        );
        assert_eq!(theme.series(0), Style::new());
    }

    #[test]
    fn no_color_strips_any_theme() {
        let theme = Theme::pick(ThemeName::Light, Colours::None);
        assert_eq!(theme.name, ThemeName::Light);
        assert_eq!(theme.base.bg, None);
        assert_eq!(theme.background(), Color::Reset);
    }
}
