//! Action sequences keep the app valid: random sequences of every `Action` (tab indices up to
//! 20 and beyond, ticks at advancing times, with and without autoplay, focus, year ranges and
//! the blank screen), and the stage-safe keys and the year range keep their promises at every
//! step.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use shenzhen_dash::action::Action;
use shenzhen_dash::app::{App, GAUGE_STEP, Overlay};
use shenzhen_dash::data::Dataset;
use shenzhen_dash::derive::View;
use shenzhen_dash::theme::{Theme, ThemeName};

use super::{config, embedded, plain_actions, render_checked, size, theme};

/// Fails to compile when `Action` gains a variant, so that `action()` below is updated too.
fn every_variant_is_generated(action: Action) {
    match action {
        Action::NextTab
        | Action::PrevTab
        | Action::GoToTab(_)
        | Action::NextYear
        | Action::PrevYear
        | Action::FirstYear
        | Action::LastYear
        | Action::ToggleHelp
        | Action::ToggleSources
        | Action::CycleTheme
        | Action::ToggleAscii
        | Action::ToggleChange
        | Action::ToggleIndex
        | Action::ToggleAutoplay
        | Action::PauseAutoplay
        | Action::Focus
        | Action::MarkRange
        | Action::Blank
        | Action::Back
        | Action::Quit
        | Action::QuitNow
        | Action::Nothing
        | Action::Unbound
        | Action::Tick
        | Action::NextBeat
        | Action::PrevBeat
        | Action::FirstBeat
        | Action::ReturnToBeat => {}
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => select(
            plain_actions()
                .into_iter()
                // Outside a talk, its keys do nothing.
                .chain([
                    Action::NextBeat,
                    Action::PrevBeat,
                    Action::FirstBeat,
                    Action::ReturnToBeat,
                ])
                .collect::<Vec<_>>()
        ),
        // Rarer, so that sequences run on after them.
        1 => select(vec![Action::Quit, Action::QuitNow]),
        2 => (0usize..=20).prop_map(Action::GoToTab),
        1 => select(vec![usize::MAX, usize::MAX - 1, 1 << 32]).prop_map(Action::GoToTab),
        2 => Just(Action::Tick),
    ]
}

/// How far the clock moves before an action: mostly little, sometimes past an autoplay period.
fn advance() -> impl Strategy<Value = Duration> {
    prop_oneof![
        3 => (0u64..=500).prop_map(Duration::from_millis),
        1 => (0u64..=120_000).prop_map(Duration::from_millis),
        1 => Just(Duration::ZERO),
    ]
}

/// What must hold after every action.
#[derive(Debug, Clone, PartialEq)]
struct Visible {
    tab: usize,
    cursor: Option<i32>,
    overlay: Option<Overlay>,
    view: View,
    theme: ThemeName,
    ascii: bool,
    autoplay: Option<bool>,
    focus: Option<usize>,
    blank: bool,
    range: Option<(i32, i32)>,
}

fn visible(app: &App) -> Visible {
    Visible {
        tab: app.tab(),
        cursor: app.cursor(),
        overlay: app.overlay(),
        view: app.view(),
        theme: app.theme.name,
        ascii: app.ascii,
        autoplay: app.autoplay().map(|a| a.paused.is_some()),
        focus: app.focus(),
        blank: app.is_blank(),
        range: app.range(),
    }
}

/// What the checks need to know of each page.
struct Pages {
    /// The first and last year with data, as `App::page_years` would give them.
    years: Vec<Option<(i32, i32)>>,
    /// How many charts there are to focus.
    charts: Vec<usize>,
}

