//! How readable a colour is on another: the RGB a terminal colour stands for, and the WCAG 2
//! contrast ratio between two of them (relative luminance, `(L1 + 0.05) / (L2 + 0.05)`).

use ratatui::style::Color;

/// Below this ratio, normal text fails WCAG 2's level AA: the card warns.
pub const AA: f64 = 4.5;

/// The RGB a terminal colour is shown in, and how sure that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb {
    pub rgb: [u8; 3],
    pub source: Source,
}

/// Where an [`Rgb`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A 24-bit colour: shown exactly.
    Exact,
    /// The 256-colour cube or grey ramp (16–255): the same in every terminal that has not
    /// been told otherwise.
    Palette,
    /// One of the 16 named ANSI colours: each terminal (and its profile) picks its own; this
    /// is xterm's default.
    Assumed,
}

/// xterm's defaults for the 16 named ANSI colours, 0–15.
const ANSI: [[u8; 3]; 16] = [
    [0x00, 0x00, 0x00],
    [0xCD, 0x00, 0x00],
    [0x00, 0xCD, 0x00],
    [0xCD, 0xCD, 0x00],
    [0x00, 0x00, 0xEE],
    [0xCD, 0x00, 0xCD],
    [0x00, 0xCD, 0xCD],
    [0xE5, 0xE5, 0xE5],
    [0x7F, 0x7F, 0x7F],
    [0xFF, 0x00, 0x00],
    [0x00, 0xFF, 0x00],
    [0xFF, 0xFF, 0x00],
    [0x5C, 0x5C, 0xFF],
    [0xFF, 0x00, 0xFF],
    [0x00, 0xFF, 0xFF],
    [0xFF, 0xFF, 0xFF],
];

/// The levels of each channel in the 6×6×6 colour cube (16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB of a terminal colour; `None` for `Reset`, the terminal's own, which only the
/// terminal knows.
pub fn rgb(color: Color) -> Option<Rgb> {
    let named = |index: usize| Rgb {
        rgb: ANSI[index],
        source: Source::Assumed,
    };
    Some(match color {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => Rgb {
            rgb: [r, g, b],
            source: Source::Exact,
        },
        Color::Indexed(i @ 0..=15) => named(usize::from(i)),
        Color::Indexed(i @ 16..=231) => {
            let i = usize::from(i - 16);
            Rgb {
                rgb: [CUBE[i / 36], CUBE[i / 6 % 6], CUBE[i % 6]],
                source: Source::Palette,
            }
        }
        Color::Indexed(i) => {
            let level = 8 + 10 * (i - 232);
            Rgb {
                rgb: [level; 3],
                source: Source::Palette,
            }
        }
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
    })
}

/// WCAG 2's relative luminance of an sRGB colour: 0 for black, 1 for white.
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        // The linear segment is for c ≤ 0.04045 (sRGB; WCAG 2.0 prints 0.03928): channels 0
        // to 10 either way, as 10/255 = 0.0392 and 11/255 = 0.0431.
        if channel <= 10 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white); the
/// order does not matter.
pub fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `4.4:1`: the ratio cut (not rounded) to one decimal, so a ratio shown as `4.5:1` passes
/// and one that fails never reads as passing.
pub fn label(ratio: f64) -> String {
    format!("{:.1}:1", (ratio * 10.0).floor() / 10.0)
}

/// `#0072B2`.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLACK: [u8; 3] = [0, 0, 0];
    const WHITE: [u8; 3] = [255, 255, 255];

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn black_on_white_is_21_and_a_colour_on_itself_is_1() {
        assert!(close(ratio(BLACK, WHITE), 21.0));
        assert!(close(ratio(WHITE, BLACK), 21.0));
        assert!(close(ratio([0x77; 3], [0x77; 3]), 1.0));
    }

    #[test]
    fn luminance_follows_wcag_2() {
        assert!(close(luminance(BLACK), 0.0));
        assert!(close(luminance(WHITE), 1.0));
        // Each channel's weight.
        assert!(close(luminance([255, 0, 0]), 0.2126));
        assert!(close(luminance([0, 255, 0]), 0.7152));
        assert!(close(luminance([0, 0, 255]), 0.0722));
        // The linear segment at the dark end, and the curve above it.
        assert!((luminance([10, 10, 10]) - 10.0 / 255.0 / 12.92).abs() < 1e-12);
        assert!(
            (luminance([11, 11, 11]) - ((11.0 / 255.0 + 0.055) / 1.055_f64).powf(2.4)).abs()
                < 1e-12
        );
        assert!((luminance([128, 128, 128]) - 0.215_861).abs() < 1e-6);
    }

    #[test]
    fn known_pairs_have_their_published_ratios() {
        // WebAIM's contrast checker: #777777 on white is 4.47:1 (fails AA), #767676 4.54:1.
        assert!(close(ratio([0x77; 3], WHITE), 4.48));
        assert!(close(ratio([0x76; 3], WHITE), 4.54));
        // Okabe–Ito blue on white, and orange on black (computed with the formula by hand).
        assert!(close(ratio([0x00, 0x72, 0xB2], WHITE), 5.19));
        assert!(close(ratio([0xE6, 0x9F, 0x00], BLACK), 9.32));
    }

    #[test]
    fn a_ratio_is_cut_never_rounded_up() {
        assert_eq!(label(4.47), "4.4:1");
        assert_eq!(label(4.5), "4.5:1");
        assert_eq!(label(21.0), "21.0:1");
        assert_eq!(label(ratio([0x77; 3], WHITE)), "4.4:1");
    }

    #[test]
    fn palette_colours_have_their_xterm_rgb() {
        let rgb_of = |i| rgb(Color::Indexed(i)).map(|c| (c.rgb, c.source));
        assert_eq!(rgb_of(16), Some((BLACK, Source::Palette)));
        assert_eq!(rgb_of(231), Some((WHITE, Source::Palette)));
        assert_eq!(rgb_of(214), Some(([255, 175, 0], Source::Palette)));
        assert_eq!(rgb_of(25), Some(([0, 95, 175], Source::Palette)));
        assert_eq!(rgb_of(74), Some(([95, 175, 215], Source::Palette)));
        assert_eq!(rgb_of(232), Some(([8; 3], Source::Palette)));
        assert_eq!(rgb_of(240), Some(([88; 3], Source::Palette)));
        assert_eq!(rgb_of(255), Some(([238; 3], Source::Palette)));
        assert_eq!(rgb_of(1), Some(([0xCD, 0, 0], Source::Assumed)));
        assert_eq!(rgb_of(15), Some((WHITE, Source::Assumed)));
    }

    #[test]
    fn named_colours_are_assumed_and_reset_is_unknown() {
        let named = [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ];
        for (i, color) in named.into_iter().enumerate() {
            assert_eq!(
                rgb(color),
                rgb(Color::Indexed(i as u8)),
                "{color:?} is ANSI colour {i}"
            );
            assert_eq!(rgb(color).map(|c| c.source), Some(Source::Assumed));
        }
        assert_eq!(
            rgb(Color::Rgb(1, 2, 3)),
            Some(Rgb {
                rgb: [1, 2, 3],
                source: Source::Exact
            })
        );
        assert_eq!(rgb(Color::Reset), None);
    }

    #[test]
    fn hex_is_upper_case_with_two_digits_a_channel() {
        assert_eq!(hex([0, 0x72, 0xB2]), "#0072B2");
        assert_eq!(hex(WHITE), "#FFFFFF");
    }
}
