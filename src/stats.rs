//! Progress as a whole, for the progress screen (`%`) and `status-tutor stats [--json]`:
//! pages read per section, practice done and passing now, quiz rounds over time, the review forecast,
//! retention per week and the topics that need work. Pure: computed from the course,
//! the progress and a time; the screen and the command only present it.

use serde::Serialize;

use crate::content::Course;
use crate::progress::checks::standing;
use crate::progress::forecast;
use crate::progress::review::day_of;
use crate::progress::{Progress, Standing, rfc3339_from_unix};
use crate::quiz::{DAY, is_class_tag, percent};

/// Weeks of retention shown.
pub const RETENTION_WEEKS: usize = 8;

/// How many topics that need work are listed (each has a digit key on the screen).
pub const WEAK_TOPICS: usize = 5;

/// Everything the progress screen and `stats --json` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// "Now", RFC 3339 UTC (`STATUS_TUTOR_NOW` sets it).
    pub now: String,
    /// Pages read per section, in course order.
    pub sections: Vec<SectionRead>,
    /// Pages read out of all pages.
    pub pages_read: usize,
    pub pages: usize,
    /// Practice exercises whose checks all passed at least once, out of all.
    pub practice_done: usize,
    pub practice_total: usize,
    /// Exercises whose last check passed and whose file is as it was checked.
    pub practice_passing: usize,
    /// Exercises whose last check failed and whose file is as it was checked.
    pub practice_failing: usize,
    /// Exercises whose file was edited (or removed) since its last check.
    pub practice_changed: usize,
    /// Each exercise, in course order: done, and how its last check stands now.
    pub exercises: Vec<ExerciseNow>,
    /// The recorded quiz rounds (full rounds), oldest first.
    pub rounds: Vec<RoundPoint>,
    /// Spaced review now.
    pub review: ReviewNow,
    /// Questions due on each of the next 14 days, today first (today counts overdue ones).
    pub forecast: Vec<ForecastDay>,
    /// Share of answers right per week, the last 8 weeks, oldest first.
    pub retention: Vec<WeekRetention>,
    /// The topics with the most questions still being learned, most first.
    pub weak_topics: Vec<WeakTopic>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExerciseNow {
    pub id: String,
    pub title: String,
    /// Its checks all passed at least once.
    pub done: bool,
    /// `passing`, `failing`, `changed` (edited since its last check) or `unchecked`.
    pub standing: Standing,
    /// When it was last checked (RFC 3339), if ever.
    pub checked_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionRead {
    pub title: String,
    pub read: usize,
    pub pages: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundPoint {
    /// When the round finished (RFC 3339, as saved).
    pub date: String,
    pub correct: u32,
    pub total: u32,
    pub percent: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReviewNow {
    /// Questions in the bank.
    pub questions: usize,
    /// Questions never answered.
    pub new: usize,
    /// Answered, not learned yet (missed lately, or FSRS not yet sure for three weeks).
    pub learning: usize,
    /// Learned as FSRS sees it (stability of three weeks or more).
    pub learned: usize,
    /// Due now.
    pub due_now: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForecastDay {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub due: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekRetention {
    /// The week's first day, `YYYY-MM-DD` (the last week ends today).
    pub from: String,
    pub answered: u32,
    pub right: u32,
    /// `right / answered` in whole percent; `None` without answers.
    pub percent: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeakTopic {
    pub topic: String,
    pub learning: usize,
    pub new: usize,
    pub learned: usize,
    /// The command that quizzes it.
    pub command: String,
}

/// The hash of each exercise's file now, by id (see `practice::service::file_hashes`);
/// `None` when the files were not looked at (then a result is taken as it stands).
pub type FileHashes<'a> = Option<&'a std::collections::BTreeMap<String, String>>;

/// The stats of `progress` in `course` at `now` (Unix seconds), the exercise files as
/// `files` says.
#[must_use]
pub fn compute(course: &Course, progress: &Progress, now: i64, files: FileHashes) -> Stats {
    let read = |page: usize| course.pages.get(page).is_some_and(|p| progress.pages_read.contains(&p.id));
    let sections = course
        .sections
        .iter()
        .map(|s| SectionRead {
            title: s.title.clone(),
            read: s.pages.iter().filter(|&&p| read(p)).count(),
            pages: s.pages.len(),
        })
        .collect();
    let rounds = progress
        .quiz
        .history
        .iter()
        .map(|r| RoundPoint {
            date: r.date.clone(),
            correct: r.correct.min(r.total),
            total: r.total,
            percent: percent(r.correct as usize, r.total as usize),
        })
        .collect();
    let ids: Vec<&str> = course.questions.iter().map(|q| q.id.as_str()).collect();
    let cards = &progress.review.cards;
    let known: Vec<_> = ids.iter().filter_map(|id| cards.get(*id)).collect();
    let review = ReviewNow {
        questions: ids.len(),
        new: ids.len() - known.len(),
        learning: known.iter().filter(|m| !m.is_learned(now)).count(),
        learned: known.iter().filter(|m| m.is_learned(now)).count(),
        due_now: known.iter().filter(|m| m.is_due(now)).count(),
    };
    let forecast = forecast::forecast(&progress.review, &ids, now)
        .into_iter()
        .enumerate()
        .map(|(ahead, due)| ForecastDay { date: day_of(now + ahead as i64 * DAY), due })
        .collect();
    let exercises: Vec<ExerciseNow> = course
        .exercises
        .iter()
        .map(|e| {
            let last = progress.practice.checks.get(&e.id);
            let hash = files.and_then(|f| f.get(&e.id)).map(String::as_str);
            ExerciseNow {
                id: e.id.clone(),
                title: e.title.clone(),
                done: progress.practice.done.contains(&e.id),
                standing: standing(last, hash, files.is_some()),
                checked_at: last.map(|r| r.at.clone()),
            }
        })
        .collect();
    let count = |wanted: Standing| exercises.iter().filter(|e| e.standing == wanted).count();
    Stats {
        practice_passing: count(Standing::Passing),
        practice_failing: count(Standing::Failing),
        practice_changed: count(Standing::Changed),
        now: rfc3339_from_unix(u64::try_from(now).unwrap_or(0)),
        sections,
        pages_read: (0..course.pages.len()).filter(|&p| read(p)).count(),
        pages: course.pages.len(),
        practice_done: course.exercises.iter().filter(|e| progress.practice.done.contains(&e.id)).count(),
        practice_total: course.exercises.len(),
        exercises,
        rounds,
        review,
        forecast,
        retention: retention(progress, now),
        weak_topics: weak_topics(course, progress, now),
    }
}

fn retention(progress: &Progress, now: i64) -> Vec<WeekRetention> {
    (0..RETENTION_WEEKS as i64)
        .rev()
        .map(|back| {
            let first = now - (back * 7 + 6) * DAY;
            let (mut answered, mut right) = (0_u32, 0_u32);
            for day in 0..7 {
                if let Some(tally) = progress.review.days.get(&day_of(first + day * DAY)) {
                    answered = answered.saturating_add(tally.answered);
                    right = right.saturating_add(tally.right.min(tally.answered));
                }
            }
            let share = (answered > 0).then(|| percent(right as usize, answered as usize));
            WeekRetention { from: day_of(first), answered, right, percent: share }
        })
        .collect()
}

/// Topics (not classes) with questions still being learned, most first; ties by name.
fn weak_topics(course: &Course, progress: &Progress, now: i64) -> Vec<WeakTopic> {
    let mut by_topic: std::collections::BTreeMap<&str, WeakTopic> = std::collections::BTreeMap::new();
    for question in &course.questions {
        let tags: std::collections::BTreeSet<&str> = question.tags.iter().map(String::as_str).collect();
        for tag in tags.into_iter().filter(|t| !is_class_tag(t)) {
            let entry = by_topic.entry(tag).or_insert_with(|| WeakTopic {
                topic: tag.to_owned(),
                learning: 0,
                new: 0,
                learned: 0,
                command: format!("status-tutor quiz --topic {tag}"),
            });
            match progress.review.cards.get(&question.id) {
                None => entry.new += 1,
                Some(memory) if memory.is_learned(now) => entry.learned += 1,
                Some(_) => entry.learning += 1,
            }
        }
    }
    let mut weak: Vec<WeakTopic> = by_topic.into_values().filter(|t| t.learning > 0).collect();
    weak.sort_by(|a, b| b.learning.cmp(&a.learning).then_with(|| a.topic.cmp(&b.topic)));
    weak.truncate(WEAK_TOPICS);
    weak
}