fn pages(data: &Dataset) -> Pages {
    Pages {
        years: (0..data.pages.len())
            .map(|tab| App::new(data.clone()).with_tab(tab).page_years())
            .collect(),
        charts: data.pages.iter().map(|p| p.charts.len()).collect(),
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one invariant after another, each with its message"
)]
fn check_step(
    app: &App,
    before: &Visible,
    action: Action,
    redraw: bool,
    now: Instant,
    pages: &Pages,
    was_quit: bool,
) -> Result<(), TestCaseError> {
    let after = visible(app);
    let ranges = &pages.years;
    check_stage_keys(app, before, &after, action, redraw, pages, was_quit)?;
    check_range(before, &after, action)?;
    let pages = ranges.len();
    prop_assert!(after.tab < pages, "tab {} of {}", after.tab, pages);

    // The cursor only ever moves to a year within the current page's years, and only by a
    // cursor action, or by `m` where it shows it first; it stays put across tabs. While the
    // help is open every key only closes it; while the sources are open ↓ ↑ Home scroll them
    // and End stays put, so none of them moves the cursor hidden behind the panel; on a blank
    // screen a key only unblanks.
    if after.cursor != before.cursor {
        let scrolls = matches!(before.overlay, Some(Overlay::Sources { .. }))
            && matches!(
                action,
                Action::NextYear | Action::PrevYear | Action::FirstYear | Action::LastYear
            );
        let shown_by_m = action == Action::MarkRange && before.cursor.is_none();
        prop_assert!(
            (matches!(
                action,
                Action::NextYear | Action::PrevYear | Action::FirstYear | Action::LastYear
            ) || shown_by_m)
                && before.overlay != Some(Overlay::Help)
                && !before.blank
                && !scrolls,
            "{:?} moved the cursor from {:?} to {:?} (overlay {:?})",
            action,
            before.cursor,
            after.cursor,
            before.overlay
        );
        let (first, last) = ranges[after.tab].expect("the cursor moved on a page with years");
        let year = after.cursor.expect("every embedded page has years");
        prop_assert!(
            (first..=last).contains(&year),
            "cursor {} outside tab {}'s years {}-{}",
            year,
            after.tab,
            first,
            last
        );
    }
    if let Some(year) = after.cursor {
        prop_assert!(
            ranges
                .iter()
                .flatten()
                .any(|(first, last)| (*first..=*last).contains(&year)),
            "cursor {} is within no page's years",
            year
        );
    }

    // A change anyone can see is redrawn (behind a blank screen nobody can).
    if after != *before && !app.should_quit() && !(before.blank && after.blank) {
        prop_assert!(
            redraw,
            "{:?} changed {:?} to {:?} but asked for no redraw",
            action,
            before,
            after
        );
    }
    prop_assert!(
        !was_quit || app.should_quit(),
        "quitting is final, but {:?} undid it",
        action
    );
    if action == Action::QuitNow || (action == Action::Quit && !before.blank) {
        prop_assert!(app.should_quit(), "{:?} did not quit", action);
    }
    if !was_quit && app.should_quit() {
        prop_assert!(
            matches!(action, Action::Quit | Action::QuitNow),
            "{:?} quit",
            action
        );
    }

    // Ticks only advance autoplay: one tab on, nothing else.
    if action == Action::Tick {
        let running = before.autoplay == Some(false);
        let expected_tabs = if running {
            vec![before.tab, (before.tab + 1) % pages]
        } else {
            vec![before.tab]
        };
        prop_assert!(
            expected_tabs.contains(&after.tab),
            "a tick moved from tab {} to {}",
            before.tab,
            after.tab
        );
        // Views are kept per tab, so a new tab may show another view; a new tab leaves focus.
        prop_assert_eq!(
            Visible {
                tab: before.tab,
                view: before.view,
                focus: before.focus,
                ..after.clone()
            },
            before.clone(),
            "a tick changed more than the tab"
        );
    }

    // Autoplay wakes the loop only while it runs, and never later than one gauge step.
    match (app.autoplay(), app.deadline()) {
        (Some(autoplay), Some(deadline)) => {
            prop_assert!(
                autoplay.paused.is_none(),
                "a paused autoplay set a deadline"
            );
            prop_assert!(
                deadline <= now + GAUGE_STEP,
                "deadline {:?} after now + {:?}",
                deadline.saturating_duration_since(now),
                GAUGE_STEP
            );
        }
        (Some(autoplay), None) => prop_assert!(
            autoplay.paused.is_some(),
            "autoplay runs but sets no deadline"
        ),
        (None, Some(_)) => prop_assert!(false, "a deadline without autoplay"),
        (None, None) => {}
    }
    match (app.autoplay(), app.autoplay_progress()) {
        (Some(_), Some(progress)) => prop_assert!(
            (0.0..=1.0).contains(&progress),
            "autoplay progress {}",
            progress
        ),
        (None, Some(progress)) => prop_assert!(false, "progress {} without autoplay", progress),
        (_, None) => {}
    }
    Ok(())
}

