//! Splitting a region into rows or columns by plain arithmetic. The constraint solver behind
//! `Layout` costs tens of microseconds a call; a page of tiles and charts made dozens of calls
//! on every first visit, for splits this simple.

use ratatui::layout::Rect;

/// `count` equal parts along one axis, the first ones one cell larger when it does not divide.
pub fn even(area: Rect, count: u16, horizontal: bool) -> Vec<Rect> {
    let total = if horizontal { area.width } else { area.height };
    let count = count.max(1);
    let (size, extra) = (total / count, total % count);
    let mut offset = 0;
    (0..count)
        .map(|i| {
            let length = size + u16::from(i < extra);
            let part = if horizontal {
                Rect {
                    x: area.x + offset,
                    width: length,
                    ..area
                }
            } else {
                Rect {
                    y: area.y + offset,
                    height: length,
                    ..area
                }
            };
            offset += length;
            part
        })
        .collect()
}

/// Rows of the given heights from the top; the one `None` takes what is left. Rows that do
/// not fit are cut short, never pushed outside `area`.
pub fn rows<const N: usize>(area: Rect, heights: [Option<u16>; N]) -> [Rect; N] {
    lengths(area.height, heights).map(|(offset, height)| Rect {
        y: area.y + offset,
        height,
        ..area
    })
}

/// Columns of the given widths from the left; the one `None` takes what is left.
pub fn columns<const N: usize>(area: Rect, widths: [Option<u16>; N]) -> [Rect; N] {
    lengths(area.width, widths).map(|(offset, width)| Rect {
        x: area.x + offset,
        width,
        ..area
    })
}

/// The offset and length of each part: fixed parts first get their length, then the flexible
/// one gets the rest.
fn lengths<const N: usize>(total: u16, parts: [Option<u16>; N]) -> [(u16, u16); N] {
    let fixed: u16 = parts
        .iter()
        .flatten()
        .fold(0, |sum, l| sum.saturating_add(*l));
    let flexible = total.saturating_sub(fixed);
    let mut offset = 0u16;
    parts.map(|part| {
        let length = part.unwrap_or(flexible).min(total - offset);
        let this = (offset, length);
        offset += length;
        this
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_parts_cover_the_area() {
        let parts = even(Rect::new(2, 3, 10, 5), 3, true);
        let widths: Vec<u16> = parts.iter().map(|r| r.width).collect();
        assert_eq!(widths, [4, 3, 3]);
        assert_eq!(parts[2].x + parts[2].width, 12);
    }

    #[test]
    fn fixed_rows_then_the_rest() {
        let [a, b, c] = rows(Rect::new(0, 0, 5, 10), [Some(1), None, Some(2)]);
        assert_eq!(
            (a.y, a.height, b.y, b.height, c.y, c.height),
            (0, 1, 1, 7, 8, 2)
        );
    }

    #[test]
    fn parts_that_do_not_fit_are_cut_short() {
        let [a, b, c] = rows(Rect::new(0, 0, 5, 2), [Some(1), None, Some(3)]);
        assert_eq!((a.height, b.height, c.height), (1, 0, 1));
        assert!(c.y + c.height <= 2);
    }
}
