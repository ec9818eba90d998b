//! What the view shows, summed up cheaply: compared before and after an action so that
//! an action that changed nothing is not redrawn.
use super::{App, Focus, Overlay, Screen};

/// What the view shows, compared before and after an action to skip needless redraws.
#[derive(PartialEq)]
pub(super) struct Snapshot {
    screen: Screen,
    place: (usize, usize, usize),
    focus: Focus,
    sidebar_choice: Option<bool>,
    overlay: (u8, String, usize),
    digits: String,
    progress_edits: u64,
    message: Option<String>,
    quiz: Option<(crate::quiz::Phase, bool, bool, usize)>,
    practice: Option<(crate::practice::session::PracticeSession, usize, usize, Option<String>)>,
    verified_expanded: bool,
    stats: Option<usize>,
}

impl App {
    /// A cheap summary of everything the view shows, to tell whether an action changed it.
    pub(super) fn fingerprint(&self) -> Snapshot {
        let (overlay, query, overlay_pos) = match &self.overlay {
            Overlay::None => (0, String::new(), 0),
            Overlay::Help { scroll } => (1, String::new(), *scroll),
            Overlay::Search(s) => (2, s.query.clone(), s.selected),
        };
        Snapshot {
            screen: self.screen,
            place: (self.page, self.scroll, self.cursor),
            focus: self.focus,
            sidebar_choice: self.sidebar_choice,
            overlay: (overlay, query, overlay_pos),
            digits: self.digits.clone(),
            progress_edits: self.progress.edits(),
            message: self.message.clone(),
            quiz: self.quiz.as_ref().map(|q| (q.session.phase().clone(), q.confirm_leave, q.resuming, q.scroll)),
            practice: self.practice.as_ref().map(|p| (p.session.clone(), p.scroll, p.spinner, p.learner_code.clone())),
            verified_expanded: self.verified_expanded,
            stats: self.stats_view.map(|view| view.scroll),
        }
    }
}
