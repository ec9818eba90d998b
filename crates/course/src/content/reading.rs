//! How long a page takes to read, from its words and code lines: the contents show it
//! per section, so a learner can plan a sitting. An estimate, stated as one: 200 words a
//! minute for prose and 4 seconds for each non-blank line of code or response.
use super::model::Block;

const WORDS_PER_MINUTE: u32 = 200;
const SECONDS_PER_CODE_LINE: u32 = 4;

/// Estimated reading time of a page with this title, summary and body, in seconds.
pub fn seconds(title: &str, summary: &str, blocks: &[Block]) -> u32 {
    let mut words = count_words(title) + count_words(summary);
    let mut code_lines = 0;
    for block in blocks {
        match block {
            Block::Paragraph(text) => words += count_words(text),
            Block::List { heading, items } => {
                words += heading.as_deref().map_or(0, count_words) + items.iter().map(|i| count_words(i)).sum::<u32>();
            }
            Block::Code(sample) => {
                words += sample.caption.as_deref().map_or(0, count_words);
                code_lines += count_lines(&sample.source);
                if let Some(response) = &sample.response {
                    code_lines += 1 + u32::try_from(response.headers.len()).unwrap_or(u32::MAX);
                }
            }
            Block::Categories(cards) => {
                words += cards.iter().map(|c| count_words(&c.name) + count_words(&c.description)).sum::<u32>();
            }
            Block::Callout { title, text, .. } => words += title.as_deref().map_or(0, count_words) + count_words(text),
            Block::Table { caption, header, rows } => {
                words += caption.as_deref().map_or(0, count_words);
                words += header.iter().chain(rows.iter().flatten()).map(|c| count_words(c)).sum::<u32>();
            }
        }
    }
    (words.saturating_mul(60) / WORDS_PER_MINUTE).saturating_add(code_lines.saturating_mul(SECONDS_PER_CODE_LINE))
}

/// Whole minutes for a number of seconds, rounded, and never 0 for something to read.
pub fn minutes(seconds: u64) -> u64 {
    if seconds == 0 { 0 } else { ((seconds + 30) / 60).max(1) }
}

fn count_words(text: &str) -> u32 {
    u32::try_from(text.split_whitespace().count()).unwrap_or(u32::MAX)
}

fn count_lines(text: &str) -> u32 {
    u32::try_from(text.lines().filter(|l| !l.trim().is_empty()).count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::CodeSample;

    #[test]
    fn prose_reads_at_200_words_a_minute_and_code_at_4_seconds_a_line() {
        let prose = vec![Block::Paragraph("word ".repeat(398))];
        assert_eq!(seconds("A title", "", &prose), 120);
        let list = vec![Block::List { heading: Some("Two words".into()), items: vec!["one".into(), "two".into()] }];
        assert_eq!(seconds("", "", &list), 1); // 4 words: 1.2 s
        let code = vec![Block::Code(CodeSample {
            language: "python".into(),
            source: "def f(request):\n\n    return x\n".into(),
            caption: None,
            flawed: false,
            response: None,
            verified: vec![],
            tests: vec![],
        })];
        assert_eq!(seconds("", "", &code), 8);
        assert_eq!(minutes(0), 0);
        assert_eq!(minutes(1), 1);
        assert_eq!(minutes(89), 1);
        assert_eq!(minutes(90), 2);
    }
}