/// The year range's promises, after every action: `m` marks the cursor's year or clears the
/// range, Esc clears it only once nothing else is open, the cursor moves its end, and nothing
/// else changes it (a new tab keeps it).
fn check_range(before: &Visible, after: &Visible, action: Action) -> Result<(), TestCaseError> {
    if let Some((from, to)) = after.range {
        let cursor = after.cursor.expect("a range ends at the cursor");
        prop_assert!(from <= to, "range {}-{} backwards", from, to);
        prop_assert!(
            cursor == from || cursor == to,
            "range {}-{} does not end at the cursor {}",
            from,
            to,
            cursor
        );
    }
    if after.range == before.range {
        return Ok(());
    }
    let acted = !before.blank && before.overlay != Some(Overlay::Help);
    let cursor_moved = after.cursor != before.cursor;
    match action {
        Action::MarkRange => {
            prop_assert!(acted, "m changed the range behind {:?}", before.overlay);
            if before.range.is_some() {
                prop_assert_eq!(after.range, None, "m again clears");
            } else {
                let year = after.cursor.expect("m marks the cursor's year");
                prop_assert_eq!(after.range, Some((year, year)));
            }
        }
        Action::Back => {
            prop_assert!(
                acted && before.overlay.is_none() && before.focus.is_none(),
                "Esc cleared the range before closing {:?} or leaving focus {:?}",
                before.overlay,
                before.focus
            );
            prop_assert_eq!(after.range, None);
        }
        _ => prop_assert!(
            cursor_moved && before.range.is_some() && after.range.is_some(),
            "{:?} changed the range {:?} to {:?}",
            action,
            before.range,
            after.range
        ),
    }
    Ok(())
}

/// The promises of the stage-safe keys and of focus, after every action.
fn check_stage_keys(
    app: &App,
    before: &Visible,
    after: &Visible,
    action: Action,
    redraw: bool,
    pages: &Pages,
    was_quit: bool,
) -> Result<(), TestCaseError> {
    if was_quit {
        return Ok(());
    }
    // F5 and Shift-F5 change nothing, and nothing is redrawn for them.
    if action == Action::Nothing {
        prop_assert_eq!(after, before, "F5 changed something");
        prop_assert!(!redraw, "F5 asked for a redraw");
    }
    // Esc never quits.
    if action == Action::Back {
        prop_assert!(!app.should_quit(), "Esc quit");
    }
    // On a blank screen the next key only brings the picture back.
    if before.blank && !matches!(action, Action::Tick | Action::Nothing | Action::QuitNow) {
        let unblanked = Visible {
            blank: false,
            ..before.clone()
        };
        prop_assert_eq!(after, &unblanked, "{:?} did more than unblank", action);
        prop_assert!(redraw, "the picture came back without a redraw");
    }
    // Focus is on a chart the tab has, and a new tab is shown whole.
    if let Some(index) = after.focus {
        prop_assert!(
            index < pages.charts[after.tab],
            "focus on chart {} of tab {}, which has {}",
            index,
            after.tab,
            pages.charts[after.tab]
        );
    }
    if after.tab != before.tab {
        prop_assert_eq!(after.focus, None, "a new tab kept focus");
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn action_sequences_keep_the_app_valid(
        start_tab in 0usize..7,
        theme in theme(),
        ascii in any::<bool>(),
        autoplay in proptest::option::of(prop_oneof![1u64..=30, Just(86_400u64)]),
        steps in prop::collection::vec((action(), advance()), 0..80),
        (width, height) in size(),
    ) {
        let data = embedded();
        let pages = pages(&data);
        let t0 = Instant::now();
        let mut app = App::new(data).with_tab(start_tab);
        app.colours = theme.1;
        app.theme = Theme::pick(theme.0, theme.1);
        app.ascii = ascii;
        if let Some(seconds) = autoplay {
            app = app.with_autoplay(Duration::from_secs(seconds), t0);
        }
        let mut now = t0;
        for (i, (action, advance)) in steps.iter().enumerate() {
            every_variant_is_generated(*action);
            now += *advance;
            let before = visible(&app);
            let was_quit = app.should_quit();
            let redraw = app.update(*action, now);
            check_step(&app, &before, *action, redraw, now, &pages, was_quit)
                .map_err(|e| TestCaseError::fail(format!("step {i}, {action:?}: {e}")))?;
            // Every state on the way is drawable, not only the last.
            render_checked(&app, 80, 24)?;
        }
        render_checked(&app, width, height)?;
    }
}
