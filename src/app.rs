//! The dashboard's state and the one function that changes it. No I/O and no clock here: the
//! event loop (`tui`) passes the time in, so tests drive autoplay with a fake clock.

use std::time::{Duration, Instant};

use crate::action::Action;
use crate::data::{Annotation, Dataset, year_span};
use crate::derive::View;
use crate::talk;
use crate::text::count;
use crate::theme::{Colours, Theme, ThemeName};

mod beats;
mod range;

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
#[derive(Debug, Clone)]
pub struct App {
    pub data: Dataset,
    pub theme: Theme,
    /// What the terminal can show, kept when the theme changes (`NO_COLOR` stays colourless).
    pub colours: Colours,
    /// Plain ASCII glyphs for terminals and fonts without Braille or block characters.
    pub ascii: bool,
    tab: usize,
    cursor: Option<i32>,
    /// The year range's start, marked with `m`; the cursor is its end (`range`).
    range_start: Option<i32>,
    overlay: Option<Overlay>,
    views: Vec<View>,
    /// The current tab's chart shown across the whole body, by index; reset by a tab change.
    focus: Option<usize>,
    /// The screen shows only the theme's background; the next key only ends this.
    blank: bool,
    /// Which of the dataset's annotations show, by position; `None`: all of them.
    annotations: Option<Vec<bool>>,
    autoplay: Option<Autoplay>,
    autoplay_every: Duration,
    now: Option<Instant>,
    quit: bool,
    /// Where the data comes from, for the footer: computed once, not on every frame.
    about: String,
    /// The talk being given, if any (`--talk`).
    talk: Option<talk::State>,
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
            range_start: None,
            overlay: None,
            focus: None,
            blank: false,
            annotations: None,
            views,
            autoplay: None,
            autoplay_every: DEFAULT_AUTOPLAY,
            now: None,
            quit: false,
            about,
            talk: None,
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

    /// The index of the current tab's chart shown alone, in focus.
    pub fn focus(&self) -> Option<usize> {
        self.focus
    }

    /// Whether the screen is blanked.
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Levels, change or index, for the current tab.
    pub fn view(&self) -> View {
        self.views.get(self.tab).copied().unwrap_or_default()
    }

    /// Shows only the annotations with these ids (a talk's beat chooses them), or with `None`
    /// all of them, as outside a talk. Returns the ids the dataset has no annotation for; they
    /// show nothing.
    pub fn show_annotations(&mut self, ids: Option<Vec<String>>) -> Vec<String> {
        let Some(ids) = ids else {
            self.annotations = None;
            return Vec::new();
        };
        let mut shown = vec![false; self.data.annotations.len()];
        let mut unknown = Vec::new();
        for id in ids {
            match self.data.annotations.iter().position(|a| a.id == id) {
                Some(index) => shown[index] = true,
                None => unknown.push(id),
            }
        }
        self.annotations = Some(shown);
        unknown
    }

