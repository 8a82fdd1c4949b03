//! The keys of a talk through `App::update`, on a fake clock: the clicker walks the beats, the
//! last beat stays, every other key is a detour that `r` ends exactly, and `q` must be pressed
//! twice (within the question's few seconds) to quit.

use std::time::{Duration, Instant};

use shenzhen_dash::action::Action;
use shenzhen_dash::app::{App, GAUGE_STEP, Overlay};
use shenzhen_dash::derive::View;
use shenzhen_dash::talk::{QUIT_PROMPT, Screen};

use super::{VALID, built_in, giving, press};

/// What the audience sees of the state, to compare a screen with a beat's.
fn seen(app: &App) -> (usize, Option<usize>, Option<i32>, View, Option<Overlay>) {
    (
        app.tab(),
        app.focus(),
        app.cursor(),
        app.view(),
        app.overlay(),
    )
}

fn beat(app: &App) -> usize {
    app.talk().unwrap().index()
}

#[test]
fn a_talk_opens_on_its_first_beat() {
    let app = giving(VALID);
    assert_eq!(beat(&app), 0);
    assert_eq!(seen(&app), (1, Some(0), Some(2021), View::Levels, None));
    assert!(!app.is_detour());
    assert_eq!(
        app.caption().unwrap(),
        [
            "GDP more than doubled",
            "1,295.01 bn yuan in 2012, 3,066.49 bn in 2021"
        ]
    );
}

#[test]
fn the_next_beat_keys_walk_forward_and_the_last_beat_stays() {
    let mut app = giving(VALID);
    assert!(
        app.update(Action::NextBeat, Instant::now()),
        "a new beat is drawn"
    );
    assert_eq!(beat(&app), 1);
    assert_eq!(seen(&app), (1, Some(1), None, View::Change, None));
    press(&mut app, &[Action::NextBeat]);
    assert_eq!(seen(&app), (2, Some(1), Some(2024), View::Index, None));
    press(&mut app, &[Action::NextBeat]);
    assert_eq!(beat(&app), 3);
    assert_eq!(
        seen(&app),
        (
            0,
            None,
            None,
            View::Levels,
            Some(Overlay::Sources { scroll: 0 })
        )
    );
    for _ in 0..5 {
        press(&mut app, &[Action::NextBeat]);
        assert_eq!(beat(&app), 3, "after the last beat, the last beat");
        assert!(!app.is_detour());
        assert!(
            !app.should_quit(),
            "the end of a talk does not end the dashboard"
        );
    }
}

#[test]
fn previous_and_first_go_back_and_stop_at_the_first() {
    let mut app = giving(VALID);
    press(
        &mut app,
        &[Action::NextBeat, Action::NextBeat, Action::NextBeat],
    );
    press(&mut app, &[Action::PrevBeat]);
    assert_eq!(beat(&app), 2);
    assert_eq!(seen(&app), (2, Some(1), Some(2024), View::Index, None));
    press(&mut app, &[Action::FirstBeat]);
    assert_eq!(beat(&app), 0);
    assert_eq!(seen(&app), (1, Some(0), Some(2021), View::Levels, None));
    press(&mut app, &[Action::PrevBeat, Action::PrevBeat]);
    assert_eq!(beat(&app), 0, "before the first beat, the first beat");
    assert_eq!(seen(&app), (1, Some(0), Some(2021), View::Levels, None));
}

#[test]
fn a_beat_sets_its_view_on_its_tab_and_leaves_the_others_alone() {
    let mut app = giving(VALID);
    // Beat 3 shows R&D as an index; R&D's view stays an index on a detour back to it.
    press(&mut app, &[Action::NextBeat, Action::NextBeat]);
    assert_eq!(app.view(), View::Index);
    press(&mut app, &[Action::FirstBeat]);
    assert_eq!(app.view(), View::Levels, "beat 1's own view on its tab");
    press(&mut app, &[Action::GoToTab(2)]);
    assert_eq!(app.view(), View::Index);
}

