//! What the audience sees on a beat: the caption (its headline in large type where there is
//! room), only on its beat's own screen; the footer's counter, detour and question; the help
//! in a talk; and never the speaker's notes.

use std::time::Instant;

use ratatui::style::Modifier;
use shenzhen_dash::action::{Action, TALK_BINDINGS};
use shenzhen_dash::app::App;
use shenzhen_dash::headless::render;

use super::{built_in, press};
use crate::support::screen;

/// The built-in talk's second beat: GDP more than doubled, on the nominal GDP chart.
fn second_beat() -> App {
    let mut app = built_in();
    press(&mut app, &[Action::NextBeat]);
    app
}

const HEADLINE: &str = "GDP more than doubled";
const DETAIL: &str = "1,295.01 bn yuan in 2012, 3,066.49 bn in 2021: ×2.37, +10.1% a year";

#[test]
fn a_caption_beat_at_120x40_has_its_headline_in_large_type() {
    let app = second_beat();
    let text = screen(&app, 120, 40);
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[1].starts_with("╭ Nominal GDP, first published"),
        "{text}"
    );
    assert!(rows[39].contains("beat 2/14"), "{text}");
    assert!(!text.contains("detour"), "{text}");
    // Under a rule: four rows of large type, then the detail, centred.
    assert!(rows[33].chars().all(|c| c == '─'), "{text}");
    assert!(
        !text.contains(HEADLINE),
        "the headline is drawn, not written:\n{text}"
    );
    for row in &rows[34..38] {
        assert!(row.contains(['▀', '▄', '█', '▌', '▐', '▜', '▛']), "{text}");
    }
    let detail = rows[38];
    assert_eq!(detail.trim(), DETAIL);
    let left = detail.len() - detail.trim_start().len();
    let right = 120 - left - DETAIL.chars().count();
    assert!(left.abs_diff(right) <= 1, "centred: {left} and {right}");
    insta::assert_snapshot!("talk_caption_beat_120x40", text);
}

#[test]
fn a_caption_beat_at_80x24_is_bold_text_under_a_rule() {
    let app = second_beat();
    let text = screen(&app, 80, 24);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[20].chars().all(|c| c == '─'), "{text}");
    assert_eq!(rows[21].trim(), HEADLINE);
    assert_eq!(rows[22].trim(), DETAIL);
    assert!(rows[23].contains("beat 2/14"), "{text}");
    let buf = render(&app, 80, 24);
    let x = rows[21].find('G').unwrap() as u16;
    assert!(buf[(x, 21)].modifier.contains(Modifier::BOLD));
    insta::assert_snapshot!("talk_caption_beat_80x24", text);
}

#[test]
fn a_narrow_window_wraps_the_caption_and_keeps_room_for_the_chart() {
    let app = second_beat();
    let text = screen(&app, 50, 20);
    assert!(text.contains(HEADLINE), "{text}");
    let rows: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        rows.contains(&"1,295.01 bn yuan in 2012, 3,066.49 bn in 2021:"),
        "{text}"
    );
    assert!(rows.contains(&"×2.37, +10.1% a year"), "{text}");
    // At the smallest size the dashboard draws, the caption still fits, and the chart keeps
    // its rows (the readout gives way first).
    let text = screen(&app, 50, 15);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[1].starts_with("╭ Nominal GDP"), "{text}");
    assert!(rows[9].starts_with("╰"), "{text}");
    assert_eq!(rows[11].trim(), HEADLINE, "{text}");
    assert!(rows[14].contains("beat 2/14"), "{text}");
}

#[test]
fn ascii_glyphs_draw_the_headline_as_text() {
    let mut app = second_beat();
    press(&mut app, &[Action::ToggleAscii]);
    let text = screen(&app, 120, 40);
    assert!(text.contains(HEADLINE), "{text}");
    assert!(text.is_ascii(), "{text}");
}

