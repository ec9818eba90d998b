//! What the learner has read and scored, and where it is kept.
//!
//! [`Progress`] is plain data (serde, saved as TOML). [`Store`] finds the file
//! (`$XDG_DATA_HOME/status-tutor/<course-id>.toml` on Linux, or an override), loads it,
//! sets a corrupt file aside instead of failing, and saves atomically: a temporary file in
//! the same directory is written, fsynced and renamed over the target, so a crash or a
//! `kill -9` leaves either the old file or the new one, never half of one. Every save
//! takes the file's lock and merges with what it holds ([`merge`]), so instances running
//! at once never lose each other's work; the application changes its progress only
//! through [`Tracked::edit`], so no change goes unsaved.
//!
//! Nothing here returns an error for a problem the learner cannot fix mid-lesson: each one
//! becomes a one-line warning and, where data could be lost, saving is turned off.
//! No terminal code, and no clock except [`unix_seconds`] (which `STATUS_TUTOR_NOW` can
//! set) for [`now_rfc3339`] and the timestamp in the name of a file set aside.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub mod checks;
mod clamp;
pub mod forecast;
mod limits;
mod lock;
pub mod merge;
pub mod review;
mod store;
mod tracked;
pub mod writer;

pub use checks::{CheckRecord, Standing};
pub use limits::MAX_PROGRESS_BYTES;
pub use store::{Store, course_file_name};
pub use tracked::Tracked;
pub use writer::Writer;

/// The version of the progress file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// How many quiz rounds [`QuizRecord::history`] keeps (the most recent ones).
pub const HISTORY_LIMIT: usize = 50;

/// The directory under the platform data directory that holds the progress files.
const APP_DIR: &str = "status-tutor";

/// Everything the tutorial remembers about one learner and one course.
///
/// Missing fields load as their defaults and unknown fields are ignored, so older and
/// hand-edited files still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// Whether the welcome screen has been seen.
    pub welcomed: bool,
    /// The page open when the learner last left, by page id.
    pub last_page: Option<String>,
    /// The scroll offset (in lines) on `last_page`.
    pub scroll: u16,
    /// The ids of the pages whose end the learner has seen (read to the bottom).
    pub pages_read: BTreeSet<String>,
    /// Quiz results.
    pub quiz: QuizRecord,
    /// Practice mode: the workspace and the exercises solved.
    pub practice: PracticeRecord,
    /// The last `--theme` given (`dark`, `light`, `high-contrast`), used when none is.
    pub theme: Option<String>,
    /// Whether the learner last showed (true) or hid (false) the contents sidebar; unset,
    /// it follows the terminal's width.
    pub sidebar: Option<bool>,
    /// The terminal (`$TERM $TERM_PROGRAM`) that answered neither the background question
    /// nor DA1 last time: it is not asked again for a week, so its launches do not wait
    /// 100 ms each (a slow link that answers late is asked again after that).
    pub silent_terminal: Option<String>,
    /// When `silent_terminal` was found silent (Unix seconds).
    pub silent_since: Option<i64>,
    /// Spaced review: what each answered question's memory is, answers per day, a paused
    /// round (see `progress/review.rs`).
    pub review: review::ReviewState,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            welcomed: false,
            last_page: None,
            scroll: 0,
            pages_read: BTreeSet::new(),
            quiz: QuizRecord::default(),
            practice: PracticeRecord::default(),
            theme: None,
            sidebar: None,
            silent_terminal: None,
            silent_since: None,
            review: review::ReviewState::default(),
        }
    }
}

impl Progress {
    /// Records a finished quiz round: it becomes the best one if its ratio of correct
    /// answers is higher than the best so far, or equal (the most recent wins a tie), and
    /// it is appended to the history, which keeps the last [`HISTORY_LIMIT`] rounds.
    pub fn record_round(&mut self, round: RoundRecord) {
        let is_best = self.quiz.best.as_ref().is_none_or(|best| !best.scores_higher_than(&round));
        if is_best {
            self.quiz.best = Some(round.clone());
        }
        self.quiz.history.push(round);
        let excess = self.quiz.history.len().saturating_sub(HISTORY_LIMIT);
        self.quiz.history.drain(..excess);
    }

    /// Marks a page as read. Returns whether this changed anything (so the caller saves
    /// only when it did).
    pub fn mark_read(&mut self, page_id: &str) -> bool {
        self.pages_read.insert(page_id.to_owned())
    }

    /// Remembers the open page and its scroll offset. Returns whether this changed anything.
    pub fn set_position(&mut self, page_id: &str, scroll: u16) -> bool {
        let changed = self.last_page.as_deref() != Some(page_id) || self.scroll != scroll;
        if changed {
            self.last_page = Some(page_id.to_owned());
            self.scroll = scroll;
        }
        changed
    }
}

