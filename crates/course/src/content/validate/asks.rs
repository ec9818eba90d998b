//! `asks`: whether an exercise's task names the statuses (`write`, the default) or leaves
//! them to the learner (`choose`, `diagnose`). A check that accepts several statuses is a
//! choice, so its exercise must say so: the practice screen then hides the statuses.
use super::{Checker, Parsed};
use crate::content::model::{Asks, Exchange, Exercise, ExerciseKind, Page};
use crate::content::problem::SourceFile;
use crate::content::raw;

impl Checker<'_> {
    /// The exercise's `asks`, checked against its kind and its checks.
    pub(super) fn exercise_asks(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
        kind: &ExerciseKind,
        checks: &[Exchange],
        raw_checks: usize,
    ) -> Asks {
        let asks = raw.asks.as_ref().map_or(Asks::Write, |a| *a.get_ref());
        let span = raw.asks.as_ref().map_or(raw.id.span(), |a| a.span());
        let several = checks.iter().any(|c| c.expect.statuses().len() > 1);
        let explained = checks.iter().any(|c| c.expect.accepted.iter().any(|a| !a.why.trim().is_empty()));
        match asks {
            _ if asks.hides_status() && *kind != ExerciseKind::View => {
                let message = "only a view exercise asks the learner to choose or diagnose: a test-writing one has no checks to hide";
                self.problems.push(source.error(span, message));
            }
            Asks::Write if several => {
                let message = "a check accepts several statuses, so the learner chooses: mark the exercise `asks = \"choose\"` \
                               so its title, task and checks list do not name them";
                self.problems.push(source.error(span, message));
            }
            // (a check that did not load has its own error: it may be the one that explains)
            Asks::Choose if !explained && checks.len() == raw_checks => {
                let message = "an exercise that asks to choose explains its answers: give at least one check \
                               `[checks.accepted.NNN]` with a `why` (the trade-off shown after a run)";
                self.problems.push(source.error(span, message));
            }
            _ => {}
        }
        asks
    }

    /// An exercise that leaves the status to the learner practises a page that does not
    /// name it: the practice screen says "Practises 409 Conflict", and `l` opens it.
    pub(super) fn choice_pages(&mut self, files: &[Parsed<raw::ExerciseFile>], exercises: &[Exercise], pages: &[Page]) {
        for exercise in exercises.iter().filter(|e| e.asks.hides_status()) {
            let (Some(page), Some(file)) =
                (pages.get(exercise.page), files.iter().find(|f| f.value.id.get_ref() == &exercise.id))
            else {
                continue;
            };
            let statuses: Vec<u16> = exercise.checks.iter().flat_map(|c| c.expect.statuses()).collect();
            let named: Vec<String> = page.codes.iter().filter(|c| statuses.contains(c)).map(u16::to_string).collect();
            if named.is_empty() {
                continue;
            }
            let message = format!(
                "this exercise asks to {}, but its page `{}` is about {}: the practice screen would name the answer; \
                 pick a page that teaches the decision (which-status, why-this-code)",
                if exercise.asks == Asks::Diagnose { "diagnose" } else { "choose" },
                page.id,
                named.join(", ")
            );
            self.problems.push(file.source().error(file.value.page.span(), message));
        }
    }
}
