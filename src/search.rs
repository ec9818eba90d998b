//! Full-text search over page titles and bodies, ranked: title matches first.
use crate::content::{Block, Course};

/// One page that matches, with a short excerpt around the first match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub page: usize,
    pub in_title: bool,
    pub excerpt: String,
}

/// Lower-cased text of every page, built once on the first search.
pub struct SearchIndex {
    pages: Vec<(String, String, String)>,
}

impl SearchIndex {
    pub fn build(course: &Course) -> SearchIndex {
        let pages = course
            .pages
            .iter()
            .map(|page| {
                let body = page.blocks.iter().map(block_text).collect::<Vec<_>>().join("\n");
                let body = format!("{}\n{body}", page.summary).replace(['`', '*'], "");
                (page.title.to_lowercase(), body.to_lowercase(), body)
            })
            .collect();
        SearchIndex { pages }
    }

    /// Pages containing `query` (case-insensitive), title matches first, then reading order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .pages
            .iter()
            .enumerate()
            .filter_map(|(page, (title, body, original))| {
                let in_title = title.contains(&needle);
                let at = body.find(&needle);
                if !in_title && at.is_none() {
                    return None;
                }
                let excerpt = at.map(|i| excerpt(original, body, i)).unwrap_or_default();
                Some(Hit { page, in_title, excerpt })
            })
            .collect();
        hits.sort_by_key(|h| (!h.in_title, h.page));
        hits
    }
}

/// About 60 characters of the line around byte `at` of the lower-cased body.
fn excerpt(original: &str, lower: &str, at: usize) -> String {
    // `at` is a byte offset in the lower-cased text, where lower-casing may have changed
    // lengths ("İ" grows). Lines survive lower-casing, so go by line number and count
    // characters, never slicing `original` at a byte offset of `lower`.
    let start = lower[..at].rfind('\n').map_or(0, |i| i + 1);
    let number = lower[..start].matches('\n').count();
    let line = original.lines().nth(number).unwrap_or_default();
    let offset = lower[start..at].chars().count();
    let skip = offset.saturating_sub(20);
    let mut excerpt: String = line.chars().skip(skip).take(60).collect();
    if skip > 0 {
        excerpt.insert(0, '…');
    }
    let mut excerpt = excerpt.trim().to_string();
    // Cut short: say so, as at the start.
    if line.chars().count() > skip + 60 {
        excerpt.push('…');
    }
    excerpt
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(text) => text.clone(),
        Block::List { heading, items } => heading.iter().chain(items).cloned().collect::<Vec<_>>().join("\n"),
        Block::Code(sample) => {
            let mut text = sample.caption.iter().chain([&sample.source]).cloned().collect::<Vec<_>>().join("\n");
            if let Some(r) = &sample.response {
                text.push_str(&format!("\n{} {}", r.status, r.reason));
            }
            text
        }
        Block::Categories(cards) => cards
            .iter()
            .map(|c| format!("{} {}\n{}", c.class.label(), c.name, c.description))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Callout { title, text, .. } => title.iter().chain([text]).cloned().collect::<Vec<_>>().join("\n"),
        Block::Table { caption, header, rows } => {
            caption.iter().chain(header).cloned().chain(rows.iter().map(|r| r.join(" "))).collect::<Vec<_>>().join("\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_survive_lower_casing_that_changes_lengths() {
        // "İ" lower-cases to two characters (three bytes), "ẞ" to one shorter "ß".
        let original = "İéẞ and more\nsecond İ line";
        let lower = original.to_lowercase();
        let at = lower.find('é').expect("in text");
        assert_eq!(excerpt(original, &lower, at), "İéẞ and more");
        let at = lower.find("line").expect("in text");
        assert_eq!(excerpt(original, &lower, at), "second İ line");
    }

    #[test]
    fn an_excerpt_cut_at_either_end_says_so() {
        let line = format!("{} needle {}", "a".repeat(40), "b".repeat(80));
        let lower = line.to_lowercase();
        let cut = excerpt(&line, &lower, lower.find("needle").expect("in text"));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    }
}
