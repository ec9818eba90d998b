//! The first `x` where nobody chose a practice folder: like `rustlings init`, nothing is
//! written in the launch folder unasked. The status line asks, saying where.
use super::{App, Update};
use crate::keys::Action;
use crate::practice::service;
use crate::sanitize::printable;
use std::path::PathBuf;

/// The folder practice would create where nobody chose one, asked about first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceQuestion {
    /// `./status-tutor-practice`, made absolute: the question says where.
    pub folder: PathBuf,
    /// The exercise asked for, opened once the learner agrees.
    pub at: Option<usize>,
}

impl WorkspaceQuestion {
    /// The question as the status line asks it.
    pub fn text(&self) -> String {
        format!("Create {} for practice? y yes, n no", printable(&self.folder.display().to_string()))
    }
}

impl App {
    /// Asks before creating `./status-tutor-practice` when neither `--workspace` nor
    /// progress names a folder; returns whether it asked (practice then waits).
    pub(super) fn ask_for_workspace(&mut self, at: Option<usize>) -> bool {
        let remembered = self.progress.practice.workspace.as_deref();
        if !service::is_default(self.practice_options.workspace.as_deref(), remembered) {
            return false;
        }
        let folder = service::workspace_for(None, None).root().to_path_buf();
        let question = WorkspaceQuestion { folder, at };
        self.message = Some(question.text());
        self.workspace_question = Some(question);
        true
    }

    /// The answer to "Create the practice folder?": yes creates it and opens practice, no
    /// says how to choose another; any other key asks again.
    pub(super) fn answer_workspace_question(&mut self, action: Action) -> Update {
        let Some(question) = self.workspace_question.take() else { return Update::NotChanged };
        match action {
            Action::Confirm => {
                self.practice_options.workspace = Some(question.folder);
                self.open_practice(question.at);
            }
            Action::Decline => {
                self.message = Some(
                    "No practice folder created: `status-tutor practice --workspace DIR` practises in another one"
                        .to_string(),
                );
            }
            _ => {
                self.message = Some(question.text());
                self.workspace_question = Some(question);
            }
        }
        Update::Changed
    }
}
