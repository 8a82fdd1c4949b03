//! Checks a browser's screenshot of a snapshot from its pixels: every box's vertical borders
//! are unbroken lines and every bar is solid from its base to its top. `scripts/browser-check.sh`
//! runs it; it knows where borders and bars are by drawing the same frame itself.
//!
//! ```text
//! cargo run --release --example pixels -- TAB THEME WxH LEFT,TOP CELL_W,CELL_H SHOT.png
//! ```
//!
//! LEFT,TOP is where the frame's first cell is in the screenshot, CELL_W,CELL_H a cell's size
//! in pixels. Prints one line; exits 1 if anything is broken.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a check tool: fail loudly"
)]

use std::process::ExitCode;

use ratatui::buffer::Buffer;
use shenzhen_dash::app::App;
use shenzhen_dash::data::Dataset;
use shenzhen_dash::headless::palette::{self, Rgb};
use shenzhen_dash::headless::render;
use shenzhen_dash::theme::{Colours, Theme, ThemeName};
use tiny_skia::Pixmap;

/// Where the frame's cells are in the screenshot.
struct Grid {
    left: f64,
    top: f64,
    cell_width: f64,
    cell_height: f64,
}

fn pair(text: &str) -> (f64, f64) {
    let (a, b) = text.split_once(',').expect("two numbers: A,B");
    (a.parse().unwrap(), b.parse().unwrap())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [tab, theme, size, origin, cell, shot] = args.as_slice() else {
        eprintln!("usage: pixels TAB THEME WxH LEFT,TOP CELL_W,CELL_H SHOT.png");
        return ExitCode::from(2);
    };
    let tab: usize = tab.parse::<usize>().unwrap() - 1;
    let theme = match theme.as_str() {
        "light" => ThemeName::Light,
        "mono" => ThemeName::Mono,
        _ => ThemeName::Dark,
    };
    let (width, height) = size.split_once('x').expect("WxH");
    let (width, height) = (width.parse().unwrap(), height.parse().unwrap());
    let ((left, top), (cell_width, cell_height)) = (pair(origin), pair(cell));
    let grid = Grid {
        left,
        top,
        cell_width,
        cell_height,
    };
    let theme = Theme::pick(theme, Colours::Indexed);
    let page = palette::page(&theme);
    let app = App::new(Dataset::embedded().unwrap())
        .with_theme(theme)
        .with_tab(tab);
    let buf = render(&app, width, height);
    let shot = Pixmap::load_png(shot).expect("a PNG screenshot");

    let mut problems = Vec::new();
    let borders = borders(&buf);
    for &(x, from, to) in &borders {
        let ink = palette::cell(buf[(x, from)].style(), page).fg;
        if let Some(row) = broken_line(&shot, &grid, page.bg, ink, x, from, to) {
            problems.push(format!("border at column {x} broken at pixel row {row}"));
        }
    }
    let bars = bars(&buf);
    for bar in &bars {
        let ink = palette::cell(buf[(bar.x, bar.base)].style(), page).fg;
        if let Some(row) = broken_bar(&shot, &grid, ink, bar) {
            problems.push(format!("bar at column {} broken at pixel row {row}", bar.x));
        }
    }
    println!(
        "{} borders, {} bars: {}",
        borders.len(),
        bars.len(),
        if problems.is_empty() {
            "all unbroken".to_owned()
        } else {
            problems.join("; ")
        }
    );
    if problems.is_empty() && !borders.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn symbol(buf: &Buffer, x: u16, y: u16) -> &str {
    buf[(x, y)].symbol()
}

/// The vertical sides of every rounded box: column, corner row, other corner row.
fn borders(buf: &Buffer) -> Vec<(u16, u16, u16)> {
    let mut found = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let bottom = match symbol(buf, x, y) {
                "╭" => "╰",
                "╮" => "╯",
                _ => continue,
            };
            if let Some(end) = (y + 1..buf.area.height).find(|&y| symbol(buf, x, y) == bottom) {
                found.push((x, y, end));
            }
        }
    }
    found
}

