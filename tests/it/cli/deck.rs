//! `snapshot --talk`: the talk as one self-contained HTML deck (a slide a beat, its frame and
//! caption, `#beat-N` anchors, nothing fetched, no speaker's notes), and as text, ANSI or SVG
//! frames in order under `== beat N/M: caption ==` (text and ANSI with the notes after each).

use shenzhen_dash::data::Dataset;
use shenzhen_dash::talk::Talk;

use super::{MINIMAL, run};

const VALID: &str = "tests/fixtures/talk/valid.toml";

fn builtin() -> Talk {
    Talk::embedded(&Dataset::embedded().unwrap()).unwrap()
}

/// What HTML text shows as `text`.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The deck's slides, in order: the markup of each `<section class="slide">`.
fn slides(html: &str) -> Vec<&str> {
    html.split("<section class=\"slide\"")
        .skip(1)
        .map(|s| s.split("</section>").next().unwrap())
        .collect()
}

#[test]
fn the_deck_has_a_slide_a_beat_with_its_frame_and_caption() {
    let talk = builtin();
    let html = run(&["snapshot", "--talk", "--format", "html"])
        .ok()
        .to_owned();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html:.80}");
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("<title>Shenzhen's decade of innovation</title>"));
    let slides = slides(&html);
    assert_eq!(slides.len(), 14);
    assert_eq!(talk.beats.len(), 14);
    for (i, (slide, beat)) in slides.iter().zip(&talk.beats).enumerate() {
        let n = i + 1;
        assert!(
            slide.starts_with(&format!(" id=\"beat-{n}\" aria-label=\"beat {n} of 14\">")),
            "slide {n}: {slide:.80}"
        );
        // The frame as the terminal shows it: the beat counter in its footer.
        assert!(slide.contains("<pre"), "slide {n} has its frame");
        assert!(slide.contains(&format!("beat {n}/14")), "slide {n}");
        // The caption as selectable text, each line, under the frame.
        let caption = slide
            .split("<p class=\"caption\">")
            .nth(1)
            .unwrap_or_else(|| {
                panic!("slide {n} has no caption: {slide:.200}");
            });
        let caption = caption.split("</p>").next().unwrap();
        let lines: Vec<String> = beat.caption.iter().map(|l| escaped(l)).collect();
        assert_eq!(caption, lines.join("<br>"), "slide {n}");
        // A link to the neighbours, within the document.
        if n > 1 {
            assert!(
                slide.contains(&format!("href=\"#beat-{}\"", n - 1)),
                "slide {n}"
            );
        }
        if n < 14 {
            assert!(
                slide.contains(&format!("href=\"#beat-{}\"", n + 1)),
                "slide {n}"
            );
        }
    }
    assert!(!html.contains("href=\"#beat-0\"") && !html.contains("href=\"#beat-15\""));
}

#[test]
fn the_deck_fetches_nothing_and_keeps_the_notes_for_the_speaker() {
    let html = run(&["snapshot", "--talk", "--format", "html"])
        .ok()
        .to_owned();
    // The frames may show a source's address as text (the sources panel); nothing loads one.
    for fetch in [
        "src=", "<link", "@import", "url(", "<img", "<iframe", "fetch(", "XMLHttp",
    ] {
        assert!(!html.contains(fetch), "{fetch} in the deck");
    }
    for href in html.split("href=\"").skip(1) {
        let target = href.split('"').next().unwrap();
        assert!(
            target.starts_with("#beat-"),
            "a link out of the deck: {target}"
        );
    }
    assert_eq!(html.matches("<script>").count(), 1, "one inline script");
    assert_eq!(html.matches("<style>").count(), 1, "one inline style sheet");
    for beat in builtin().beats {
        for line in beat.notes.lines().filter(|l| l.trim().len() > 12) {
            let shown = escaped(line.trim());
            assert!(
                !html.contains(&shown),
                "a speaker's note in the deck: {line}"
            );
        }
    }
}

#[test]
fn a_deck_is_the_same_bytes_every_time_and_takes_the_size_and_theme() {
    let a = run(&["snapshot", "--talk", VALID, "--format", "html"]);
    let b = run(&["snapshot", "--talk", VALID, "--format", "html"]);
    assert_eq!(a.ok(), b.ok());
    assert_eq!(slides(a.ok()).len(), 4);
    let wide = run(&[
        "snapshot", "--talk", VALID, "--format", "html", "--size", "120x40",
    ]);
    let slide = slides(wide.ok())[0];
    let frame = slide
        .split("<pre")
        .nth(1)
        .unwrap()
        .split("</pre>")
        .next()
        .unwrap();
    assert_eq!(frame.matches('\n').count(), 40, "40 rows");
    // Every frame on the pictures' cell grid, at the size asked for.
    assert!(a.ok().contains("data-columns=\"100\" data-rows=\"30\""));
    assert!(wide.ok().contains("data-columns=\"120\" data-rows=\"40\""));
    let light = run(&[
        "snapshot", "--talk", VALID, "--format", "html", "--theme", "light",
    ]);
    assert_ne!(light.ok(), a.ok());
}

