//! The year range ("since 2012"): `m` marks the cursor's year as its start, the cursor is its
//! end wherever it moves, `m` again or `Esc` clears it. The range is years, not series, so it
//! stays across tabs, as the cursor does; each tab's charts and readout show it for their own
//! series.

use super::App;

impl App {
    /// The year range, earlier year first (the cursor may have moved before the start), once
    /// one is marked. Both years are the same until the cursor moves.
    pub fn range(&self) -> Option<(i32, i32)> {
        let (start, end) = (self.range_start?, self.cursor?);
        Some((start.min(end), start.max(end)))
    }

    /// Sets the year range directly, as `m` and the cursor would: from `from` (where the range
    /// starts) to `to` (where the cursor goes). `None` clears it and leaves the cursor.
    pub fn set_range(&mut self, range: Option<(i32, i32)>) {
        match range {
            Some((from, to)) => {
                self.range_start = Some(from);
                self.cursor = Some(to);
            }
            None => self.range_start = None,
        }
    }

    /// Starts with this year range (see [`App::set_range`]).
    #[must_use]
    pub fn with_range(mut self, range: Option<(i32, i32)>) -> App {
        self.set_range(range);
        self
    }

    /// `m`: clears the range if there is one; otherwise marks the cursor's year as its start.
    /// Without a cursor yet, the cursor first appears where the first cursor key puts it, on
    /// the page's last year, so that `m` then `Home` or `↑` asks "since when?". Returns whether
    /// anything changed (a page without years has no year to mark).
    pub(super) fn mark_range(&mut self) -> bool {
        if self.range_start.take().is_some() {
            return true;
        }
        if self.cursor.is_none() {
            self.move_cursor(0);
        }
        self.range_start = self.cursor;
        self.range_start.is_some()
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::action::Action;
    use crate::app::{App, Overlay};
    use crate::data::Dataset;

    fn app() -> App {
        App::new(Dataset::embedded().unwrap())
    }

    /// Applies `actions` in turn; whether any of them asked for a redraw.
    fn press(app: &mut App, actions: &[Action]) -> bool {
        let now = Instant::now();
        actions
            .iter()
            .fold(false, |redraw, action| app.update(*action, now) | redraw)
    }

    /// The GDP tab, with its years 2010–2025.
    const GDP: usize = 1;

    #[test]
    fn m_marks_the_cursor_year_and_the_cursor_sets_the_end() {
        let mut app = app().with_tab(GDP);
        press(&mut app, &[Action::LastYear, Action::PrevYear]);
        assert_eq!(app.range(), None);
        assert!(press(&mut app, &[Action::MarkRange]));
        assert_eq!(
            app.range(),
            Some((2024, 2024)),
            "one year until the cursor moves"
        );
        press(&mut app, &[Action::PrevYear, Action::PrevYear]);
        assert_eq!(app.range(), Some((2022, 2024)));
        press(&mut app, &[Action::LastYear]);
        assert_eq!(app.range(), Some((2024, 2025)));
        press(&mut app, &[Action::FirstYear]);
        assert_eq!(app.range(), Some((2010, 2024)));
        assert!(press(&mut app, &[Action::MarkRange]));
        assert_eq!(app.range(), None, "m again clears it");
        assert_eq!(app.cursor(), Some(2010), "and leaves the cursor");
        press(&mut app, &[Action::MarkRange, Action::NextYear]);
        assert_eq!(app.range(), Some((2010, 2011)), "and m marks anew");
    }

    #[test]
    fn a_range_runs_backwards_from_its_start_as_well() {
        let mut app = app().with_tab(GDP);
        press(&mut app, &[Action::LastYear, Action::MarkRange]);
        for _ in 0..13 {
            press(&mut app, &[Action::PrevYear]);
        }
        assert_eq!(app.cursor(), Some(2012));
        assert_eq!(app.range(), Some((2012, 2025)), "earlier year first");
        press(
            &mut app,
            &[Action::PrevYear, Action::PrevYear, Action::PrevYear],
        );
        assert_eq!(
            app.range(),
            Some((2010, 2025)),
            "the cursor stops at the first year"
        );
    }

    #[test]
    fn m_without_a_cursor_puts_it_on_the_last_year_first() {
        let mut app = app().with_tab(GDP);
        assert!(press(&mut app, &[Action::MarkRange]));
        assert_eq!(app.cursor(), Some(2025));
        assert_eq!(app.range(), Some((2025, 2025)));
        press(&mut app, &[Action::FirstYear]);
        assert_eq!(
            app.range(),
            Some((2010, 2025)),
            "since the first year in two keys"
        );
    }

    #[test]
    fn esc_leaves_focus_first_then_clears_the_range_and_never_quits() {
        let mut app = app().with_tab(GDP);
        press(
            &mut app,
            &[Action::MarkRange, Action::FirstYear, Action::Focus],
        );
        assert!(press(&mut app, &[Action::Back]));
        assert_eq!(app.focus(), None);
        assert_eq!(
            app.range(),
            Some((2010, 2025)),
            "the first Esc leaves focus"
        );
        assert!(press(&mut app, &[Action::Back]));
        assert_eq!(app.range(), None);
        assert_eq!(app.cursor(), Some(2010));
        assert!(!press(&mut app, &[Action::Back]), "then nothing to do");
        assert!(!app.should_quit());
        // Over the sources, Esc closes the panel and nothing else.
        press(
            &mut app,
            &[Action::MarkRange, Action::ToggleSources, Action::Back],
        );
        assert_eq!(app.overlay(), None);
        assert_eq!(app.range(), Some((2010, 2010)));
    }

    #[test]
    fn the_range_stays_across_tabs_and_follows_the_cursor_there() {
        let t0 = Instant::now();
        let mut app = app()
            .with_tab(GDP)
            .with_autoplay(Duration::from_secs(5), t0);
        app.update(Action::LastYear, t0);
        app.update(Action::MarkRange, t0);
        app.set_range(Some((2025, 2012)));
        for key in [Action::NextTab, Action::GoToTab(4), Action::PrevTab] {
            app.update(key, t0);
            assert_eq!(app.range(), Some((2012, 2025)), "{key:?}");
        }
        app.update(Action::Tick, t0 + Duration::from_secs(5));
        assert_eq!(app.tab(), 4, "autoplay moved on");
        assert_eq!(app.range(), Some((2012, 2025)));
        // The People tab's years start in 2010: the cursor moves on to them.
        app.update(Action::FirstYear, t0);
        assert_eq!(app.range(), Some((2010, 2025)));
    }

    #[test]
    fn m_while_the_help_is_open_or_the_screen_blank_only_closes_it() {
        for first in [Action::ToggleHelp, Action::Blank] {
            let mut app = app().with_tab(GDP);
            press(&mut app, &[first]);
            assert!(press(&mut app, &[Action::MarkRange]));
            assert_eq!(app.range(), None, "{first:?}");
            assert_eq!(app.cursor(), None, "{first:?}");
        }
        // The sources panel stays open: keys other than the year keys act behind it.
        let mut app = app().with_tab(GDP);
        press(&mut app, &[Action::ToggleSources, Action::MarkRange]);
        assert_eq!(app.overlay(), Some(Overlay::Sources { scroll: 0 }));
        assert_eq!(app.range(), Some((2025, 2025)));
    }

    #[test]
    fn a_range_can_be_set_directly_in_either_order() {
        let app = app().with_tab(GDP).with_range(Some((2012, 2021)));
        assert_eq!(app.range(), Some((2012, 2021)));
        assert_eq!(app.cursor(), Some(2021), "the cursor is the range's end");
        let mut app = app.with_range(Some((2021, 2012)));
        assert_eq!(app.range(), Some((2012, 2021)));
        assert_eq!(app.cursor(), Some(2012));
        press(&mut app, &[Action::NextYear]);
        assert_eq!(app.range(), Some((2013, 2021)), "2021 is where it started");
        app.set_range(None);
        assert_eq!(app.range(), None);
        assert_eq!(app.cursor(), Some(2013));
        app.set_range(Some((2015, 2015)));
        assert_eq!(app.range(), Some((2015, 2015)));
        press(&mut app, &[Action::MarkRange]);
        assert_eq!(app.range(), None, "m clears a range set directly");
    }
}
