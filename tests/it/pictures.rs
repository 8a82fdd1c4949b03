//! Pictures of frames (PNG, SVG, HTML) look like the terminal whatever fonts a viewer has:
//! in the PNG, box borders are unbroken lines, bars solid from base to top at their exact
//! height, Braille dots inside their cells; every size renders; the same input gives the same
//! bytes. In the SVG and HTML, text is pinned to its cells and drawing characters are shapes.
//! (`scripts/browser-check.sh` checks the HTML and SVG in a real browser.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a test failure, with its message"
)]

use ratatui::buffer::Buffer;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::palette::{self, Page, Rgb};
use shenzhen_dash::headless::shapes::{CELL_HEIGHT, CELL_WIDTH};
use shenzhen_dash::headless::{self, Format, Frame, render, to_text};
use shenzhen_dash::theme::Theme;
use tiny_skia::Pixmap;

/// Tab `tab` of the embedded dashboard at `width`×`height` in the dark theme, its PNG at
/// `scale`, and the page's colours.
fn png(tab: usize, width: u16, height: u16, scale: u8) -> (Buffer, Pixmap, Page) {
    let theme = Theme::dark();
    let app = App::new(Dataset::embedded().unwrap())
        .with_theme(theme.clone())
        .with_tab(tab);
    let buf = render(&app, width, height);
    let frames = [Frame {
        heading: None,
        buf: buf.clone(),
    }];
    let png = headless::png(&frames, &theme, scale).unwrap();
    assert_eq!(png.missing, [], "the bundled font has every character");
    let pixmap = Pixmap::decode_png(&png.bytes).unwrap();
    (buf, pixmap, palette::page(&theme))
}

fn ink(buf: &Buffer, x: u16, y: u16, page: Page) -> Rgb {
    palette::cell(buf[(x, y)].style(), page).fg
}

fn is(pixmap: &Pixmap, x: u32, y: u32, colour: Rgb) -> bool {
    let p = pixmap.pixel(x, y).unwrap();
    (p.red(), p.green(), p.blue(), p.alpha()) == (colour.0, colour.1, colour.2, 255)
}

/// A cell's size in pixels at `scale`.
fn cell(scale: u8) -> (u32, u32) {
    (
        CELL_WIDTH as u32 * u32::from(scale),
        CELL_HEIGHT as u32 * u32::from(scale),
    )
}

fn symbol(buf: &Buffer, x: u16, y: u16) -> &str {
    buf[(x, y)].symbol()
}

/// The rounded boxes of a frame: left and right columns, top and bottom rows.
fn boxes(buf: &Buffer) -> Vec<(u16, u16, u16, u16)> {
    let mut found = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if symbol(buf, x, y) != "╭" {
                continue;
            }
            let right = (x + 1..buf.area.width).find(|&r| symbol(buf, r, y) == "╮");
            let bottom = (y + 1..buf.area.height).find(|&b| symbol(buf, x, b) == "╰");
            if let (Some(right), Some(bottom)) = (right, bottom) {
                found.push((x, right, y, bottom));
            }
        }
    }
    found
}

