//! `asks`: whether an exercise's task names the statuses (`write`, the default) or leaves
//! them to the learner (`choose`, `diagnose`). A check that accepts several statuses is a
//! choice, so its exercise must say so: the practice screen then hides the statuses.
use super::Checker;
use crate::content::model::{Asks, Exchange, ExerciseKind};
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
}