#[test]
fn every_other_key_is_a_detour_and_r_returns_exactly() {
    let detours: &[&[Action]] = &[
        &[Action::NextTab],
        &[Action::GoToTab(4)],
        &[Action::PrevYear],
        &[Action::FirstYear],
        &[Action::ToggleChange],
        &[Action::ToggleIndex, Action::NextTab, Action::LastYear],
        &[Action::Focus],
        &[Action::Back],
        &[Action::ToggleSources],
        &[Action::ToggleSources, Action::NextYear],
        &[Action::ToggleAutoplay],
    ];
    for detour in detours {
        let mut app = giving(VALID);
        let before = seen(&app);
        press(&mut app, detour);
        assert!(app.is_detour(), "{detour:?}");
        assert!(
            app.caption().is_none(),
            "{detour:?}: no caption off the beat"
        );
        assert!(app.update(Action::ReturnToBeat, Instant::now()));
        assert_eq!(seen(&app), before, "{detour:?}");
        assert!(!app.is_detour(), "{detour:?}");
        assert!(
            app.autoplay().is_none(),
            "{detour:?}: autoplay would leave the beat"
        );
        assert_eq!(beat(&app), 0, "{detour:?}: r stays on the beat");
        assert!(app.caption().is_some());
    }
}

#[test]
fn the_speakers_own_keys_are_no_detour() {
    let mut app = giving(VALID);
    press(
        &mut app,
        &[Action::CycleTheme, Action::ToggleAscii, Action::Nothing],
    );
    assert!(!app.is_detour());
    press(&mut app, &[Action::Blank]);
    assert!(app.is_blank());
    assert!(!app.is_detour());
    // The key after a blank screen only brings it back, even a next-beat key.
    press(&mut app, &[Action::NextBeat]);
    assert!(!app.is_blank());
    assert_eq!(beat(&app), 0);
    // r keeps the theme the room needs.
    press(&mut app, &[Action::NextTab, Action::ReturnToBeat]);
    assert!(app.ascii);
    assert_ne!(app.theme.name, shenzhen_dash::theme::ThemeName::Dark);
}

#[test]
fn back_on_the_beat_by_hand_is_no_detour_any_more() {
    let mut app = giving(VALID);
    press(&mut app, &[Action::NextTab]);
    assert!(app.is_detour());
    press(&mut app, &[Action::PrevTab, Action::Focus]);
    // Tab 2, chart 1 and the 2021 cursor again: the beat's screen, whatever the way back.
    assert_eq!(seen(&app), (1, Some(0), Some(2021), View::Levels, None));
    assert!(!app.is_detour());
}

#[test]
fn the_next_beat_from_a_detour_carries_on_from_the_beat() {
    let mut app = giving(VALID);
    press(&mut app, &[Action::GoToTab(5), Action::NextBeat]);
    assert_eq!(beat(&app), 1);
    assert_eq!(seen(&app), (1, Some(1), None, View::Change, None));
    press(&mut app, &[Action::GoToTab(5), Action::PrevBeat]);
    assert_eq!(beat(&app), 0);
    assert!(!app.is_detour());
}

#[test]
fn the_help_closes_first_and_the_next_key_walks_on() {
    let mut app = giving(VALID);
    press(&mut app, &[Action::ToggleHelp]);
    assert!(app.is_detour(), "the help covers the beat");
    press(&mut app, &[Action::NextBeat]);
    assert_eq!(
        (beat(&app), app.overlay()),
        (0, None),
        "any key closes the help"
    );
    press(&mut app, &[Action::NextBeat]);
    assert_eq!(beat(&app), 1);
}

#[test]
fn q_asks_once_and_only_a_second_q_within_the_question_quits() {
    let t0 = Instant::now();
    let second = Duration::from_secs(1);
    let mut app = giving(VALID);
    assert_eq!(app.deadline(), None, "an idle talk wakes nothing");
    assert!(app.update(Action::Quit, t0), "the question is drawn");
    assert!(!app.should_quit());
    assert!(app.talk().unwrap().asking_to_quit());
    assert_eq!(
        app.deadline(),
        Some(t0 + QUIT_PROMPT),
        "the loop wakes to take it down"
    );
    app.update(Action::Quit, t0 + second);
    assert!(app.should_quit(), "the second q");
}

