//! The passage of a lesson page that teaches a rule's fix.
use crate::audit::rules::Rule;
use crate::content::{Block, Course};

/// A lesson passage: the page, the passage's title, and its text as paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub page: String,
    pub page_title: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

/// The passage `rule` names in its page (a callout, list heading or code caption starting
/// with [`Rule::passage`]), else the page's summary and first paragraph. None when the
/// course has no such page (another course given with --content).
pub fn find(course: &Course, rule: &dyn Rule) -> Option<Lesson> {
    let page = course.pages.iter().find(|p| p.id == rule.page())?;
    let mut lesson = Lesson {
        page: page.id.clone(),
        page_title: page.title.clone(),
        title: page.title.clone(),
        paragraphs: Vec::new(),
    };
    let wanted = rule.passage();
    let matched = wanted.and_then(|start| {
        page.blocks.iter().find_map(|block| match block {
            Block::Callout { title: Some(title), text, .. } if title.starts_with(start) => {
                Some((title.clone(), vec![text.clone()]))
            }
            Block::List { heading: Some(title), items } if title.starts_with(start) => {
                Some((title.clone(), items.clone()))
            }
            Block::Code(sample) if sample.caption.as_deref().is_some_and(|c| c.starts_with(start)) => {
                Some((sample.caption.clone().unwrap_or_default(), sample.source.lines().map(str::to_string).collect()))
            }
            _ => None,
        })
    });
    match matched {
        Some((title, paragraphs)) => {
            lesson.title = title;
            lesson.paragraphs = paragraphs;
        }
        None => {
            lesson.paragraphs.push(page.summary.clone());
            let first =
                page.blocks.iter().find_map(|b| if let Block::Paragraph(text) = b { Some(text.clone()) } else { None });
            lesson.paragraphs.extend(first);
        }
    }
    Some(lesson)
}
