//! `n` and `N` after a search: the next or previous line that mentions the searched text,
//! on this page and then across pages, wrapping around like `less`.
use crate::lines::document::Document;
use crate::lines::text::plain;

/// The lines of `doc` that contain `needle` (case-insensitive), in order.
pub fn matching_lines(doc: &Document, needle: &str) -> Vec<usize> {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    doc.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| plain(&line.spans).to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect()
}

/// The page order to look in after `page`, forwards or backwards, ending with `page`
/// itself (the wrap-around).
pub fn pages_after(page: usize, count: usize, forward: bool) -> Vec<usize> {
    (1..=count).map(|step| if forward { (page + step) % count } else { (page + count * 2 - step) % count }).collect()
}

#[cfg(test)]
mod tests {
    use super::pages_after;

    #[test]
    fn pages_wrap_around_and_end_on_the_start() {
        assert_eq!(pages_after(1, 4, true), [2, 3, 0, 1]);
        assert_eq!(pages_after(1, 4, false), [0, 3, 2, 1]);
        assert_eq!(pages_after(0, 1, true), [0]);
    }
}
