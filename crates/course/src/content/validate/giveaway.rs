//! Hints that lead before they tell: an exercise's first hint and its starter's comments
//! must not name the answer, so the learner still has to decide. Only the last hint may
//! hand over the code.
use super::Checker;
use crate::content::problem::SourceFile;
use crate::content::raw;
use std::collections::HashMap;

/// Names that answer with one status on their own: Django's response classes and the
/// exceptions Django and DRF turn into that status.
const DEDICATED: &[(u16, &[&str])] = &[
    (301, &["HttpResponsePermanentRedirect"]),
    (302, &["HttpResponseRedirect"]),
    (304, &["HttpResponseNotModified"]),
    (400, &["HttpResponseBadRequest", "BadRequest", "ParseError"]),
    (401, &["NotAuthenticated", "AuthenticationFailed"]),
    (403, &["HttpResponseForbidden", "PermissionDenied"]),
    (404, &["HttpResponseNotFound", "Http404", "NotFound"]),
    (405, &["HttpResponseNotAllowed", "MethodNotAllowed"]),
    (406, &["NotAcceptable"]),
    (410, &["HttpResponseGone"]),
    (415, &["UnsupportedMediaType"]),
    (429, &["Throttled"]),
    (500, &["HttpResponseServerError"]),
];

/// Each code's `HTTPStatus` member name (codes.toml `http_status`), to spot `HTTPStatus.GONE`.
pub(super) fn http_status_names(codes: &raw::CodesFile) -> HashMap<u16, String> {
    codes
        .code
        .iter()
        .filter_map(|entry| {
            let entry = entry.get_ref();
            Some((u16::try_from(*entry.code.get_ref()).ok()?, entry.http_status.get_ref().clone()))
        })
        .collect()
}

impl Checker<'_> {
    /// Reports a first hint or a starter comment that names one of `statuses` (what the
    /// checks expect): the number, its constant or its dedicated class.
    pub(super) fn hint_giveaways(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
        statuses: &[u16],
        names: &HashMap<u16, String>,
    ) {
        if let Some(first) = raw.hints.get_ref().first() {
            let found = giveaways(first.get_ref(), statuses, names);
            if !found.is_empty() {
                let message = format!(
                    "the first hint gives the answer away ({}): point at the idea and the page to reread; \
                     only the last hint may name the code",
                    found.join(", ")
                );
                self.problems.push(source.error(first.span(), message));
            }
        }
        let span = raw.starter.span();
        let text = source.text.get(span.clone()).unwrap_or_default();
        for comment in comments(raw.starter.get_ref()) {
            let found = giveaways(comment, statuses, names);
            if found.is_empty() {
                continue;
            }
            // a literal string ('''), so the comment's text is in the file as written
            let at = text.find(comment).map_or(span.clone(), |i| span.start + i..span.start + i + comment.len());
            let message = format!(
                "this starter comment gives the answer away ({}): say what is wrong, not which code fixes it",
                found.join(", ")
            );
            self.problems.push(source.error(at, message));
        }
        for class in imported_unused(raw.starter.get_ref(), statuses) {
            let message =
                format!("the starter imports `{class}` and does not use it: that import tells the learner the answer");
            self.problems.push(source.error(span.clone(), message));
        }
    }
}

impl Checker<'_> {
    /// For an exercise that asks the learner to choose (or diagnose): the title, the task
    /// and every hint but the last must not name what the checks expect either.
    pub(super) fn choice_giveaways(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
        statuses: &[u16],
        names: &HashMap<u16, String>,
    ) {
        let hints = raw.hints.get_ref();
        let early = hints.iter().take(hints.len().saturating_sub(1)).skip(1);
        let texts =
            [(&raw.title, "the title"), (&raw.task, "the task")].into_iter().chain(early.map(|h| (h, "this hint")));
        for (text, what) in texts {
            let found = giveaways(text.get_ref(), statuses, names);
            let Some(first) = found.first() else { continue };
            let span = text.span();
            let written = source.text.get(span.clone()).unwrap_or_default();
            let needle = first.trim_matches('`').trim_end_matches("...");
            let at = written.find(needle).map_or(span.clone(), |i| span.start + i..span.start + i + needle.len());
            let message = format!(
                "{what} gives the answer away ({}): an exercise that asks to choose describes the situation; \
                 only the last hint may name the code",
                found.join(", ")
            );
            self.problems.push(source.error(at, message));
        }
    }
}