/// The quiz results kept for a course.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuizRecord {
    /// The best round so far (see [`Progress::record_round`]).
    pub best: Option<RoundRecord>,
    /// The most recent rounds, oldest first, at most [`HISTORY_LIMIT`].
    pub history: Vec<RoundRecord>,
}

/// What practice mode remembers. A file written before practice existed loads with none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PracticeRecord {
    /// The workspace the exercise files live in, once one was created (only a path that
    /// is valid UTF-8 is remembered, so saving never fails on it).
    pub workspace: Option<String>,
    /// The ids of the exercises whose checks all passed at least once.
    pub done: BTreeSet<String>,
    /// Each exercise's last check, by exercise id (a file from before it loads with none).
    pub checks: BTreeMap<String, CheckRecord>,
}

/// One finished quiz round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundRecord {
    /// When the round finished, RFC 3339 in UTC (given by the caller, see [`now_rfc3339`]).
    pub date: String,
    /// How many answers were right.
    pub correct: u32,
    /// How many questions were asked.
    pub total: u32,
    /// The ids of the questions answered wrongly.
    pub missed: Vec<String>,
}

impl RoundRecord {
    /// Whether this round's ratio `correct / total` is strictly higher than `other`'s.
    /// A round with no questions counts as 0. Compared without floating point.
    fn scores_higher_than(&self, other: &RoundRecord) -> bool {
        let (a_correct, a_total) = self.ratio_parts();
        let (b_correct, b_total) = other.ratio_parts();
        a_correct * b_total > b_correct * a_total
    }

    /// `(correct, total)` widened for cross-multiplication; `(0, 1)` for an empty round.
    fn ratio_parts(&self) -> (u64, u64) {
        if self.total == 0 { (0, 1) } else { (u64::from(self.correct.min(self.total)), u64::from(self.total)) }
    }
}

/// The current time as RFC 3339 in UTC to the second, e.g. `2025-06-01T14:03:09Z`.
/// For the caller to put into a [`RoundRecord`].
#[must_use]
pub fn now_rfc3339() -> String {
    rfc3339_from_unix(unix_seconds())
}

/// Formats seconds since the Unix epoch as RFC 3339 in UTC, e.g. `1970-01-01T00:00:00Z`.
#[must_use]
pub fn rfc3339_from_unix(seconds: u64) -> String {
    let days = seconds / 86_400;
    let in_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (in_day / 3600, in_day % 3600 / 60, in_day % 60);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

/// The Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The variable that sets "now" for every command (RFC 3339), for tests and demos.
pub const NOW_VARIABLE: &str = "STATUS_TUTOR_NOW";

/// Seconds since the Unix epoch (0 if the clock is before it): [`NOW_VARIABLE`] when it
/// holds an RFC 3339 time, else the system clock.
#[must_use]
pub fn unix_seconds() -> u64 {
    let fixed = std::env::var(NOW_VARIABLE).ok().and_then(|text| review::unix_from_rfc3339(text.trim()));
    match fixed {
        Some(seconds) => u64::try_from(seconds).unwrap_or(0),
        None => SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
    }
}

#[cfg(test)]
mod tests {
    use super::store::parse;
    use super::*;

    #[test]
    fn dates_format_as_rfc3339() {
        assert_eq!(rfc3339_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_from_unix(1_748_786_589), "2025-06-01T14:03:09Z");
        assert_eq!(rfc3339_from_unix(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn clean_ids_are_their_own_file_names() {
        assert_eq!(course_file_name("django-http-status"), "django-http-status.toml");
        assert_eq!(course_file_name("a_b-1"), "a_b-1.toml");
    }

    #[test]
    fn unsafe_ids_are_replaced_and_kept_apart() {
        let dotted = course_file_name("a.b");
        let slashed = course_file_name("../A/b");
        assert!(dotted.starts_with("a_b-") && dotted.ends_with(".toml"), "{dotted}");
        assert!(slashed.starts_with("_____b-"), "{slashed}");
        assert_ne!(dotted, course_file_name("a_b"));
        assert_ne!(dotted, course_file_name("a/b"));
        assert!(course_file_name("").ends_with(".toml"));
        assert!(course_file_name(&"x".repeat(300)).len() < 100);
    }

    #[test]
    fn toml_errors_are_one_line_with_a_line_number() {
        let reason = parse(b"version = 1\nscroll = \"up\"\n").err().unwrap_or_default();
        assert!(reason.starts_with("line 2: "), "{reason}");
        assert!(!reason.contains('\n'));
    }
}