    /// The annotations that show, in the dataset's order.
    pub fn shown_annotations(&self) -> Vec<&Annotation> {
        let all = self.data.annotations.iter();
        match &self.annotations {
            None => all.collect(),
            Some(shown) => all
                .zip(shown)
                .filter(|(_, s)| **s)
                .map(|(a, _)| a)
                .collect(),
        }
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

    /// When the event loop must wake up without input: only while autoplay runs, or a talk's
    /// "press q again to quit" is up.
    pub fn deadline(&self) -> Option<Instant> {
        let question = self.talk.as_ref().and_then(talk::State::deadline);
        let autoplay = self
            .autoplay
            .filter(|a| a.paused.is_none())
            .map(|autoplay| {
                let next_tab = autoplay.since + autoplay.every;
                self.now
                    .map_or(next_tab, |now| next_tab.min(now + GAUGE_STEP))
            });
        match (question, autoplay) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Applies one action at time `now`. Returns whether the screen needs redrawing.
    pub fn update(&mut self, action: Action, now: Instant) -> bool {
        // In a talk, any key but `q` (and time running out) takes "press q again" down.
        let question_gone = self.talk.as_mut().is_some_and(|t| t.hear(action, now));
        self.react(action, now) || (question_gone && !self.blank)
    }

    fn react(&mut self, action: Action, now: Instant) -> bool {
        self.now = Some(now);
        match action {
            Action::QuitNow => {
                self.quit = true;
                return false;
            }
            Action::Nothing => return false,
            // Autoplay runs on behind a blank screen, which the next key brings back anyway.
            Action::Tick => return self.tick(now) && !self.blank,
            _ => {}
        }
        if self.blank {
            // The next key only brings the picture back.
            self.blank = false;
            return true;
        }
        match action {
            Action::Quit => return self.quit(now),
            // The blank button works over anything, and what was showing comes back after.
            Action::Blank => {
                self.blank = true;
                return true;
            }
            _ => {}
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

    /// `q`: quits at once, but in a talk the first `q` asks for a second (and the question
    /// needs drawing).
    fn quit(&mut self, now: Instant) -> bool {
        if let Some(talk) = &mut self.talk
            && !talk.confirm_quit(now)
        {
            return true;
        }
        self.quit = true;
        false
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
            Action::Focus => return self.focus_next(),
            Action::MarkRange => return self.mark_range(),
            // One thing at a time: focus first (the whole tab still shows the range), then
            // the range.
            Action::Back => {
                return self.focus.take().is_some() || self.range_start.take().is_some();
            }
            Action::NextBeat | Action::PrevBeat | Action::FirstBeat | Action::ReturnToBeat => {
                let Some(screen) = self.talk.as_mut().and_then(|t| t.go(action)) else {
                    return false;
                };
                self.show(&screen);
            }
            Action::GoToTab(_)
            | Action::Unbound
            | Action::Blank
            | Action::Quit
            | Action::QuitNow
            | Action::Nothing
            | Action::Tick => return false,
        }
        true
    }

    /// The next chart of the tab in focus; after the last, the whole tab again. A tab without
    /// charts (the overview's tiles) has nothing to focus.
    fn focus_next(&mut self) -> bool {
        let charts = self.data.pages.get(self.tab).map_or(0, |p| p.charts.len());
        let next = self.focus.map_or(0, |i| i + 1);
        let focus = (next < charts).then_some(next);
        let changed = focus != self.focus;
        self.focus = focus;
        changed
    }

    /// Shows a tab, as a whole: focus is left. Any navigation restarts the autoplay period.
    fn show_tab(&mut self, index: usize, now: Instant) {
        self.tab = index;
        self.focus = None;
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

    /// What the audience can see of the state, to compare before and after a key.
    fn seen(app: &App) -> String {
        format!(
            "tab {} cursor {:?} overlay {:?} view {:?} focus {:?} blank {} theme {:?} ascii {} \
             autoplay {:?} quit {}",
            app.tab(),
            app.cursor(),
            app.overlay(),
            app.view(),
            app.focus(),
            app.is_blank(),
            app.theme.name,
            app.ascii,
            app.autoplay().map(|a| a.paused.is_some()),
            app.should_quit()
        )
    }

    /// Apps in each state a clicker may find the dashboard in.
    fn states() -> Vec<(&'static str, App)> {
        let on = |tab, actions: &[Action]| {
            let mut app = app().with_tab(tab);
            for action in actions {
                press(&mut app, *action);
            }
            app
        };
        vec![
            ("plain", on(0, &[])),
            ("help", on(1, &[Action::ToggleHelp])),
            ("sources", on(1, &[Action::ToggleSources])),
            ("focus", on(1, &[Action::Focus])),
            ("blank", on(1, &[Action::Blank])),
            ("cursor", on(2, &[Action::LastYear])),
        ]
    }

    #[test]
    fn q_quits_at_once() {
        let mut app = app();
        assert!(
            !press(&mut app, Action::Quit),
            "nothing to draw on the way out"
        );
        assert!(app.should_quit());
        for (state, mut app) in states() {
            if state == "blank" {
                continue;
            }
            press(&mut app, Action::Quit);
            assert!(app.should_quit(), "{state}");
        }
    }

    #[test]
    fn ctrl_c_quits_at_once_whatever_is_showing() {
        for (state, mut app) in states() {
            assert!(!press(&mut app, Action::QuitNow), "{state}");
            assert!(app.should_quit(), "{state}");
        }
    }

    #[test]
    fn esc_never_quits_and_on_a_plain_tab_does_nothing() {
        for (state, mut app) in states() {
            for _ in 0..5 {
                press(&mut app, Action::Back);
            }
            assert!(!app.should_quit(), "{state}");
            assert_eq!(app.overlay(), None, "{state}");
            assert_eq!(app.focus(), None, "{state}");
            assert!(!app.is_blank(), "{state}");
        }
        let mut app = app().with_tab(2);
        let before = seen(&app);
        assert!(!press(&mut app, Action::Back), "nothing to redraw");
        assert_eq!(seen(&app), before);
    }

    #[test]
    fn f5_changes_nothing_and_asks_for_no_redraw() {
        for (state, mut app) in states() {
            let before = seen(&app);
            for _ in 0..3 {
                assert!(!press(&mut app, Action::Nothing), "{state}");
            }
            assert_eq!(seen(&app), before, "{state}");
        }
    }

    #[test]
    fn blank_shows_nothing_and_the_next_key_only_brings_the_picture_back() {
        let keys = [
            Action::NextTab,
            Action::PrevTab,
            Action::GoToTab(3),
            Action::NextYear,
            Action::LastYear,
            Action::ToggleHelp,
            Action::ToggleSources,
            Action::ToggleChange,
            Action::CycleTheme,
            Action::Focus,
            Action::Blank,
            Action::Back,
            Action::Quit,
            Action::Unbound,
        ];
        for (state, app) in states() {
            if state == "blank" {
                continue;
            }
            for key in keys {
                let mut app = app.clone();
                let before = seen(&app);
                assert!(press(&mut app, Action::Blank), "{state}: blanking redraws");
                assert!(app.is_blank(), "{state}");
                assert!(
                    press(&mut app, key),
                    "{state}, {key:?}: the picture comes back"
                );
                assert_eq!(seen(&app), before, "{state}, {key:?} did more than unblank");
            }
        }
    }

    #[test]
    fn autoplay_runs_on_behind_a_blank_screen_without_redrawing() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        let mut app = app().with_autoplay(5 * second, t0);
        app.update(Action::Blank, t0);
        assert!(!app.update(Action::Tick, t0 + 5 * second));
        assert_eq!(app.tab(), 1);
        assert!(app.is_blank());
        assert!(app.update(Action::Unbound, t0 + 6 * second));
        assert!(!app.is_blank());
        assert!(app.update(Action::Tick, t0 + 7 * second), "the gauge moves");
    }

    #[test]
    fn f_focuses_each_chart_in_turn_then_the_whole_tab() {
        let mut app = app().with_tab(1);
        let charts = app.data.pages[1].charts.len();
        assert_eq!(charts, 3);
        for index in 0..charts {
            assert!(press(&mut app, Action::Focus));
            assert_eq!(app.focus(), Some(index));
        }
        assert!(press(&mut app, Action::Focus));
        assert_eq!(app.focus(), None, "after the last chart, the whole tab");
        press(&mut app, Action::Focus);
        assert_eq!(app.focus(), Some(0), "and round again");
    }

    #[test]
    fn esc_returns_from_focus_to_the_whole_tab() {
        let mut app = app().with_tab(2);
        press(&mut app, Action::Focus);
        press(&mut app, Action::Focus);
        assert_eq!(app.focus(), Some(1));
        press(&mut app, Action::ToggleSources);
        press(&mut app, Action::Back);
        assert_eq!(app.focus(), Some(1), "the first Esc closes the sources");
        assert!(press(&mut app, Action::Back));
        assert_eq!(app.focus(), None);
        assert!(!app.should_quit());
    }

    #[test]
    fn the_overview_has_no_chart_to_focus() {
        let mut app = app();
        assert!(!press(&mut app, Action::Focus));
        assert_eq!(app.focus(), None);
    }

    #[test]
    fn changing_tab_leaves_focus() {
        let t0 = Instant::now();
        let second = Duration::from_secs(1);
        for key in [
            Action::NextTab,
            Action::PrevTab,
            Action::GoToTab(2),
            Action::GoToTab(1),
        ] {
            let mut app = app().with_tab(1);
            press(&mut app, Action::Focus);
            press(&mut app, key);
            assert_eq!(app.focus(), None, "{key:?}");
        }
        let mut app = app().with_tab(1).with_autoplay(5 * second, t0);
        app.update(Action::Focus, t0);
        app.update(Action::Tick, t0 + 5 * second);
        assert_eq!((app.tab(), app.focus()), (2, None), "autoplay's tab change");
    }

    #[test]
    fn the_cursor_and_views_work_in_focus() {
        let mut app = app().with_tab(2);
        press(&mut app, Action::Focus);
        assert!(press(&mut app, Action::PrevYear));
        assert_eq!(app.cursor(), Some(2024));
        assert!(press(&mut app, Action::ToggleChange));
        assert_eq!(app.view(), View::Change);
        press(&mut app, Action::ToggleIndex);
        assert_eq!(app.view(), View::Index);
        assert_eq!(app.focus(), Some(0), "still in focus");
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