/// The dedicated classes of `statuses` that `code` imports and never uses: an import
/// left in the starter for the learner is the answer in plain sight.
fn imported_unused(code: &str, statuses: &[u16]) -> Vec<&'static str> {
    let names = |line: &str| -> Vec<String> {
        line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map(str::to_string).collect()
    };
    let mut found = Vec::new();
    for &(_, classes) in DEDICATED.iter().filter(|(code, _)| statuses.contains(code)) {
        for &class in classes.iter() {
            let lines: Vec<&str> = code.lines().filter(|line| names(line).iter().any(|w| w == class)).collect();
            let import =
                |line: &&str| line.trim_start().starts_with("from ") || line.trim_start().starts_with("import ");
            if !lines.is_empty() && lines.iter().all(import) && !found.contains(&class) {
                found.push(class);
            }
        }
    }
    found
}

/// The comments of Python `code`: the text from a `#` outside a string to the line's end.
fn comments(code: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for line in code.lines() {
        let mut quote: Option<char> = None;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '#') => {
                    found.push(&line[i..]);
                    break;
                }
                _ => {}
            }
        }
    }
    found
}

/// What in `text` names one of `statuses`: the number (not part of a longer one), a DRF
/// `HTTP_NNN_` constant, `HTTPStatus.NAME`, or a dedicated class (whole names only).
fn giveaways(text: &str, statuses: &[u16], names: &HashMap<u16, String>) -> Vec<String> {
    let words: Vec<&str> = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).collect();
    let mut found = Vec::new();
    for &status in statuses {
        let number = status.to_string();
        let mut push = |what: String| {
            if !found.contains(&what) {
                found.push(what);
            }
        };
        if words.iter().any(|w| w.contains(&format!("HTTP_{number}_"))) {
            push(format!("`HTTP_{number}_...`"));
        }
        if let Some(name) = names.get(&status)
            && words.iter().any(|w| w.split('.').collect::<Vec<_>>().windows(2).any(|p| p == ["HTTPStatus", name]))
        {
            push(format!("`HTTPStatus.{name}`"));
        }
        for &(_, classes) in DEDICATED.iter().filter(|(code, _)| *code == status) {
            for class in classes.iter().filter(|class| words.iter().any(|w| w.split('.').any(|part| part == **class))) {
                push(format!("`{class}`"));
            }
        }
        let digits = text.as_bytes();
        let bare = text.match_indices(&number).any(|(i, _)| {
            let before = i.checked_sub(1).map(|b| digits[b]);
            let after = digits.get(i + number.len()).copied();
            !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|a| a.is_ascii_digit())
        });
        if bare {
            push(number);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> HashMap<u16, String> {
        HashMap::from([(404, "NOT_FOUND".to_string()), (410, "GONE".to_string()), (200, "OK".to_string())])
    }

    #[test]
    fn a_hint_naming_the_number_constant_or_class_gives_it_away() {
        let statuses = [410, 404, 200];
        for (text, expected) in [
            ("404 says \"not here\"; 410 says \"gone\".", vec!["410", "404"]),
            ("`django.http` has `HttpResponseGone`.", vec!["`HttpResponseGone`"]),
            ("`status=HTTPStatus.GONE`", vec!["`HTTPStatus.GONE`"]),
            ("`status.HTTP_410_GONE` is the one", vec!["`HTTP_410_...`", "410"]),
            ("`raise Http404`", vec!["`Http404`", "404"]),
            ("return `HTTPStatus.OK`", vec!["`HTTPStatus.OK`"]),
        ] {
            assert_eq!(giveaways(text, &statuses, &names()), expected, "{text}");
        }
    }

    #[test]
    fn a_hint_that_leads_without_telling_passes() {
        let statuses = [410, 404, 200];
        for text in [
            "Missing for now and removed for good are two different answers: reread the page.",
            "Port 4100 and id 14104 are other numbers; `Gone` in prose is not a constant.",
            "`HttpResponse` is the base class; `OK` alone is a word.",
        ] {
            assert_eq!(giveaways(text, &statuses, &names()), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn an_answer_imported_and_left_unused_is_found() {
        let starter = "from django.http import Http404, HttpResponse, HttpResponseGone\n\ndef promo(request, slug):\n    raise Http404()\n";
        assert_eq!(imported_unused(starter, &[410, 404]), vec!["HttpResponseGone"]);
        assert_eq!(imported_unused(starter, &[404]), Vec::<&str>::new(), "Http404 is used");
        let used =
            "from django.http import HttpResponseGone\n\ndef promo(request, slug):\n    return HttpResponseGone()\n";
        assert_eq!(imported_unused(used, &[410]), Vec::<&str>::new());
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        let code = "x = \"# not a comment\"  # a comment\n    # TODO: fix it\ny = '#'\n";
        assert_eq!(comments(code), vec!["# a comment", "# TODO: fix it"]);
    }
}
