//! The last check of each practice exercise: passed or failed, when, and a hash of the
//! file that was checked, so "passing now" can tell a file edited since. Pure: the
//! caller reads the file and the clock; here they are compared, merged and bounded.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::review::unix_from_rfc3339;
use super::rfc3339_from_unix;

/// Most exercise results kept (a course has a few dozen exercises; the rest is damage).
pub const MAX_CHECKS: usize = 500;
/// Longest exercise id or hash kept from a file.
const MAX_CHARS: usize = 200;

/// One exercise's last check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckRecord {
    /// Whether every check passed.
    pub passed: bool,
    /// When it was checked, RFC 3339 in UTC.
    pub at: String,
    /// [`file_hash`] of the learner's file as checked (empty: it could not be read).
    pub file: String,
}

impl CheckRecord {
    /// When it was checked, in Unix seconds (0 for a date that does not parse).
    #[must_use]
    pub fn time(&self) -> i64 {
        unix_from_rfc3339(&self.at).unwrap_or(0)
    }
}

/// Where an exercise stands now, for the progress screen, `stats` and `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// No check recorded.
    Unchecked,
    /// The last check passed and the file is as it was checked.
    Passing,
    /// The last check failed and the file is as it was checked.
    Failing,
    /// The file was edited (or removed) since its last check.
    Changed,
}

impl Standing {
    /// The word used in plain text.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Standing::Unchecked => "not checked",
            Standing::Passing => "passing",
            Standing::Failing => "failing",
            Standing::Changed => "changed since last check",
        }
    }
}

/// How `last` stands against the file's hash now (`None`: the file is not there, or it
/// was not looked at: then the record is taken as it is).
#[must_use]
pub fn standing(last: Option<&CheckRecord>, now: Option<&str>, looked: bool) -> Standing {
    match last {
        None => Standing::Unchecked,
        Some(record) if looked && now != Some(record.file.as_str()) => Standing::Changed,
        Some(record) if record.passed => Standing::Passing,
        Some(_) => Standing::Failing,
    }
}

/// A short fingerprint of a file's bytes (64-bit FNV-1a, hex): it tells an edited file
/// from the one checked; nobody forges a learner's own exercise file.
#[must_use]
pub fn file_hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// Per exercise, the newest check wins whole; on the same time, ours if this process
/// recorded it since `base`.
#[must_use]
pub fn merge(
    base: &BTreeMap<String, CheckRecord>,
    ours: &BTreeMap<String, CheckRecord>,
    theirs: &BTreeMap<String, CheckRecord>,
) -> BTreeMap<String, CheckRecord> {
    let mut merged = theirs.clone();
    for (id, record) in ours {
        let take_ours = match theirs.get(id) {
            None => true,
            Some(other) if record.time() != other.time() => record.time() > other.time(),
            Some(other) => base.get(id) != Some(record) && record != other,
        };
        if take_ours {
            merged.insert(id.clone(), record.clone());
        }
    }
    merged
}

/// Results from a hand-edited or damaged file brought within what this build writes:
/// no date that does not parse, none after `now` (Unix seconds), no overlong id or hash,
/// at most [`MAX_CHECKS`] (the most recent).
pub fn clamp(checks: &mut BTreeMap<String, CheckRecord>, now: i64) {
    checks.retain(|id, record| {
        id.chars().count() <= MAX_CHARS
            && record.file.chars().count() <= MAX_CHARS
            && unix_from_rfc3339(&record.at).is_some()
    });
    for record in checks.values_mut() {
        let at = record.time().clamp(0, now.max(0));
        record.at = rfc3339_from_unix(u64::try_from(at).unwrap_or(0));
    }
    if checks.len() > MAX_CHECKS {
        oldest_out(checks, checks.len() - MAX_CHECKS);
    }
}

/// Removes the `count` oldest results.
pub fn oldest_out(checks: &mut BTreeMap<String, CheckRecord>, count: usize) {
    let mut by_time: Vec<(i64, String)> = checks.iter().map(|(id, r)| (r.time(), id.clone())).collect();
    by_time.sort();
    for (_, id) in by_time.into_iter().take(count) {
        checks.remove(&id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(passed: bool, at: &str, file: &str) -> CheckRecord {
        CheckRecord { passed, at: at.into(), file: file.into() }
    }

    #[test]
    fn an_edited_file_is_changed_whatever_the_last_result() {
        let passed = check(true, "2026-01-01T00:00:00Z", "aa");
        let failed = check(false, "2026-01-01T00:00:00Z", "aa");
        assert_eq!(standing(Some(&passed), Some("aa"), true), Standing::Passing);
        assert_eq!(standing(Some(&failed), Some("aa"), true), Standing::Failing);
        assert_eq!(standing(Some(&passed), Some("bb"), true), Standing::Changed);
        assert_eq!(standing(Some(&failed), None, true), Standing::Changed, "a removed file");
        assert_eq!(standing(Some(&failed), None, false), Standing::Failing, "not looked at");
        assert_eq!(standing(None, Some("aa"), true), Standing::Unchecked);
    }

    #[test]
    fn the_hash_tells_files_apart_and_is_stable() {
        assert_eq!(file_hash(b""), "cbf29ce484222325");
        assert_ne!(file_hash(b"return 200"), file_hash(b"return 201"));
        assert_eq!(file_hash(b"x").len(), 16);
    }

    #[test]
    fn the_newest_check_wins_per_exercise() {
        let base = BTreeMap::new();
        let mut ours = BTreeMap::new();
        let mut theirs = BTreeMap::new();
        ours.insert("a".to_owned(), check(true, "2026-01-02T00:00:00Z", "new"));
        theirs.insert("a".to_owned(), check(false, "2026-01-01T00:00:00Z", "old"));
        ours.insert("b".to_owned(), check(true, "2026-01-01T00:00:00Z", "x"));
        theirs.insert("b".to_owned(), check(false, "2026-01-03T00:00:00Z", "y"));
        theirs.insert("c".to_owned(), check(true, "2026-01-01T00:00:00Z", "z"));
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.get("a").map(|r| r.passed), Some(true));
        assert_eq!(merged.get("b").map(|r| r.passed), Some(false));
        assert!(merged.contains_key("c"));
        assert_eq!(merge(&base, &theirs, &ours), merged, "either side of the merge agrees");
    }

    #[test]
    fn damaged_results_are_bounded() {
        let now = 1_764_000_000;
        let mut checks = BTreeMap::new();
        checks.insert("future".to_owned(), check(true, "9999-12-31T23:59:59Z", "a"));
        checks.insert("nonsense".to_owned(), check(true, "yesterday", "a"));
        checks.insert("long".to_owned(), check(true, "2026-01-01T00:00:00Z", &"f".repeat(5000)));
        checks.insert("x".repeat(5000), check(true, "2026-01-01T00:00:00Z", "a"));
        for n in 0..MAX_CHECKS + 10 {
            checks.insert(format!("e{n:04}"), check(false, &rfc3339_from_unix(1_700_000_000 + n as u64), "a"));
        }
        clamp(&mut checks, now);
        assert_eq!(checks.len(), MAX_CHECKS);
        assert_eq!(checks.get("future").map(CheckRecord::time), Some(now));
        assert!(!checks.contains_key("nonsense") && !checks.contains_key("long"));
        assert!(!checks.contains_key("e0000"), "the oldest go first");
    }
}