#[test]
fn box_borders_are_unbroken_lines_of_their_colour() {
    let scale = 1;
    let (cw, ch) = cell(scale);
    let mut sides = 0;
    for tab in 0..7 {
        let (buf, pixmap, page) = png(tab, 80, 24, scale);
        let boxes = boxes(&buf);
        assert!(!boxes.is_empty(), "tab {tab} has boxes");
        for (left, right, top, bottom) in boxes {
            for x in [left, right] {
                let colour = ink(&buf, x, top, page);
                // From the last pixel row of the top corner's cell to the first of the
                // bottom one's: the line meets both corners.
                let rows = (u32::from(top) + 1) * ch - 1..=u32::from(bottom) * ch;
                let columns = u32::from(x) * cw..(u32::from(x) + 1) * cw;
                let unbroken = columns
                    .clone()
                    .find(|&px| rows.clone().all(|py| is(&pixmap, px, py, colour)));
                assert!(
                    unbroken.is_some(),
                    "tab {tab}: the border at column {x}, rows {top}–{bottom}, is broken"
                );
                sides += 1;
            }
            // The bottom border, corner to corner, wherever it is a line (not a legend).
            let colour = ink(&buf, left, bottom, page);
            let mut x = left;
            while x <= right {
                let run: Vec<u16> = (x..=right)
                    .take_while(|&c| matches!(symbol(&buf, c, bottom), "─" | "╰" | "╯"))
                    .collect();
                if run.len() > 1 {
                    let (first, last) = (run[0], run[run.len() - 1]);
                    // ╰ ends in a straight stub at its right edge; ╯ curves from its left edge.
                    let from = u32::from(first) * cw + if first == left { cw - 1 } else { 0 };
                    let to = (u32::from(last) + 1 - u32::from(last == right)) * cw - 1;
                    let rows = u32::from(bottom) * ch..(u32::from(bottom) + 1) * ch;
                    let unbroken = rows
                        .clone()
                        .find(|&py| (from..=to).all(|px| is(&pixmap, px, py, colour)));
                    assert!(
                        unbroken.is_some(),
                        "tab {tab}: the bottom border from column {first} to {last} is broken"
                    );
                }
                x += run.len().max(1) as u16;
            }
        }
    }
    assert!(sides >= 14, "{sides} sides checked");
}

/// A bar: full blocks from `base` up to `top`, whose cell is filled `eighths` from the bottom.
struct Bar {
    x: u16,
    base: u16,
    top: u16,
    eighths: u32,
}

fn bars(buf: &Buffer) -> Vec<Bar> {
    let mut found = Vec::new();
    for x in 0..buf.area.width {
        for base in (0..buf.area.height).rev() {
            if symbol(buf, x, base) != "█" {
                continue;
            }
            let fg = buf[(x, base)].fg;
            let below = base + 1;
            if below < buf.area.height && symbol(buf, x, below) == "█" && buf[(x, below)].fg == fg
            {
                continue; // not the base
            }
            let mut top = base;
            while top > 0 && symbol(buf, x, top - 1) == "█" && buf[(x, top - 1)].fg == fg {
                top -= 1;
            }
            let above = top.checked_sub(1).filter(|&y| buf[(x, y)].fg == fg);
            let eighths = above.and_then(|y| {
                let c = symbol(buf, x, y).chars().next()?;
                matches!(c, '▁'..='▇').then(|| u32::from(c) - 0x2580)
            });
            match (above, eighths) {
                (Some(y), Some(eighths)) => found.push(Bar {
                    x,
                    base,
                    top: y,
                    eighths,
                }),
                _ => found.push(Bar {
                    x,
                    base,
                    top,
                    eighths: 8,
                }),
            }
        }
    }
    found
}

#[test]
fn bars_are_solid_from_their_base_to_their_exact_top() {
    let scale = 2;
    let (cw, ch) = cell(scale);
    // R&D: the spending bars; Trade: exports and imports side by side.
    let mut partial = 0;
    for tab in [2, 3] {
        let (buf, pixmap, page) = png(tab, 80, 24, scale);
        let bars = bars(&buf);
        assert!(bars.len() >= 6, "tab {tab}: {} bars", bars.len());
        for bar in bars {
            let colour = ink(&buf, bar.x, bar.base, page);
            let px = u32::from(bar.x) * cw + cw / 2;
            let bottom = (u32::from(bar.base) + 1) * ch - 1;
            let top = u32::from(bar.top) * ch + (8 - bar.eighths) * ch / 8;
            let gap = (top..=bottom).find(|&py| !is(&pixmap, px, py, colour));
            assert_eq!(
                gap, None,
                "tab {tab}: the bar at column {} has a gap",
                bar.x
            );
            if bar.eighths < 8 {
                // The top is exact: the pixel above it is not the bar's.
                assert!(!is(&pixmap, px, top - 1, colour), "column {}", bar.x);
                partial += 1;
            }
        }
    }
    assert!(partial > 0, "some bar ends in a partial block");
}

