//! Quiz files: questions, their kinds and choices.
mod cue;
mod guess;
mod levels;

use super::{Checker, Index, Parsed};
use crate::content::model::*;
use crate::content::problem::SourceFile;
use crate::content::raw;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

impl Checker<'_> {
    pub(super) fn questions(
        &mut self,
        files: &[Parsed<raw::QuizFile>],
        index: &Index,
        pages: &[Page],
        codes: &[StatusCode],
    ) -> Vec<Question> {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut questions = Vec::new();
        let mut entries = Vec::new(); // the file and entry of each question, for warnings
        for file in files {
            let source = file.source();
            for entry in &file.value.question {
                let q = entry.get_ref();
                let id = self.id(&source, &q.id);
                if let Some(other) = seen.insert(id.clone(), file.name.clone()) {
                    self.problems
                        .push(source.error(q.id.span(), format!("question id `{id}` is also used in {other}")));
                }
                if let Some(mut question) = self.question(&source, q, id, index) {
                    question.anchor = q.anchor.as_ref().and_then(|a| self.anchor(&source, a, pages.get(question.page)));
                    self.guessable(&source, q, &question);
                    self.cued(&source, q, &question, codes);
                    questions.push(question);
                    entries.push((file, q));
                }
            }
        }
        for (at, why) in guess::unbalanced(&questions) {
            let (file, entry) = entries[at];
            let span = entry.choices.as_ref().map_or_else(|| entry.id.span(), |c| c.span());
            self.problems.push(file.source().warning(span, format!("question `{}`: {why}", questions[at].id)));
        }
        questions
    }

    pub(super) fn question(
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
        // None also when the page is one that did not parse (its own error says why): then
        // the question is dropped, so its anchor is not checked against another page.
        let page = self.page_ref(source, &q.page, index);
        let question = Question {
            id,
            kind,
            prompt: self.text(source, &q.prompt, "prompt"),
            explanation: self.text(source, &q.explanation, "explanation"),
            page: page.unwrap_or(0),
            tags: q.tags.iter().map(|t| self.id_like(source, t, "tag")).collect(),
            anchor: None,
            level: q.level.as_ref().map(|l| match l.get_ref() {
                raw::LevelEntry::Recall => Level::Recall,
                raw::LevelEntry::Apply => Level::Apply,
                raw::LevelEntry::Analyse => Level::Analyse,
            }),
        };
        (self.problems.len() == before && page.is_some()).then_some(question)
    }

    pub(super) fn choices(
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
}

impl Checker<'_> {
    /// A question's anchor: a block index of its page, one of the page's headings, or a
    /// block's `id`.
    fn anchor(
        &mut self,
        source: &SourceFile<'_>,
        anchor: &Spanned<toml::Value>,
        page: Option<&Page>,
    ) -> Option<Anchor> {
        let page = page?; // an unknown page was reported already
        match anchor.get_ref() {
            toml::Value::Integer(at) => match usize::try_from(*at).ok().filter(|at| *at < page.blocks.len()) {
                Some(at) => {
                    // An index shifts when a block is added above it, and the question then
                    // sends the learner to the wrong passage without any error.
                    let message = format!(
                        "anchor {at} is a block index, which moves when a block is added above it; give block {at} \
                         of page `{}` an `id` and name that (or its heading) here",
                        page.id
                    );
                    self.problems.push(source.warning(anchor.span(), message));
                    Some(Anchor::Block(at))
                }
                None => {
                    let message = format!(
                        "page `{}` has blocks 0 to {}; there is no block {at}",
                        page.id,
                        page.blocks.len().saturating_sub(1)
                    );
                    self.problems.push(source.error(anchor.span(), message));
                    None
                }
            },
            toml::Value::String(heading) => {
                if crate::content::headings(page).any(|(_, h)| h.trim() == heading.trim()) {
                    return Some(Anchor::Heading(heading.trim().to_owned()));
                }
                let ids = self.block_ids.get(&page.id);
                if let Some(&at) = ids.and_then(|ids| ids.get(heading.trim())) {
                    return Some(Anchor::Block(at));
                }
                let mut known: Vec<String> = crate::content::headings(page).map(|(_, h)| format!("`{h}`")).collect();
                let mut block_ids: Vec<String> = ids.into_iter().flatten().map(|(id, _)| format!("`{id}`")).collect();
                block_ids.sort();
                known.extend(block_ids);
                let message = if known.is_empty() {
                    format!("page `{}` has no headings or block ids; give the block an `id`", page.id)
                } else {
                    format!("page `{}` has no heading or block id `{heading}`; it has: {}", page.id, known.join(", "))
                };
                self.problems.push(source.error(anchor.span(), message));
                None
            }
            other => {
                let message = format!("an anchor is a block id, a heading or a block index, not {}", other.type_str());
                self.problems.push(source.error(anchor.span(), message));
                None
            }
        }
    }
}
