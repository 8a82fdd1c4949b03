//! The dashboard's state and the one function that changes it. No I/O and no clock here: the
//! event loop (`tui`) passes the time in, so tests drive autoplay with a fake clock.

use std::time::{Duration, Instant};

use crate::action::Action;
use crate::data::{Dataset, year_span};
use crate::derive::View;
use crate::text::count;
use crate::theme::{Colours, Theme, ThemeName};

/// How often the autoplay gauge is redrawn while it runs.
pub const GAUGE_STEP: Duration = Duration::from_millis(200);

/// The autoplay interval when `a` turns it on without `--autoplay`.
pub const DEFAULT_AUTOPLAY: Duration = Duration::from_secs(10);

/// A panel drawn over the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The current tab's sources, scrolled down by this many lines.
    Sources {
        scroll: u16,
    },
}

/// Advancing tabs on a timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Autoplay {
    pub every: Duration,
    /// When the current tab's period started.
    pub since: Instant,
    /// When it was paused, if it is.
    pub paused: Option<Instant>,
}

/// Everything the screen shows is derived from this.
#[derive(Debug)]
pub struct App {
    pub data: Dataset,
    pub theme: Theme,
    /// What the terminal can show, kept when the theme changes (`NO_COLOR` stays colourless).
    pub colours: Colours,
    /// Plain ASCII glyphs for terminals and fonts without Braille or block characters.
    pub ascii: bool,
    tab: usize,
    cursor: Option<i32>,
    overlay: Option<Overlay>,
    views: Vec<View>,
    autoplay: Option<Autoplay>,
    autoplay_every: Duration,
    now: Option<Instant>,
    quit: bool,
    /// Where the data comes from, for the footer: computed once, not on every frame.
    about: String,
}

impl App {
    pub fn new(data: Dataset) -> App {
        let views = vec![View::Levels; data.pages.len()];
        let span = data
            .year_span()
            .map(|(a, b)| format!(" · {a}–{b}"))
            .unwrap_or_default();
        let sources = data.cited_source_count();
        let about = format!("{}{span} · {} ", data.title, count(sources, "source"));
        App {
            data,
            theme: Theme::default(),
            colours: Colours::default(),
            ascii: false,
            tab: 0,
            cursor: None,
            overlay: None,
            views,
            autoplay: None,
            autoplay_every: DEFAULT_AUTOPLAY,
            now: None,
            quit: false,
            about,
        }
    }

    /// The dataset's title, years and number of cited sources.
    pub fn about(&self) -> &str {
        &self.about
    }

    #[must_use]
    pub fn with_theme(self, theme: Theme) -> App {
        App { theme, ..self }
    }

    /// Starts on the tab at `index`, if the dataset has one.
    #[must_use]
    pub fn with_tab(mut self, index: usize) -> App {
        if index < self.data.pages.len() {
            self.tab = index;
        }
        self
    }

    /// Starts autoplay at `now`, advancing every `every`.
    #[must_use]
    pub fn with_autoplay(mut self, every: Duration, now: Instant) -> App {
        self.autoplay_every = every;
        self.autoplay = Some(Autoplay {
            every,
            since: now,
            paused: None,
        });
        self.now = Some(now);
        self
    }

    /// The selected tab, as an index into the dataset's pages.
    pub fn tab(&self) -> usize {
        self.tab
    }

