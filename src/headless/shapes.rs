//! What a terminal's drawing characters look like as shapes, so that pictures of a frame do
//! not depend on a viewer's fonts: block elements (U+2580–259F) are filled rectangles of their
//! exact fraction of the cell, box-drawing lines (U+2500–257F) run through the cell's centre
//! to its edges and meet their neighbours', Braille (U+2800–28FF) is dots at the dot
//! positions. SVG, HTML and PNG all draw these shapes; every other character stays text.
//!
//! Coordinates are in units of a cell of [`CELL_WIDTH`] × [`CELL_HEIGHT`], origin at its top
//! left. Lines are an odd number of units wide around a centre on a half unit, so that at any
//! whole scale they cover whole pixels and stay sharp.

/// A cell's width and height in picture units (a PNG pixel at `--scale 1`, an SVG user unit).
pub const CELL_WIDTH: f32 = 10.0;
pub const CELL_HEIGHT: f32 = 20.0;

/// The centre lines that box-drawing strokes follow.
const CX: f32 = 4.5;
const CY: f32 = 9.5;
/// Stroke widths of light and heavy lines; a double line is two light lines `DOUBLE_GAP`
/// from the centre.
const LIGHT: f32 = 1.0;
const HEAVY: f32 = 3.0;
const DOUBLE_GAP: f32 = 2.0;
/// The radius of a Braille dot.
const DOT_RADIUS: f32 = 1.5;
/// Of each dash's share of a dashed line, the part left empty.
const DASH_GAP: f32 = 0.4;
/// How far a cubic Bézier's control points sit along the tangents to draw a quarter circle.
const QUARTER: f32 = 0.552_284_8;

/// One shape of a character, in cell units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A filled rectangle; `alpha` below 1 is a shade (░ ▒ ▓) of the character's colour.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        alpha: f32,
    },
    /// A filled circle: a Braille dot.
    Dot { x: f32, y: f32, r: f32 },
    /// A line from `from` to `to`, `width` wide, with flat ends: the diagonals ╱ ╲.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
    },
    /// A rounded corner (╭ ╮ ╯ ╰): from the middle of a vertical edge to the middle of a
    /// horizontal one, straight, then a quarter circle, then straight; a light line.
    Corner {
        start: (f32, f32),
        /// Where the straight part ends and the arc begins, and where the arc ends.
        arc: [(f32, f32); 4],
        end: (f32, f32),
        width: f32,
    },
}

/// The shapes `symbol` is drawn with, or `None` when it is text.
pub fn shapes(symbol: &str) -> Option<Vec<Shape>> {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    match u32::from(c) {
        0x2500..=0x257F => Some(box_drawing(c)),
        0x2580..=0x259F => Some(block(c)),
        0x2800..=0x28FF => Some(braille(c)),
        _ => None,
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> Shape {
    Shape::Rect {
        x,
        y,
        w,
        h,
        alpha: 1.0,
    }
}

/// Block elements: eighths from the bottom and from the left, halves, quadrants, shades.
fn block(c: char) -> Vec<Shape> {
    const W: f32 = CELL_WIDTH;
    const H: f32 = CELL_HEIGHT;
    // Quadrants, upper left, upper right, lower left, lower right, for U+2596–259F.
    const QUADRANTS: [u8; 10] = [
        0b0010, 0b0001, 0b1000, 0b1011, 0b1001, 0b1110, 0b1101, 0b0100, 0b0110, 0b0111,
    ];
    let code = u32::from(c);
    match code {
        0x2580 => vec![rect(0.0, 0.0, W, H / 2.0)],
        0x2581..=0x2588 => {
            let h = H * (code - 0x2580) as f32 / 8.0;
            vec![rect(0.0, H - h, W, h)]
        }
        0x2589..=0x258F => vec![rect(0.0, 0.0, W * (0x2590 - code) as f32 / 8.0, H)],
        0x2590 => vec![rect(W / 2.0, 0.0, W / 2.0, H)],
        0x2591..=0x2593 => vec![Shape::Rect {
            x: 0.0,
            y: 0.0,
            w: W,
            h: H,
            alpha: (code - 0x2590) as f32 / 4.0,
        }],
        0x2594 => vec![rect(0.0, 0.0, W, H / 8.0)],
        0x2595 => vec![rect(W * 7.0 / 8.0, 0.0, W / 8.0, H)],
        _ => {
            let bits = QUADRANTS[(code - 0x2596) as usize];
            [
                (0.0, 0.0),
                (W / 2.0, 0.0),
                (0.0, H / 2.0),
                (W / 2.0, H / 2.0),
            ]
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (0b1000 >> i) != 0)
            .map(|(_, &(x, y))| rect(x, y, W / 2.0, H / 2.0))
            .collect()
        }
    }
}

/// Braille: dots 1–3 and 7 down the left column, 4–6 and 8 down the right; bit n of the code
/// point's offset is dot n + 1.
fn braille(c: char) -> Vec<Shape> {
    const DOTS: [(u8, u8); 8] = [
        (0, 0),
        (0, 1),
        (0, 2),
        (1, 0),
        (1, 1),
        (1, 2),
        (0, 3),
        (1, 3),
    ];
    let bits = u32::from(c) & 0xFF; // U+2800 + the dots raised, one bit each
    DOTS.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, &(col, row))| Shape::Dot {
            x: CELL_WIDTH * f32::from(2 * col + 1) / 4.0,
            y: CELL_HEIGHT * f32::from(2 * row + 1) / 8.0,
            r: DOT_RADIUS,
        })
        .collect()
}

