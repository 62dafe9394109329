//! Stripes that tell one series of bars from another without colour (Chartability: colour
//! alone). A zigzag drawn over a bar in the background colour reads as a texture at any size,
//! and costs one path per bar however tall the bar is.

use crate::scene::{Color, Point, Rect, Shape};

/// Below this width or height a bar is too small to carry a visible texture.
const LEAST_PX: f64 = 4.0;

/// A zigzag from the bottom of `rect` to its top, edge to edge, in `color`; `None` for a bar
/// too small to show it.
pub fn zigzag(rect: Rect, color: Color) -> Option<Shape> {
    if !(rect.width >= LEAST_PX && rect.height >= LEAST_PX) {
        return None;
    }
    // Legs a third as tall as the bar is wide (at most 14 px) keep the texture dense on short
    // bars and wide ones alike.
    let rise = (rect.width * 0.35).clamp(5.0, 14.0);
    let legs = (rect.height / rise).floor().min(200.0) as usize;
    if legs == 0 {
        return None;
    }
    let (left, right) = (rect.x + 1.0, rect.right() - 1.0);
    let points = (0..=legs)
        .map(|i| {
            let x = if i % 2 == 0 { left } else { right };
            Point::new(x, rect.bottom() - i as f64 * rise)
        })
        .collect();
    Some(Shape::Line { points, color, width: 1.5, dash: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_inside_its_bar() {
        let rect = Rect::new(10.0, 20.0, 30.0, 100.0);
        let Some(Shape::Line { points, .. }) = zigzag(rect, Color::hex(0xffffff)) else { panic!("a zigzag") };
        assert!(points.len() >= 9);
        assert!(points.iter().all(|p| p.x >= rect.x && p.x <= rect.right() && p.y >= rect.y && p.y <= rect.bottom()));
        assert!(points.last().is_some_and(|p| p.y - rect.y < 12.0), "it climbs to the top");
        assert!(zigzag(Rect::new(0.0, 0.0, 3.0, 100.0), Color::hex(0)).is_none());
        assert!(zigzag(Rect::new(0.0, 0.0, f64::NAN, 100.0), Color::hex(0)).is_none());
    }
}
