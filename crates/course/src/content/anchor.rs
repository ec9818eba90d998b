//! Anchors: the passage of a page that answers a quiz question, as text to find on the
//! laid-out page.
use super::model::{Anchor, Block, Course, Page};

/// The headings of a page's blocks (list headings, callout titles, table and code
/// captions), with the block each one belongs to.
pub fn headings(page: &Page) -> impl Iterator<Item = (usize, &str)> {
    page.blocks.iter().enumerate().filter_map(|(at, block)| {
        let heading = match block {
            Block::List { heading, .. } => heading.as_deref(),
            Block::Callout { title, .. } => title.as_deref(),
            Block::Table { caption, .. } => caption.as_deref(),
            Block::Code(sample) => sample.caption.as_deref(),
            Block::Paragraph(_) | Block::Categories(_) => None,
        };
        heading.map(|h| (at, h))
    })
}

/// Text that starts the passage `anchor` points at on page `page`, to look for in the
/// laid-out page: a heading itself, or the first words of a block (markup removed, few
/// enough words that they rarely wrap apart).
#[must_use]
pub fn anchor_text(course: &Course, page: usize, anchor: &Anchor) -> Option<String> {
    let page = course.pages.get(page)?;
    let text = match anchor {
        // A heading is found by its first words, four of them: a long one wraps, and
        // many captions share their first three ("From the source: ...").
        Anchor::Heading(heading) => return Some(first_words(heading, 4)),
        Anchor::Block(at) if headings(page).any(|(block, _)| block == *at) => {
            return Some(first_words(headings(page).find(|(block, _)| *block == *at)?.1, 4));
        }
        Anchor::Block(at) => match page.blocks.get(*at)? {
            Block::Paragraph(text) => text.clone(),
            Block::List { heading, items } => heading.clone().or_else(|| items.first().cloned())?,
            Block::Code(sample) => {
                sample.caption.clone().or_else(|| sample.source.lines().next().map(str::to_owned))?
            }
            Block::Categories(cards) => cards.first()?.name.clone(),
            Block::Callout { title, text, .. } => title.clone().unwrap_or_else(|| text.clone()),
            Block::Table { caption, header, .. } => caption.clone().or_else(|| header.first().cloned())?,
        },
    };
    let words = first_words(&text, 3);
    (!words.is_empty()).then_some(words)
}

/// The first `count` words of `text`, markup removed.
fn first_words(text: &str, count: usize) -> String {
    let clean: String = text.chars().filter(|c| !matches!(c, '`' | '*')).collect();
    clean.split_whitespace().take(count).collect::<Vec<_>>().join(" ")
}