/// The weight of one arm of a box-drawing character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    None,
    Light,
    Heavy,
    Double,
}

/// The arms of U+2500–257F, up, right, down, left: `.` none, `l` light, `h` heavy, `d`
/// double. Dashes, arcs and diagonals are told apart by code point in [`box_drawing`].
const ARMS: [&str; 128] = [
    ".l.l", ".h.h", "l.l.", "h.h.", ".l.l", ".h.h", "l.l.", "h.h.", // 2500
    ".l.l", ".h.h", "l.l.", "h.h.", ".ll.", ".hl.", ".lh.", ".hh.", // 2508
    "..ll", "..lh", "..hl", "..hh", "ll..", "lh..", "hl..", "hh..", // 2510
    "l..l", "l..h", "h..l", "h..h", "lll.", "lhl.", "hll.", "llh.", // 2518
    "hlh.", "hhl.", "lhh.", "hhh.", "l.ll", "l.lh", "h.ll", "l.hl", // 2520
    "h.hl", "h.lh", "l.hh", "h.hh", ".lll", ".llh", ".hll", ".hlh", // 2528
    ".lhl", ".lhh", ".hhl", ".hhh", "ll.l", "ll.h", "lh.l", "lh.h", // 2530
    "hl.l", "hl.h", "hh.l", "hh.h", "llll", "lllh", "lhll", "lhlh", // 2538
    "hlll", "llhl", "hlhl", "hllh", "hhll", "llhh", "lhhl", "hhlh", // 2540
    "lhhh", "hlhh", "hhhl", "hhhh", ".l.l", ".h.h", "l.l.", "h.h.", // 2548
    ".d.d", "d.d.", ".dl.", ".ld.", ".dd.", "..ld", "..dl", "..dd", // 2550
    "ld..", "dl..", "dd..", "l..d", "d..l", "d..d", "ldl.", "dld.", // 2558
    "ddd.", "l.ld", "d.dl", "d.dd", ".dld", ".ldl", ".ddd", "ld.d", // 2560
    "dl.l", "dd.d", "ldld", "dldl", "dddd", ".ll.", "..ll", "l..l", // 2568
    "ll..", "....", "....", "....", "...l", "l...", ".l..", "..l.", // 2570
    "...h", "h...", ".h..", "..h.", ".h.l", "l.h.", ".l.h", "h.l.", // 2578
];

/// The four directions, in the order of [`ARMS`]: up, right, down, left.
const UP: usize = 0;
const RIGHT: usize = 1;
const DOWN: usize = 2;
const LEFT: usize = 3;

