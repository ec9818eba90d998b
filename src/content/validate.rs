//! Cross-file rules: turns parsed files into a `Course`, reporting every problem at once.
use super::load::{CourseFiles, parse_file};
use super::model::*;
use super::problem::{Problem, SourceFile};
use super::raw;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// The only `format_version` this release reads.
pub const FORMAT_VERSION: i64 = 1;

/// A course that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub course: Course,
    pub warnings: Vec<Problem>,
}

/// Parses and checks every file. Errors (and warnings) come back sorted by file and line.
pub fn load(files: &CourseFiles) -> Result<Loaded, Vec<Problem>> {
    let mut checker = Checker { files, problems: Vec::new(), unparsed_pages: HashSet::new() };
    let course = checker.course();
    let mut problems = checker.problems;
    problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
    match course {
        Some(course) if !problems.iter().any(Problem::is_error) => Ok(Loaded { course, warnings: problems }),
        _ => Err(problems),
    }
}

struct Checker<'a> {
    files: &'a CourseFiles,
    problems: Vec<Problem>,
    /// Ids (file stems) of page files that did not parse: their own error says why, so
    /// references to them are not reported again as unknown pages.
    unparsed_pages: HashSet<String>,
}

/// A parsed file together with its name and text, for locating later problems.
struct Parsed<T> {
    name: String,
    text: String,
    value: T,
}

impl<T> Parsed<T> {
    fn source(&self) -> SourceFile<'_> {
        SourceFile { name: &self.name, text: &self.text }
    }
}

/// Everything the course refers to by name, for resolving references.
struct Index {
    pages: HashMap<String, usize>,
    codes: HashMap<u16, String>,
}

