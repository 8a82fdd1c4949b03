//! The dashboard's state and the one function that changes it. No I/O here: the event loop
//! lives in `tui`, drawing in `ui`.

use crate::action::Action;
use crate::data::Dataset;
use crate::theme::Theme;

/// Everything the screen shows is derived from this.
#[derive(Debug)]
pub struct App {
    pub data: Dataset,
    pub theme: Theme,
    tab: usize,
    quit: bool,
}

impl App {
    pub fn new(data: Dataset) -> App {
        App {
            data,
            theme: Theme::default(),
            tab: 0,
            quit: false,
        }
    }

    #[must_use]
    pub fn with_theme(self, theme: Theme) -> App {
        App { theme, ..self }
    }

    /// Starts on the tab at `index`, if the dataset has one.
    #[must_use]
    pub fn with_tab(mut self, index: usize) -> App {
        self.update(Action::GoToTab(index));
        self
    }

    /// The selected tab, as an index into the dataset's pages.
    pub fn tab(&self) -> usize {
        self.tab
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Applies one action. Returns whether anything on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        let before = self.tab;
        let count = self.data.pages.len().max(1);
        match action {
            Action::NextTab => self.tab = (self.tab + 1) % count,
            Action::PrevTab => self.tab = (self.tab + count - 1) % count,
            Action::GoToTab(index) if index < count => self.tab = index,
            Action::GoToTab(_) => {}
            Action::Quit => self.quit = true,
        }
        self.tab != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(Dataset::embedded().unwrap())
    }

    #[test]
    fn tabs_wrap_both_ways() {
        let mut app = app();
        app.update(Action::PrevTab);
        assert_eq!(app.tab(), 5);
        app.update(Action::NextTab);
        assert_eq!(app.tab(), 0);
        for _ in 0..7 {
            app.update(Action::NextTab);
        }
        assert_eq!(app.tab(), 1);
    }

    #[test]
    fn digits_beyond_the_last_tab_are_ignored() {
        let mut app = app();
        assert!(app.update(Action::GoToTab(3)));
        assert_eq!(app.tab(), 3);
        assert!(!app.update(Action::GoToTab(8)));
        assert_eq!(app.tab(), 3);
    }

    #[test]
    fn quit_only_sets_the_flag() {
        let mut app = app();
        assert!(!app.should_quit());
        app.update(Action::Quit);
        assert!(app.should_quit());
        assert_eq!(app.tab(), 0);
    }
}