#[test]
fn with_autoplay_running_the_loop_wakes_for_whichever_comes_first() {
    let t0 = Instant::now();
    let mut app = giving(VALID);
    app.update(Action::ToggleAutoplay, t0);
    app.update(Action::Quit, t0);
    assert_eq!(
        app.deadline(),
        Some(t0 + GAUGE_STEP),
        "the gauge before the question"
    );
    let mut app = giving(VALID);
    app.update(Action::Quit, t0);
    let late = t0 + QUIT_PROMPT;
    assert_eq!(app.deadline(), Some(late));
}

#[test]
fn the_question_goes_when_its_time_is_up_and_a_later_q_asks_again() {
    let t0 = Instant::now();
    let mut app = giving(VALID);
    app.update(Action::Quit, t0);
    let just_before = t0 + QUIT_PROMPT.saturating_sub(Duration::from_millis(1));
    assert!(
        !app.update(Action::Tick, just_before),
        "nothing to redraw yet"
    );
    assert!(app.talk().unwrap().asking_to_quit());
    assert!(
        app.update(Action::Tick, t0 + QUIT_PROMPT),
        "the question is taken down"
    );
    assert!(!app.talk().unwrap().asking_to_quit());
    assert_eq!(app.deadline(), None, "and nothing wakes the loop any more");
    app.update(Action::Quit, t0 + QUIT_PROMPT * 2);
    assert!(!app.should_quit(), "asked again");
    // A q whose Tick the loop has not yet delivered: late is late.
    app.update(Action::Quit, t0 + QUIT_PROMPT * 3);
    assert!(!app.should_quit());
    app.update(
        Action::Quit,
        t0 + QUIT_PROMPT * 3 + Duration::from_millis(10),
    );
    assert!(app.should_quit());
}

#[test]
fn any_other_key_takes_the_question_down_and_does_its_own_work() {
    let t0 = Instant::now();
    for key in [
        Action::NextBeat,
        Action::NextTab,
        Action::Unbound,
        Action::Back,
    ] {
        let mut app = giving(VALID);
        app.update(Action::Quit, t0);
        assert!(app.update(key, t0), "{key:?} redraws");
        assert!(!app.talk().unwrap().asking_to_quit(), "{key:?}");
        app.update(Action::Quit, t0);
        assert!(!app.should_quit(), "{key:?}: this q asks again");
    }
    // F5 does nothing at all: the question stays, and the next q quits.
    let mut app = giving(VALID);
    app.update(Action::Quit, t0);
    assert!(!app.update(Action::Nothing, t0));
    assert!(app.talk().unwrap().asking_to_quit());
    app.update(Action::Quit, t0);
    assert!(app.should_quit());
}

#[test]
fn on_a_blank_screen_q_only_brings_the_picture_back() {
    let t0 = Instant::now();
    let mut app = giving(VALID);
    app.update(Action::Quit, t0);
    app.update(Action::Blank, t0);
    assert!(
        !app.talk().unwrap().asking_to_quit(),
        "the blank key took it down"
    );
    app.update(Action::Quit, t0);
    assert!(!app.is_blank());
    assert!(!app.talk().unwrap().asking_to_quit());
    app.update(Action::Quit, t0);
    app.update(Action::Quit, t0);
    assert!(app.should_quit());
}

#[test]
fn the_question_expiring_behind_a_blank_screen_draws_nothing() {
    let t0 = Instant::now();
    let mut app = giving(VALID);
    app.update(Action::Quit, t0);
    // Blanking takes the question down, so nothing is left to expire.
    app.update(Action::Blank, t0);
    assert!(!app.update(Action::Tick, t0 + QUIT_PROMPT));
    assert_eq!(app.deadline(), None);
}