#[test]
fn text_gives_every_beat_in_order_with_the_speakers_notes() {
    let talk = builtin();
    let text = run(&["snapshot", "--talk"]).ok().to_owned();
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("== beat ")).collect();
    let wanted: Vec<String> = talk
        .beats
        .iter()
        .enumerate()
        .map(|(i, beat)| format!("== beat {}/14: {} ==", i + 1, beat.caption[0]))
        .collect();
    assert_eq!(headings, wanted);
    // Each beat: heading, the 30 rows of its frame, then its notes, line by line.
    let mut lines = text.lines();
    for (i, beat) in talk.beats.iter().enumerate() {
        assert_eq!(lines.next(), Some(wanted[i].as_str()));
        let frame: Vec<&str> = lines.by_ref().take(30).collect();
        assert!(
            frame[29].ends_with(&format!("beat {}/14", i + 1)),
            "{frame:?}"
        );
        for note in beat.notes.lines().filter(|l| !l.trim().is_empty()) {
            assert_eq!(
                lines.next(),
                Some(format!("notes: {}", note.trim_end()).as_str())
            );
        }
    }
    assert_eq!(lines.next(), None);
    // A beat without a caption has a heading without one; one without notes, no notes line.
    let text = run(&["snapshot", "--talk", VALID, "--size", "80x24"])
        .ok()
        .to_owned();
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("== beat ")).collect();
    assert_eq!(
        headings,
        [
            "== beat 1/4: GDP more than doubled ==",
            "== beat 2/4 ==",
            "== beat 3/4 ==",
            "== beat 4/4: Every figure has a source ==",
        ]
    );
    assert_eq!(text.lines().count(), 4 + 4 * 24 + 1);
    assert!(text.contains("\nnotes: Say where the figures come from.\n== beat 2/4 ==\n"));
}

#[test]
fn ansi_and_svg_give_every_beat_in_order() {
    let ansi = run(&["snapshot", "--talk", VALID, "--format", "ansi"])
        .ok()
        .to_owned();
    let plain = run(&["snapshot", "--talk", VALID]).ok().to_owned();
    let headings = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("== beat "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(headings(&ansi), headings(&plain));
    assert!(ansi.contains("\x1b["), "coloured");
    assert!(ansi.contains("\nnotes: Say where the figures come from.\n"));
    let svg = run(&["snapshot", "--talk", VALID, "--format", "svg"])
        .ok()
        .to_owned();
    assert!(svg.starts_with("<svg"), "{svg:.40}");
    let at = |heading: &str| svg.find(heading).unwrap_or_else(|| panic!("{heading}"));
    assert!(at("== beat 1/4: GDP more than doubled ==") < at("== beat 2/4 =="));
    assert!(at("== beat 3/4 ==") < at("== beat 4/4: Every figure has a source =="));
    assert!(svg.contains("<title>A short talk (100×30)</title>"));
    assert!(
        !svg.contains("Say where the figures"),
        "a picture, without notes"
    );
}

#[test]
fn a_bad_talk_is_one_line_and_exit_1_as_check_gives_it() {
    for file in [
        "tests/fixtures/talk/invalid/unknown_tab.toml",
        "tests/fixtures/talk/invalid/not_toml.toml",
        "tests/fixtures/talk/missing.toml",
    ] {
        let check = run(&["check", "--talk", file]);
        for format in ["html", "text"] {
            let snapshot = run(&["snapshot", "--talk", file, "--format", format]);
            assert_eq!((snapshot.code, snapshot.stdout()), (1, ""), "{file}");
            assert_eq!(snapshot.stderr.lines().count(), 1, "{snapshot:?}");
            assert_eq!(snapshot.stderr, check.stderr, "{file}");
        }
    }
    // The built-in talk is written for the embedded dataset.
    let run = run(&["snapshot", "--talk", "--data", MINIMAL, "--format", "html"]);
    assert_eq!((run.code, run.stdout()), (1, ""));
    assert!(
        run.stderr
            .starts_with("shenzhen-dash: assets/talk.toml (embedded):11:7: beat 1, tab:"),
        "{run:?}"
    );
}

#[test]
fn a_talk_decides_the_tabs() {
    for args in [
        vec!["snapshot", "--talk", "--tab", "gdp"],
        vec!["snapshot", "--tab", "all", "--talk", VALID],
    ] {
        let run = run(&args);
        assert_eq!((run.code, run.stdout()), (2, ""), "{args:?}");
        assert!(run.stderr.contains("cannot be used with"), "{run:?}");
    }
}
