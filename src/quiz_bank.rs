//! The course's questions as the quiz engine takes them, and how a round is drawn from
//! them: shared by the full-screen quiz and plain mode, so neither reaches into the other.
use crate::content::Course;
use crate::quiz::Question;

/// Every question of `course`, each with its page's id.
pub fn quiz_bank(course: &Course) -> Vec<Question> {
    course
        .questions
        .iter()
        .map(|q| Question {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            explanation: q.explanation.clone(),
            page: course.pages.get(q.page).map(|p| p.id.clone()).unwrap_or_default(),
            tags: q.tags.clone(),
            kind: q.kind.clone(),
        })
        .collect()
}

/// How rounds are drawn: `count` questions (None = all), shuffled from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct QuizOptions {
    pub count: Option<usize>,
    pub seed: u64,
}
