//! Frames as one self-contained SVG image: the picture's shapes, then its text, each piece
//! pinned to its cells with `x` and `textLength`.

use std::fmt::{self, Write};

use super::palette::Rgb;
use super::picture::{BASELINE, FONT_SIZE, Picture, Text};
use super::shapes::Shape;
use super::{FONT_FAMILY, Frame, escape, palette};
use crate::theme::Theme;

/// One image holding every frame, one under the other, each under its heading if it has one.
pub fn write(frames: &[Frame], theme: &Theme, title: &str) -> String {
    let picture = Picture::document(frames, palette::page(theme));
    let (width, height) = picture.size();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{FONT_FAMILY}\" font-size=\"{FONT_SIZE}\">\n\
         <title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        escape(title),
        picture.page.bg
    );
    write_shapes(&picture, &mut out);
    for text in &picture.texts {
        write_text(text, &mut out);
    }
    out.push_str("</svg>\n");
    out
}

/// The picture's shapes as SVG elements, one a line: shared with the HTML page, which draws
/// them under its text.
pub fn write_shapes(picture: &Picture, out: &mut String) {
    for (shape, colour) in &picture.shapes {
        write_shape(*shape, *colour, out);
        out.push('\n');
    }
}

fn write_shape(shape: Shape, colour: Rgb, out: &mut String) {
    let _ = match shape {
        Shape::Rect { x, y, w, h, alpha } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"",
                N(x),
                N(y),
                N(w),
                N(h)
            );
            if alpha < 1.0 {
                let _ = write!(out, " fill-opacity=\"{}\"", N(alpha));
            }
            write!(out, "/>")
        }
        Shape::Dot { x, y, r } => write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\"/>",
            N(x),
            N(y),
            N(r)
        ),
        Shape::Line { from, to, width } => write!(
            out,
            "<path d=\"M{} {}L{} {}\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
            N(from.0),
            N(from.1),
            N(to.0),
            N(to.1),
            N(width)
        ),
        Shape::Corner {
            start,
            arc,
            end,
            width,
        } => {
            let [a, c1, c2, b] = arc;
            write!(
                out,
                "<path d=\"M{} {}L{} {}C{} {} {} {} {} {}L{} {}\" fill=\"none\" stroke=\"{colour}\" \
                 stroke-width=\"{}\"/>",
                N(start.0),
                N(start.1),
                N(a.0),
                N(a.1),
                N(c1.0),
                N(c1.1),
                N(c2.0),
                N(c2.1),
                N(b.0),
                N(b.1),
                N(end.0),
                N(end.1),
                N(width)
            )
        }
    };
}

fn write_text(text: &Text, out: &mut String) {
    let weight = if text.bold {
        " font-weight=\"bold\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" fill=\"{}\"{weight} textLength=\"{}\" \
         lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
        N(text.x()),
        N(text.y() + BASELINE),
        text.colour,
        N(text.width()),
        escape(&text.text)
    );
}

/// A coordinate with at most two decimals, without trailing zeros.
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hundredths = (f64::from(self.0) * 100.0).round() as i64;
        let (whole, part) = (hundredths / 100, (hundredths % 100).abs());
        if hundredths < 0 && whole == 0 {
            f.write_str("-")?;
        }
        match part {
            0 => write!(f, "{whole}"),
            p if p % 10 == 0 => write!(f, "{whole}.{}", p / 10),
            p => write!(f, "{whole}.{p:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_two_decimals_at_most() {
        let shown: Vec<String> = [0.0, 10.0, 9.5, 2.25, 6.514_717, -0.5, -12.05]
            .iter()
            .map(|&v| N(v).to_string())
            .collect();
        assert_eq!(shown, ["0", "10", "9.5", "2.25", "6.51", "-0.5", "-12.05"]);
    }
}
