//! Random keys in a talk, on a fake clock: nothing panics, the beat is always one of the talk's,
//! only `C-c` or a second `q` while the question is up quits, `Esc` never does, and `r` (after
//! the key that brings a blank screen back and the one that closes the help) always puts the
//! beat's screen back, frame for frame as a fresh dashboard draws that beat.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::select;
use shenzhen_dash::action::Action;
use shenzhen_dash::app::{App, Overlay};
use shenzhen_dash::headless::render;
use shenzhen_dash::talk::{QUIT_PROMPT, Talk};
use shenzhen_dash::theme::Theme;

use super::{config, embedded, plain_actions, render_checked, size, theme};

const VALID: &str = include_str!("../../fixtures/talk/valid.toml");

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => select(vec![
            Action::NextBeat,
            Action::PrevBeat,
            Action::FirstBeat,
            Action::ReturnToBeat,
        ]),
        6 => select(plain_actions()),
        2 => (0usize..=9).prop_map(Action::GoToTab),
        1 => Just(Action::Quit),
        1 => Just(Action::QuitNow),
    ]
}

fn advance() -> impl Strategy<Value = Duration> {
    prop_oneof![
        3 => (0u64..=1_000).prop_map(Duration::from_millis),
        1 => (0u64..=20_000).prop_map(Duration::from_millis),
        1 => Just(QUIT_PROMPT),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn key_sequences_in_a_talk_keep_their_promises(
        base in select(vec![shenzhen_dash::talk::EMBEDDED, VALID]),
        theme in theme(),
        steps in prop::collection::vec((action(), advance()), 0..60),
        (width, height) in size(),
    ) {
        let data = embedded();
        let talk = Talk::parse(base, "talk.toml", &data).unwrap();
        let beats = talk.beats.len();
        let mut app = App::new(data.clone()).with_talk(talk.clone());
        app.colours = theme.1;
        app.theme = Theme::pick(theme.0, theme.1);
        let mut now = Instant::now();
        // When the question went up, while it is.
        let mut asked: Option<Instant> = None;
        for (i, (action, advance)) in steps.iter().enumerate() {
            now += *advance;
            let blank = app.is_blank();
            app.update(*action, now);
            let index = app.talk().unwrap().index();
            prop_assert!(index < beats, "step {}: beat {} of {}", i, index, beats);
            // Who may quit: C-c, or q on top of the question's few seconds.
            let second_q = *action == Action::Quit
                && !blank
                && asked.is_some_and(|at| now < at + QUIT_PROMPT);
            if app.should_quit() {
                prop_assert!(
                    *action == Action::QuitNow || second_q,
                    "step {}: {:?} quit", i, action
                );
                return Ok(());
            }
            prop_assert!(*action != Action::QuitNow && !second_q, "step {}: {:?} did not quit", i, action);
            asked = match action {
                Action::Quit if !blank => Some(asked.filter(|at| now < *at + QUIT_PROMPT).unwrap_or(now)),
                Action::Quit | Action::Nothing | Action::QuitNow => asked,
                Action::Tick => asked.filter(|at| now < *at + QUIT_PROMPT),
                _ => None,
            };
            prop_assert_eq!(
                app.talk().unwrap().asking_to_quit(),
                asked.is_some(),
                "step {}: {:?}", i, action
            );
            // The loop wakes to take the question down, and for nothing else but autoplay.
            match (asked, app.autoplay()) {
                (Some(at), _) => prop_assert!(app.deadline().is_some_and(|d| d <= at + QUIT_PROMPT)),
                (None, None) => prop_assert_eq!(app.deadline(), None),
                (None, Some(_)) => {}
            }
            render_checked(&app, 80, 24)?;
        }
        render_checked(&app, width, height)?;

        // `r` restores the beat: at once, or after the keys a blank screen and the help take.
        let index = app.talk().unwrap().index();
        let presses = 1
            + usize::from(app.is_blank())
            + usize::from(app.overlay() == Some(Overlay::Help));
        for _ in 0..presses {
            app.update(Action::ReturnToBeat, now);
        }
        prop_assert_eq!(app.talk().unwrap().index(), index, "r moved to another beat");
        prop_assert_eq!(app.screen(), Some(talk.beats[index].screen));
        prop_assert!(!app.is_detour());
        prop_assert!(app.caption().is_some() || talk.beats[index].caption.is_empty());
        let mut fresh = App::new(data).with_talk(talk);
        fresh.colours = app.colours;
        fresh.theme = app.theme.clone();
        fresh.ascii = app.ascii;
        fresh.go_to_beat(index);
        for (width, height) in [(80, 24), (width, height)] {
            prop_assert_eq!(render(&app, width, height), render(&fresh, width, height));
        }
    }
}
