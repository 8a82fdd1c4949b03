//! Any state renders at any size: every tab × theme (× colour depth) × ASCII on/off × overlay
//! (none, help, sources scrolled) × year cursor × year range (within, across or beyond the
//! data's years, either way round) × view (levels, change, index) × focus (none or any chart) ×
//! blank screen, at sizes from 0×0 to 400×150.

use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use shenzhen_dash::action::Action;
use shenzhen_dash::app::{App, Overlay};
use shenzhen_dash::data::Dataset;
use shenzhen_dash::derive::View;
use shenzhen_dash::headless::to_text;
use shenzhen_dash::theme::{Colours, Theme, ThemeName};

use super::{config, embedded, render_checked, size, theme};

#[derive(Debug, Clone, Copy)]
enum OverlayState {
    None,
    Help,
    Sources(u16),
}

/// Where the year cursor is put: on `tab`, from its first or last year, `steps` years inward
/// (or outward, where it stops at the edge).
#[derive(Debug, Clone, Copy)]
struct CursorSetup {
    tab: usize,
    from_first: bool,
    steps: u8,
}

fn view() -> impl Strategy<Value = View> {
    select(vec![View::Levels, View::Change, View::Index])
}

fn overlay_state() -> impl Strategy<Value = OverlayState> {
    prop_oneof![
        Just(OverlayState::None),
        Just(OverlayState::Help),
        (0u16..60).prop_map(OverlayState::Sources),
        any::<u16>().prop_map(OverlayState::Sources),
    ]
}

fn cursor_setup(pages: usize) -> impl Strategy<Value = Option<CursorSetup>> {
    proptest::option::of(
        (0..pages, any::<bool>(), 0u8..30).prop_map(|(tab, from_first, steps)| CursorSetup {
            tab,
            from_first,
            steps,
        }),
    )
}

/// Builds the app through its public actions and checks it reached the state asked for.
#[allow(
    clippy::too_many_arguments,
    reason = "one argument per dimension of the state"
)]
fn app_in_state(
    data: &Dataset,
    tab: usize,
    (theme, colours): (ThemeName, Colours),
    ascii: bool,
    overlay: OverlayState,
    cursor: Option<CursorSetup>,
    view: View,
    (focus, blank): (u8, bool),
) -> Result<App, TestCaseError> {
    let now = Instant::now();
    let mut app = App::new(data.clone()).with_tab(cursor.map_or(tab, |c| c.tab));
    app.colours = colours;
    app.theme = Theme::pick(theme, colours);
    app.ascii = ascii;
    let mut expected_cursor = None;
    if let Some(c) = cursor {
        let (first, last) = app.page_years().expect("every embedded page has data");
        let (start, step, action) = if c.from_first {
            (first, 1, Action::FirstYear)
        } else {
            (last, -1, Action::LastYear)
        };
        let step_action = if c.from_first {
            Action::NextYear
        } else {
            Action::PrevYear
        };
        app.update(action, now);
        for _ in 0..c.steps {
            app.update(step_action, now);
        }
        expected_cursor = Some((start + step * i32::from(c.steps)).clamp(first, last));
    }
    app.update(Action::GoToTab(tab), now);
    match view {
        View::Levels => {}
        View::Change => {
            app.update(Action::ToggleChange, now);
        }
        View::Index => {
            app.update(Action::ToggleIndex, now);
        }
    }
    // `f` pressed `focus` times: round the tab's charts and back to the whole tab.
    for _ in 0..focus {
        app.update(Action::Focus, now);
    }
    let charts = data.pages[tab].charts.len();
    let expected_focus = (charts > 0)
        .then(|| usize::from(focus) % (charts + 1))
        .filter(|&i| i > 0)
        .map(|i| i - 1);
    prop_assert_eq!(app.focus(), expected_focus, "after {} presses of f", focus);
    match overlay {
        OverlayState::None => {}
        OverlayState::Help => {
            app.update(Action::ToggleHelp, now);
        }
        OverlayState::Sources(scroll) => {
            app.update(Action::ToggleSources, now);
            for _ in 0..scroll {
                app.update(Action::NextYear, now);
            }
        }
    }
    prop_assert_eq!(app.tab(), tab);
    prop_assert_eq!(app.view(), view);
    prop_assert_eq!(
        app.cursor(),
        expected_cursor,
        "the cursor after {:?}",
        cursor
    );
    let expected_overlay = match overlay {
        OverlayState::None => None,
        OverlayState::Help => Some(Overlay::Help),
        OverlayState::Sources(scroll) => Some(Overlay::Sources { scroll }),
    };
    prop_assert_eq!(app.overlay(), expected_overlay);
    prop_assert_eq!(app.theme.name, theme);
    if blank {
        app.update(Action::Blank, now);
        prop_assert!(app.is_blank());
    }
    Ok(app)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_state_renders_at_any_size(
        tab in 0usize..7,
        theme in theme(),
        ascii in any::<bool>(),
        overlay in overlay_state(),
        cursor in cursor_setup(7),
        view in view(),
        focus in 0u8..5,
        blank in prop::bool::weighted(0.2),
        range in proptest::option::of((1990i32..2040, 1990i32..2040)),
        (width, height) in size(),
    ) {
        let data = embedded();
        prop_assert_eq!(data.pages.len(), 7, "the strategies assume seven tabs");
        let mut app =
            app_in_state(&data, tab, theme, ascii, overlay, cursor, view, (focus, blank))?;
        app.set_range(range);
        prop_assert_eq!(app.range(), range.map(|(a, b)| (a.min(b), a.max(b))));
        let buf = render_checked(&app, width, height)?;
        let text = to_text(&buf);
        let rows: Vec<&str> = text.lines().collect();
        prop_assert_eq!(rows.len(), usize::from(height));
        if blank {
            prop_assert!(text.trim().is_empty(), "a blank screen shows nothing:\n{}", text);
            return Ok(());
        }
        let big_enough = width >= 50 && height >= 15;
        if big_enough && !matches!(overlay, OverlayState::Help) {
            // The help panel may cover the whole frame; nothing else covers the first or last row.
            prop_assert!(rows[0].starts_with(" 1 "), "tab bar:\n{}", text);
            prop_assert!(
                rows[rows.len() - 1].contains("q quit"),
                "the footer keeps its quit hint:\n{}",
                text
            );
        }
        if !big_enough && width >= 18 && height >= 1 {
            prop_assert!(text.contains("terminal too small"), "{}", text);
        }
    }
}
