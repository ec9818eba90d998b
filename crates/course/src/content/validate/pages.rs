//! Pages and their blocks: paragraphs, lists, code samples, cards, callouts, tables.
use super::{Checker, Index, Parsed};
use crate::content::model::*;
use crate::content::parallel;
use crate::content::problem::{Problem, SourceFile};
use crate::content::raw;
use std::collections::HashMap;
use toml::Spanned;

impl Checker<'_> {
    /// The checked pages, the i-th from the file and section `placed[i]` gives (the file
    /// an index in `files`). A big course's pages are checked on every core; the problems
    /// come out in the order one thread would find them.
    pub(super) fn pages(
        &mut self,
        files: Vec<Parsed<'_, raw::PageFile>>,
        placed: &[(usize, usize)],
        index: &Index,
    ) -> Vec<Page> {
        let mut files: Vec<Option<_>> = files.into_iter().map(Some).collect();
        let work: Vec<_> =
            placed.iter().filter_map(|&(file, section)| Some((files.get_mut(file)?.take()?, section))).collect();
        let (all, unparsed, suggestions) = (self.files, &self.unparsed_pages, self.suggestions_left);
        let many = work.len() >= parallel::PARALLEL_ITEMS;
        let parts = parallel::map_parts(work, |part| {
            let mut checker = Checker {
                files: all,
                problems: Vec::new(),
                unparsed_pages: unparsed.clone(),
                suggestions_left: suggestions,
                block_ids: HashMap::new(),
            };
            let mut parsed = Vec::with_capacity(part.len());
            let mut pages = Vec::with_capacity(part.len());
            for (file, section) in part {
                pages.push(checker.page(&file, section, index));
                parsed.push(file.value);
            }
            vec![(pages, checker.problems, parsed, checker.block_ids)]
        });
        let mut pages = Vec::with_capacity(placed.len());
        let mut parsed = Vec::new();
        for (checked, problems, values, block_ids) in parts {
            pages.extend(checked);
            self.problems.extend(problems);
            self.block_ids.extend(block_ids);
            parsed.push(values);
        }
        // Freeing a big course's parsed pages (millions of small values) is a good part of
        // its check: done on the side, the course is ready sooner.
        if many {
            std::thread::spawn(move || drop(parsed));
        }
        pages
    }

    pub(super) fn page(&mut self, file: &Parsed<'_, raw::PageFile>, section: usize, index: &Index) -> Page {
        let source = file.source();
        let page = &file.value;
        if page.blocks.is_empty() {
            self.problems.push(source.error(page.id.span(), "this page has no blocks"));
        }
        let title = self.text(&source, &page.title, "title");
        let summary = self.text(&source, &page.summary, "summary");
        let blocks: Vec<Block> = page.blocks.iter().filter_map(|b| self.block(&source, b, index)).collect();
        let id = self.id(&source, &page.id);
        let block_ids = self.block_ids(&source, &page.blocks);
        self.block_ids.insert(id.clone(), block_ids);
        Page {
            id,
            reading_seconds: crate::content::reading::seconds(&title, &summary, &blocks),
            title,
            summary,
            codes: page.codes.iter().filter_map(|c| self.known_status(&source, c, index)).collect(),
            blocks,
            section,
            core: false, // set from course.toml's `core` once every page is checked
        }
    }

    /// The page's block ids, each unique in the page, to the index of its block.
    fn block_ids(&mut self, source: &SourceFile<'_>, blocks: &[Spanned<raw::BlockEntry>]) -> HashMap<String, usize> {
        let mut ids = HashMap::new();
        for (at, block) in blocks.iter().enumerate() {
            let Some(value) = &block.get_ref().id else { continue };
            let id = self.id(source, value);
            if ids.insert(id.clone(), at).is_some() {
                self.problems.push(source.error(value.span(), format!("block id `{id}` is used twice in this page")));
            }
        }
        ids
    }

    pub(super) fn block(
        &mut self,
        source: &SourceFile<'_>,
        entry: &Spanned<raw::BlockEntry>,
        index: &Index,
    ) -> Option<Block> {
        use raw::BlockKind as K;
        let b = entry.get_ref();
        let kind = *b.kind.get_ref();
        let (kind_name, allowed): (&str, &[&str]) = match kind {
            K::Paragraph => ("paragraph", &["text"]),
            K::List => ("list", &["heading", "items"]),
            K::Code => ("code", &["language", "source", "caption", "flawed", "response", "verify"]),
            K::Categories => ("categories", &["cards"]),
            K::Callout => ("callout", &["style", "title", "text"]),
            K::Table => ("table", &["caption", "header", "rows"]),
        };
        let present = [
            ("text", b.text.as_ref().map(Spanned::span)),
            ("heading", b.heading.as_ref().map(Spanned::span)),
            ("items", b.items.as_ref().map(Spanned::span)),
            ("language", b.language.as_ref().map(Spanned::span)),
            ("source", b.source.as_ref().map(Spanned::span)),
            ("caption", b.caption.as_ref().map(Spanned::span)),
            ("flawed", b.flawed.as_ref().map(Spanned::span)),
            ("response", b.response.as_ref().map(Spanned::span)),
            ("verify", b.verify.as_ref().map(Spanned::span)),
            ("cards", b.cards.as_ref().map(Spanned::span)),
            ("style", b.style.as_ref().map(Spanned::span)),
            ("title", b.title.as_ref().map(Spanned::span)),
            ("header", b.header.as_ref().map(Spanned::span)),
            ("rows", b.rows.as_ref().map(Spanned::span)),
        ];
        let before = self.problems.len();
        for (field, span) in present.iter().filter_map(|(f, s)| s.clone().map(|s| (f, s))) {
            if !allowed.contains(field) {
                let message =
                    format!("`{field}` does not belong in a {kind_name} block (it takes: {})", allowed.join(", "));
                self.problems.push(source.error(span, message));
            }
        }
        let need = |field: &str, this: &mut Self| {
            let message = format!("a {kind_name} block needs `{field}`");
            this.problems.push(source.error(b.kind.span(), message));
        };
        let block = match kind {
            K::Paragraph => match &b.text {
                Some(text) => Block::Paragraph(self.text(source, text, "paragraph text")),
                None => {
                    need("text", self);
                    return None;
                }
            },
            K::List => {
                let Some(items) = &b.items else {
                    need("items", self);
                    return None;
                };
                if items.get_ref().is_empty() {
                    self.problems.push(source.error(items.span(), "a list needs at least one item"));
                }
                Block::List {
                    heading: b.heading.as_ref().map(|h| self.text(source, h, "heading")),
                    items: items.get_ref().iter().map(|i| self.text(source, i, "list item")).collect(),
                }
            }
            K::Code => {
                let Some(code) = &b.source else {
                    need("source", self);
                    return None;
                };
                let response = b.response.as_ref().and_then(|r| self.response(source, r, index));
                let verified = self.verify(source, b, response.as_ref());
                let flawed = self.flawed(source, b);
                Block::Code(CodeSample {
                    language: b.language.as_ref().map_or("python".to_string(), |l| self.text(source, l, "language")),
                    source: self.text(source, code, "code").trim_matches('\n').to_string(),
                    caption: b.caption.as_ref().map(|c| self.text(source, c, "caption")),
                    flawed,
                    response,
                    verified,
                    tests: b
                        .verify
                        .iter()
                        .flat_map(|v| &v.get_ref().tests)
                        .map(|t| t.get_ref().trim().to_string())
                        .collect(),
                })
            }
            K::Categories => {
                let Some(cards) = &b.cards else {
                    need("cards", self);
                    return None;
                };
                Block::Categories(cards.get_ref().iter().filter_map(|c| self.card(source, c, index)).collect())
            }
            K::Callout => {
                let (Some(style), Some(text)) = (&b.style, &b.text) else {
                    if b.style.is_none() {
                        need("style", self);
                    }
                    if b.text.is_none() {
                        need("text", self);
                    }
                    return None;
                };
                Block::Callout {
                    style: match style.get_ref() {
                        raw::CalloutStyleEntry::Note => CalloutStyle::Note,
                        raw::CalloutStyleEntry::Tip => CalloutStyle::Tip,
                        raw::CalloutStyleEntry::Correction => CalloutStyle::Correction,
                    },
                    title: b.title.as_ref().map(|t| self.text(source, t, "title")),
                    text: self.text(source, text, "callout text"),
                }
            }
            K::Table => {
                let (Some(header), Some(rows)) = (&b.header, &b.rows) else {
                    if b.header.is_none() {
                        need("header", self);
                    }
                    if b.rows.is_none() {
                        need("rows", self);
                    }
                    return None;
                };
                let width = header.get_ref().len();
                for row in rows.get_ref() {
                    if row.get_ref().len() != width {
                        let message = format!("this row has {} cells; the header has {width}", row.get_ref().len());
                        self.problems.push(source.error(row.span(), message));
                    }
                }
                Block::Table {
                    caption: b.caption.as_ref().map(|c| self.text(source, c, "caption")),
                    header: header.get_ref().iter().map(|h| self.text(source, h, "header cell")).collect(),
                    rows: rows
                        .get_ref()
                        .iter()
                        .map(|r| r.get_ref().iter().map(|c| c.get_ref().trim().to_string()).collect())
                        .collect(),
                }
            }
        };
        // a warning (such as a missing [blocks.verify]) keeps the block
        (!self.problems[before..].iter().any(Problem::is_error)).then_some(block)
    }

    /// Whether a code sample is marked flawed. One needs a caption that says what is wrong;
    /// a caption that calls its sample a mistake, unmarked, is a warning: the reader would
    /// frame it as one to keep (`flawed = false` says it is meant).
    fn flawed(&mut self, source: &SourceFile<'_>, b: &raw::BlockEntry) -> bool {
        let flawed = b.flawed.as_ref().is_some_and(|f| *f.get_ref());
        match (&b.flawed, &b.caption) {
            (Some(f), None) if flawed => {
                let message = "a flawed sample needs a `caption` that says what goes wrong in it";
                self.problems.push(source.error(f.span(), message));
            }
            (None, Some(caption)) if says_mistake(caption.get_ref()) => {
                let message = "this caption calls the sample a mistake: mark it `flawed = true` so the reader \
                               frames it apart (or `flawed = false` if it is the one to keep)";
                self.problems.push(source.warning(caption.span(), message));
            }
            _ => {}
        }
        flawed
    }

    pub(super) fn response(
        &mut self,
        source: &SourceFile<'_>,
        entry: &Spanned<raw::ResponseEntry>,
        index: &Index,
    ) -> Option<ExampleResponse> {
        let r = entry.get_ref();
        let status = self.known_status(source, &r.status, index)?;
        let reason = index.codes.get(&status).cloned().unwrap_or_default();
        if let Some(written) = &r.reason
            && written.get_ref().trim() != reason
        {
            let message =
                format!("reason `{}` disagrees with codes.toml, which says {status} is `{reason}`", written.get_ref());
            self.problems.push(source.error(written.span(), message));
        }
        let headers = r
            .headers
            .iter()
            .filter_map(|h| match h.get_ref().split_once(':') {
                Some((name, value)) if !name.trim().is_empty() => {
                    Some((name.trim().to_string(), value.trim().to_string()))
                }
                _ => {
                    self.problems.push(source.error(h.span(), "a header is written as \"Name: value\""));
                    None
                }
            })
            .collect();
        Some(ExampleResponse { status, reason, headers, body: r.body.as_ref().map(|b| b.get_ref().clone()) })
    }

    pub(super) fn card(
        &mut self,
        source: &SourceFile<'_>,
        entry: &Spanned<raw::CardEntry>,
        index: &Index,
    ) -> Option<CategoryCard> {
        let c = entry.get_ref();
        let Some(class) = StatusClass::from_label(c.class.get_ref().trim()) else {
            let message = format!("class `{}` is not one of 1xx, 2xx, 3xx, 4xx, 5xx", c.class.get_ref());
            self.problems.push(source.error(c.class.span(), message));
            return None;
        };
        let codes: Vec<u16> = c.codes.iter().filter_map(|code| self.known_status(source, code, index)).collect();
        for (code, span) in codes.iter().zip(c.codes.iter().map(Spanned::span)) {
            if StatusClass::of(*code) != Some(class) {
                self.problems.push(source.error(span, format!("{code} is not a {} code", class.label())));
            }
        }
        Some(CategoryCard {
            class,
            name: self.text(source, &c.name, "name"),
            description: self.text(source, &c.description, "description"),
            codes,
        })
    }
}

/// A caption in the words the course uses for a sample not to copy.
fn says_mistake(caption: &str) -> bool {
    let caption = caption.to_lowercase();
    ["common mistake", "from the source"].iter().any(|words| caption.contains(words))
}