#[test]
fn braille_dots_land_inside_their_cells() {
    let scale = 2;
    let (cw, ch) = cell(scale);
    let (buf, pixmap, page) = png(2, 80, 24, scale);
    let mut cells = 0;
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let Some(c) = symbol(&buf, x, y).chars().next() else {
                continue;
            };
            if !matches!(c, '\u{2801}'..='\u{28FF}') {
                continue;
            }
            cells += 1;
            let colour = ink(&buf, x, y, page);
            // The cell's own background: a period or a year range tints the plot.
            let paper = palette::cell(buf[(x, y)].style(), page)
                .bg
                .unwrap_or(page.bg);
            let bits = u32::from(c) - 0x2800;
            // Dots 1–3 and 7 down the left column, 4–6 and 8 down the right.
            let dots = [
                (0, 0),
                (0, 1),
                (0, 2),
                (1, 0),
                (1, 1),
                (1, 2),
                (0, 3),
                (1, 3),
            ];
            for (bit, (col, row)) in dots.into_iter().enumerate() {
                let px = u32::from(x) * cw + (2 * col + 1) * cw / 4;
                let py = u32::from(y) * ch + (2 * row + 1) * ch / 8;
                let raised = bits & (1 << bit) != 0;
                assert_eq!(
                    is(&pixmap, px, py, colour),
                    raised,
                    "{c} at {x},{y}: dot {}",
                    bit + 1
                );
            }
            // Between the dots, and on the cell's edges, only background.
            for (px, py) in [
                (u32::from(x) * cw + cw / 2, u32::from(y) * ch + ch / 2),
                (u32::from(x) * cw, u32::from(y) * ch + ch / 8),
                (u32::from(x) * cw + cw / 4, u32::from(y) * ch),
            ] {
                assert!(
                    is(&pixmap, px, py, paper),
                    "{c} at {x},{y}: ink at {px},{py}"
                );
            }
        }
    }
    assert!(cells > 50, "{cells} Braille cells");
}

#[test]
fn every_size_renders() {
    for tab in 0..7 {
        for (width, height) in [(20, 8), (50, 15), (120, 40)] {
            let (_, pixmap, _) = png(tab, width, height, 1);
            assert_eq!(
                (pixmap.width(), pixmap.height()),
                (u32::from(width) * 10, u32::from(height) * 20)
            );
        }
    }
    let (_, pixmap, _) = png(0, 300, 100, 1);
    assert_eq!((pixmap.width(), pixmap.height()), (3000, 2000));
    let (_, pixmap, _) = png(0, 1, 1, 1);
    assert_eq!((pixmap.width(), pixmap.height()), (10, 20));
}

#[test]
fn the_same_frame_gives_the_same_png() {
    let theme = Theme::light();
    let draw = |theme: &Theme| {
        let app = App::new(Dataset::embedded().unwrap())
            .with_theme(theme.clone())
            .with_tab(3);
        let frames = [Frame {
            heading: Some("== 4 trade: Trade ==".to_owned()),
            buf: render(&app, 60, 20),
        }];
        headless::png(&frames, theme, 1).unwrap().bytes
    };
    let first = draw(&theme);
    assert!(first == draw(&theme), "the same bytes");
    assert!(
        first != draw(&Theme::dark()),
        "another theme, another picture"
    );
    let pixmap = Pixmap::decode_png(&first).unwrap();
    assert_eq!(
        (pixmap.width(), pixmap.height()),
        (600, 21 * 20),
        "heading row"
    );
}

/// The value of `attribute` in an SVG or HTML element's start tag.
fn attribute<'a>(tag: &'a str, attribute: &str) -> &'a str {
    let start = tag
        .find(&format!("{attribute}=\""))
        .filter(|&at| at == 0 || tag[..at].ends_with(' '))
        .unwrap_or_else(|| panic!("no {attribute} in {tag}"))
        + attribute.len()
        + 2;
    &tag[start..start + tag[start..].find('"').unwrap()]
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn drawn(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{259F}' | '\u{2800}'..='\u{28FF}')
}