impl Checker<'_> {
    fn course(&mut self) -> Option<Course> {
        let course_file = self.parse_one::<raw::CourseFile>("course.toml");
        let codes_file = self.parse_one::<raw::CodesFile>("codes.toml");
        let pages = self.parse_all::<raw::PageFile>("pages/");
        let parsed: HashSet<&str> = pages.iter().map(|p| p.name.as_str()).collect();
        self.unparsed_pages = self
            .files
            .files
            .iter()
            .filter(|(rel, _)| rel.starts_with("pages/") && !parsed.contains(self.files.display_name(rel).as_str()))
            .filter_map(|(rel, _)| rel.strip_prefix("pages/")?.strip_suffix(".toml").map(str::to_string))
            .collect();
        let quizzes = self.parse_all::<raw::QuizFile>("quiz/");

        let course_file = course_file?;
        let codes_file = codes_file?;
        self.format_version(&course_file);
        let order = self.page_order(&course_file, &pages);
        let index = Index {
            pages: order.iter().enumerate().map(|(i, &p)| (pages[p].value.id.get_ref().clone(), i)).collect(),
            codes: self.known_codes(&codes_file),
        };

        let mut checked_pages = Vec::new();
        let mut sections = Vec::new();
        for (section_index, section) in course_file.value.sections.iter().enumerate() {
            let title = self.text(&course_file.source(), &section.title, "section title");
            let mut members = Vec::new();
            for reference in &section.pages {
                if let Some(&page_index) = index.pages.get(reference.get_ref()) {
                    if !members.contains(&page_index) && page_index == checked_pages.len() {
                        let file = &pages[order[page_index]];
                        checked_pages.push(self.page(file, section_index, &index));
                    }
                    members.push(page_index);
                }
            }
            members.dedup();
            sections.push(Section { title, pages: members });
        }

        let codes = self.codes(&codes_file, &index);
        let django = self.django_names(&codes_file, &index);
        let questions = self.questions(&quizzes, &index);
        let course = &course_file.value;
        let source = course_file.source();
        Some(Course {
            id: self.id(&source, &course.id),
            title: self.text(&source, &course.title, "course title"),
            intro: course.intro.as_ref().map(|i| i.get_ref().trim().to_string()).unwrap_or_default(),
            sections,
            pages: checked_pages,
            codes,
            django,
            questions,
        })
    }

    fn parse_one<T: serde::de::DeserializeOwned>(&mut self, rel: &str) -> Option<Parsed<T>> {
        let Some((_, text)) = self.files.files.iter().find(|(name, _)| name == rel) else {
            self.problems
                .push(Problem::in_file(&self.files.display_name(rel), "this file is missing; every course needs it"));
            return None;
        };
        self.parse_text(rel, text)
    }

    fn parse_all<T: serde::de::DeserializeOwned>(&mut self, prefix: &str) -> Vec<Parsed<T>> {
        let files = self.files;
        files
            .files
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .filter_map(|(name, text)| self.parse_text(name, text))
            .collect()
    }

    fn parse_text<T: serde::de::DeserializeOwned>(&mut self, rel: &str, text: &str) -> Option<Parsed<T>> {
        let name = self.files.display_name(rel);
        let value = parse_file(&SourceFile { name: &name, text }, &mut self.problems)?;
        Some(Parsed { name, text: text.to_string(), value })
    }

    fn format_version(&mut self, course: &Parsed<raw::CourseFile>) {
        let version = &course.value.format_version;
        if *version.get_ref() != FORMAT_VERSION {
            let message = format!(
                "format_version {} is not supported; this release of status-tutor reads format_version {FORMAT_VERSION}",
                version.get_ref()
            );
            self.problems.push(course.source().error(version.span(), message));
        }
    }

    /// Page files in the order course.toml lists them; reports unknown, repeated and unlisted pages.
    fn page_order(&mut self, course: &Parsed<raw::CourseFile>, pages: &[Parsed<raw::PageFile>]) -> Vec<usize> {
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            let id = page.value.id.get_ref().as_str();
            if let Some(&first) = by_id.get(id) {
                let message = format!("page id `{id}` is also used by {}", pages[first].name);
                self.problems.push(page.source().error(page.value.id.span(), message));
            } else {
                by_id.insert(id, i);
            }
        }
        let mut order = Vec::new();
        let mut listed: HashMap<&str, Range<usize>> = HashMap::new();
        if course.value.sections.is_empty() {
            let message = "the course has no sections; add [[sections]] with the pages to read";
            self.problems.push(course.source().error(course.value.title.span(), message));
        }
        for section in &course.value.sections {
            if section.pages.is_empty() {
                self.problems.push(course.source().error(section.title.span(), "this section lists no pages"));
            }
            for reference in &section.pages {
                let id = reference.get_ref().as_str();
                if listed.contains_key(id) {
                    let message = format!("page `{id}` is listed twice; a page belongs to one place in the course");
                    self.problems.push(course.source().error(reference.span(), message));
                    continue;
                }
                listed.insert(id, reference.span());
                match by_id.get(id) {
                    Some(&i) => order.push(i),
                    None if self.unparsed_pages.contains(id) => {}
                    None => {
                        let message = format!("no page has id `{id}`{}", suggestion(id, by_id.keys().copied()));
                        self.problems.push(course.source().error(reference.span(), message));
                    }
                }
            }
        }
        for page in pages {
            let id = page.value.id.get_ref();
            if !listed.contains_key(id.as_str()) {
                let message = format!("page `{id}` is not listed in any section of course.toml");
                self.problems.push(page.source().error(page.value.id.span(), message));
            }
        }
        order
    }

    fn known_codes(&mut self, codes: &Parsed<raw::CodesFile>) -> HashMap<u16, String> {
        let mut known = HashMap::new();
        for entry in &codes.value.code {
            if let Some(code) = self.status(&codes.source(), &entry.get_ref().code)
                && known.insert(code, entry.get_ref().reason.get_ref().clone()).is_some()
            {
                let message = format!("status {code} is described twice in codes.toml");
                self.problems.push(codes.source().error(entry.get_ref().code.span(), message));
            }
        }
        known
    }

    fn codes(&mut self, file: &Parsed<raw::CodesFile>, index: &Index) -> Vec<StatusCode> {
        let source = file.source();
        let mut codes: Vec<StatusCode> = file
            .value
            .code
            .iter()
            .filter_map(|entry| {
                let entry = entry.get_ref();
                // known_codes already reported a code outside 100-599
                let code = u16::try_from(*entry.code.get_ref()).ok().filter(|c| (100..=599).contains(c))?;
                Some(StatusCode {
                    code,
                    reason: self.text(&source, &entry.reason, "reason"),
                    meaning: self.text(&source, &entry.meaning, "meaning"),
                    rfc: self.text(&source, &entry.rfc, "rfc"),
                    http_status: self.text(&source, &entry.http_status, "http_status"),
                    django: entry.django.as_ref().map(|d| self.text(&source, d, "django")),
                    page: entry.page.as_ref().and_then(|p| self.page_ref(&source, p, index)),
                })
            })
            .collect();
        codes.sort_by_key(|c| c.code);
        codes
    }

    fn django_names(&mut self, file: &Parsed<raw::CodesFile>, index: &Index) -> Vec<DjangoName> {
        let source = file.source();
        let mut seen = HashSet::new();
        let mut names = Vec::new();
        for entry in &file.value.django {
            let entry = entry.get_ref();
            let name = self.id_like(&source, &entry.name, "name");
            if !seen.insert(name.clone()) {
                self.problems.push(source.error(entry.name.span(), format!("`{name}` is described twice")));
            }
            let status = entry.status.as_ref().and_then(|s| self.known_status(&source, s, index));
            names.push(DjangoName {
                kind: match entry.kind.get_ref() {
                    raw::DjangoKindEntry::Class => "class",
                    raw::DjangoKindEntry::Shortcut => "shortcut",
                    raw::DjangoKindEntry::Decorator => "decorator",
                    raw::DjangoKindEntry::Exception => "exception",
                    raw::DjangoKindEntry::Mixin => "mixin",
                    raw::DjangoKindEntry::Function => "function",
                },
                module: self.text(&source, &entry.module, "module"),
                status,
                summary: self.text(&source, &entry.summary, "summary"),
                page: entry.page.as_ref().and_then(|p| self.page_ref(&source, p, index)),
                name,
            });
        }
        names
    }

    fn page(&mut self, file: &Parsed<raw::PageFile>, section: usize, index: &Index) -> Page {
        let source = file.source();
        let page = &file.value;
        if page.blocks.is_empty() {
            self.problems.push(source.error(page.id.span(), "this page has no blocks"));
        }
        Page {
            id: self.id(&source, &page.id),
            title: self.text(&source, &page.title, "title"),
            summary: self.text(&source, &page.summary, "summary"),
            codes: page.codes.iter().filter_map(|c| self.known_status(&source, c, index)).collect(),
            blocks: page.blocks.iter().filter_map(|b| self.block(&source, b, index)).collect(),
            section,
        }
    }

    fn block(&mut self, source: &SourceFile<'_>, entry: &Spanned<raw::BlockEntry>, index: &Index) -> Option<Block> {
        use raw::BlockKind as K;
        let b = entry.get_ref();
        let kind = *b.kind.get_ref();
        let (kind_name, allowed): (&str, &[&str]) = match kind {
            K::Paragraph => ("paragraph", &["text"]),
            K::List => ("list", &["heading", "items"]),
            K::Code => ("code", &["language", "source", "caption", "response", "verify"]),
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
                self.verify(source, b, response.as_ref());
                Block::Code(CodeSample {
                    language: b.language.as_ref().map_or("python".to_string(), |l| self.text(source, l, "language")),
                    source: self.text(source, code, "code").trim_matches('\n').to_string(),
                    caption: b.caption.as_ref().map(|c| self.text(source, c, "caption")),
                    response,
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

    fn response(
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

    /// The shape of `[blocks.verify]`; tests/django runs it. A claimed status without it is a warning.
    fn verify(&mut self, source: &SourceFile<'_>, block: &raw::BlockEntry, response: Option<&ExampleResponse>) {
        let Some(verify) = &block.verify else {
            if let Some(response) = response {
                let message = format!(
                    "this sample claims status {} but has no [blocks.verify]; tests/django cannot prove it",
                    response.status
                );
                self.problems.push(source.warning(block.kind.span(), message));
            }
            return;
        };
        let v = verify.get_ref();
        match (&v.fragment, v.requests.is_empty()) {
            (Some(fragment), false) => {
                self.problems.push(source.error(fragment.span(), "a fragment has no requests; remove one or the other"))
            }
            (None, true) => self
                .problems
                .push(source.error(verify.span(), "verify needs `fragment = \"why\"` or [[blocks.verify.requests]]")),
            _ => {}
        }
        for model in &v.models {
            if !["Article", "Product"].contains(&model.get_ref().as_str()) {
                let message = format!("unknown test model `{}` (known: Article, Product)", model.get_ref());
                self.problems.push(source.error(model.span(), message));
            }
        }
        for status in v.handlers.iter().flat_map(|h| h.keys()) {
            if !["400", "403", "404", "500"].contains(&status.as_str()) {
                let message = format!("handlers are for \"400\", \"403\", \"404\" and \"500\", not \"{status}\"");
                self.problems.push(source.error(verify.span(), message));
            }
        }
        for url in &v.urls {
            self.text(source, &url.path, "url path");
            self.text(source, &url.view, "view name");
        }
        for request in &v.requests {
            self.status(source, &request.status);
            let choices: [(&Option<Spanned<String>>, &[&str]); 3] = [
                (&request.method, &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
                (&request.user, &["anonymous", "user", "staff"]),
                (&request.csrf, &["token"]),
            ];
            for (value, allowed) in choices {
                if let Some(value) = value
                    && !allowed.contains(&value.get_ref().as_str())
                {
                    let message = format!("`{}` is not one of: {}", value.get_ref(), allowed.join(", "));
                    self.problems.push(source.error(value.span(), message));
                }
            }
            for header in &request.absent_headers {
                self.text(source, header, "header name");
            }
            if request.form.is_some() && request.json.is_some() {
                self.problems.push(source.error(request.path.span(), "a request sends `form` or `json`, not both"));
            }
            for row in &request.setup {
                if !["article", "product"].contains(&row.get_ref().as_str()) {
                    self.problems.push(
                        source
                            .error(row.span(), format!("unknown setup `{}` (known: article, product)", row.get_ref())),
                    );
                }
            }
        }
    }

    fn card(
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

    fn questions(&mut self, files: &[Parsed<raw::QuizFile>], index: &Index) -> Vec<Question> {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut questions = Vec::new();
        for file in files {
            let source = file.source();
            for entry in &file.value.question {
                let q = entry.get_ref();
                let id = self.id(&source, &q.id);
                if let Some(other) = seen.insert(id.clone(), file.name.clone()) {
                    self.problems
                        .push(source.error(q.id.span(), format!("question id `{id}` is also used in {other}")));
                }
                if let Some(question) = self.question(&source, q, id, index) {
                    questions.push(question);
                }
            }
        }
        questions
    }

    fn question(
        &mut self,
        source: &SourceFile<'_>,
        q: &raw::QuestionEntry,
        id: String,
        index: &Index,
    ) -> Option<Question> {
        use raw::QuestionKindEntry as K;
        let before = self.problems.len();
        let kind = *q.kind.get_ref();
        let with_choices = matches!(kind, K::Single | K::Multiple);
        match (with_choices, &q.choices, &q.answer) {
            (true, None, _) => self.problems.push(source.error(q.kind.span(), "this question needs `choices`")),
            (true, _, Some(answer)) => self
                .problems
                .push(source.error(answer.span(), "mark the correct choice with `correct = true` instead of `answer`")),
            (false, Some(choices), _) => {
                self.problems.push(source.error(
                    choices.span(),
                    "`choices` belongs to single and multiple questions; this one takes `answer`",
                ))
            }
            (false, _, None) => self.problems.push(source.error(q.kind.span(), "this question needs `answer`")),
            _ => {}
        }
        let kind = match (kind, &q.choices, &q.answer) {
            (K::Single | K::Multiple, Some(choices), _) => {
                let list = self.choices(source, choices, kind == K::Single);
                if kind == K::Single {
                    QuestionKind::Single { choices: list }
                } else {
                    QuestionKind::Multiple { choices: list }
                }
            }
            (K::TrueFalse, _, Some(answer)) => match answer.get_ref() {
                toml::Value::Boolean(b) => QuestionKind::TrueFalse { answer: *b },
                other => {
                    let message = format!("a true_false answer is `true` or `false`, not {}", other.type_str());
                    self.problems.push(source.error(answer.span(), message));
                    return None;
                }
            },
            (K::TypeCode, _, Some(answer)) => {
                let code = answer.get_ref().as_integer().unwrap_or(-1);
                let spanned = Spanned::new(answer.span(), code);
                QuestionKind::TypeCode { answer: self.known_status(source, &spanned, index)? }
            }
            _ => return None,
        };
        if q.tags.is_empty() {
            self.problems.push(
                source.error(q.id.span(), "give the question at least one tag (a class such as `4xx`, or a topic)"),
            );
        }
        let question = Question {
            id,
            kind,
            prompt: self.text(source, &q.prompt, "prompt"),
            explanation: self.text(source, &q.explanation, "explanation"),
            page: self.page_ref(source, &q.page, index).unwrap_or(0),
            tags: q.tags.iter().map(|t| self.id_like(source, t, "tag")).collect(),
        };
        (self.problems.len() == before).then_some(question)
    }

    fn choices(
        &mut self,
        source: &SourceFile<'_>,
        choices: &Spanned<Vec<Spanned<raw::ChoiceEntry>>>,
        single: bool,
    ) -> Vec<Choice> {
        let list: Vec<Choice> = choices
            .get_ref()
            .iter()
            .map(|c| Choice { text: self.text(source, &c.get_ref().text, "choice"), correct: c.get_ref().correct })
            .collect();
        if list.len() < 2 {
            self.problems.push(source.error(choices.span(), "a question needs at least 2 choices"));
        }
        let correct = list.iter().filter(|c| c.correct).count();
        if correct == 0 {
            self.problems.push(
                source
                    .error(choices.span(), "no choice is marked `correct = true`: the answer is not among the choices"),
            );
        } else if single && correct > 1 {
            let message = format!(
                "a single-choice question has exactly one correct choice; {correct} are marked (use kind = \"multiple\")"
            );
            self.problems.push(source.error(choices.span(), message));
        }
        let mut seen = HashSet::new();
        for (choice, entry) in list.iter().zip(choices.get_ref()) {
            if !seen.insert(choice.text.to_lowercase()) {
                let message = format!("choice `{}` appears twice", choice.text);
                self.problems.push(source.error(entry.get_ref().text.span(), message));
            }
        }
        list
    }

    /// A status code in 100..=599.
    fn status(&mut self, source: &SourceFile<'_>, value: &Spanned<i64>) -> Option<u16> {
        match u16::try_from(*value.get_ref()) {
            Ok(code) if (100..=599).contains(&code) => Some(code),
            _ => {
                let message = format!("{} is not an HTTP status code (they run from 100 to 599)", value.get_ref());
                self.problems.push(source.error(value.span(), message));
                None
            }
        }
    }

    /// A status code that codes.toml describes.
    fn known_status(&mut self, source: &SourceFile<'_>, value: &Spanned<i64>, index: &Index) -> Option<u16> {
        let code = self.status(source, value)?;
        if index.codes.contains_key(&code) {
            Some(code)
        } else {
            self.problems.push(source.error(value.span(), format!("status {code} is not described in codes.toml")));
            None
        }
    }

    fn page_ref(&mut self, source: &SourceFile<'_>, id: &Spanned<String>, index: &Index) -> Option<usize> {
        let found = index.pages.get(id.get_ref()).copied();
        if found.is_none() && !self.unparsed_pages.contains(id.get_ref()) {
            let message = format!(
                "no page has id `{}`{}",
                id.get_ref(),
                suggestion(id.get_ref(), index.pages.keys().map(String::as_str))
            );
            self.problems.push(source.error(id.span(), message));
        }
        found
    }

    /// A required text: trimmed, and not empty.
    fn text(&mut self, source: &SourceFile<'_>, value: &Spanned<String>, what: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.problems.push(source.error(value.span(), format!("the {what} is empty")));
        }
        text.to_string()
    }

    /// An id: lowercase letters, digits and `-`.
    fn id(&mut self, source: &SourceFile<'_>, value: &Spanned<String>) -> String {
        let id = self.text(source, value, "id");
        if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            let message = format!("id `{id}` may only use lowercase letters, digits and `-`");
            self.problems.push(source.error(value.span(), message));
        }
        id
    }

    /// A name or tag: one word, no spaces.
    fn id_like(&mut self, source: &SourceFile<'_>, value: &Spanned<String>, what: &str) -> String {
        let text = self.text(source, value, what);
        if text.contains(char::is_whitespace) {
            self.problems.push(source.error(value.span(), format!("a {what} is one word, without spaces")));
        }
        text
    }
}

/// ", did you mean `x`?" when a known name is close to `wanted`.
fn suggestion<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|k| (strsim::levenshtein(wanted, k), k))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}
