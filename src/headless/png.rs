//! Frames as one PNG image, for slide tools that take no SVG: the same picture as the SVG,
//! drawn in pure Rust (tiny-skia) with DejaVu Sans Mono, which is bundled in the binary, so
//! nothing on the machine (no system font) changes a pixel. The same input gives the same
//! bytes.

use tiny_skia::{
    Color, FillRule, LineCap, Paint, Path, PathBuilder, Pixmap, Rect, Stroke, Transform,
};
use ttf_parser::{Face, GlyphId, OutlineBuilder};

use super::palette::Rgb;
use super::picture::{BASELINE, FONT_SIZE, Picture, Text};
use super::shapes::{CELL_WIDTH, Shape};

/// DejaVu Sans Mono 2.37, regular and bold; their licence is in `assets/fonts/LICENSE`.
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono-Bold.ttf");

/// The most pixels an image may have: 50 million is 200 MB while it is drawn, and 25×
/// the pixels of a 4K screen.
pub const MAX_PIXELS: u64 = 50_000_000;

/// A PNG, and the characters the bundled font has no glyph for (drawn as its empty box), each
/// once, in the order they first appear.
#[derive(Debug)]
pub struct Png {
    pub bytes: Vec<u8>,
    pub missing: Vec<char>,
}

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error(
        "a PNG of {width}×{height} pixels is too large (at most {MAX_PIXELS} pixels): \
         choose a smaller --size or --scale"
    )]
    TooLarge { width: u64, height: u64 },
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// The picture's size in pixels at `scale` pixels a unit.
pub fn size(picture: &Picture, scale: u8) -> (u64, u64) {
    let (width, height) = picture.size();
    let scale = u64::from(scale);
    (width as u64 * scale, height as u64 * scale)
}

pub fn write(picture: &Picture, scale: u8) -> Result<Png, PngError> {
    let (width, height) = size(picture, scale);
    let too_large = || PngError::TooLarge { width, height };
    if width * height > MAX_PIXELS {
        return Err(too_large());
    }
    let (Ok(w), Ok(h)) = (u32::try_from(width), u32::try_from(height)) else {
        return Err(too_large());
    };
    // An empty picture (no frames) is still an image: one pixel of the page.
    let mut pixmap = Pixmap::new(w.max(1), h.max(1)).ok_or_else(too_large)?;
    pixmap.fill(colour(picture.page.bg, 1.0));
    let scale = f32::from(scale);
    let transform = Transform::from_scale(scale, scale);
    for &(shape, rgb) in &picture.shapes {
        draw(&mut pixmap, shape, rgb, transform);
    }
    let mut font = Font::new();
    for text in &picture.texts {
        font.draw(&mut pixmap, text, transform);
    }
    let bytes = pixmap
        .encode_png()
        .map_err(|err| PngError::Encode(err.to_string()))?;
    Ok(Png {
        bytes,
        missing: font.missing,
    })
}

fn colour(rgb: Rgb, alpha: f32) -> Color {
    let Rgb(r, g, b) = rgb;
    let mut colour = Color::from_rgba8(r, g, b, 255);
    colour.apply_opacity(alpha);
    colour
}

fn paint(rgb: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(colour(rgb, alpha));
    paint
}

fn draw(pixmap: &mut Pixmap, shape: Shape, rgb: Rgb, transform: Transform) {
    match shape {
        Shape::Rect { x, y, w, h, alpha } => {
            if let Some(rect) = Rect::from_xywh(x, y, w, h) {
                pixmap.fill_rect(rect, &paint(rgb, alpha), transform, None);
            }
        }
        Shape::Dot { x, y, r } => {
            if let Some(path) = PathBuilder::from_circle(x, y, r) {
                fill(pixmap, &path, rgb, transform);
            }
        }
        Shape::Line { from, to, width } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            stroke(pixmap, path.finish(), width, rgb, transform);
        }
        Shape::Corner {
            start,
            arc,
            end,
            width,
        } => {
            let [a, c1, c2, b] = arc;
            let mut path = PathBuilder::new();
            path.move_to(start.0, start.1);
            path.line_to(a.0, a.1);
            path.cubic_to(c1.0, c1.1, c2.0, c2.1, b.0, b.1);
            path.line_to(end.0, end.1);
            stroke(pixmap, path.finish(), width, rgb, transform);
        }
    }
}

fn fill(pixmap: &mut Pixmap, path: &Path, rgb: Rgb, transform: Transform) {
    pixmap.fill_path(path, &paint(rgb, 1.0), FillRule::Winding, transform, None);
}

fn stroke(pixmap: &mut Pixmap, path: Option<Path>, width: f32, rgb: Rgb, transform: Transform) {
    let Some(path) = path else { return };
    let stroke = Stroke {
        width,
        line_cap: LineCap::Butt,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint(rgb, 1.0), &stroke, transform, None);
}

/// The bundled faces, and what they lacked so far.
struct Font {
    regular: Option<Face<'static>>,
    bold: Option<Face<'static>>,
    missing: Vec<char>,
}

impl Font {
    fn new() -> Font {
        Font {
            regular: Face::parse(REGULAR, 0).ok(),
            bold: Face::parse(BOLD, 0).ok(),
            missing: Vec::new(),
        }
    }