#[test]
fn ctrl_c_quits_at_once_and_esc_never_quits() {
    let mut app = giving(VALID);
    press(&mut app, &[Action::Back, Action::Back, Action::Back]);
    assert!(!app.should_quit());
    assert!(!app.update(Action::QuitNow, Instant::now()));
    assert!(app.should_quit());
}

#[test]
fn outside_a_talk_the_talk_keys_do_nothing() {
    let mut app = super::super::support::app_on(2, &[]);
    for key in [
        Action::NextBeat,
        Action::PrevBeat,
        Action::FirstBeat,
        Action::ReturnToBeat,
    ] {
        assert!(!app.update(key, Instant::now()), "{key:?}");
    }
    assert_eq!(seen(&app), (2, None, None, View::Levels, None));
    assert!(!app.is_detour());
    assert!(app.caption().is_none());
    assert!(app.talk().is_none());
    assert_eq!(app.screen().map(|s| s.tab), Some(2));
}

#[test]
fn a_frame_per_beat_without_keys() {
    let mut app = built_in();
    let beats = app.talk().unwrap().talk().beats.clone();
    for (index, beat) in beats.iter().enumerate() {
        app.go_to_beat(index);
        assert_eq!(app.screen(), Some(beat.screen), "beat {}", index + 1);
        assert_eq!(app.caption(), Some(beat.caption.as_slice()));
    }
    app.go_to_beat(999);
    assert_eq!(
        super::keys::beat(&app),
        beats.len() - 1,
        "past the end: the last"
    );
}

#[test]
fn a_screen_is_what_a_beat_would_say() {
    let mut app = giving(VALID);
    assert_eq!(
        app.screen(),
        Some(Screen {
            tab: 1,
            chart: Some(0),
            year: Some(2021),
            range: None,
            view: View::Levels,
            sources: false
        })
    );
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.screen(), None, "no beat shows the help");
    press(
        &mut app,
        &[Action::Unbound, Action::ToggleSources, Action::NextYear],
    );
    assert_eq!(app.screen(), None, "nor scrolled sources");
}

#[test]
fn a_beat_sets_a_year_range_and_its_annotations_and_r_restores_them() {
    let data = shenzhen_dash::data::Dataset::embedded().unwrap();
    let text = r#"
title = "Ranges"

[[beat]]
tab = "gdp"
chart = 1
range = [2012, 2021]
annotations = ["covid"]

[[beat]]
year = 2020
"#;
    let talk = shenzhen_dash::talk::Talk::parse(text, "ranges.toml", &data).unwrap();
    let mut app = App::new(data).with_talk(talk);
    let shown = |app: &App| -> Vec<String> {
        app.shown_annotations()
            .iter()
            .map(|a| a.id.clone())
            .collect()
    };
    assert_eq!(app.range(), Some((2012, 2021)));
    assert_eq!(app.cursor(), Some(2021), "a range ends at the cursor");
    assert_eq!(shown(&app), ["covid"]);
    assert!(!app.is_detour());
    // Esc leaves focus, then clears the range: off the beat, and `r` puts both back.
    press(&mut app, &[Action::Back]);
    assert_eq!((app.focus(), app.range()), (None, Some((2012, 2021))));
    press(&mut app, &[Action::Back]);
    assert_eq!(app.range(), None);
    assert!(app.is_detour());
    press(&mut app, &[Action::ReturnToBeat]);
    assert_eq!((app.focus(), app.range()), (Some(0), Some((2012, 2021))));
    assert!(!app.is_detour());
    // The next beat names no range and no annotations: none, and all of them.
    press(&mut app, &[Action::NextBeat]);
    assert_eq!((app.range(), app.cursor()), (None, Some(2020)));
    assert_eq!(shown(&app), ["gdp_doubled", "covid", "oecd_rd_2019"]);
    press(&mut app, &[Action::PrevBeat]);
    assert_eq!(app.range(), Some((2012, 2021)));
    assert_eq!(shown(&app), ["covid"]);
}