fn arms(c: char) -> [Weight; 4] {
    let mut arms = [Weight::None; 4];
    let spec = ARMS[(u32::from(c) - 0x2500) as usize].as_bytes();
    for (arm, byte) in arms.iter_mut().zip(spec) {
        *arm = match byte {
            b'l' => Weight::Light,
            b'h' => Weight::Heavy,
            b'd' => Weight::Double,
            _ => Weight::None,
        };
    }
    arms
}

fn box_drawing(c: char) -> Vec<Shape> {
    let code = u32::from(c);
    let arms = arms(c);
    match code {
        0x2504..=0x250B => dashed(arms, if code < 0x2508 { 3 } else { 4 }),
        0x254C..=0x254F => dashed(arms, 2),
        0x256D..=0x2570 => vec![corner(arms)],
        0x2571..=0x2573 => diagonals(code),
        _ => lines(arms),
    }
}

fn width(weight: Weight) -> f32 {
    if weight == Weight::Heavy {
        HEAVY
    } else {
        LIGHT
    }
}

/// A line segment along one axis, `w` wide: horizontal from `a` to `b` at height `at`, or
/// vertical from `a` to `b` at `at` across.
fn segment(horizontal: bool, at: f32, a: f32, b: f32, w: f32) -> Shape {
    let (lo, hi) = (a.min(b), a.max(b));
    if horizontal {
        rect(lo, at - w / 2.0, hi - lo, w)
    } else {
        rect(at - w / 2.0, lo, w, hi - lo)
    }
}

/// Straight lines, corners, tees and crosses, single or double. A straight line through the
/// cell is one shape, so that a row of them is one unbroken line.
fn lines(arms: [Weight; 4]) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for horizontal in [true, false] {
        // The arms along this axis (towards lower, then higher coordinates), and those
        // across it on either side.
        let (along, sides, centre, length, across) = if horizontal {
            (
                [arms[LEFT], arms[RIGHT]],
                [arms[UP], arms[DOWN]],
                CX,
                CELL_WIDTH,
                CY,
            )
        } else {
            (
                [arms[UP], arms[DOWN]],
                [arms[LEFT], arms[RIGHT]],
                CY,
                CELL_HEIGHT,
                CX,
            )
        };
        let [low, high] = along;
        if low == high {
            for (offset, side) in strands(low, sides) {
                let at = across + offset;
                if side == Some(Weight::Double) {
                    // A double line crossing cuts the strand on its side.
                    let cut = DOUBLE_GAP - LIGHT / 2.0;
                    shapes.push(segment(horizontal, at, 0.0, centre - cut, LIGHT));
                    shapes.push(segment(horizontal, at, centre + cut, length, LIGHT));
                } else {
                    shapes.push(segment(horizontal, at, 0.0, length, width(low)));
                }
            }
            continue;
        }
        for (arm, edge, towards) in [(low, 0.0, 1.0), (high, length, -1.0)] {
            for (offset, side) in strands(arm, sides) {
                let end = centre + towards * reach(side, sides);
                shapes.push(segment(horizontal, across + offset, edge, end, width(arm)));
            }
        }
    }
    shapes
}

/// The parallel strands of an arm: where each sits across the arm, and for the two of a
/// double arm, the arm across on that strand's side.
fn strands(arm: Weight, sides: [Weight; 2]) -> Vec<(f32, Option<Weight>)> {
    match arm {
        Weight::None => vec![],
        Weight::Double => vec![(-DOUBLE_GAP, Some(sides[0])), (DOUBLE_GAP, Some(sides[1]))],
        _ => vec![(0.0, None)],
    }
}