/// The first pixel row between two corners (from the last pixel row of the top corner's
/// cell to the first of the bottom one's) where the cell holds less than most of a line's
/// ink; `None` when the line is unbroken.
fn broken_line(
    shot: &Pixmap,
    grid: &Grid,
    bg: Rgb,
    ink: Rgb,
    x: u16,
    from: u16,
    to: u16,
) -> Option<u32> {
    let x0 = (grid.left + f64::from(x) * grid.cell_width).floor() as u32;
    let x1 = (grid.left + f64::from(x + 1) * grid.cell_width).ceil() as u32;
    let y0 = (grid.top + f64::from(from + 1) * grid.cell_height).floor() as u32 - 1;
    let y1 = (grid.top + f64::from(to) * grid.cell_height).ceil() as u32;
    // A light line is a tenth of a cell wide: at least 70 % of that, in one row of pixels.
    let needed = 0.7 * grid.cell_width / 10.0;
    (y0..=y1).find(|&y| {
        let ink: f64 = (x0..x1).map(|x| coverage(shot, x, y, bg, ink)).sum();
        ink < needed
    })
}

/// How much of a pixel is `ink` over `bg`, from 0 to 1.
fn coverage(shot: &Pixmap, x: u32, y: u32, bg: Rgb, ink: Rgb) -> f64 {
    let Some(pixel) = shot.pixel(x, y) else {
        return 0.0;
    };
    let have = [pixel.red(), pixel.green(), pixel.blue()];
    let (bg, ink) = ([bg.0, bg.1, bg.2], [ink.0, ink.1, ink.2]);
    let (mut dot, mut norm) = (0.0, 0.0);
    for i in 0..3 {
        let d = f64::from(ink[i]) - f64::from(bg[i]);
        dot += (f64::from(have[i]) - f64::from(bg[i])) * d;
        norm += d * d;
    }
    if norm == 0.0 {
        0.0
    } else {
        (dot / norm).clamp(0.0, 1.0)
    }
}

/// A bar: a column of full blocks, topped by a full or partial block.
struct Bar {
    x: u16,
    /// The lowest and highest rows.
    base: u16,
    top: u16,
    /// Eighths of the top cell filled.
    eighths: u16,
}

fn eighths(symbol: &str) -> Option<u16> {
    let c = symbol.chars().next()?;
    match u32::from(c) {
        code @ 0x2581..=0x2588 if symbol.chars().count() == 1 => Some((code - 0x2580) as u16),
        _ => None,
    }
}

/// Every column of at least two block cells whose lower cells are full: bars and the
/// strokes of big digits.
fn bars(buf: &Buffer) -> Vec<Bar> {
    let mut found = Vec::new();
    for x in 0..buf.area.width {
        let mut y = buf.area.height;
        while y > 0 {
            y -= 1;
            if symbol(buf, x, y) != "█" {
                continue;
            }
            let base = y;
            let fg = buf[(x, y)].fg;
            while y > 0 && symbol(buf, x, y - 1) == "█" && buf[(x, y - 1)].fg == fg {
                y -= 1;
            }
            let (top, filled) = match y.checked_sub(1) {
                Some(above) if buf[(x, above)].fg == fg => match eighths(symbol(buf, x, above)) {
                    Some(n) => (above, n),
                    None => (y, 8),
                },
                _ => (y, 8),
            };
            if base > top {
                found.push(Bar {
                    x,
                    base,
                    top,
                    eighths: filled,
                });
            }
            y = top;
        }
    }
    found
}

/// The first pixel row, from the bar's base to its top, whose pixel in the middle of the
/// column is not the bar's colour; `None` when the bar is solid.
fn broken_bar(shot: &Pixmap, grid: &Grid, ink: Rgb, bar: &Bar) -> Option<u32> {
    let x = (grid.left + (f64::from(bar.x) + 0.5) * grid.cell_width) as u32;
    let bottom = (grid.top + f64::from(bar.base + 1) * grid.cell_height).floor() as u32 - 1;
    let top = grid.top + (f64::from(bar.top) + f64::from(8 - bar.eighths) / 8.0) * grid.cell_height;
    let top = top.ceil() as u32;
    (top..=bottom).find(|&y| {
        shot.pixel(x, y).is_none_or(|p| {
            let have = [p.red(), p.green(), p.blue()];
            let want = [ink.0, ink.1, ink.2];
            have.iter().zip(want).any(|(&a, b)| a.abs_diff(b) > 8)
        })
    })
}
