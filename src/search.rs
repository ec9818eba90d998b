//! Full-text search over page titles and bodies, ranked: title matches first.
use crate::content::{Block, Course, Page};

/// One page that matches, with a short excerpt around the first match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub page: usize,
    pub in_title: bool,
    /// Made for the hits near the selected one (`SearchIndex::fill_excerpts`).
    pub excerpt: String,
    /// Where the match is in the lower-cased text, for making the excerpt later.
    at: Option<usize>,
}

/// How many hits on each side of the selected one get an excerpt (the box shows fewer):
/// with thousands of matches, a keystroke makes only these.
const EXCERPTS: usize = 60;

/// One page's title and text, lower-cased.
struct Entry {
    title: String,
    lower: String,
    /// The text as written, for excerpts; None when it is read again for them (a cached
    /// course's index keeps one copy of the text, not two).
    original: Option<String>,
}

/// Lower-cased text of every page, built once on the first search.
pub struct SearchIndex {
    pages: Vec<Entry>,
}

impl SearchIndex {
    pub fn build(course: &Course) -> SearchIndex {
        let pages = course
            .pages
            .iter()
            .map(|page| {
                let text = page_text(page, &page.blocks);
                Entry { title: page.title.to_lowercase(), lower: text.to_lowercase(), original: Some(text) }
            })
            .collect();
        SearchIndex { pages }
    }

    /// Titles only: what a big course's search answers from while its whole index is built.
    pub fn titles(course: &Course) -> SearchIndex {
        let pages = course
            .pages
            .iter()
            .map(|page| Entry { title: page.title.to_lowercase(), lower: String::new(), original: None })
            .collect();
        SearchIndex { pages }
    }

    /// The same, with each page's blocks from `blocks` (a cached course's pages are read
    /// one at a time, so only one is in memory), keeping only the lower-cased text.
    pub fn build_each(course: &Course, mut blocks: impl FnMut(usize) -> Vec<Block>) -> SearchIndex {
        let pages = course
            .pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let lower = page_text(page, &blocks(i)).to_lowercase();
                Entry { title: page.title.to_lowercase(), lower, original: None }
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
            .filter_map(|(page, entry)| {
                let in_title = entry.title.contains(&needle);
                let at = entry.lower.find(&needle);
                (in_title || at.is_some()).then(|| Hit { page, in_title, excerpt: String::new(), at })
            })
            .collect();
        hits.sort_by_key(|h| (!h.in_title, h.page));
        self.fill_excerpts(&mut hits, 0, |_| None);
        hits
    }

    /// Makes the excerpts of the hits around `selected` that have none yet; `original`
    /// gives a page's text (`page_text`) when the index did not keep it.
    pub fn fill_excerpts(&self, hits: &mut [Hit], selected: usize, original: impl Fn(usize) -> Option<String>) {
        let end = hits.len().min(selected.saturating_add(EXCERPTS));
        for hit in hits.get_mut(selected.saturating_sub(EXCERPTS)..end).unwrap_or_default() {
            let (Some(at), Some(entry)) = (hit.at, self.pages.get(hit.page)) else { continue };
            if !hit.excerpt.is_empty() {
                continue;
            }
            let read;
            let text = match &entry.original {
                Some(text) => text,
                None => match original(hit.page) {
                    Some(text) => {
                        read = text;
                        &read
                    }
                    None => continue,
                },
            };
            // A page read again must be the one indexed.
            if text.len() <= entry.lower.len() * 2 && at <= entry.lower.len() {
                hit.excerpt = excerpt(text, &entry.lower, at);
            }
        }
    }
}

/// A page's searchable text as written: its summary and the text of its blocks.
pub fn page_text(page: &Page, blocks: &[Block]) -> String {
    let body = blocks.iter().map(block_text).collect::<Vec<_>>().join("\n");
    format!("{}\n{body}", page.summary).replace(['`', '*'], "")
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