/// How far past the centre a strand of an arm reaches (negative: short of it), to meet the
/// lines across it without a gap or a stub. `side` is the arm across on a double strand's
/// side; `sides` are both arms across.
fn reach(side: Option<Weight>, sides: [Weight; 2]) -> f32 {
    let doubles = sides.iter().filter(|&&w| w == Weight::Double).count();
    let near = LIGHT / 2.0 - DOUBLE_GAP;
    let far = DOUBLE_GAP + LIGHT / 2.0;
    match side {
        // A strand of a double arm: an inner corner stops at the near strand across it, an
        // outer corner runs on to the far one, and a single line across is met at the centre.
        Some(Weight::Double) => near,
        Some(Weight::None) if doubles > 0 => far,
        Some(_) => LIGHT / 2.0,
        // A single line: up to the near strand of a double line crossing, to the far strand
        // of a double corner, or across the widest single line.
        None if doubles == 2 => near,
        None if doubles == 1 => far,
        None => sides.iter().map(|&w| half(w)).fold(0.0, f32::max),
    }
}

fn half(weight: Weight) -> f32 {
    match weight {
        Weight::None => 0.0,
        Weight::Heavy => HEAVY / 2.0,
        _ => LIGHT / 2.0,
    }
}

/// ┄ ┈ ╌ and their heavy and vertical kin: `dashes` dashes a cell, evenly spaced, so that a
/// row or column of them keeps the rhythm across cells.
fn dashed(arms: [Weight; 4], dashes: u8) -> Vec<Shape> {
    let horizontal = arms[RIGHT] != Weight::None;
    let weight = if horizontal { arms[RIGHT] } else { arms[UP] };
    let (length, across) = if horizontal {
        (CELL_WIDTH, CY)
    } else {
        (CELL_HEIGHT, CX)
    };
    let step = length / f32::from(dashes);
    let gap = step * DASH_GAP;
    (0..dashes)
        .map(|i| {
            let start = step * f32::from(i) + gap / 2.0;
            segment(horizontal, across, start, start + step - gap, width(weight))
        })
        .collect()
}

/// ╭ ╮ ╯ ╰: a quarter circle between the horizontal and the vertical arm.
fn corner(arms: [Weight; 4]) -> Shape {
    let (hx, start_x) = if arms[RIGHT] == Weight::None {
        (-1.0, 0.0)
    } else {
        (1.0, CELL_WIDTH)
    };
    let (vy, end_y) = if arms[DOWN] == Weight::None {
        (-1.0, 0.0)
    } else {
        (1.0, CELL_HEIGHT)
    };
    // From the centre line to the nearer side of the cell: ╮ and ╯ reach their left edge.
    let r = CX;
    let pull = r * (1.0 - QUARTER);
    Shape::Corner {
        start: (start_x, CY),
        arc: [
            (CX + hx * r, CY),
            (CX + hx * pull, CY),
            (CX, CY + vy * pull),
            (CX, CY + vy * r),
        ],
        end: (CX, end_y),
        width: LIGHT,
    }
}