#[test]
fn a_detour_hides_the_caption_and_the_footer_says_how_back() {
    let mut app = second_beat();
    press(&mut app, &[Action::NextTab]);
    let text = screen(&app, 120, 40);
    assert!(!text.contains("1,295.01 bn yuan"), "{text}");
    let footer = text.lines().last().unwrap();
    assert!(
        footer.ends_with("beat 2/14 · detour · r returns"),
        "{footer}"
    );
    press(&mut app, &[Action::ReturnToBeat]);
    assert_eq!(screen(&app, 120, 40), screen(&second_beat(), 120, 40));
}

#[test]
fn the_footer_hints_the_beats_and_keeps_room_for_the_counter() {
    let app = second_beat();
    for width in [50, 80, 120] {
        let text = screen(&app, width, 24);
        let footer = text.lines().last().unwrap();
        assert!(footer.starts_with(" ←→ beats"), "{width}: {footer}");
        assert!(footer.contains("q quit"), "{width}: {footer}");
        assert!(footer.contains("beat 2/14"), "{width}: {footer}");
        assert!(
            !footer.contains("tabs"),
            "→ is not a tab key in a talk: {footer}"
        );
    }
}

#[test]
fn the_first_q_asks_in_the_footer() {
    let mut app = second_beat();
    app.update(Action::Quit, Instant::now());
    let text = screen(&app, 80, 24);
    let footer = text.lines().last().unwrap();
    assert!(footer.ends_with(" press q again to quit"), "{footer}");
    let buf = render(&app, 80, 24);
    let theme = &app.theme;
    assert_eq!(buf[(79 - 2, 23)].fg, theme.warning.fg.unwrap());
}

#[test]
fn the_help_in_a_talk_lists_the_talk_keys_first() {
    let mut app = second_beat();
    press(&mut app, &[Action::ToggleHelp]);
    let text = screen(&app, 100, 40);
    assert!(text.contains("Keys in a talk · any key closes"), "{text}");
    for binding in TALK_BINDINGS {
        assert!(text.contains(binding.description), "{text}");
        assert!(text.contains(&binding.label()), "{text}");
    }
    let row = |label: &str| {
        text.lines()
            .find(|l| l.contains(&format!("│ {label} ")))
            .unwrap_or_default()
    };
    assert!(row("l Tab").contains(" next tab "), "{text}");
    assert!(row("→ PgDn Space Enter").contains("next beat"), "{text}");
    assert!(
        !text.contains("pause / resume autoplay"),
        "Space is a talk key: {text}"
    );
    let next_beat = text.find("next beat").unwrap();
    assert!(next_beat < text.find("next tab").unwrap(), "{text}");
}

#[test]
fn a_beat_with_the_sources_open_keeps_its_caption_in_view() {
    let mut app = built_in();
    let last = app.talk().unwrap().talk().beats.len() - 1;
    app.go_to_beat(last);
    let text = screen(&app, 100, 30);
    assert!(text.contains("Sources · Overview"), "{text}");
    assert!(text.contains("One key away: s."), "{text}");
}

#[test]
fn the_speakers_notes_are_never_drawn() {
    // Each beat's frame is the same whatever its notes say, and a marker in them never shows.
    const MARKER: &str = "SPEAKER ONLY";
    let app = built_in();
    let talk = app.talk().unwrap().talk().clone();
    let mut marked = talk.clone();
    for beat in &mut marked.beats {
        beat.notes = format!("{MARKER}\n{MARKER}");
    }
    let mut as_written = app.clone();
    let mut with_marker = App::new(app.data.clone()).with_talk(marked);
    for index in 0..talk.beats.len() {
        as_written.go_to_beat(index);
        with_marker.go_to_beat(index);
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let text = screen(&with_marker, width, height);
            assert!(!text.contains(MARKER), "beat {}: {text}", index + 1);
            assert_eq!(
                text,
                screen(&as_written, width, height),
                "beat {}",
                index + 1
            );
        }
    }
}