    /// Printable ASCII one character a cell; any other piece (one character, wide or with
    /// combining marks) across its cells. Each advance is stretched to its cells' width, as
    /// the SVG's `textLength` does.
    fn draw(&mut self, pixmap: &mut Pixmap, text: &Text, transform: Transform) {
        let face = if text.bold { &self.bold } else { &self.regular };
        let Some(face) = face else { return };
        let per_unit = FONT_SIZE / f32::from(face.units_per_em());
        let ascii = text.text.is_ascii();
        let cell = if ascii { CELL_WIDTH } else { text.width() };
        let baseline = text.y() + BASELINE;
        let paint = paint(text.colour, 1.0);
        for (i, c) in text.text.chars().enumerate() {
            if c == ' ' {
                continue;
            }
            let glyph = face.glyph_index(c).unwrap_or_else(|| {
                if !self.missing.contains(&c) {
                    self.missing.push(c);
                }
                GlyphId(0)
            });
            let mut outline = Outline(PathBuilder::new());
            if face.outline_glyph(glyph, &mut outline).is_none() {
                continue;
            }
            let Some(path) = outline.0.finish() else {
                continue;
            };
            let advance = face.glyph_hor_advance(glyph).map_or(0.0, f32::from) * per_unit;
            let stretch = if advance > 0.0 { cell / advance } else { 1.0 };
            let left = text.x() + if ascii { cell * i as f32 } else { 0.0 };
            // Font units (y up) to picture units (y down), then to pixels.
            let place =
                Transform::from_row(per_unit * stretch, 0.0, 0.0, -per_unit, left, baseline)
                    .post_concat(transform);
            pixmap.fill_path(&path, &paint, FillRule::Winding, place, None);
        }
    }
}

/// A glyph's outline as a path, in font units.
struct Outline(PathBuilder);

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headless::palette::Page;

    const PAGE: Page = Page {
        fg: Rgb(200, 200, 200),
        bg: Rgb(0, 0, 0),
    };

    #[test]
    fn the_bundled_faces_have_every_character_the_dashboard_writes() {
        let glyphs = crate::ui::Glyphs::new(false);
        let mut wanted: String = (' '..='~').collect();
        wanted.push_str(&glyphs.markers.concat());
        wanted.push_str("·†≈≥~*▾▸←→↑↓×–—…");
        for face in [REGULAR, BOLD] {
            let face = Face::parse(face, 0).unwrap();
            let missing: String = wanted
                .chars()
                .filter(|&c| face.glyph_index(c).is_none())
                .collect();
            assert_eq!(missing, "");
        }
    }

    fn picture(text: &str, bold: bool) -> Picture {
        let mut picture = Picture::new(10, 1, PAGE);
        picture.texts.push(Text {
            column: 0,
            row: 0,
            columns: 2,
            text: text.to_owned(),
            colour: PAGE.fg,
            bold,
        });
        picture
    }

    #[test]
    fn a_character_the_font_lacks_is_named_once_and_drawn_as_a_box() {
        let mut picture = picture("深", false);
        picture.texts.push(picture.texts[0].clone());
        picture.texts.push(Text {
            text: "圳".to_owned(),
            ..picture.texts[0].clone()
        });
        let png = write(&picture, 1).unwrap();
        assert_eq!(png.missing, ['深', '圳']);
        // The box is drawn: ink in the first cells.
        let pixmap = Pixmap::decode_png(&png.bytes).unwrap();
        let inked = (0..20)
            .flat_map(|x| (0..20).map(move |y| (x, y)))
            .filter(|&(x, y)| pixmap.pixel(x, y).unwrap().red() > 0)
            .count();
        assert!(inked > 20, "{inked} pixels of the box");
    }

    #[test]
    fn text_is_drawn_in_its_cells_and_bold_is_heavier() {
        let ink = |picture: &Picture| {
            let png = write(picture, 2).unwrap();
            assert_eq!(png.missing, []);
            let pixmap = Pixmap::decode_png(&png.bytes).unwrap();
            let mut columns = Vec::new();
            let mut total = 0_u32;
            for x in 0..pixmap.width() {
                let column: u32 = (0..pixmap.height())
                    .map(|y| u32::from(pixmap.pixel(x, y).unwrap().red()))
                    .sum();
                if column > 0 {
                    columns.push(x);
                }
                total += column;
            }
            (columns, total)
        };
        let (columns, regular) = ink(&picture("Il", false));
        // Two characters, each in its own 20-pixel cell, none outside them.
        assert!(columns.iter().any(|&x| x < 20) && columns.iter().any(|&x| x >= 20));
        assert!(columns.iter().all(|&x| x < 40), "{columns:?}");
        let (_, bold) = ink(&picture("Il", true));
        assert!(bold > regular * 5 / 4, "bold {bold}, regular {regular}");
        // Nothing to draw: the page alone.
        let (none, _) = ink(&picture("  ", false));
        assert_eq!(none, Vec::<u32>::new());
    }

    #[test]
    fn an_image_too_large_is_refused_before_it_is_drawn() {
        let big = Picture::new(1000, 500, PAGE);
        assert_eq!(size(&big, 2), (20_000, 20_000));
        assert!(matches!(
            write(&big, 2),
            Err(PngError::TooLarge {
                width: 20_000,
                height: 20_000
            })
        ));
        // At the limit, and an empty picture (no frames): one pixel.
        let png = write(&Picture::new(0, 0, PAGE), 1).unwrap();
        let pixmap = Pixmap::decode_png(&png.bytes).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (1, 1));
    }
}