/// ╱ ╲ ╳: corner to corner.
fn diagonals(code: u32) -> Vec<Shape> {
    let rising = Shape::Line {
        from: (0.0, CELL_HEIGHT),
        to: (CELL_WIDTH, 0.0),
        width: LIGHT,
    };
    let falling = Shape::Line {
        from: (0.0, 0.0),
        to: (CELL_WIDTH, CELL_HEIGHT),
        width: LIGHT,
    };
    match code {
        0x2571 => vec![rising],
        0x2572 => vec![falling],
        _ => vec![rising, falling],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a cell is inked, one unit square a character, from the rectangles of `symbol`
    /// (a unit is inked when its centre is in a rectangle).
    fn art(symbol: &str) -> Vec<String> {
        let shapes = shapes(symbol).unwrap();
        (0..CELL_HEIGHT as u8)
            .map(|y| {
                (0..CELL_WIDTH as u8)
                    .map(|x| {
                        let (px, py) = (f32::from(x) + 0.5, f32::from(y) + 0.5);
                        let inked = shapes.iter().any(|s| match *s {
                            Shape::Rect { x, y, w, h, .. } => {
                                (x..x + w).contains(&px) && (y..y + h).contains(&py)
                            }
                            Shape::Dot { x, y, r } => (px - x).hypot(py - y) < r,
                            _ => panic!("{symbol}: not a rectangle or dot"),
                        });
                        if inked { '#' } else { '.' }
                    })
                    .collect()
            })
            .collect()
    }

    /// Several characters' art side by side.
    fn arts(symbols: &str) -> String {
        let arts: Vec<Vec<String>> = symbols.chars().map(|c| art(&c.to_string())).collect();
        (0..CELL_HEIGHT as usize)
            .map(|row| {
                let parts: Vec<&str> = arts.iter().map(|a| a[row].as_str()).collect();
                parts.join(" ") + "\n"
            })
            .collect()
    }

    #[test]
    fn lines_meet_in_the_middle_of_the_cell() {
        assert_eq!(
            arts("─│┤┥┓╔╬╤╟╒╦╣"),
            "\
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... .......... ..#...#... .......... ..#...#... .......... .......... ..#...#...
.......... ....#..... ....#..... ....#..... .......... ..######## ###...#### ########## ..#...#... ....###### ########## ###...#...
.......... ....#..... ....#..... #####..... ######.... ..#....... .......... .......... ..#...#... ....#..... .......... ......#...
########## ....#..... #####..... #####..... ######.... ..#....... .......... .......... ..#...#### ....#..... .......... ......#...
.......... ....#..... ....#..... #####..... ######.... ..#....... .......... .......... ..#...#... ....#..... .......... ......#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#### ###...#### ########## ..#...#... ....###### ###...#### ###...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
.......... ....#..... ....#..... ....#..... ...###.... ..#...#... ..#...#... ....#..... ..#...#... ....#..... ..#...#... ..#...#...
"
        );
    }

    /// The ink of a block element, as a fraction of the cell (a shade counts its opacity).
    fn ink(symbol: &str) -> f32 {
        shapes(symbol)
            .unwrap()
            .iter()
            .map(|s| match *s {
                Shape::Rect { x, y, w, h, alpha } => {
                    assert!(x >= 0.0 && y >= 0.0, "{symbol}");
                    assert!(x + w <= CELL_WIDTH && y + h <= CELL_HEIGHT, "{symbol}");
                    w * h * alpha / (CELL_WIDTH * CELL_HEIGHT)
                }
                _ => panic!("{symbol}: not a rectangle"),
            })
            .sum()
    }

    #[test]
    fn a_straight_line_is_one_shape_from_edge_to_edge() {
        let line = |x, y, w, h| Shape::Rect {
            x,
            y,
            w,
            h,
            alpha: 1.0,
        };
        assert_eq!(shapes("─").unwrap(), [line(0.0, 9.0, 10.0, 1.0)]);
        assert_eq!(shapes("━").unwrap(), [line(0.0, 8.0, 10.0, 3.0)]);
        assert_eq!(shapes("│").unwrap(), [line(4.0, 0.0, 1.0, 20.0)]);
        assert_eq!(
            shapes("═").unwrap(),
            [line(0.0, 7.0, 10.0, 1.0), line(0.0, 11.0, 10.0, 1.0)]
        );
        assert_eq!(shapes("┼").unwrap().len(), 2);
    }

    #[test]
    fn an_arm_ends_across_the_line_it_meets_and_at_the_centre_alone() {
        let line = |x, y, w, h| Shape::Rect {
            x,
            y,
            w,
            h,
            alpha: 1.0,
        };
        // A corner: each arm covers the other's width, no more.
        assert_eq!(
            shapes("┐").unwrap(),
            [line(0.0, 9.0, 5.0, 1.0), line(4.0, 9.0, 1.0, 11.0)]
        );
        assert_eq!(
            shapes("┙").unwrap(),
            [line(0.0, 8.0, 5.0, 3.0), line(4.0, 0.0, 1.0, 11.0)]
        );
        // Half lines stop at the centre.
        assert_eq!(shapes("╴").unwrap(), [line(0.0, 9.0, 4.5, 1.0)]);
        assert_eq!(
            shapes("╼").unwrap(),
            [line(0.0, 9.0, 4.5, 1.0), line(4.5, 8.0, 5.5, 3.0)]
        );
    }

    #[test]
    fn block_elements_fill_their_exact_fraction_of_the_cell() {
        let eighths = [
            ("▀", 4_u8),
            ("▁", 1),
            ("▂", 2),
            ("▃", 3),
            ("▄", 4),
            ("▅", 5),
            ("▆", 6),
            ("▇", 7),
            ("█", 8),
            ("▉", 7),
            ("▊", 6),
            ("▋", 5),
            ("▌", 4),
            ("▍", 3),
            ("▎", 2),
            ("▏", 1),
            ("▐", 4),
            ("░", 2),
            ("▒", 4),
            ("▓", 6),
            ("▔", 1),
            ("▕", 1),
            ("▖", 2),
            ("▗", 2),
            ("▘", 2),
            ("▙", 6),
            ("▚", 4),
            ("▛", 6),
            ("▜", 6),
            ("▝", 2),
            ("▞", 4),
            ("▟", 6),
        ];
        for (symbol, eighths) in eighths {
            assert_eq!(ink(symbol), f32::from(eighths) / 8.0, "{symbol}");
        }
        // Bars grow from the bottom, bar tops to their exact height.
        for (i, symbol) in ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"].iter().enumerate()
        {
            let h = CELL_HEIGHT * (i + 1) as f32 / 8.0;
            assert_eq!(
                shapes(symbol).unwrap(),
                [Shape::Rect {
                    x: 0.0,
                    y: CELL_HEIGHT - h,
                    w: CELL_WIDTH,
                    h,
                    alpha: 1.0
                }],
                "{symbol}"
            );
        }
        // Shades are the whole cell, partly transparent.
        let Shape::Rect { w, h, alpha, .. } = shapes("▓").unwrap()[0] else {
            panic!("▓")
        };
        assert_eq!((w, h, alpha), (CELL_WIDTH, CELL_HEIGHT, 0.75));
    }

    #[test]
    fn halves_and_quadrants_are_where_their_names_say() {
        let top = |symbol: &str| art(symbol)[0].clone();
        let bottom = |symbol: &str| art(symbol)[19].clone();
        let cases = [
            ("▀", "##########", ".........."),
            ("▐", ".....#####", ".....#####"),
            ("▌", "#####.....", "#####....."),
            ("▔", "##########", ".........."),
            ("▕", ".........#", ".........#"),
            ("▏", "#.........", "#........."),
            ("▉", "#########.", "#########."),
            ("▖", "..........", "#####....."),
            ("▗", "..........", ".....#####"),
            ("▘", "#####.....", ".........."),
            ("▝", ".....#####", ".........."),
            ("▙", "#####.....", "##########"),
            ("▚", "#####.....", ".....#####"),
            ("▛", "##########", "#####....."),
            ("▜", "##########", ".....#####"),
            ("▞", ".....#####", "#####....."),
            ("▟", ".....#####", "##########"),
        ];
        for (symbol, first, last) in cases {
            assert_eq!(
                (top(symbol), bottom(symbol)),
                (first.into(), last.into()),
                "{symbol}"
            );
        }
        // The halves split the cell at its middle row.
        assert_eq!(art("▀")[9], "##########");
        assert_eq!(art("▀")[10], "..........");
        assert_eq!(art("▗")[9], "..........");
        assert_eq!(art("▗")[10], ".....#####");
    }

    #[test]
    fn braille_dots_sit_at_their_dot_positions() {
        let at = |symbol: &str| -> Vec<(f32, f32)> {
            shapes(symbol)
                .unwrap()
                .iter()
                .map(|s| match *s {
                    Shape::Dot { x, y, r } => {
                        assert_eq!(r, DOT_RADIUS);
                        (x, y)
                    }
                    _ => panic!("{symbol}: not a dot"),
                })
                .collect()
        };
        // Dots 1, 2, 3, 7 down the left column, 4, 5, 6, 8 down the right.
        let dots = [
            ("⠁", (2.5, 2.5)),
            ("⠂", (2.5, 7.5)),
            ("⠄", (2.5, 12.5)),
            ("⡀", (2.5, 17.5)),
            ("⠈", (7.5, 2.5)),
            ("⠐", (7.5, 7.5)),
            ("⠠", (7.5, 12.5)),
            ("⢀", (7.5, 17.5)),
        ];
        for (symbol, dot) in dots {
            assert_eq!(at(symbol), [dot], "{symbol}");
        }
        assert_eq!(at("⠀"), []);
        assert_eq!(at("⣿").len(), 8);
        assert_eq!(at("⠉"), [(2.5, 2.5), (7.5, 2.5)]);
        // Every pattern: one dot a raised bit, each wholly inside the cell.
        for code in 0x2800..=0x28FF_u32 {
            let symbol = char::from_u32(code).unwrap().to_string();
            let dots = at(&symbol);
            assert_eq!(
                dots.len(),
                (code - 0x2800).count_ones() as usize,
                "{symbol}"
            );
            for (x, y) in dots {
                assert!(
                    x - DOT_RADIUS > 0.0 && x + DOT_RADIUS < CELL_WIDTH,
                    "{symbol}"
                );
                assert!(
                    y - DOT_RADIUS > 0.0 && y + DOT_RADIUS < CELL_HEIGHT,
                    "{symbol}"
                );
            }
        }
    }

    /// The inked unit squares of `symbol` joined to the first inked one, by flood fill.
    fn connected(art: &[String]) -> usize {
        let inked: Vec<Vec<bool>> = art
            .iter()
            .map(|row| row.chars().map(|c| c == '#').collect())
            .collect();
        let mut seen = vec![vec![false; CELL_WIDTH as usize]; CELL_HEIGHT as usize];
        let start = (0..CELL_HEIGHT as usize)
            .flat_map(|y| (0..CELL_WIDTH as usize).map(move |x| (x, y)))
            .find(|&(x, y)| inked[y][x]);
        let mut stack: Vec<(usize, usize)> = start.into_iter().collect();
        let mut count = 0;
        while let Some((x, y)) = stack.pop() {
            if seen[y][x] || !inked[y][x] {
                continue;
            }
            seen[y][x] = true;
            count += 1;
            if x > 0 {
                stack.push((x - 1, y));
            }
            if y > 0 {
                stack.push((x, y - 1));
            }
            if x + 1 < CELL_WIDTH as usize {
                stack.push((x + 1, y));
            }
            if y + 1 < CELL_HEIGHT as usize {
                stack.push((x, y + 1));
            }
        }
        count
    }

    #[test]
    fn box_drawing_reaches_the_edges_of_its_arms_in_one_piece() {
        for code in 0x2500..=0x257F_u32 {
            let dashed = matches!(code, 0x2504..=0x250B | 0x254C..=0x254F);
            if dashed || (0x256D..=0x2573).contains(&code) {
                continue;
            }
            let c = char::from_u32(code).unwrap();
            let art = art(&c.to_string());
            let arms = arms(c);
            // Double lines are several strokes that meet in pairs (their joins are in
            // `lines_meet_in_the_middle_of_the_cell`); single ones are one piece.
            if !arms.contains(&Weight::Double) {
                let inked: usize = art.iter().map(|r| r.matches('#').count()).sum();
                assert_eq!(connected(&art), inked, "{c}: in one piece");
            }
            let edges = [
                art[0].clone(),
                art.iter().map(|r| &r[9..]).collect::<String>(),
                art[19].clone(),
                art.iter().map(|r| &r[..1]).collect::<String>(),
            ];
            for (arm, (weight, edge)) in arms.iter().zip(&edges).enumerate() {
                let want = match weight {
                    Weight::None => 0,
                    Weight::Light => 1,
                    Weight::Heavy => 3,
                    Weight::Double => 2,
                };
                assert_eq!(edge.matches('#').count(), want, "{c}: arm {arm}: {edge}");
                // Centred on the cell's middle line.
                let middle = if arm % 2 == 0 { 4 } else { 9 };
                if *weight == Weight::Light || *weight == Weight::Heavy {
                    assert_eq!(&edge[middle..=middle], "#", "{c}: arm {arm}: {edge}");
                }
            }
        }
    }

    #[test]
    fn dashed_lines_keep_their_rhythm_across_cells() {
        for (symbol, dashes, horizontal) in [
            ("┄", 3, true),
            ("┅", 3, true),
            ("┈", 4, true),
            ("┉", 4, true),
            ("╌", 2, true),
            ("╍", 2, true),
            ("┆", 3, false),
            ("┇", 3, false),
            ("┊", 4, false),
            ("┋", 4, false),
            ("╎", 2, false),
            ("╏", 2, false),
        ] {
            let shapes = shapes(symbol).unwrap();
            assert_eq!(shapes.len(), dashes, "{symbol}");
            let length = if horizontal { CELL_WIDTH } else { CELL_HEIGHT };
            let step = length / dashes as f32;
            for (i, shape) in shapes.iter().enumerate() {
                let Shape::Rect { x, y, w, h, .. } = *shape else {
                    panic!("{symbol}")
                };
                let (start, long, across, thick) = if horizontal {
                    (x, w, y + h / 2.0, h)
                } else {
                    (y, h, x + w / 2.0, w)
                };
                let close = |a: f32, b: f32| (a - b).abs() < 1e-4;
                assert!(close(start, step * (i as f32 + DASH_GAP / 2.0)), "{symbol}");
                assert!(close(long, step * (1.0 - DASH_GAP)), "{symbol}");
                assert_eq!(across, if horizontal { CY } else { CX }, "{symbol}");
                let heavy = ["┅", "┉", "╍", "┇", "┋", "╏"].contains(&symbol);
                assert_eq!(thick, if heavy { HEAVY } else { LIGHT }, "{symbol}");
            }
        }
    }

    #[test]
    fn rounded_corners_run_from_edge_to_edge_through_a_quarter_circle() {
        let r = 4.5;
        let pull = r * (1.0 - QUARTER);
        for (symbol, start, arc, end) in [
            (
                "╭",
                (10.0, 9.5),
                [(9.0, 9.5), (CX + pull, 9.5), (4.5, CY + pull), (4.5, 14.0)],
                (4.5, 20.0),
            ),
            (
                "╮",
                (0.0, 9.5),
                [(0.0, 9.5), (CX - pull, 9.5), (4.5, CY + pull), (4.5, 14.0)],
                (4.5, 20.0),
            ),
            (
                "╯",
                (0.0, 9.5),
                [(0.0, 9.5), (CX - pull, 9.5), (4.5, CY - pull), (4.5, 5.0)],
                (4.5, 0.0),
            ),
            (
                "╰",
                (10.0, 9.5),
                [(9.0, 9.5), (CX + pull, 9.5), (4.5, CY - pull), (4.5, 5.0)],
                (4.5, 0.0),
            ),
        ] {
            assert_eq!(
                shapes(symbol).unwrap(),
                [Shape::Corner {
                    start,
                    arc,
                    end,
                    width: LIGHT
                }],
                "{symbol}"
            );
        }
    }

    #[test]
    fn diagonals_run_corner_to_corner() {
        let rising = Shape::Line {
            from: (0.0, CELL_HEIGHT),
            to: (CELL_WIDTH, 0.0),
            width: LIGHT,
        };
        let falling = Shape::Line {
            from: (0.0, 0.0),
            to: (CELL_WIDTH, CELL_HEIGHT),
            width: LIGHT,
        };
        assert_eq!(shapes("╱").unwrap(), [rising]);
        assert_eq!(shapes("╲").unwrap(), [falling]);
        assert_eq!(shapes("╳").unwrap(), [rising, falling]);
    }

    #[test]
    fn everything_else_is_text() {
        for symbol in [
            "", " ", "a", "●", "▲", "■", "·", "†", "深", "──", "⣿⣿", "\u{27FF}",
        ] {
            assert_eq!(shapes(symbol), None, "{symbol:?}");
        }
        for symbol in [
            "\u{2500}", "\u{257F}", "\u{2580}", "\u{259F}", "\u{2800}", "\u{28FF}",
        ] {
            assert!(shapes(symbol).is_some(), "{symbol:?}");
        }
        assert_eq!(shapes("\u{25A0}"), None);
        assert_eq!(shapes("\u{2900}"), None);
    }
}