#[test]
fn svg_text_is_pinned_to_its_cells() {
    let app = App::new(Dataset::embedded().unwrap()).with_tab(2);
    let buf = render(&app, 100, 30);
    let rows: Vec<Vec<String>> = (0..30)
        .map(|y| (0..100).map(|x| symbol(&buf, x, y).to_owned()).collect())
        .collect();
    let frames = [Frame { heading: None, buf }];
    let svg = headless::write(&frames, Format::Svg, &Theme::dark(), "R&D");
    let mut pieces = 0;
    for element in svg.split("<text ").skip(1) {
        let (tag, rest) = element.split_once('>').unwrap();
        let text = unescape(rest.split_once("</text>").unwrap().0);
        let x: f32 = attribute(tag, "x").parse().unwrap();
        let y: f32 = attribute(tag, "y").parse().unwrap();
        let length: f32 = attribute(tag, "textLength").parse().unwrap();
        let (column, row) = ((x / 10.0) as usize, (y / 20.0) as usize);
        assert_eq!(column as f32 * 10.0, x, "{text:?} starts on a cell");
        assert!(
            !text.chars().any(drawn),
            "{text:?}: drawing characters are shapes"
        );
        let cells = text.chars().count();
        assert!(
            text.is_ascii() || cells == 1,
            "{text:?}: one other character a piece"
        );
        if text.is_ascii() {
            assert_eq!(length, cells as f32 * 10.0, "{text:?}");
            assert_eq!(
                rows[row][column..column + cells].concat(),
                text,
                "row {row}"
            );
        } else {
            assert_eq!(rows[row][column], text, "row {row}");
        }
        pieces += 1;
    }
    assert!(pieces > 50, "{pieces} pieces of text");
    assert!(svg.contains("<circle "), "Braille dots");
    assert!(svg.contains("<path d="), "rounded corners");
}

#[test]
fn html_text_is_the_terminal_text_with_every_other_character_in_its_cell() {
    for tab in [0, 2, 6] {
        let app = App::new(Dataset::embedded().unwrap()).with_tab(tab);
        let buf = render(&app, 120, 40);
        let text = to_text(&buf);
        let frames = [Frame { heading: None, buf }];
        let html = headless::write(&frames, Format::Html, &Theme::dark(), "page");
        let pre = html
            .split_once("<pre>")
            .and_then(|(_, rest)| rest.split_once("</pre>"))
            .unwrap()
            .0;
        // Outside a cell's box, only printable ASCII; in a box, one character, or a run of
        // drawing characters (drawn by the SVG under the text, transparent on top).
        let mut layer = String::new();
        for (i, part) in pre.split("<span").enumerate() {
            let (tag, body) = if i == 0 {
                ("", part)
            } else {
                part.split_once('>').unwrap()
            };
            let (inside, after) = body.split_once("</span>").unwrap_or(("", body));
            let inside = unescape(inside);
            let after = unescape(after);
            if tag.contains("class=\"cell drawn\"") {
                assert!(inside.chars().all(drawn), "{inside:?}");
                let cells = inside.chars().count();
                if cells > 1 {
                    assert!(tag.contains(&format!("width:{cells}ch")), "{tag}");
                }
            } else if tag.contains("class=\"cell\"") {
                assert_eq!(inside.chars().count(), 1, "{inside:?}");
                assert!(!inside.is_ascii(), "{inside:?}");
            } else {
                assert!(inside.is_ascii(), "{inside:?}");
            }
            assert!(after.is_ascii(), "{after:?}");
            layer.push_str(&inside);
            layer.push_str(&after);
        }
        let rows: Vec<&str> = layer.lines().map(str::trim_end).collect();
        assert_eq!(rows.join("\n") + "\n", text, "tab {tab}: copy and paste");
    }
}
