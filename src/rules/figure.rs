//! A picture's printed size, the same in every output that prints it.

/// A picture's printed size in mm: as large as at 150 dpi, never wider than the type area
/// (156 mm) nor taller than half of it (110 mm), the proportions kept.
pub(crate) fn size((w, h): (u32, u32)) -> (f64, f64) {
    let (w, h) = (f64::from(w.max(1)), f64::from(h.max(1)));
    let natural = w / 150.0 * 25.4;
    let scale = (natural.min(156.0) / w).min(110.0 / h);
    (w * scale, h * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fit_the_type_area_in_proportion() {
        let (w, h) = size((3000, 1500));
        assert!((w - 156.0).abs() < 1e-9 && (h - 78.0).abs() < 1e-9);
        let (w, h) = size((300, 300));
        assert!((w - 50.8).abs() < 1e-9 && (h - 50.8).abs() < 1e-9);
        let (_, h) = size((1000, 9000));
        assert!((h - 110.0).abs() < 1e-9);
    }
}