    /// The year under the cursor, once the user has moved it.
    pub fn cursor(&self) -> Option<i32> {
        self.cursor
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// Levels, change or index, for the current tab.
    pub fn view(&self) -> View {
        self.views.get(self.tab).copied().unwrap_or_default()
    }

    pub fn autoplay(&self) -> Option<Autoplay> {
        self.autoplay
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// How far autoplay is towards the next tab, from 0 to 1.
    pub fn autoplay_progress(&self) -> Option<f64> {
        let autoplay = self.autoplay?;
        let now = autoplay.paused.or(self.now)?;
        let elapsed = now.saturating_duration_since(autoplay.since);
        Some((elapsed.as_secs_f64() / autoplay.every.as_secs_f64()).clamp(0.0, 1.0))
    }

    /// When the event loop must wake up without input: only while autoplay runs.
    pub fn deadline(&self) -> Option<Instant> {
        let autoplay = self.autoplay.filter(|a| a.paused.is_none())?;
        let next_tab = autoplay.since + autoplay.every;
        Some(
            self.now
                .map_or(next_tab, |now| next_tab.min(now + GAUGE_STEP)),
        )
    }

    /// Applies one action at time `now`. Returns whether the screen needs redrawing.
    pub fn update(&mut self, action: Action, now: Instant) -> bool {
        self.now = Some(now);
        if action == Action::Quit {
            self.quit = true;
            return false;
        }
        if action == Action::Tick {
            return self.tick(now);
        }
        match self.overlay {
            Some(Overlay::Help) => {
                // Any key closes the help, and does nothing else.
                self.overlay = None;
                true
            }
            Some(Overlay::Sources { scroll }) => {
                // The sources panel scrolls with the year keys and closes with Esc or `s`;
                // other keys act on the dashboard behind it.
                let scrolled = match action {
                    Action::NextYear => Some(scroll.saturating_add(1)),
                    Action::PrevYear => Some(scroll.saturating_sub(1)),
                    Action::FirstYear => Some(0),
                    // The panel's length is known only when drawn: End stays put rather than
                    // move the year cursor hidden behind the panel.
                    Action::LastYear => Some(scroll),
                    Action::Back | Action::ToggleSources => None,
                    _ => return self.apply(action, now),
                };
                self.overlay = scrolled.map(|scroll| Overlay::Sources { scroll });
                true
            }
            None => self.apply(action, now),
        }
    }

    fn apply(&mut self, action: Action, now: Instant) -> bool {
        let pages = self.data.pages.len().max(1);
        match action {
            Action::NextTab => self.show_tab((self.tab + 1) % pages, now),
            Action::PrevTab => self.show_tab((self.tab + pages - 1) % pages, now),
            Action::GoToTab(index) if index < pages => self.show_tab(index, now),
            Action::NextYear => self.move_cursor(1),
            Action::PrevYear => self.move_cursor(-1),
            Action::FirstYear => self.cursor = self.page_years().map(|(first, _)| first),
            Action::LastYear => self.cursor = self.page_years().map(|(_, last)| last),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help),
            Action::ToggleSources => self.overlay = Some(Overlay::Sources { scroll: 0 }),
            Action::CycleTheme => {
                let next = match self.theme.name {
                    ThemeName::Dark => ThemeName::Light,
                    ThemeName::Light => ThemeName::Mono,
                    ThemeName::Mono => ThemeName::Dark,
                };
                self.theme = Theme::pick(next, self.colours);
            }
            Action::ToggleAscii => self.ascii = !self.ascii,
            Action::ToggleChange => self.toggle_view(View::Change),
            Action::ToggleIndex => self.toggle_view(View::Index),
            Action::ToggleAutoplay => {
                self.autoplay = match self.autoplay {
                    Some(_) => None,
                    None => Some(Autoplay {
                        every: self.autoplay_every,
                        since: now,
                        paused: None,
                    }),
                };
            }
            Action::PauseAutoplay => {
                if let Some(autoplay) = &mut self.autoplay {
                    match autoplay.paused.take() {
                        Some(paused) => autoplay.since += now.saturating_duration_since(paused),
                        None => autoplay.paused = Some(now),
                    }
                }
            }
            Action::Back => self.quit = true,
            Action::GoToTab(_) | Action::Unbound | Action::Quit | Action::Tick => return false,
        }
        true
    }

    /// Shows a tab; any navigation restarts the autoplay period.
    fn show_tab(&mut self, index: usize, now: Instant) {
        self.tab = index;
        if let Some(autoplay) = &mut self.autoplay {
            autoplay.since = now;
            if autoplay.paused.is_some() {
                autoplay.paused = Some(now);
            }
        }
    }

    fn tick(&mut self, now: Instant) -> bool {
        let Some(autoplay) = self.autoplay.filter(|a| a.paused.is_none()) else {
            return false;
        };
        if now >= autoplay.since + autoplay.every {
            let next = (self.tab + 1) % self.data.pages.len().max(1);
            self.show_tab(next, now);
        }
        true
    }

    fn toggle_view(&mut self, view: View) {
        if let Some(current) = self.views.get_mut(self.tab) {
            *current = if *current == view { View::Levels } else { view };
        }
    }

    /// Moves the cursor by `step` years within the current page's years; the first move
    /// shows it on the last year.
    fn move_cursor(&mut self, step: i32) {
        let Some((first, last)) = self.page_years() else {
            return;
        };
        self.cursor = Some(match self.cursor {
            None => last,
            Some(year) => (year + step).clamp(first, last),
        });
    }

    /// The first and last year any chart or tile of the current page has data for.
    pub fn page_years(&self) -> Option<(i32, i32)> {
        let page = self.data.pages.get(self.tab)?;
        year_span(self.data.page_indicators(page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(Dataset::embedded().unwrap())
    }

    fn press(app: &mut App, action: Action) -> bool {
        app.update(action, Instant::now())
    }

    #[test]
    fn tabs_wrap_both_ways() {
        let mut app = app();
        press(&mut app, Action::PrevTab);
        assert_eq!(app.tab(), 6);
        press(&mut app, Action::NextTab);
        assert_eq!(app.tab(), 0);
        for _ in 0..8 {
            press(&mut app, Action::NextTab);
        }
        assert_eq!(app.tab(), 1);
    }

    #[test]
    fn digits_beyond_the_last_tab_are_ignored() {
        let mut app = app();
        assert!(press(&mut app, Action::GoToTab(3)));
        assert_eq!(app.tab(), 3);
        assert!(!press(&mut app, Action::GoToTab(8)));
        assert_eq!(app.tab(), 3);
    }

    #[test]
    fn a_start_tab_beyond_the_last_is_ignored() {
        let tabs = app().data.pages.len();
        assert_eq!(app().with_tab(tabs - 1).tab(), tabs - 1);
        assert_eq!(app().with_tab(tabs).tab(), 0);
    }

    #[test]
    fn quit_and_escape_quit() {
        let mut app = app();
        press(&mut app, Action::Quit);
        assert!(app.should_quit());
        let mut app = self::app();
        press(&mut app, Action::Back);
        assert!(app.should_quit());
    }

    #[test]
    fn the_cursor_appears_on_the_last_year_and_stays_in_range() {
        let mut app = app().with_tab(2);
        assert_eq!(app.cursor(), None);
        press(&mut app, Action::PrevYear);
        assert_eq!(app.cursor(), Some(2024));
        press(&mut app, Action::NextYear);
        assert_eq!(app.cursor(), Some(2024));
        press(&mut app, Action::FirstYear);
        assert_eq!(app.cursor(), Some(2010));
        press(&mut app, Action::PrevYear);
        assert_eq!(app.cursor(), Some(2010));
        press(&mut app, Action::NextTab);
        assert_eq!(
            app.cursor(),
            Some(2010),
            "the cursor year stays across tabs"
        );
    }

    #[test]
    fn esc_closes_an_overlay_instead_of_quitting() {
        let mut app = app();
        press(&mut app, Action::ToggleSources);
        assert_eq!(app.overlay(), Some(Overlay::Sources { scroll: 0 }));
        press(&mut app, Action::NextYear);
        assert_eq!(app.overlay(), Some(Overlay::Sources { scroll: 1 }));
        press(&mut app, Action::Back);
        assert_eq!(app.overlay(), None);
        assert!(!app.should_quit());
    }

    #[test]
    fn year_keys_scroll_the_sources_without_moving_the_hidden_cursor() {
        let mut app = app();
        press(&mut app, Action::ToggleSources);
        for _ in 0..3 {
            press(&mut app, Action::NextYear);
        }
        press(&mut app, Action::LastYear);
        assert_eq!(
            app.overlay(),
            Some(Overlay::Sources { scroll: 3 }),
            "End stays put"
        );
        press(&mut app, Action::FirstYear);
        assert_eq!(app.overlay(), Some(Overlay::Sources { scroll: 0 }));
        assert_eq!(app.cursor(), None, "the year cursor behind the panel");
    }

    #[test]
    fn any_key_closes_the_help() {
        let mut app = app();
        press(&mut app, Action::ToggleHelp);
        assert_eq!(app.overlay(), Some(Overlay::Help));
        press(&mut app, Action::NextTab);
        assert_eq!(app.overlay(), None);
        assert_eq!(app.tab(), 0, "the key that closes help does nothing else");
        press(&mut app, Action::ToggleHelp);
        press(&mut app, Action::Unbound);
        assert_eq!(app.overlay(), None);
    }

    #[test]
    fn views_toggle_per_tab() {
        let mut app = app().with_tab(1);
        press(&mut app, Action::ToggleChange);
        assert_eq!(app.view(), View::Change);
        press(&mut app, Action::ToggleIndex);
        assert_eq!(app.view(), View::Index);
        press(&mut app, Action::NextTab);
        assert_eq!(app.view(), View::Levels);
        press(&mut app, Action::PrevTab);
        press(&mut app, Action::ToggleIndex);
        assert_eq!(app.view(), View::Levels);
    }

    #[test]
    fn themes_cycle_and_no_color_stays_colourless() {
        let mut app = app();
        press(&mut app, Action::CycleTheme);
        assert_eq!(app.theme.name, ThemeName::Light);
        app.colours = Colours::None;
        press(&mut app, Action::CycleTheme);
        press(&mut app, Action::CycleTheme);
        assert_eq!(app.theme.name, ThemeName::Dark);
        assert_eq!(app.theme.tab_selected.fg, None);
    }

    #[test]
    fn autoplay_advances_on_a_fake_clock_and_pauses() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        let mut app = app().with_autoplay(5 * second, t0);
        assert_eq!(app.deadline(), Some(t0 + GAUGE_STEP));
        app.update(Action::Tick, t0 + 4 * second);
        assert_eq!(app.tab(), 0);
        assert!((app.autoplay_progress().unwrap() - 0.8).abs() < 1e-9);
        app.update(Action::Tick, t0 + 5 * second);
        assert_eq!(app.tab(), 1, "advanced after 5 s");
        app.update(Action::PauseAutoplay, t0 + 6 * second);
        assert_eq!(app.deadline(), None, "paused: nothing wakes the process");
        app.update(Action::Tick, t0 + 60 * second);
        assert_eq!(app.tab(), 1);
        app.update(Action::PauseAutoplay, t0 + 60 * second);
        app.update(Action::Tick, t0 + 63 * second);
        assert_eq!(
            app.tab(),
            1,
            "one second was left before the pause, four after resume"
        );
        app.update(Action::Tick, t0 + 64 * second);
        assert_eq!(app.tab(), 2);
    }

    #[test]
    fn navigation_restarts_the_autoplay_timer_and_a_turns_it_off() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        let mut app = app().with_autoplay(5 * second, t0);
        app.update(Action::GoToTab(3), t0 + 4 * second);
        app.update(Action::Tick, t0 + 8 * second);
        assert_eq!(app.tab(), 3, "the period restarted at 4 s");
        app.update(Action::Tick, t0 + 9 * second);
        assert_eq!(app.tab(), 4);
        app.update(Action::ToggleAutoplay, t0 + 9 * second);
        assert_eq!(app.deadline(), None, "off: nothing wakes the process");
        assert!(!app.update(Action::Tick, t0 + 99 * second));
        assert_eq!(app.tab(), 4);
    }
}
